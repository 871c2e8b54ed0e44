using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using ElectionLint.Config.Linting;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Catalogue;

namespace ElectionLint.Cli.Output
{
    /// <summary>SARIF 2.1.0: tool.driver.rules from the catalogue, real regions, the related setting as a related location.</summary>
    internal static class SarifFormatter
    {
        public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

        public static void Write(LintReport report, Stream output, string version)
        {
            var index = new Dictionary<string, int>();
            using var w = new Utf8JsonWriter(output, JsonFormatter.Options);
            w.WriteStartObject();
            w.WriteString("$schema", Schema);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "ElectionLint");
            w.WriteString("informationUri", Rule.RepositoryUrl);
            w.WriteString("semanticVersion", version);
            w.WriteStartArray("rules");
            for (int i = 0; i < RuleCatalogue.Rules.Count; i++)
            {
                Rule r = RuleCatalogue.Rules[i];
                index[r.Id] = i;
                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteString("name", Name(r.Title));
                w.WriteStartObject("shortDescription");
                w.WriteString("text", r.Title);
                w.WriteEndObject();
                w.WriteStartObject("fullDescription");
                w.WriteString("text", r.Description);
                w.WriteEndObject();
                w.WriteString("helpUri", r.HelpLink);
                w.WriteStartObject("defaultConfiguration");
                w.WriteString("level", Level(r.DefaultSeverity));
                w.WriteEndObject();
                w.WriteStartObject("properties");
                w.WriteString("category", r.Category);
                w.WriteStartArray("tags");
                w.WriteStringValue(r.Category);
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            // Paths relative to the repository root: code scanning maps them whatever folder the lint ran in.
            w.WriteStartObject("originalUriBaseIds");
            w.WriteStartObject(SourceRoot);
            w.WriteString("uri", new Uri(report.RepositoryRoot.TrimEnd('/') + "/").AbsoluteUri);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteString("columnKind", "utf16CodeUnits");
            w.WriteStartArray("results");
            foreach (LintDiagnostic d in report.Diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", d.RuleId);
                w.WriteNumber("ruleIndex", index[d.RuleId]);
                w.WriteString("level", Level(d.Severity));
                w.WriteStartObject("message");
                w.WriteString("text", d.Message);
                w.WriteEndObject();
                w.WriteStartArray("locations");
                w.WriteStartObject();
                Physical(w, report, d.Path, d.Span);
                w.WriteEndObject();
                w.WriteEndArray();
                if (d.Related.Count > 0)
                {
                    w.WriteStartArray("relatedLocations");
                    int id = 1;
                    foreach (RelatedLocation r in d.Related)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("id", id++);
                        Physical(w, report, r.Path ?? d.Path, r.Span);
                        w.WriteStartObject("message");
                        w.WriteString("text", r.Message);
                        w.WriteEndObject();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }

                if (d.SettingKey != null)
                {
                    w.WriteStartObject("partialFingerprints");
                    w.WriteString("electionlint/v1", d.RuleId + "|" + report.DisplayPath(d.Path) + "|" + d.SettingKey);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
                JsonFormatter.FlushSome(w);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        private const string SourceRoot = "%SRCROOT%";

        public static string Level(RuleSeverity s) => s switch
        {
            RuleSeverity.Error => "error",
            RuleSeverity.Warning => "warning",
            RuleSeverity.Info => "note",
            _ => "none",
        };

        private static void Physical(Utf8JsonWriter w, LintReport report, string path, SourceSpan span)
        {
            w.WriteStartObject("physicalLocation");
            w.WriteStartObject("artifactLocation");
            string relative = Path.GetRelativePath(report.RepositoryRoot, path).Replace('\\', '/');
            if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            {
                w.WriteString("uri", new Uri(Path.GetFullPath(path)).AbsoluteUri);
            }
            else
            {
                w.WriteString("uri", Uri(relative));
                w.WriteString("uriBaseId", SourceRoot);
            }

            w.WriteEndObject();
            w.WriteStartObject("region");
            w.WriteNumber("startLine", Math.Max(1, span.StartLine));
            w.WriteNumber("startColumn", Math.Max(1, span.StartColumn));
            w.WriteNumber("endLine", Math.Max(1, span.EndLine));
            w.WriteNumber("endColumn", Math.Max(1, Math.Max(span.EndColumn, span.EndLine == span.StartLine ? span.StartColumn : 1)));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private static string Uri(string displayPath)
        {
            if (Path.IsPathRooted(displayPath))
            {
                return new Uri(displayPath).AbsoluteUri;
            }

            var parts = displayPath.Split('/');
            for (int i = 0; i < parts.Length; i++)
            {
                parts[i] = System.Uri.EscapeDataString(parts[i]);
            }

            return string.Join("/", parts);
        }

        /// <summary>
        /// A PascalCase identifier from the title (SARIF reportingDescriptor.name): letters and digits only, with the
        /// symbols said in words so that numbers keep their meaning ("1.2× the" → "1Point2TimesThe", not "12The").
        /// </summary>
        internal static string Name(string title)
        {
            var sb = new System.Text.StringBuilder();
            bool wordStart = true;
            for (int i = 0; i < title.Length; i++)
            {
                char c = title[i];
                string? word = c switch
                {
                    '×' => "Times",
                    '+' => "Plus",
                    '÷' => "Over",
                    '.' when i > 0 && i + 1 < title.Length && char.IsDigit(title[i - 1]) && char.IsDigit(title[i + 1]) => "Point",
                    _ => null,
                };
                if (word != null)
                {
                    sb.Append(word);
                    wordStart = c != '.';
                }
                else if (c < 128 && char.IsLetterOrDigit(c))
                {
                    sb.Append(wordStart ? char.ToUpperInvariant(c) : c);
                    wordStart = false;
                }
                else if (c != '\'')
                {
                    wordStart = true; // an apostrophe joins ("Broker's" → "Brokers")
                }
            }

            return sb.ToString();
        }
    }
}
