using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ElectionLint.Cli.Metrics;
using ElectionLint.Config.Linting;
using ElectionLint.Config.ProfileFile;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Profile;

namespace ElectionLint.Cli
{
    /// <summary><c>electionlint init</c>: a commented .electionlint.yaml for the repository, never over an existing one without --force.</summary>
    internal static class InitCommand
    {
        public sealed class Options
        {
            public string Directory { get; init; } = ".";

            public string Network { get; init; } = "lan";

            public string? RttP99 { get; init; }

            public string? GcPauseP99 { get; init; }

            public string? MaxFailover { get; init; }

            public bool Force { get; init; }

            /// <summary>Saved Prometheus scrapes (text exposition format).</summary>
            public IReadOnlyList<string> FromMetrics { get; init; } = Array.Empty<string>();

            /// <summary>A Prometheus server's base URL.</summary>
            public string? Prometheus { get; init; }

            /// <summary>The window for --prometheus, a PromQL duration (7d).</summary>
            public string Since { get; init; } = "7d";

            /// <summary>Label matchers added to every --prometheus query, e.g. cluster="prod".</summary>
            public string? Match { get; init; }

            /// <summary>JVM unified GC logs and Go gctrace output.</summary>
            public IReadOnlyList<string> GcLogs { get; init; } = Array.Empty<string>();

            public bool Measures => FromMetrics.Count > 0 || Prometheus != null || GcLogs.Count > 0;
        }

        public static int Run(Options options, TextWriter stdout, TextWriter stderr)
        {
            string dir = Path.GetFullPath(options.Directory);
            string path = Path.Combine(dir, ProfileLoader.FileName);
            string yml = Path.Combine(dir, ProfileLoader.AlternateFileName);
            if (!options.Force && (File.Exists(path) || File.Exists(yml)))
            {
                stderr.WriteLine($"error: {(File.Exists(path) ? path : yml)} exists; --force replaces it");
                return LintRunner.UsageError;
            }

            string measured = string.Empty;
            if (options.Measures)
            {
                List<Evidence>? evidence = Measure(options, stderr);
                if (evidence == null)
                {
                    return LintRunner.UsageError;
                }

                var given = new Dictionary<string, string>(StringComparer.Ordinal);
                if (options.RttP99 != null)
                {
                    given[MeasuredKeys.RttP99] = options.RttP99;
                }

                if (options.GcPauseP99 != null)
                {
                    given[MeasuredKeys.GcPauseP99] = options.GcPauseP99;
                }

                measured = MeasuredProfile.Lines(evidence, given);
            }

            string text = Text(options, Detect(dir), measured);
            LoadedProfile check = ProfileLoader.Load(path, text);
            if (check.Problems.Count > 0)
            {
                foreach (var p in check.Problems)
                {
                    stderr.WriteLine($"error: {p.Message}");
                }

                return LintRunner.UsageError; // a value given on the command line that the profile cannot hold
            }

            File.WriteAllText(path, text, new UTF8Encoding(false));
            stdout.WriteLine($"wrote {Path.GetRelativePath(System.IO.Directory.GetCurrentDirectory(), path)}");
            return LintRunner.Clean;
        }

        /// <summary>The systems found in the folder's config files, with how many configurations each.</summary>
        private static SortedDictionary<string, int> Detect(string dir)
        {
            var systems = new SortedDictionary<string, int>(StringComparer.Ordinal);
            (List<string> files, _) = FileWalker.Expand(new[] { dir });
            foreach (string f in files)
            {
                foreach (EvaluationResult r in ConfigLinter.LintFile(f, ProfileDocument.Empty, Path.GetFileName(f)).Evaluations)
                {
                    string name = r.Instance.System.DisplayName;
                    systems[name] = systems.TryGetValue(name, out int n) ? n + 1 : 1;
                }
            }

            return systems;
        }

        /// <summary>The evidence of every source, or null after printing why a source cannot be read.</summary>
        private static List<Evidence>? Measure(Options o, TextWriter stderr)
        {
            var evidence = new List<Evidence>();
            foreach (string file in o.FromMetrics)
            {
                if (!File.Exists(file))
                {
                    stderr.WriteLine($"error: {file}: no such file");
                    return null;
                }

                (List<Sample> samples, string? error) = Exposition.Parse(File.ReadAllText(file));
                if (error != null)
                {
                    stderr.WriteLine($"error: {file}: not a Prometheus text exposition: {error}");
                    return null;
                }

                List<Evidence> found = ScrapeReader.Read(Scrape.FromFile(Path.GetFileName(file), samples, File.GetLastWriteTimeUtc(file)));
                if (found.Count == 0)
                {
                    stderr.WriteLine($"error: {file}: holds none of the metrics electionlint reads (docs/profile.md lists them)");
                    return null;
                }

                evidence.AddRange(found);
            }

            if (o.Prometheus != null)
            {
                (Scrape? scrape, string? error) = PrometheusSource.Read(o.Prometheus, o.Since, o.Match, DateTimeOffset.UtcNow);
                if (scrape == null)
                {
                    stderr.WriteLine($"error: {error}");
                    return null;
                }

                List<Evidence> found = ScrapeReader.Read(scrape);
                if (found.Count == 0)
                {
                    stderr.WriteLine($"error: {o.Prometheus}: has none of the metrics electionlint reads in the last {o.Since}{(o.Match != null ? " matching " + o.Match : string.Empty)} (docs/profile.md lists them)");
                    return null;
                }

                evidence.AddRange(found);
            }

            foreach (string file in o.GcLogs)
            {
                if (!File.Exists(file))
                {
                    stderr.WriteLine($"error: {file}: no such file");
                    return null;
                }

                (List<Evidence> found, string? error) = GcLogReader.Read(Path.GetFileName(file), File.ReadAllText(file));
                if (error != null)
                {
                    stderr.WriteLine($"error: {file}: {error}");
                    return null;
                }

                evidence.AddRange(found);
            }

            return evidence;
        }

        private static string Text(Options o, SortedDictionary<string, int> systems, string measured)
        {
            var sb = new StringBuilder();
            sb.Append("# ElectionLint environment profile: the right timeout depends on where a system runs.\n");
            sb.Append("# Every key: " + ElectionLint.Rules.Catalogue.Rule.RepositoryUrl + "/blob/main/docs/profile.md. A value left out switches off the rules that need it.\n");
            sb.Append(systems.Count == 0
                ? "# No configuration with timing settings was found here yet.\n"
                : "# Found in this repository: " + string.Join(", ", systems.Select(s => $"{s.Key} ({s.Value})")) + ".\n");
            sb.Append("profile:\n");
            sb.Append($"  network: {o.Network}          # lan | wan: where the members of one cluster are\n");
            bool rttMeasured = measured.Contains("\n  rttP99: ", StringComparison.Ordinal) || measured.StartsWith("  rttP99: ", StringComparison.Ordinal);
            bool gcMeasured = measured.Contains("\n  gcPauseP99: ", StringComparison.Ordinal) || measured.StartsWith("  gcPauseP99: ", StringComparison.Ordinal);
            if (!rttMeasured)
            {
                sb.Append(Line("rttP99", o.RttP99, "p99 round trip between members", o.Network == "wan" ? "150ms" : "5ms"));
            }

            if (!gcMeasured)
            {
                sb.Append(Line("gcPauseP99", o.GcPauseP99, "p99 stop-the-world pause of the processes that hold leases", "300ms"));
            }

            sb.Append(measured);
            sb.Append(Line("maxFailover", o.MaxFailover, "the longest the cluster may go without a leader", "30s"));
            sb.Append("# rules:\n#   EL2002: off          # off | info | warning | error\n");
            sb.Append("ignore:\n  - \"vendor/**\"\n");
            return sb.ToString();
        }

        /// <summary>A given value, or the example commented out: nothing is assumed that was not said.</summary>
        private static string Line(string key, string? value, string meaning, string example) =>
            value != null ? $"  {key}: {value}   # {meaning}\n" : $"  # {key}: {example}   # {meaning}\n";
    }
}
