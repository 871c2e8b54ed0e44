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
        }

        /// <summary>One configuration tuned: where it is, under which profile, and the result.</summary>
        private sealed record Tuned(SystemDefinition System, string? Variant, string? File, SourceSpan? At, EnvironmentProfile Profile, TuneResult Result,
            IReadOnlyList<RuleMargin> Margins, IReadOnlyList<Snippet> Snippets);

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

                EnvironmentProfile profile = flags ?? EnvironmentProfile.Default;
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
                        TuneResult r = Tuner.Tune(e.Instance, profile, doc.RuleSeverities);
                        tuned.Add(new Tuned(e.Instance.System, e.Instance.Variant, display, (e.Instance.Anchor as SettingLocation)?.Value, profile, r,
                            Margins.Of(r.After, profile, doc.RuleSeverities), Array.Empty<Snippet>()));
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
                    w.WriteLine(t.File == null ? "  the defaults meet every rule under this profile" : "  nothing to change: every rule is met");
                }

                if (r.After.Findings.Count > 0)
                {
                    w.WriteLine(r.Conflict != null ? "  no recommendation: no values satisfy this profile (below)" : "  no recommendation: a finding remains that no repair clears (below)");
                }

                SettingRows(t, w);
                string before = Window(r.Before), after = Window(r.After);
                w.WriteLine($"  worst-case failover window: {(before != after ? before + " → " : string.Empty)}{after}{(t.Profile.MaxFailover is Duration budget ? $" (maxFailover {DurationFormat.Go(budget)})" : string.Empty)}");
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
                if (!SystemModel.IsNumeric(s))
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
                    if (!SystemModel.IsNumeric(s))
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
                JsonFormatter.Margins(w, t.Margins);
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
