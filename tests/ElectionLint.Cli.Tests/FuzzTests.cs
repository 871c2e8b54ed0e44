using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using ElectionLint.Cli.Output;
using ElectionLint.Config.Linting;
using ElectionLint.Config.ProfileFile;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Profile;
using ElectionLint.Testing;
using Xunit;

namespace ElectionLint.Cli.Tests
{
    /// <summary>
    /// Mutation fuzzing of the config linter and the profile loader, in process. CI runs a small budget; tests/fuzz/run.sh a
    /// long one (ELECTIONLINT_FUZZ inputs per suite, ELECTIONLINT_FUZZ_SEED). A failure names its input, saved for replay.
    /// </summary>
    [Collection("cli")]
    public partial class FuzzTests
    {
        /// <summary>Bounds per input: time, and bytes allocated (a merge bomb took 7.45 GB from 580 bytes).</summary>
        private static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(10);

        private static long MaxAllocated(int inputBytes) => (64L << 20) + 400L * inputBytes;

        public static int Budget(int ci) => int.TryParse(Environment.GetEnvironmentVariable("ELECTIONLINT_FUZZ"), out int n) ? n : ci;

        public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("ELECTIONLINT_FUZZ_SEED"), out int n) ? n : 16;

        [Fact]
        [Trait("Category", "Fuzz")]
        public void Mutated_configs_get_findings_or_clear_problems_within_bounds()
        {
            string repo = Cli.RepoRoot;
            var seeds = Mutator.Load(
                Directory.EnumerateFiles(Path.Combine(repo, "tests", "corpus", "real"), "*", SearchOption.AllDirectories)
                    .Concat(Directory.EnumerateFiles(Path.Combine(repo, "samples", "config-repo"), "*", SearchOption.AllDirectories))
                    .Where(ConfigFileNames.IsConfigFile));
            var mutator = new Mutator(seeds.Select(s => s.Bytes).ToList(), Seed);
            var failures = new List<string>();
            var batch = new List<FileResult>();
            int inputs = Budget(1500);
            for (int i = 0; i < inputs && failures.Count < 10; i++)
            {
                (int s, byte[] bytes) = mutator.Next();
                string name = seeds[s].Name; // the name picks the reader and the format (zoo.cfg, server.properties)
                Current("config-" + name, bytes);
                string problem = LintOne("/fuzz/" + i + "/" + name, bytes, ProfileDocument.Empty, out FileResult? result);
                if (problem.Length > 0)
                {
                    failures.Add(Save("config", i, name, bytes, problem));
                }
                else
                {
                    batch.Add(result!);
                }

                if (batch.Count == 100 || (i == inputs - 1 && batch.Count > 0))
                {
                    string output = CheckOutputs(batch);
                    if (output.Length > 0)
                    {
                        failures.Add($"outputs of inputs {i - batch.Count + 1}..{i} (seed {Seed}): {output}");
                    }

                    batch.Clear();
                }
            }

            _output.WriteLine($"fuzz: configs: corpus and samples {inputs} inputs");
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        [Fact]
        [Trait("Category", "Fuzz")]
        public void Mutated_profiles_are_loaded_or_refused_with_a_position()
        {
            string repo = Cli.RepoRoot;
            var seeds = Mutator.Load(Directory.EnumerateFiles(Path.Combine(repo, "samples"), ".electionlint.yaml", SearchOption.AllDirectories)).ToList();
            seeds.Add(("full.yaml", Encoding.UTF8.GetBytes(
                "profile:\n  network: wan\n  rttP99: 150ms\n  gcPauseP99: 300ms\n  maxFailover: 30s\n  gcHeadroom: 1.5\n  rttMultiplier: 10\n" +
                "  kafkaBroker:\n    groupMinSessionTimeout: 6s\n    groupMaxSessionTimeout: 30m\n" +
                "rules:\n  EL2001: error\n  EL2002: off\nignore: [\"vendor/**\", \"**/*.tmp.yaml\"]\n" +
                "overrides:\n  - paths: [\"clusters/wan/**\"]\n    profile: {network: wan, rttP99: 80ms}\n" +
                "bindings:\n  - system: custom\n    csharp:\n      type: My.Options\n      settings: {Heartbeat: 'heartbeat:ms', Election: electionTimeout}\n" +
                "    yaml:\n      match: {kind: MyRaft}\n      settings: {spec.heartbeat: 'heartbeat:ms'}\n")));
            Assert.All(seeds, seed => Assert.Empty(ProfileLoader.Load(".electionlint.yaml", Encoding.UTF8.GetString(seed.Bytes)).Problems));
            var targets = new[] { "etcd/etcd.conf.yml", "kafka/server.properties", "scheduler/kube-scheduler-config.yaml" }
                .Select(f => Path.Combine(repo, "samples", "config-repo", f))
                .Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f))).ToList();
            var mutator = new Mutator(seeds.Select(s => s.Bytes).ToList(), Seed);
            var failures = new List<string>();
            _output.WriteLine($"fuzz: profiles: profiles {Budget(400)} inputs");
            for (int i = 0; i < Budget(400) && failures.Count < 10; i++)
            {
                (int s, byte[] bytes) = mutator.Next();
                Current("profile", bytes);
                string text = Encoding.UTF8.GetString(bytes);
                try
                {
                    LoadedProfile loaded = ProfileLoader.Load(".electionlint.yaml", text);
                    foreach (var p in loaded.Problems)
                    {
                        if (p.Span.StartLine < 1 || p.Span.StartColumn < 1 || p.Message.Length == 0)
                        {
                            failures.Add(Save("profile", i, seeds[s].Name, bytes, $"problem without a position: {p}"));
                        }
                    }

                    if (loaded.Problems.Count == 0)
                    {
                        foreach ((string name, byte[] target) in targets)
                        {
                            string problem = LintOne("/fuzz/" + name, target, loaded.Document, out _);
                            if (problem.Length > 0)
                            {
                                failures.Add(Save("profile", i, seeds[s].Name, bytes, $"linting {name}: {problem}"));
                            }
                        }

                        loaded.Document.IsIgnored("a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z/zzz.yaml");
                    }
                }
                catch (Exception e)
                {
                    failures.Add(Save("profile", i, seeds[s].Name, bytes, e.ToString()));
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        /// <summary>Lints one input; returns what is wrong with the outcome, or "".</summary>
        private static string LintOne(string path, byte[] bytes, ProfileDocument profile, out FileResult? result)
        {
            result = null;
            long before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            try
            {
                result = ConfigLinter.Lint(path, bytes, profile, Path.GetFileName(path));
            }
            catch (Exception e)
            {
                return e.ToString();
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (watch.Elapsed > MaxTime)
            {
                return $"took {watch.Elapsed.TotalSeconds:F1} s (bound {MaxTime.TotalSeconds} s)";
            }

            if (allocated > MaxAllocated(bytes.Length))
            {
                return $"allocated {allocated >> 20} MB for {bytes.Length} bytes (bound {MaxAllocated(bytes.Length) >> 20} MB)";
            }

            if (result.Diagnostics.Count > ConfigLinter.MaxDiagnosticsPerFile + 1)
            {
                return $"{result.Diagnostics.Count} diagnostics";
            }

            int length = result.Source?.Text.Length ?? 0;
            foreach (LintDiagnostic d in result.Diagnostics)
            {
                SourceSpan span = d.Span;
                if (!RuleCatalogue.Exists(d.RuleId) || span.StartLine < 1 || span.StartColumn < 1 || span.StartOffset < 0
                    || span.EndOffset < span.StartOffset || span.EndOffset > Math.Max(length, 0) || d.Message.Length == 0 || d.Message.Length > 2000)
                {
                    return $"bad diagnostic {d.RuleId} {span} ({d.Message.Length} chars): {Shorten(d.Message)}";
                }
            }

            return string.Empty;
        }

        /// <summary>Every format writes the batch; SARIF is valid; GitHub annotations are one line each.</summary>
        private static string CheckOutputs(List<FileResult> results)
        {
            var diagnostics = results.SelectMany(r => r.Diagnostics).ToList();
            var sources = results.Where(r => r.Source != null).GroupBy(r => r.Path).ToDictionary(g => g.Key, g => g.First().Source!);
            var report = new LintReport(diagnostics, sources, results.Count, "/fuzz");
            try
            {
                using (var sarif = new MemoryStream())
                {
                    SarifFormatter.Write(report, sarif, "0.0.0");
                    SarifValidator.Validate(Encoding.UTF8.GetString(sarif.ToArray()));
                }

                using (var json = new MemoryStream())
                {
                    JsonFormatter.Write(report, json);
                    System.Text.Json.JsonDocument.Parse(json.ToArray()).Dispose();
                }

                var github = new StringWriter();
                GitHubFormatter.Write(report, github);
                string[] lines = github.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
                if (lines.Count(l => l.StartsWith("::", StringComparison.Ordinal)) != diagnostics.Count)
                {
                    return $"github: {lines.Length} lines for {diagnostics.Count} diagnostics";
                }

                var text = new StringWriter();
                TextFormatter.Write(report, text);
                if (text.ToString().Any(c => c < ' ' && c != '\n' && c != '\r' && c != '\t'))
                {
                    return "text output holds a raw control character";
                }
            }
            catch (Exception e)
            {
                return e.ToString();
            }

            return string.Empty;
        }

        /// <summary>The input being tried, on disk: a failure that ends the process (out of memory) still leaves it.</summary>
        private static void Current(string suite, byte[] bytes)
        {
            string dir = Path.Combine(Path.GetTempPath(), "electionlint-fuzz");
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, "current-" + suite.Split('-')[0]), bytes);
        }

        private static string Save(string suite, int i, string name, byte[] bytes, string problem)
        {
            string dir = Path.Combine(Path.GetTempPath(), "electionlint-fuzz", $"{suite}-seed{Seed}-{i}");
            Directory.CreateDirectory(dir);
            string file = Path.Combine(dir, name);
            File.WriteAllBytes(file, bytes);
            return $"{suite} input {i} (seed {Seed}) from {name}, saved as {file}: {Shorten(problem)}";
        }

        private static string Shorten(string s) => s.Length <= 600 ? s : s.Substring(0, 600) + "…";
    }
}
