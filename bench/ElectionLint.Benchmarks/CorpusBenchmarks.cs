using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ElectionLint.Config.Linting;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Profile;
using YamlDotNet.Core;

namespace ElectionLint.Benchmarks
{
    /// <summary>
    /// Linting ../shared/corpus/large against a bare YamlDotNet parse of the same files, single-threaded, files already in memory.
    /// SPEC §6: lint ≤ 1.5 × bare parse.
    /// </summary>
    [MemoryDiagnoser]
    [SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
    public class CorpusBenchmarks
    {
        private (string Path, string Text)[] _files = Array.Empty<(string, string)>();

        [GlobalSetup]
        public void Setup()
        {
            string dir = Environment.GetEnvironmentVariable("ELECTIONLINT_CORPUS") ?? FindCorpus();
            _files = Directory.EnumerateFiles(dir, "*.yaml", SearchOption.AllDirectories)
                .Concat(Directory.EnumerateFiles(dir, "*.yml", SearchOption.AllDirectories))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (f, File.ReadAllText(f)))
                .ToArray();
        }

        [Benchmark(Baseline = true, Description = "bare YamlDotNet parse (events)")]
        public int BareParse()
        {
            int events = 0;
            foreach ((_, string text) in _files)
            {
                try
                {
                    var parser = new Parser(new StringReader(text));
                    while (parser.MoveNext())
                    {
                        events++;
                    }
                }
                catch (Exception)
                {
                    // The same files fail the same way in both benchmarks.
                }
            }

            return events;
        }

        [Benchmark(Description = "electionlint: parse, recognise, evaluate")]
        public int Lint()
        {
            int diagnostics = 0;
            foreach ((string path, string text) in _files)
            {
                diagnostics += ConfigLinter.Lint(new SourceText(path, text), ProfileDocument.Empty, path).Diagnostics.Count;
            }

            return diagnostics;
        }

        [Benchmark(Description = "stage: SourceText line index")]
        public int StageSourceText()
        {
            int lines = 0;
            foreach ((string path, string text) in _files)
            {
                lines += new SourceText(path, text).LineCount;
            }

            return lines;
        }

        [Benchmark(Description = "stage: trigger regex")]
        public int StageTriggers()
        {
            int n = 0;
            foreach ((_, string text) in _files)
            {
                n += ElectionLint.Config.Recognition.Recognizer.MayHoldSettings(text) ? 1 : 0;
            }

            return n;
        }

        private static string FindCorpus()
        {
            string? dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "Linter.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            return Path.GetFullPath(Path.Combine(dir ?? ".", "..", "shared", "corpus", "large"));
        }
    }
}
