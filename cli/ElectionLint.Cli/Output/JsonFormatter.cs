using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using ElectionLint.Config.Linting;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Solving;

namespace ElectionLint.Cli.Output
{
    /// <summary>A stable JSON document of the diagnostics (Utf8JsonWriter: no reflection, AOT-safe).</summary>
    internal static class JsonFormatter
    {
        public static readonly JsonWriterOptions Options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>
        /// Hands what the writer holds to the stream once it passes 32 KB. A Utf8JsonWriter over a stream keeps the whole
        /// document until flushed, in a buffer that doubles: large-object allocations that made full collections.
        /// </summary>
        internal static void FlushSome(Utf8JsonWriter w)
        {
            if (w.BytesPending > 32 * 1024)
            {
                w.Flush();
            }
        }

        public static void Write(LintReport report, Stream output)
        {
            using var w = new Utf8JsonWriter(output, Options);
            w.WriteStartObject();
            w.WriteNumber("version", 2); // 2: "repairs" replaced "suggestions" (docs/json-output.md)
            w.WriteNumber("filesLinted", report.FilesLinted);
            w.WriteStartArray("diagnostics");
            foreach (LintDiagnostic d in report.Diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("file", report.DisplayPath(d.Path));
                Span(w, d.Span);
                w.WriteString("rule", d.RuleId);
                w.WriteString("severity", RuleSeverityText.Name(d.Severity));
                w.WriteString("message", d.Message);
                if (d.SettingKey != null)
                {
                    w.WriteString("setting", d.SettingKey);
                }

                w.WriteStartArray("related");
                foreach (RelatedLocation r in d.Related)
                {
                    w.WriteStartObject();
                    w.WriteString("file", report.DisplayPath(r.Path ?? d.Path));
                    Span(w, r.Span);
                    w.WriteString("message", r.Message);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                Repairs(w, d.Finding);
                w.WriteEndObject();
                FlushSome(w);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        /// <summary>"repairs": alternatives, best first; each the settings to change together (shared with explain).</summary>
        internal static void Repairs(Utf8JsonWriter w, Finding? finding)
        {
            w.WriteStartArray("repairs");
            foreach (RepairPlan plan in finding?.Repairs ?? new RepairPlan[0])
            {
                w.WriteStartArray();
                foreach (SettingChange c in plan.Changes)
                {
                    w.WriteStartObject();
                    w.WriteString("setting", c.Name);
                    w.WriteString("value", c.Display);
                    w.WriteString("text", c.Text);
                    w.WriteBoolean("present", c.Occurrence != null);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
        }

        /// <summary>"margins": each constraint with the values it sees (shared by explain and tune).</summary>
        internal static void Margins(Utf8JsonWriter w, System.Collections.Generic.IReadOnlyList<RuleMargin> margins)
        {
            w.WriteStartArray("margins");
            foreach (RuleMargin m in margins)
            {
                w.WriteStartObject();
                w.WriteString("rule", m.RuleId);
                w.WriteString("kind", m.Kind switch { ConstraintKind.Hard => "limit", ConstraintKind.Soft => "guidance", _ => "tuning" });
                w.WriteString("constraint", m.Constraint);
                w.WriteString("status", m.Status switch { MarginStatus.Passes => "passes", MarginStatus.Fires => "fires", MarginStatus.NotReported => "notReported", _ => "unknown" });
                OptionalString(w, "actual", m.Actual);
                OptionalString(w, "required", m.Required);
                if (m.Headroom is decimal h)
                {
                    w.WriteNumber("headroom", decimal.Round(h, 3));
                }
                else
                {
                    w.WriteNull("headroom");
                }

                OptionalString(w, "slack", m.Slack);
                OptionalString(w, "reason", m.Reason);
                w.WriteString("summary", m.Summary);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        internal static void OptionalString(Utf8JsonWriter w, string name, string? value)
        {
            if (value != null)
            {
                w.WriteString(name, value);
            }
            else
            {
                w.WriteNull(name);
            }
        }

        private static void Span(Utf8JsonWriter w, SourceSpan s)
        {
            w.WriteNumber("line", s.StartLine);
            w.WriteNumber("column", s.StartColumn);
            w.WriteNumber("endLine", s.EndLine);
            w.WriteNumber("endColumn", s.EndColumn);
        }
    }
}
