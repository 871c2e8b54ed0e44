using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ElectionLint.Cli.Output;
using ElectionLint.Cli.Tuning;
using ElectionLint.Config.Documents;
using ElectionLint.Config.Linting;
using ElectionLint.Config.ProfileFile;
using ElectionLint.Config.Recognition;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Solving;
using ElectionLint.Rules.Systems;
using ElectionLint.Rules.Timing;
using ElectionLint.Rules.TradeOff;

namespace ElectionLint.Cli
{
    /// <summary>
    /// <c>electionlint tune</c>: the values a system should have under a profile, each rule's margin, the failover window and
    /// snippets in the system's formats (<c>--system</c>); or the configurations of files tuned under their profile, as a diff.
    /// Every value comes from the engine's verified repairs and is evaluated again before it is printed.
    /// </summary>
    internal static class TuneCommand
    {
        public sealed class Options
        {
            public IReadOnlyList<string> Paths { get; init; } = Array.Empty<string>();

            public string? System { get; init; }

            public string? Variant { get; init; }

            public string? Network { get; init; }

            public string? RttP99 { get; init; }

            public string? GcPauseP99 { get; init; }

            public string? MaxFailover { get; init; }

            public string? Config { get; init; }

            public string Format { get; init; } = "text";

            /// <summary>The false elections a year the trade-off pick may cost (default: the profile's, else 1).</summary>
            public string? MaxFalseElectionsPerYear { get; init; }

            /// <summary>Write the trade-off curve here as SVG.</summary>
            public string? Plot { get; init; }
        }

        /// <summary>What the model says of the configuration as it was, as tuned, the defaults, and the pick within the budget.</summary>
        private sealed record TradeOffView(TradeOffCurve? Curve, TradeOffPoint? Current, TradeOffPoint? Tuned, TradeOffPoint? Defaults, string BudgetFrom);

        /// <summary>One configuration tuned: where it is, under which profile, and the result.</summary>
        private sealed record Tuned(SystemDefinition System, string? Variant, string? File, SourceSpan? At, EnvironmentProfile Profile, TuneResult Result,
            IReadOnlyList<RuleMargin> Margins, IReadOnlyList<Snippet> Snippets)
        {
            public TradeOffView? TradeOff { get; set; }

            /// <summary>Rules the file suppresses at this configuration: accepted there, so not tuned.</summary>
            public IReadOnlyList<string> Suppressed { get; init; } = Array.Empty<string>();
        }

        /// <summary>A file's tuned text, when a value in it changes.</summary>
        private sealed record FileChange(string File, string Before, string After, IReadOnlyList<string> Skipped);

        /// <summary>Systems people tune by name (user bindings have no formats of their own).</summary>
        public static IEnumerable<SystemDefinition> Tunable => SystemCatalogue.Systems.Where(s => s.Id != Custom.Id);

        public static int Run(Options o, TextWriter stdout, TextWriter stderr, Stream stdoutStream)
        {
            if ((o.System == null) == (o.Paths.Count == 0))
            {
                stderr.WriteLine(o.System == null
                    ? "error: name a system (--system etcd) or the files to tune"
                    : "error: --system tunes a system from scratch; to tune files, leave it out");
                stderr.WriteLine("Run 'electionlint tune --help' for usage.");
                return LintRunner.UsageError;
            }

            EnvironmentProfile? flags = FlagsProfile(o, stderr, out bool bad);
            if (bad)
            {
                return LintRunner.UsageError;
            }

            double? budget = null;
            if (o.MaxFalseElectionsPerYear != null)
            {
                if (!double.TryParse(o.MaxFalseElectionsPerYear, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double n) || !(n > 0) || double.IsInfinity(n))
                {
                    stderr.WriteLine($"error: --max-false-elections-per-year must be a positive number, not '{TextFormatter.OneLine(o.MaxFalseElectionsPerYear)}'");
                    return LintRunner.UsageError;
                }

                budget = n;
            }

            if (o.Plot != null && !o.Plot.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
            {
                stderr.WriteLine($"error: --plot writes SVG: name a file ending in .svg, not '{TextFormatter.OneLine(o.Plot)}'");
                return LintRunner.UsageError;
            }

            var tuned = new List<Tuned>();
            var files = new List<FileChange>();
            if (o.System != null)
            {
                SystemDefinition? sys = Tunable.FirstOrDefault(s => s.Id == o.System);
                if (sys == null)
                {
                    stderr.WriteLine($"error: unknown system '{TextFormatter.OneLine(o.System)}'; one of: {string.Join(", ", Tunable.Select(s => s.Id))}");
                    return LintRunner.UsageError;
                }

                if (o.Variant != null && !sys.Variants.Contains(o.Variant))
                {
                    stderr.WriteLine($"error: {sys.Id} has no variant '{TextFormatter.OneLine(o.Variant)}'" + (sys.Variants.Count > 0 ? $"; one of: {string.Join(", ", sys.Variants)}" : string.Empty));
                    return LintRunner.UsageError;
                }

                EnvironmentProfile profile = o.Config != null ? ProfileResolver.LoadFile(o.Config).Document.Profile : EnvironmentProfile.Default;
                profile = flags != null ? profile.MergedWith(flags) : profile;
                TuneResult r = Tuner.FromScratch(sys, o.Variant, profile);
                tuned.Add(new Tuned(sys, o.Variant, null, null, profile, r, Margins.Of(r.After, profile), Snippets.For(sys, id => r.Values[sys.IndexOf(id)], o.Variant)));
            }
            else
            {
                (List<string> paths, List<string> missing) = FileWalker.Expand(o.Paths);
                if (FileWalker.ReportMissing(missing, stderr))
                {
                    return LintRunner.UsageError;
                }

                var resolver = new ProfileResolver(o.Config != null ? ProfileResolver.LoadFile(o.Config) : null);
                string cwd = Directory.GetCurrentDirectory();
                foreach (string file in paths)
                {
                    (ProfileDocument doc, string rel) = resolver.For(file);
                    if (doc.IsIgnored(rel))
                    {
                        continue;
                    }

                    EnvironmentProfile profile = flags != null ? doc.ProfileFor(rel).MergedWith(flags) : doc.ProfileFor(rel);
                    FileResult result = ConfigLinter.LintFile(file, doc, rel);
                    string display = Path.GetRelativePath(cwd, file).Replace('\\', '/');
                    bool broken = result.Diagnostics.Any(d => d.RuleId == "EL9001" || d.RuleId == "EL9004");
                    var edits = new List<(int Start, int End, string Text)>();
                    var skipped = new List<string>();
                    foreach (EvaluationResult e in result.Evaluations)
                    {
                        (IReadOnlyDictionary<string, RuleSeverity> severities, List<string> suppressed) = Accepted(result, e.Instance, doc.RuleSeverities);
                        TuneResult r = Tuner.Tune(e.Instance, profile, severities);
                        tuned.Add(new Tuned(e.Instance.System, e.Instance.Variant, display, (e.Instance.Anchor as SettingLocation)?.Value, profile, r,
                            Margins.Of(r.After, profile, severities), Array.Empty<Snippet>())
                        {
                            Suppressed = suppressed,
                        });
                        foreach (SettingChange c in r.Changes)
                        {
                            if (c.Occurrence?.Location is SettingLocation l && !edits.Any(x => x.Start < l.Value.EndOffset && l.Value.StartOffset < x.End))
                            {
                                edits.Add((l.Value.StartOffset, l.Value.EndOffset, c.Text));
                            }
                            else
                            {
                                skipped.Add($"{c.Name} = {c.Text}");
                            }
                        }
                    }

                    if (!broken && result.Source is SourceText source && (edits.Count > 0 || skipped.Count > 0))
                    {
                        edits.Sort((a, b) => a.Start.CompareTo(b.Start));
                        files.Add(new FileChange(display, source.Text, Fixer.Apply(source.Text, edits), skipped));
                    }
                }
            }

            foreach (Tuned t in tuned)
            {
                t.TradeOff = TradeOffOf(t, budget, fromScratch: o.System != null);
            }

            if (o.Plot != null && !WritePlots(o.Plot, tuned, stderr))
            {
                return LintRunner.UsageError;
            }

            if (o.Format == "json")
            {
                stdout.Flush();
                Json(tuned, files, stdoutStream);
                stdoutStream.Flush();
                stdout.WriteLine();
            }
            else
            {
                Text(tuned, files, stdout);
            }

            return tuned.Any(t => t.Result.After.Findings.Count > 0) ? LintRunner.Findings : LintRunner.Clean;
        }

        private static TradeOffView? TradeOffOf(Tuned t, double? given, bool fromScratch)
        {
            ConfigurationInstance before = t.Result.Before.Instance;
            double budget = TradeOffSearch.BudgetOf(t.Profile, given);
            string from = given != null ? "--max-false-elections-per-year" : t.Profile.MaxFalseElectionsPerYear != null ? "maxFalseElectionsPerYear" : "the default target";
            TradeOffPoint? tunedPoint = TradeOffSearch.Point(t.Result.After.Instance, t.Profile);
            if (tunedPoint == null)
            {
                return null;
            }

            // The curve runs through the configuration as tuned by the rules, so its ratios are ones the rules accept.
            return new TradeOffView(
                TradeOffSearch.Search(t.Result.After.Instance, t.Profile, budget),
                fromScratch ? null : TradeOffSearch.Point(before, t.Profile),
                tunedPoint,
                TradeOffSearch.Point(new ConfigurationInstance(t.System, variant: t.Variant), t.Profile),
                from);
        }

        /// <summary>One SVG per configuration with a curve: FILE.svg, then FILE-2.svg, FILE-3.svg…</summary>
        private static bool WritePlots(string path, List<Tuned> tuned, TextWriter stderr)
        {
            int n = 0;
            foreach (Tuned t in tuned)
            {
                if (t.TradeOff?.Curve is not TradeOffCurve curve || curve.Candidates.Count == 0)
                {
                    continue;
                }

                n++;
                string file = n == 1 ? path : path.Substring(0, path.Length - 4) + "-" + n + ".svg";
                var marks = new List<TradeOffPlot.Marked>();
                if (curve.Recommended is TradeOffPoint rec)
                {
                    marks.Add(new TradeOffPlot.Marked(curve.WithinBudget ? "recommended" : "fewest (none within budget)", "#1a8f3c", "circle", rec.Estimate));
                }

                if (t.TradeOff.Defaults is TradeOffPoint d)
                {
                    marks.Add(new TradeOffPlot.Marked($"{t.System.DisplayName} defaults", "#1f5fbf", "square", d.Estimate));
                }

                if (t.TradeOff.Current is TradeOffPoint c)
                {
                    marks.Add(new TradeOffPlot.Marked("this file", "#e07b00", "diamond", c.Estimate));
                }

                if (t.TradeOff.Tuned is TradeOffPoint tp)
                {
                    marks.Add(new TradeOffPlot.Marked("the rules' values", "#7a3fbf", "triangle", tp.Estimate));
                }

                string title = $"{t.System.DisplayName}{(t.File != null ? " — " + t.File : string.Empty)}";
                try
                {
                    File.WriteAllText(file, TradeOffPlot.Svg(title, Distributions(t.Profile), curve, marks));
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    stderr.WriteLine($"error: cannot write {file}: {e.Message}");
                    return false;
                }

                stderr.WriteLine($"plot: {file} ({t.System.DisplayName}{(t.File != null ? ", " + t.File : string.Empty)})");
            }

            if (n == 0)
            {
                stderr.WriteLine("plot: nothing to plot (no configuration the trade-off model knows)");
            }

            return true;
        }

        /// <summary>The profile's values the model reads, for the plot's subtitle.</summary>
        private static string Distributions(EnvironmentProfile p)
        {
            static string? D(string key, Duration? d, string note = "") => d is Duration v ? $"{key} {DurationFormat.Go(v)}{note}" : null;
            static string? N(string key, decimal? n) => n is decimal v ? $"{key} {v.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : null;
            var parts = new[]
            {
                "network " + (p.Network == NetworkKind.Wan ? "wan" : "lan"), D("rttP50", p.RttP50), D("rttP99", p.EffectiveRtt, p.RttAssumed ? " (assumed)" : string.Empty), D("rttP999", p.RttP999),
                N("packetLoss", p.PacketLoss), D("gcPauseP50", p.GcPauseP50), D("gcPauseP99", p.GcPauseP99), D("gcPauseP999", p.GcPauseP999), N("gcPausesPerHour", p.GcPausesPerHour),
            };
            return "profile: " + string.Join(", ", parts.Where(x => x != null));
        }

        private static string Values(TradeOffPoint p) => string.Join(", ", p.Values.Select(v => $"{p.Instance.NameOf(v.Setting.Index)} {SettingValues.Display(v.Setting, v.Value)}"));

        /// <summary>
        /// The profile's severities with the rules the file suppresses at one of this configuration's lines turned off: a
        /// finding someone accepted in the file (# electionlint-disable-next-line EL2001 -- reviewed) is not tuned away, as
        /// lint and --fix leave it.
        /// </summary>
        private static (IReadOnlyDictionary<string, RuleSeverity> Severities, List<string> Suppressed) Accepted(FileResult result, ConfigurationInstance instance, IReadOnlyDictionary<string, RuleSeverity> severities)
        {
            var lines = new HashSet<int>();
            if (instance.Anchor is SettingLocation anchor)
            {
                lines.Add(anchor.Value.StartLine);
            }

            for (int i = 0; i < instance.System.Settings.Count; i++)
            {
                if (instance[i]?.Location is SettingLocation l)
                {
                    lines.Add(l.Value.StartLine);
                }
            }

            var suppressed = RuleCatalogue.Rules.Select(r => r.Id)
                .Where(id => lines.Any(line => result.IsSuppressed(id, line)) && !(severities.TryGetValue(id, out RuleSeverity was) && was == RuleSeverity.Off))
                .OrderBy(id => id, StringComparer.Ordinal).ToList();
            if (suppressed.Count == 0)
            {
                return (severities, suppressed);
            }

            var accepted = new Dictionary<string, RuleSeverity>(severities, StringComparer.Ordinal);
            foreach (string id in suppressed)
            {
                accepted[id] = RuleSeverity.Off;
            }

            return (accepted, suppressed);
        }

        private static void TradeOffText(Tuned t, TextWriter w)
        {
            if (t.TradeOff is not TradeOffView v)
            {
                return;
            }

            double budget = v.Curve?.Budget ?? TradeOffSearch.DefaultBudget;
            w.WriteLine($"  trade-off (model), at most {TradeOffOutput.Rate(budget)} false {(budget == 1 ? "election" : "elections")} a year ({v.BudgetFrom}):");
            if (v.Current is TradeOffPoint c)
            {
                w.WriteLine("    as written: " + TradeOffOutput.Summary(c.Estimate));
            }

            if (v.Tuned is TradeOffPoint tp)
            {
                w.WriteLine("    as tuned: " + TradeOffOutput.Summary(tp.Estimate));
            }

            if (v.Curve?.Recommended is TradeOffPoint r)
            {
                w.WriteLine($"    {(v.Curve.WithinBudget ? "shortest failover within it" : "none within it; the fewest")}: {Values(r)}: {TradeOffOutput.Summary(r.Estimate)}");
            }
        }

        private static void TradeOffJson(Utf8JsonWriter w, Tuned t)
        {
            if (t.TradeOff is not TradeOffView v)
            {
                w.WriteNull("tradeOff");
                return;
            }

            w.WriteStartObject("tradeOff");
            w.WriteNumber("maxFalseElectionsPerYear", v.Curve?.Budget ?? TradeOffSearch.DefaultBudget);
            w.WriteBoolean("withinBudget", v.Curve?.WithinBudget ?? false);
            void Point(string name, TradeOffPoint? p, bool values)
            {
                if (p == null)
                {
                    w.WriteNull(name);
                    return;
                }

                w.WriteStartObject(name);
                if (values)
                {
                    w.WriteStartArray("settings");
                    foreach ((SettingDefinition s, decimal value) in p.Values)
                    {
                        w.WriteStartObject();
                        w.WriteString("setting", s.Id);
                        w.WriteString("value", SettingValues.Display(s, value));
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }

                TradeOffOutput.Fields(w, p.Estimate);
                w.WriteEndObject();
            }

            Point("asWritten", v.Current, false);
            Point("asTuned", v.Tuned, false);
            Point("defaults", v.Defaults, false);
            Point("recommended", v.Curve?.Recommended, true);
            w.WriteStartArray("assumptions");
            foreach (string a in v.Tuned?.Estimate.Assumptions ?? Array.Empty<string>())
            {
                w.WriteStringValue(a);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        /// <summary>The profile the flags describe, checked by the profile loader itself; null when no flag is given.</summary>
        private static EnvironmentProfile? FlagsProfile(Options o, TextWriter stderr, out bool bad)
        {
            bad = false;
            if (o.Network == null && o.RttP99 == null && o.GcPauseP99 == null && o.MaxFailover == null)
            {
                return null;
            }

            var sb = new StringBuilder("profile:\n");
            var lines = new Dictionary<int, string>();
            void Add(string key, string? value, string flag)
            {
                if (value != null)
                {
                    lines[lines.Count + 2] = flag;
                    sb.Append("  ").Append(key).Append(": '").Append(value.Replace("'", "''").Replace('\n', ' ')).Append("'\n");
                }
            }

            Add("network", o.Network, "--network");
            Add("rttP99", o.RttP99, "--rtt-p99");
            Add("gcPauseP99", o.GcPauseP99, "--gc-pause-p99");
            Add("maxFailover", o.MaxFailover, "--max-failover");
            LoadedProfile loaded = ProfileLoader.Load("<command line>", sb.ToString());
            foreach (FileProblem p in loaded.Problems)
            {
                stderr.WriteLine($"error: {(lines.TryGetValue(p.Span.StartLine, out string? flag) ? flag + ": " : string.Empty)}{p.Message}");
                bad = true;
            }

            return loaded.Document.Profile;
        }

        /// <summary>
        /// "under the 1.25× headroom target: EL2020 1.05× (…)": the profile floors a result leaves closer than the headroom, and
        /// why (the values were kept as written, or the budget or a limit of the system leaves no more room).
        /// </summary>
        private static string? UnderHeadroom(Tuned t)
        {
            decimal target = t.Profile.EffectiveHeadroom;
            var tight = new List<string>();
            foreach (RuleMargin m in t.Margins)
            {
                if (m.RuleId is "EL2010" or "EL2011" or "EL2020" && m.Status == MarginStatus.Passes && m.Headroom is decimal h && h < target)
                {
                    tight.Add($"{m.RuleId} {RuleMargin.Format(h)}×");
                }
            }

            if (tight.Count == 0)
            {
                return null;
            }

            string why = t.Result.Changes.Count == 0 ? "kept as written: every rule passes"
                : t.Profile.MaxFailover is Duration budget ? $"maxFailover {DurationFormat.Go(budget)} leaves no more room"
                : $"{t.System.DisplayName}'s limits leave no more room";
            return $"under the {RuleMargin.Format(target)}× headroom target: {string.Join(", ", tight)} ({why})";
        }

        private static void Text(List<Tuned> tuned, List<FileChange> files, TextWriter w)
        {
            foreach (Tuned t in tuned)
            {
                w.WriteLine($"{(t.File != null ? t.File + At(t.At) + ": " : string.Empty)}{t.System.DisplayName}{(t.Variant != null ? " (" + t.Variant + ")" : string.Empty)} under {ProfileOutput.Text(t.Profile, omitUnset: true)}");
                TuneResult r = t.Result;
                if (r.Changes.Count == 0 && r.After.Findings.Count == 0 && r.Chosen.Count == 0)
                {
                    w.WriteLine(t.File == null ? "  the defaults meet every rule under this profile" : (t.Suppressed.Count == 0 ? "  nothing to change: every rule is met" : $"  nothing to change: every rule is met, with {string.Join(" and ", t.Suppressed)} suppressed in the file here"));
                }

                if (r.After.Findings.Count > 0)
                {
                    w.WriteLine(r.Conflict != null ? "  no recommendation: no values satisfy this profile (below)" : "  no recommendation: a finding remains that no repair clears (below)");
                }

                SettingRows(t, w);
                string before = Window(r.Before), after = Window(r.After);
                w.WriteLine($"  worst-case failover window: {(before != after ? before + " → " : string.Empty)}{after}{(t.Profile.MaxFailover is Duration budget ? $" (maxFailover {DurationFormat.Go(budget)})" : string.Empty)}");
                if (r.After.FailoverNote is string note)
                {
                    w.WriteLine($"    {note}");
                }

                foreach (string remark in r.After.WindowRemarks)
                {
                    w.WriteLine($"    {remark}");
                }
                TradeOffText(t, w);
                if (t.Margins.Count > 0)
                {
                    w.WriteLine("  rules:");
                    foreach (RuleMargin m in t.Margins)
                    {
                        w.WriteLine("    " + m.Summary);
                    }

                    if (r.After.Findings.Count == 0 && UnderHeadroom(t) is string tight)
                    {
                        w.WriteLine("  " + tight);
                    }
                }

                foreach (Finding f in r.After.Findings)
                {
                    w.WriteLine(f.RuleId == "EL2031"
                        ? $"  no values satisfy this profile: {TextFormatter.OneLine(f.Message)}"
                        : $"  left for a person: {f.RuleId} {TextFormatter.OneLine(f.Message)}");
                }

                foreach (Snippet s in r.After.Findings.Count == 0 ? t.Snippets : Array.Empty<Snippet>())
                {
                    w.WriteLine();
                    w.WriteLine($"  {s.Title}:");
                    foreach (string line in s.Text.Split('\n'))
                    {
                        w.WriteLine("    " + line);
                    }
                }

                w.WriteLine();
            }

            foreach (FileChange f in files)
            {
                Fixer.Diff(w, f.File, f.Before, f.After);
                foreach (string s in f.Skipped)
                {
                    w.WriteLine($"# {f.File}: add {s} (the setting is not written in the file)");
                }
            }

            if (tuned.Count == 0)
            {
                w.WriteLine("no configuration with timing settings found");
            }
        }

        private static void SettingRows(Tuned t, TextWriter w)
        {
            SystemDefinition sys = t.System;
            var rows = new List<(string Name, string Value, string Note)>();
            for (int i = 0; i < sys.Settings.Count; i++)
            {
                SettingDefinition s = sys.Settings[i];
                if (!SystemModel.IsNumeric(s) || Untouched(t, i))
                {
                    continue;
                }

                SettingChange? c = t.Result.Changes.FirstOrDefault(x => x.Setting.Id == s.Id);
                string name = t.Result.Before.Instance.NameOf(i);
                decimal? v = t.Result.Values[i];
                string value = v is decimal d ? SettingValues.Display(s, d) : "unknown";
                string note = State(t, i) switch
                {
                    "chosen" => "chosen: no default; the smallest the system allows" + (c != null ? ", raised for the profile" : string.Empty),
                    "changed" => "changed from " + Before(t, i),
                    string other => other,
                };
                rows.Add((name, value, note));
            }

            int nw = rows.Count == 0 ? 0 : rows.Max(r => r.Name.Length), vw = rows.Count == 0 ? 0 : rows.Max(r => r.Value.Length);
            foreach ((string name, string value, string note) in rows)
            {
                w.WriteLine($"  {name.PadRight(nw)}  {value.PadRight(vw)}  {note}");
            }
        }

        /// <summary>A setting tune never changes (MongoDB's catch-up, Patroni's watchdog) left unwritten: no row of its own.</summary>
        private static bool Untouched(Tuned t, int i) => !t.System.Settings[i].Tunable && t.Result.Before.Instance[i] == null;

        /// <summary>chosen (no default), changed, kept (written and unchanged) or default.</summary>
        private static string State(Tuned t, int i) =>
            t.Result.Chosen.Contains(i) ? "chosen"
            : t.Result.Changes.Any(c => c.Setting.Index == i) ? "changed"
            : t.Result.Before.Instance[i] != null ? "kept" : "default";

        private static string Before(Tuned t, int i)
        {
            SettingOccurrence? o = t.Result.Before.Instance[i];
            SettingDefinition s = t.System.Settings[i];
            if (o?.State == OccurrenceState.Set)
            {
                return SettingValues.Display(s, o.Value.Number);
            }

            return o != null ? "an unknown value" : t.Result.OriginalValues[i] is decimal d ? SettingValues.Display(s, d) + " (default)" : "the default";
        }

        private static string Window(EvaluationResult r) => r.FailoverWindow is decimal w ? SettingValues.DisplayDuration(w) : "unknown";

        private static void Json(List<Tuned> tuned, List<FileChange> files, Stream output)
        {
            using var w = new Utf8JsonWriter(output, JsonFormatter.Options);
            w.WriteStartObject();
            w.WriteNumber("version", 1);
            w.WriteStartArray("configurations");
            foreach (Tuned t in tuned)
            {
                TuneResult r = t.Result;
                w.WriteStartObject();
                JsonFormatter.OptionalString(w, "file", t.File);
                if (t.At is SourceSpan at)
                {
                    w.WriteNumber("line", at.StartLine);
                    w.WriteNumber("column", at.StartColumn);
                }

                w.WriteString("system", t.System.Id);
                w.WriteString("systemName", t.System.DisplayName);
                JsonFormatter.OptionalString(w, "variant", t.Variant);
                ProfileOutput.Json(w, t.Profile);
                w.WriteBoolean("clean", r.After.Findings.Count == 0);
                w.WriteStartArray("settings");
                for (int i = 0; i < t.System.Settings.Count; i++)
                {
                    SettingDefinition s = t.System.Settings[i];
                    if (!SystemModel.IsNumeric(s) || Untouched(t, i))
                    {
                        continue;
                    }

                    SettingChange? c = r.Changes.FirstOrDefault(x => x.Setting.Id == s.Id);
                    SettingOccurrence? o = r.Before.Instance[i];
                    w.WriteStartObject();
                    w.WriteString("setting", s.Id);
                    w.WriteString("name", r.Before.Instance.NameOf(i));
                    JsonFormatter.OptionalString(w, "value", r.Values[i] is decimal v ? SettingValues.Display(s, v) : null);
                    JsonFormatter.OptionalString(w, "text", c?.Text ?? (r.Values[i] is decimal v2 ? SettingValues.Write(v2, o?.Format ?? s.Format, o?.UnitNanos) : null));
                    w.WriteString("state", State(t, i));
                    JsonFormatter.OptionalString(w, "before", c != null ? Before(t, i) : null);
                    if ((o?.Location as SettingLocation)?.Value is SourceSpan sp)
                    {
                        w.WriteNumber("line", sp.StartLine);
                        w.WriteNumber("column", sp.StartColumn);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                JsonFormatter.OptionalString(w, "failoverWindowBefore", r.Before.FailoverWindow is decimal wb ? SettingValues.DisplayDuration(wb) : null);
                JsonFormatter.OptionalString(w, "failoverWindow", r.After.FailoverWindow is decimal wa ? SettingValues.DisplayDuration(wa) : null);
                JsonFormatter.OptionalString(w, "failoverNote", r.After.FailoverNote);
                if (r.After.WindowRemarks.Count > 0)
                {
                    w.WriteStartArray("windowRemarks");
                    foreach (string remark in r.After.WindowRemarks)
                    {
                        w.WriteStringValue(remark);
                    }

                    w.WriteEndArray();
                }
                JsonFormatter.Margins(w, t.Margins);
                TradeOffJson(w, t);
                if (r.After.Findings.FirstOrDefault(f => f.RuleId == "EL2031") is Finding conflict && r.Conflict is ProfileConflict pc)
                {
                    w.WriteStartObject("conflict");
                    w.WriteString("message", conflict.Message);
                    w.WriteString("collision", pc.Collision);
                    w.WriteString("relax", pc.Relax);
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("conflict");
                }

                w.WriteStartArray("remaining");
                foreach (Finding f in r.After.Findings)
                {
                    w.WriteStartObject();
                    w.WriteString("rule", f.RuleId);
                    w.WriteString("severity", RuleSeverityText.Name(f.Severity));
                    w.WriteString("message", f.Message);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("snippets");
                foreach (Snippet s in r.After.Findings.Count == 0 ? t.Snippets : Array.Empty<Snippet>())
                {
                    w.WriteStartObject();
                    w.WriteString("title", s.Title);
                    w.WriteString("language", s.Language);
                    w.WriteString("text", s.Text);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("files");
            foreach (FileChange f in files)
            {
                w.WriteStartObject();
                w.WriteString("file", f.File);
                var diff = new StringWriter { NewLine = "\n" };
                Fixer.Diff(diff, f.File, f.Before, f.After);
                w.WriteString("diff", diff.ToString());
                w.WriteStartArray("notWritten");
                foreach (string s in f.Skipped)
                {
                    w.WriteStringValue(s);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        private static string At(SourceSpan? span) => span is SourceSpan s ? $":{s.StartLine}:{s.StartColumn}" : string.Empty;
    }
}
