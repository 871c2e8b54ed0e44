using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ElectionLint.Config.Documents;
using ElectionLint.Config.Linting;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Evaluation;

namespace ElectionLint.Cli
{
    /// <summary>
    /// One accepted finding: rule, file (relative to the baseline's folder), setting, where it sits in the file's structure,
    /// the value as written and the related settings' values as written (null in a baseline written before they were
    /// recorded: such an entry matches whatever they are). Never a line: moving or reformatting keeps it; another value of
    /// the setting or of a related one shows the finding again.
    /// </summary>
    internal sealed record BaselineEntry(string Rule, string File, string Setting, string Path, string Value, string? Related) : IComparable<BaselineEntry>
    {
        public int CompareTo(BaselineEntry? other) => other == null ? 1
            : string.CompareOrdinal(File, other.File) is int f && f != 0 ? f
            : string.CompareOrdinal(Rule, other.Rule) is int r && r != 0 ? r
            : string.CompareOrdinal(Setting, other.Setting) is int s && s != 0 ? s
            : string.CompareOrdinal(Path, other.Path) is int p && p != 0 ? p
            : string.CompareOrdinal(Value, other.Value) is int v && v != 0 ? v
            : string.CompareOrdinal(Related, other.Related);

        public static BaselineEntry For(LintDiagnostic d, string baselineDirectory, ParsedFile? parsed, SourceText? source)
        {
            string file = System.IO.Path.GetRelativePath(baselineDirectory, d.Path).Replace('\\', '/');
            string value = source != null && d.Span.EndOffset <= source.Text.Length && d.Span.StartOffset <= d.Span.EndOffset
                ? MessageTemplate.Quote(source.Text.Substring(d.Span.StartOffset, d.Span.EndOffset - d.Span.StartOffset).Trim(), 200)
                : string.Empty;
            return new BaselineEntry(d.RuleId, file, d.SettingKey ?? string.Empty, d.Finding != null ? SettingPath.Of(parsed, d.Span) : string.Empty, value, RelatedValues(d, source));
        }

        /// <summary>"heartbeat-interval=100": each related setting of this file with its value as written, in the finding's order.</summary>
        private static string RelatedValues(LintDiagnostic d, SourceText? source)
        {
            var parts = new List<string>();
            foreach (RelatedLocation r in d.Related)
            {
                if (r.Path == null && r.Setting != null && source != null && r.Span.EndOffset <= source.Text.Length && r.Span.StartOffset <= r.Span.EndOffset)
                {
                    parts.Add(r.Setting + "=" + MessageTemplate.Quote(source.Text.Substring(r.Span.StartOffset, r.Span.EndOffset - r.Span.StartOffset).Trim(), 200));
                }
            }

            return string.Join("; ", parts);
        }
    }

    /// <summary>The baseline file (docs/baseline.md): JSON, one finding per line, sorted, so that it diffs well.</summary>
    internal static class Baseline
    {
        public const int Version = 1;

        /// <summary>A baseline of 100,000 findings is about 15 MB; a larger file is refused rather than read without end.</summary>
        public const int MaxBytes = 64 * 1024 * 1024;

        public static void Write(string path, IEnumerable<BaselineEntry> entries)
        {
            var sb = new StringBuilder();
            sb.Append("{\n  \"electionlintBaseline\": ").Append(Version).Append(",\n  \"findings\": [");
            bool first = true;
            foreach (BaselineEntry e in entries.OrderBy(e => e))
            {
                sb.Append(first ? "\n    " : ",\n    ").Append(Line(e));
                first = false;
            }

            sb.Append(first ? "]\n}\n" : "\n  ]\n}\n");
            string full = System.IO.Path.GetFullPath(path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            string temp = full + ".tmp";
            File.WriteAllText(temp, sb.ToString(), new UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
        }

        /// <summary>The entries, or null with what is wrong with the file.</summary>
        public static List<BaselineEntry>? Read(string path, out string? error)
        {
            error = null;
            try
            {
                byte[]? bytes = BoundedFile.Read(path, MaxBytes, out string? skipped);
                if (bytes == null)
                {
                    error = skipped!.Replace("file skipped: ", string.Empty);
                    return null;
                }

                using JsonDocument doc = JsonDocument.Parse(bytes.AsMemory(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0));
                JsonElement root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("electionlintBaseline", out JsonElement v) || v.ValueKind != JsonValueKind.Number || v.GetInt32() != Version
                    || !root.TryGetProperty("findings", out JsonElement findings) || findings.ValueKind != JsonValueKind.Array)
                {
                    error = $"not an electionlint baseline (version {Version}): write one with --write-baseline";
                    return null;
                }

                var entries = new List<BaselineEntry>();
                foreach (JsonElement f in findings.EnumerateArray())
                {
                    entries.Add(new BaselineEntry(Text(f, "rule"), Text(f, "file"), Text(f, "setting"), Text(f, "path"), Text(f, "value"),
                        f.TryGetProperty("related", out JsonElement related) && related.ValueKind == JsonValueKind.String ? related.GetString() : null));
                }

                return entries;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is JsonException || e is InvalidOperationException || e is FormatException || e is ArgumentException)
            {
                error = e is JsonException ? "not valid JSON (" + e.Message + ")" : e.Message;
                return null;
            }
        }

        /// <summary>Each entry accepts one finding with the same key; the others are new.</summary>
        public static bool[] Accepted(IReadOnlyList<BaselineEntry> findings, IEnumerable<BaselineEntry> baseline)
        {
            var left = new Dictionary<BaselineEntry, int>();
            foreach (BaselineEntry e in baseline)
            {
                left[e] = left.TryGetValue(e, out int n) ? n + 1 : 1;
            }

            var accepted = new bool[findings.Count];
            for (int i = 0; i < findings.Count; i++)
            {
                // An entry without related values (an older baseline) accepts the finding whatever they are.
                foreach (BaselineEntry key in new[] { findings[i], findings[i] with { Related = null } })
                {
                    if (left.TryGetValue(key, out int n) && n > 0)
                    {
                        left[key] = n - 1;
                        accepted[i] = true;
                        break;
                    }
                }
            }

            return accepted;
        }

        private static string Text(JsonElement e, string name) =>
            e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;

        private static string Line(BaselineEntry e)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartObject();
                w.WriteString("rule", e.Rule);
                w.WriteString("file", e.File);
                w.WriteString("setting", e.Setting);
                w.WriteString("path", e.Path);
                w.WriteString("value", e.Value);
                w.WriteString("related", e.Related ?? string.Empty);
                w.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }
    }
}
