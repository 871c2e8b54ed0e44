using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ElectionLint.Cli.Metrics;
using ElectionLint.Config.Documents;
using ElectionLint.Config.ProfileFile;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Timing;
using ElectionLint.Rules.TradeOff;

namespace ElectionLint.Cli
{
    /// <summary>
    /// <c>electionlint lint --profile-report [PATH…]</c>: for each profile in force, every value and whether it was
    /// measured (a "# key: measured from …" comment above it, as init --from-metrics, --prometheus and --gc-log write),
    /// declared by hand without evidence, assumed by default, or not set.
    /// </summary>
    internal static class ProfileReport
    {
        /// <summary>Facts about the environment, which can be measured; the other keys are requirements and policy.</summary>
        private static readonly string[] Facts = MeasuredKeys.All;

        /// <summary>Said, not measured: where the members are, and what is required of the failover.</summary>
        private static readonly string[] Declared = { "network", "maxFailover", "gcHeadroom", "rttMultiplier", "headroom", "packetLoss", "maxFalseElectionsPerYear" };

        public static int Run(IReadOnlyList<string> paths, string? config, TextWriter stdout, TextWriter stderr)
        {
            var files = new List<string?>();
            if (config != null)
            {
                files.Add(Path.GetFullPath(config));
            }
            else
            {
                var resolver = new ProfileResolver(null);
                foreach (string p in paths.Count > 0 ? paths : new[] { "." })
                {
                    string full = Path.GetFullPath(p);
                    if (!File.Exists(full) && !Directory.Exists(full))
                    {
                        stderr.WriteLine($"error: {p}: no such file or folder");
                        return LintRunner.UsageError;
                    }

                    // The profile of a folder is the one its files get.
                    string? found = resolver.PathFor(Directory.Exists(full) ? Path.Combine(full, "_") : full);
                    if (!files.Contains(found))
                    {
                        files.Add(found);
                    }
                }
            }

            int code = LintRunner.Clean;
            string cwd = Directory.GetCurrentDirectory();
            foreach (string? file in files)
            {
                if (file == null)
                {
                    stdout.WriteLine("no profile file: the default profile is in force (a LAN, nothing measured or declared)");
                    Report(EnvironmentProfile.Default, null, null, stdout);
                    continue;
                }

                LoadedProfile loaded = ProfileResolver.LoadFile(file);
                string name = Path.GetRelativePath(cwd, file).Replace('\\', '/');
                if (!loaded.IsValid)
                {
                    foreach (var p in loaded.Problems)
                    {
                        stderr.WriteLine($"{name}:{p.Span.StartLine}:{p.Span.StartColumn}: error {p.RuleId}: {p.Message}");
                    }

                    code = LintRunner.UsageError;
                    continue;
                }

                string text = File.ReadAllText(file);
                var root = YamlReader.Read(new SourceText(file, text)).Documents.FirstOrDefault() as MappingNode;
                string[] lines = text.Replace("\r\n", "\n").Split('\n');
                stdout.WriteLine($"{name}: the profile in force");
                Report(loaded.Document.Profile, root?.Get("profile") as MappingNode, lines, stdout);
                if (root?.Get("overrides") is SequenceNode overrides)
                {
                    for (int i = 0; i < overrides.Items.Count && i < loaded.Document.Overrides.Count; i++)
                    {
                        if (overrides.Items[i] is MappingNode om && om.Get("profile") is MappingNode op)
                        {
                            string globs = string.Join(", ", loaded.Document.Overrides[i].Paths.Select(g => g.Pattern));
                            stdout.WriteLine($"  overrides[{i}] ({globs}): these values replace the ones above");
                            Report(loaded.Document.Overrides[i].Profile, op, lines, stdout, onlyDeclared: true);
                        }
                    }
                }
            }

            return code;
        }

        private static void Report(EnvironmentProfile p, MappingNode? mapping, string[]? lines, TextWriter w, bool onlyDeclared = false)
        {
            var rows = new List<(string Key, string Value, string State)>();
            foreach (string key in Declared.Take(1).Concat(Facts).Concat(Declared.Skip(1)))
            {
                string? value = Value(p, key);
                MappingEntry? entry = mapping?.Entry(key);
                bool declared = Declared.Contains(key);
                if (entry != null && value != null)
                {
                    string? evidence = lines != null ? Provenance(lines, entry.Key.Span.StartLine, key) : null;
                    rows.Add((key, value, evidence != null ? "measured " + evidence
                        : declared ? "declared" : "assumed: declared without a provenance comment"));
                }
                else if (!onlyDeclared)
                {
                    rows.Add(key switch
                    {
                        "network" => (key, "lan", "the default"),
                        "rttP99" when p.RttAssumed => (key, D(p.EffectiveRtt)!, "assumed for network: wan"),
                        "gcHeadroom" => (key, p.EffectiveGcHeadroom.ToString(CultureInfo.InvariantCulture), "the default"),
                        "rttMultiplier" => (key, p.EffectiveRttMultiplier.ToString(CultureInfo.InvariantCulture), "the default"),
                        "headroom" => (key, p.EffectiveHeadroom.ToString(CultureInfo.InvariantCulture), "the default"),
                        "packetLoss" => (key, "0", "the default: the trade-off model assumes no loss"),
                        "maxFalseElectionsPerYear" => (key, TradeOffSearch.DefaultBudget.ToString(CultureInfo.InvariantCulture), "the default target of tune"),
                        _ => (key, "–", "not set: the rules that need it are off"),
                    });
                }
            }

            int width = rows.Count == 0 ? 0 : rows.Max(r => r.Key.Length);
            int valueWidth = rows.Count == 0 ? 0 : rows.Max(r => r.Value.Length);
            foreach (var (key, value, state) in rows)
            {
                w.WriteLine($"    {key.PadRight(width)}  {value.PadRight(valueWidth)}  {state}");
            }

            if (!onlyDeclared)
            {
                int measured = rows.Count(r => r.State.StartsWith("measured", StringComparison.Ordinal));
                int assumed = rows.Count(r => r.State.StartsWith("assumed", StringComparison.Ordinal));
                w.WriteLine($"  {measured} measured, {assumed} assumed, {Facts.Length - measured - assumed} not set, of the {Facts.Length} round-trip and pause values");
            }
        }

        /// <summary>The "measured from …" comment in the comment block right above a key's line (1-based), up to its first ';'.</summary>
        private static string? Provenance(string[] lines, int keyLine, string key)
        {
            string marker = $"# {key}: {MeasuredProfile.Marker} from ";
            for (int i = keyLine - 2; i >= 0; i--)
            {
                string line = lines[i].Trim();
                if (!line.StartsWith('#'))
                {
                    break;
                }

                if (line.StartsWith(marker, StringComparison.Ordinal))
                {
                    string rest = line.Substring(marker.Length - "from ".Length);
                    int semi = rest.IndexOf(';');
                    return semi > 0 ? rest.Substring(0, semi) : rest;
                }
            }

            return null;
        }

        private static string? D(Duration? d) => d is Duration v ? DurationFormat.Go(v).Replace("µs", "us") : null;

        private static string? Value(EnvironmentProfile p, string key)
        {
            static string? N(decimal? n) => n?.ToString(CultureInfo.InvariantCulture);
            return key switch
            {
                "network" => p.Network is NetworkKind k ? (k == NetworkKind.Wan ? "wan" : "lan") : null,
                "rttP50" => D(p.RttP50),
                "rttP99" => D(p.RttP99),
                "rttP999" => D(p.RttP999),
                "gcPauseP50" => D(p.GcPauseP50),
                "gcPauseP99" => D(p.GcPauseP99),
                "gcPauseP999" => D(p.GcPauseP999),
                "gcPausesPerHour" => N(p.GcPausesPerHour),
                "maxFailover" => D(p.MaxFailover),
                "gcHeadroom" => N(p.GcHeadroom),
                "rttMultiplier" => N(p.RttMultiplier),
                "headroom" => N(p.Headroom),
                "packetLoss" => N(p.PacketLoss),
                "maxFalseElectionsPerYear" => N(p.MaxFalseElectionsPerYear),
                _ => null,
            };
        }
    }
}
