using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ElectionLint.Cli.Output;
using ElectionLint.Config.Linting;
using ElectionLint.Config.Recognition;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Solving;
using ElectionLint.Rules.Timing;
using ElectionLint.Rules.TradeOff;

namespace ElectionLint.Cli
{
    /// <summary>
    /// <c>electionlint explain PATH…</c>: every configuration found, each setting as set, defaulted or unknown with its
    /// position, the profile that applies and where it came from, the failover window, and each finding with its repairs.
    /// </summary>
    internal static class ExplainCommand
    {
        private sealed record Setting(string Id, string Name, string State, string? Value, SourceSpan? At);

        private sealed record Configuration(string File, string System, string SystemName, string? Variant, SourceSpan? At, EnvironmentProfile Profile, string? ProfileFile,
            IReadOnlyList<Setting> Settings, string? FailoverWindow, IReadOnlyList<DerivedQuantity> Derived, IReadOnlyList<RuleMargin> Margins, IReadOnlyList<Finding> Findings,
            TradeOffEstimate? TradeOff, IReadOnlyList<string> WindowRemarks);

        public static int Run(IReadOnlyList<string> paths, string format, string? config, TextWriter stdout, TextWriter stderr, Stream stdoutStream)
        {
            (List<string> files, List<string> missing) = FileWalker.Expand(paths.Count > 0 ? paths : new[] { "." });
            if (FileWalker.ReportMissing(missing, stderr))
            {
                return LintRunner.UsageError;
            }

            var resolver = new ProfileResolver(config != null ? ProfileResolver.LoadFile(config) : null);
            string cwd = Directory.GetCurrentDirectory();
            var found = new List<Configuration>();
            HashSet<string> named = FileWalker.NamedFiles(paths);
            foreach (string file in files)
            {
                (ProfileDocument doc, string rel) = resolver.For(file);
                if (doc.IgnoredBy(rel) is Glob ignoredBy)
                {
                    if (named.Contains(file))
                    {
                        stderr.WriteLine(FileWalker.IgnoredLine(file, resolver.PathFor(file), ignoredBy, cwd));
                    }

                    continue;
                }

                EnvironmentProfile profile = doc.ProfileFor(rel);
                string? profileFile = resolver.PathFor(file) is string p ? Path.GetRelativePath(cwd, p) : null;
                FileResult result = ConfigLinter.LintFile(file, doc, rel);
                foreach (EvaluationResult e in result.Evaluations)
                {
                    found.Add(Describe(Path.GetRelativePath(cwd, file).Replace('\\', '/'), e, profile, profileFile, doc.RuleSeverities));
                }
            }

            if (format == "json")
            {
                stdout.Flush();
                Json(found, stdoutStream);
                stdoutStream.Flush();
                stdout.WriteLine();
            }
            else
            {
                Text(found, stdout);
            }

            return LintRunner.Clean;
        }

        private static Configuration Describe(string file, EvaluationResult e, EnvironmentProfile profile, string? profileFile, IReadOnlyDictionary<string, RuleSeverity> severities)
        {
            ConfigurationInstance instance = e.Instance;
            var settings = new List<Setting>();
            for (int i = 0; i < instance.System.Settings.Count; i++)
            {
                SettingDefinition definition = instance.System.Settings[i];
                SettingOccurrence? o = instance[i];
                string name = instance.NameOf(i);
                if (o != null)
                {
                    string state = o.State switch { OccurrenceState.Set => "set", OccurrenceState.Unknown => "unknown", _ => "invalid" };
                    string? value = o.State == OccurrenceState.Set ? (o.Value.Text ?? SettingValues.Display(o.Format, definition.IsDuration, o.Value.Number)) : o.Raw;
                    settings.Add(new Setting(definition.Id, name, state, value, (o.Location as SettingLocation)?.Value));
                }
                else if (instance.TryGetDefault(i, out decimal? d))
                {
                    settings.Add(new Setting(definition.Id, name, d is decimal known ? "default" : "unset", d is decimal v ? SettingValues.Display(definition, v) : null, null));
                }
            }

            string? window = e.FailoverWindow is decimal w ? SettingValues.DisplayDuration(w) : null;
            return new Configuration(file, instance.System.Id, instance.System.DisplayName, instance.Variant, (instance.Anchor as SettingLocation)?.Value, profile, profileFile, settings, window,
                Margins.Derived(e, profile), Margins.Of(e, profile, severities), e.Findings,
                TradeOffModel.Estimate(instance, profile), e.WindowRemarks);
        }

        /// <summary>A configuration the system refuses never runs: it has no false-election rate or failover time.</summary>
        private static bool Refused(Configuration c) => c.Findings.Any(f => f.Rule.Category == RuleCategory.HardLimit);

        private static void Text(List<Configuration> found, TextWriter w)
        {
            foreach (Configuration c in found)
            {
                w.WriteLine($"{c.File}{At(c.At)}: {c.SystemName}{(c.Variant != null ? " (" + c.Variant + ")" : string.Empty)}");
                w.WriteLine($"  profile: {ProfileOutput.Text(c.Profile, omitUnset: false)}{(c.ProfileFile != null ? " — from " + c.ProfileFile : " — no profile file")}");
                int width = c.Settings.Count == 0 ? 0 : c.Settings.Max(s => s.Name.Length);
                foreach (Setting s in c.Settings)
                {
                    w.WriteLine($"  {s.Name.PadRight(width)}  {TextFormatter.OneLine(s.Value ?? "–")}  {s.State}{(s.At is SourceSpan at ? " at " + at.StartLine + ":" + at.StartColumn : string.Empty)}");
                }

                string formula = c.Derived.FirstOrDefault(q => q.Label == "failover window") is DerivedQuantity fw && fw.Formula != "failover window" ? $" ({fw.Formula})" : string.Empty;
                w.WriteLine($"  worst-case failover window: {c.FailoverWindow ?? "unknown (a value is unknown)"}{formula}");
                foreach (string remark in c.WindowRemarks)
                {
                    w.WriteLine("    " + remark);
                }

                foreach (DerivedQuantity q in c.Derived.Where(q => q.Label != "failover window"))
                {
                    w.WriteLine($"  {q.Label}: {q.Formula} = {q.Value ?? "unknown"}");
                }

                foreach (string line in TradeOffOutput.Lines(c.TradeOff, Refused(c)))
                {
                    w.WriteLine("  " + line);
                }

                if (c.Margins.Count > 0)
                {
                    w.WriteLine("  rules:");
                    foreach (RuleMargin m in c.Margins)
                    {
                        w.WriteLine("    " + m.Summary);
                    }
                }

                if (c.Findings.Count == 0)
                {
                    w.WriteLine("  no finding: every rule with the values it needs passes");
                }

                foreach (Finding f in c.Findings)
                {
                    w.WriteLine($"  {f.RuleId} {RuleSeverityText.Name(f.Severity)}: {TextFormatter.OneLine(f.Message)}");
                    foreach (RepairPlan plan in f.Repairs)
                    {
                        w.WriteLine("    repair: " + string.Join(", ", plan.Changes.Select(ch => $"{ch.Name} = {ch.Text}")));
                    }
                }

                w.WriteLine();
            }

            w.WriteLine($"{found.Count} {(found.Count == 1 ? "configuration" : "configurations")} found");
        }

        private static void Json(List<Configuration> found, Stream output)
        {
            using var w = new Utf8JsonWriter(output, JsonFormatter.Options);
            w.WriteStartObject();
            w.WriteNumber("version", 1);
            w.WriteStartArray("configurations");
            foreach (Configuration c in found)
            {
                w.WriteStartObject();
                w.WriteString("file", c.File);
                Position(w, c.At);
                w.WriteString("system", c.System);
                w.WriteString("systemName", c.SystemName);
                if (c.Variant != null)
                {
                    w.WriteString("variant", c.Variant);
                }

                ProfileOutput.Json(w, c.Profile, withFile: true, c.ProfileFile);
                w.WriteStartArray("settings");
                foreach (Setting s in c.Settings)
                {
                    w.WriteStartObject();
                    w.WriteString("setting", s.Id);
                    w.WriteString("name", s.Name);
                    w.WriteString("state", s.State);
                    if (s.Value != null)
                    {
                        w.WriteString("value", s.Value);
                    }
                    else
                    {
                        w.WriteNull("value");
                    }

                    Position(w, s.At);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                if (c.FailoverWindow != null)
                {
                    w.WriteString("failoverWindow", c.FailoverWindow);
                }
                else
                {
                    w.WriteNull("failoverWindow");
                }

                if (c.WindowRemarks.Count > 0)
                {
                    w.WriteStartArray("windowRemarks");
                    foreach (string remark in c.WindowRemarks)
                    {
                        w.WriteStringValue(remark);
                    }

                    w.WriteEndArray();
                }

                w.WriteStartArray("derived");
                foreach (DerivedQuantity q in c.Derived)
                {
                    w.WriteStartObject();
                    w.WriteString("quantity", q.Label);
                    w.WriteString("formula", q.Formula);
                    JsonFormatter.OptionalString(w, "value", q.Value);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                TradeOffOutput.Json(w, "tradeOff", Refused(c) ? null : c.TradeOff);
                JsonFormatter.Margins(w, c.Margins);
                w.WriteStartArray("findings");
                foreach (Finding f in c.Findings)
                {
                    w.WriteStartObject();
                    w.WriteString("rule", f.RuleId);
                    w.WriteString("severity", RuleSeverityText.Name(f.Severity));
                    w.WriteString("message", f.Message);
                    JsonFormatter.Repairs(w, f);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        private static string At(SourceSpan? span) => span is SourceSpan s ? $":{s.StartLine}:{s.StartColumn}" : string.Empty;

        private static void Position(Utf8JsonWriter w, SourceSpan? span)
        {
            if (span is SourceSpan s)
            {
                w.WriteNumber("line", s.StartLine);
                w.WriteNumber("column", s.StartColumn);
            }
        }
    }
}
