using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ElectionLint.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ElectionLint.Analyzers.Tests
{
    /// <summary>
    /// Mutation fuzzing of both analyzers in process: mutated C# samples (values at the edge of every conversion, swapped
    /// TimeSpan factories, repeated statements, edited lines) with a mutated config file and profile beside them. Fails on
    /// AD0001 or a compilation past its time bound. CI runs a small budget; tests/fuzz/run.sh a long one.
    /// </summary>
    public class FuzzTests
    {
        private static readonly string[] EdgeExpressions =
        {
            "0", "-1", "1e28", "1e-28", "1e308", "double.MaxValue", "double.NaN", "double.PositiveInfinity", "long.MaxValue", "long.MinValue",
            "int.MaxValue", "int.MinValue", "ulong.MaxValue / 43200", "(int)1e28", "9e13", "5e13", "7.9e22", "(int)7.9e22", "decimal.MaxValue",
            "TimeSpan.MaxValue", "TimeSpan.MinValue", "TimeSpan.Zero", "Timeout.InfiniteTimeSpan", "TimeSpan.FromDays(1e20)", "TimeSpan.FromSeconds(long.MaxValue)",
        };

        private static readonly string[] Factories = { "FromMilliseconds", "FromSeconds", "FromMinutes", "FromHours", "FromDays", "FromTicks" };

        private static readonly Regex Number = new Regex(@"(?<![\w.])\d+(\.\d+)?(?![\w.])", RegexOptions.CultureInvariant);

        private static readonly Regex Factory = new Regex(@"\bFrom(Milliseconds|Seconds|Minutes|Hours|Days|Ticks)\b", RegexOptions.CultureInvariant);

        [Fact]
        [Trait("Category", "Fuzz")]
        public async Task Mutated_csharp_and_config_files_never_make_an_analyzer_throw()
        {
            int budget = int.TryParse(Environment.GetEnvironmentVariable("ELECTIONLINT_FUZZ"), out int n) ? n : 40;
            int seed = int.TryParse(Environment.GetEnvironmentVariable("ELECTIONLINT_FUZZ_SEED"), out int s) ? s : 16;
            string repo = Repo();
            string[] csharp = Directory.GetFiles(Path.Combine(repo, "samples", "csharp"), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
            var configs = Mutator.Load(Directory.GetFiles(Path.Combine(repo, "samples", "config-repo"), "*", SearchOption.AllDirectories)
                .Where(Config.Linting.ConfigFileNames.IsConfigFile));
            var configMutator = new Mutator(configs.Select(c => c.Bytes).ToList(), seed);
            var random = new Random(seed);
            var failures = new List<string>();
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            SyntaxTree[] stubs = Verify.Stubs.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, f.Path)).ToArray();
            int judged = 0;
            for (int i = 0; i < budget && failures.Count < 5; i++)
            {
                string source = csharp[random.Next(csharp.Length)];
                int mutations = 1 + random.Next(4);
                for (int k = 0; k < mutations; k++)
                {
                    source = Mutate(source, random);
                }

                (int c, byte[] config) = configMutator.Next();
                var additional = new List<AdditionalText> { new InMemoryAdditionalText("/repo/" + configs[c].Name, Encoding.UTF8.GetString(config)) };
                if (random.Next(4) == 0)
                {
                    string value = Mutator.EdgeValues[random.Next(Mutator.EdgeValues.Length)];
                    additional.Add(new InMemoryAdditionalText("/repo/.electionlint.yaml", $"profile:\n  network: wan\n  rttP99: {value}\n  gcPauseP99: 300ms\n  maxFailover: {value}\n"));
                }

                var compilation = CSharpCompilation.Create(
                    "Fuzz",
                    stubs.Append(CSharpSyntaxTree.ParseText(source, parseOptions, "/src/Fuzz.cs")),
                    Verify.References,
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
                var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new TimingAnalyzer(), new ConfigFileAnalyzer());
                CompilationWithAnalyzers run = compilation.WithAnalyzers(
                    analyzers,
                    new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional.ToImmutableArray()), null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
                ImmutableArray<Diagnostic> diagnostics = await run.GetAnalyzerDiagnosticsAsync();
                // The analyzers' own time: the compiler's driver alone takes tens of seconds on 2,000 nested namespaces.
                TimeSpan own = TimeSpan.Zero;
                foreach (DiagnosticAnalyzer analyzer in analyzers)
                {
                    own += (await run.GetAnalyzerTelemetryInfoAsync(analyzer, default)).ExecutionTime;
                }

                Diagnostic[] crashes = diagnostics.Where(d => d.Id == "AD0001").ToArray();
                judged += diagnostics.Count(d => d.Id.StartsWith("EL", StringComparison.Ordinal) && d.Location.SourceTree?.FilePath == "/src/Fuzz.cs");
                string problem = crashes.Length > 0 ? string.Join("\n", crashes.Select(d => d.GetMessage()))
                    : own > TimeSpan.FromSeconds(10) ? $"the analyzers took {own.TotalSeconds:F1} s"
                    : string.Empty;
                if (problem.Length > 0)
                {
                    string dir = Path.Combine(Path.GetTempPath(), "electionlint-fuzz", $"csharp-seed{seed}-{i}");
                    Directory.CreateDirectory(dir);
                    File.WriteAllText(Path.Combine(dir, "Fuzz.cs"), source);
                    File.WriteAllBytes(Path.Combine(dir, configs[c].Name), config);
                    failures.Add($"C# input {i} (seed {seed}), saved in {dir}: {(problem.Length > 800 ? problem.Substring(0, 800) : problem)}");
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
            Assert.True(judged >= budget, $"the analyzer judged only {judged} values in {budget} mutants: the samples no longer bind to the stubs");
        }

        private static string Mutate(string source, Random random)
        {
            switch (random.Next(6))
            {
                case 0:
                case 1:
                case 2:
                    return ReplaceOne(source, Number, EdgeExpressions, random);
                case 3:
                    return ReplaceOne(source, Factory, Factories, random);
                case 4:
                    // A statement repeated: the analyzer must stay linear in the size of a block (review A6).
                    string[] lines = source.Split('\n');
                    int at = random.Next(lines.Length);
                    if (lines[at].Contains("namespace", StringComparison.Ordinal) || lines[at].Contains("class ", StringComparison.Ordinal))
                    {
                        return source; // 2,000 nested declarations cost the compiler's driver a minute, whatever the analyzer
                    }

                    var repeated = Enumerable.Repeat(lines[at], 1 + random.Next(random.Next(3) == 0 ? 2000 : 20));
                    return string.Join("\n", lines.Take(at).Concat(repeated).Concat(lines.Skip(at + 1)));
                default:
                    var edited = source.Split('\n').ToList();
                    int i = random.Next(edited.Count);
                    if (random.Next(2) == 0)
                    {
                        edited.RemoveAt(i);
                    }
                    else
                    {
                        int j = random.Next(edited.Count);
                        (edited[i], edited[j]) = (edited[j], edited[i]);
                    }

                    return string.Join("\n", edited);
            }
        }

        /// <summary>One match of <paramref name="pattern"/>, chosen at random, replaced by one of <paramref name="choices"/>.</summary>
        private static string ReplaceOne(string source, Regex pattern, string[] choices, Random random)
        {
            MatchCollection matches = pattern.Matches(source);
            if (matches.Count == 0)
            {
                return source;
            }

            Match m = matches[random.Next(matches.Count)];
            return source.Substring(0, m.Index) + choices[random.Next(choices.Length)] + source.Substring(m.Index + m.Length);
        }

        private static string Repo()
        {
            string? dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "Linter.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            return dir!;
        }
    }
}
