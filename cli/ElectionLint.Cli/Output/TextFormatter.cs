using System;
using System.IO;
using System.Linq;
using ElectionLint.Config.Linting;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Catalogue;

namespace ElectionLint.Cli.Output
{
    /// <summary><c>file:line:col: severity ID: message</c>, then a code frame with the value underlined.</summary>
    internal static class TextFormatter
    {
        public static void Write(LintReport report, TextWriter w)
        {
            foreach (LintDiagnostic d in report.Diagnostics)
            {
                string severity = RuleSeverityText.Name(d.Severity), id = d.RuleId;
                if (report.Color)
                {
                    severity = (d.Severity == RuleSeverity.Error ? "\u001b[1;31m" : d.Severity == RuleSeverity.Warning ? "\u001b[1;33m" : "\u001b[1;36m") + severity + "\u001b[0m";
                    id = "\u001b[2m" + id + "\u001b[0m";
                }

                w.WriteLine($"{OneLine(report.DisplayPath(d.Path))}:{d.Span.StartLine}:{d.Span.StartColumn}: {severity} {id}: {OneLine(d.Message)}");
                if (report.Sources.TryGetValue(d.Path, out SourceText? source) && d.Span.StartLine >= 1 && d.Span.StartLine <= source.LineCount)
                {
                    Frame(w, source, d.Span);
                    foreach (RelatedLocation r in d.Related)
                    {
                        w.WriteLine($"    {OneLine(report.DisplayPath(r.Path ?? d.Path))}:{r.Span.StartLine}:{r.Span.StartColumn}: note: {OneLine(r.Message)}");
                    }
                }

                w.WriteLine();
            }

            if (report.Quiet)
            {
                return;
            }

            int errors = report.Diagnostics.Count(d => d.Severity == RuleSeverity.Error);
            int warnings = report.Diagnostics.Count(d => d.Severity == RuleSeverity.Warning);
            int infos = report.Diagnostics.Count(d => d.Severity == RuleSeverity.Info);
            w.WriteLine($"{report.FilesLinted} {(report.FilesLinted == 1 ? "file" : "files")} linted: {errors} {Plural(errors, "error")}, {warnings} {Plural(warnings, "warning")}, {infos} {Plural(infos, "info")}");
        }

        private static string Plural(int n, string word) => n == 1 ? word : word + "s";

        /// <summary>The longest part of a source line a frame shows; a minified 8 MB line is cut around the value.</summary>
        private const int FrameWidth = 160;

        private static void Frame(TextWriter w, SourceText source, SourceSpan span)
        {
            string line = source.Line(span.StartLine);
            int start = Math.Max(1, span.StartColumn);
            int end = span.EndLine == span.StartLine ? Math.Max(span.EndColumn, start + 1) : line.Length + 1;
            int from = 0;
            string prefix = string.Empty, suffix = string.Empty;
            if (line.Length > FrameWidth)
            {
                from = Math.Max(0, Math.Min(start - 1 - (FrameWidth / 4), line.Length - FrameWidth));
                prefix = from > 0 ? "…" : string.Empty;
                suffix = from + FrameWidth < line.Length ? "…" : string.Empty;
                line = line.Substring(from, FrameWidth);
            }

            // One character per column, so the caret stays under the value: tabs and control characters become spaces.
            char[] shown = line.ToCharArray();
            for (int i = 0; i < shown.Length; i++)
            {
                if (char.IsControl(shown[i]) || shown[i] == '\u2028' || shown[i] == '\u2029')
                {
                    shown[i] = ' ';
                }
            }

            string number = span.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string gutter = new string(' ', number.Length);
            w.WriteLine($" {number} | {prefix}{new string(shown)}{suffix}");
            int caret = Math.Max(0, start - 1 - from) + prefix.Length;
            int width = Math.Max(1, Math.Min(end - 1 - from, shown.Length) - (start - 1 - from));
            w.WriteLine($" {gutter} | {new string(' ', caret)}^{new string('~', Math.Max(0, width - 1))}");
        }

        /// <summary>A value that holds a line break or a control character cannot break the one-line format (or forge a workflow command).</summary>
        internal static string OneLine(string text)
        {
            System.Text.StringBuilder? sb = null;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool control = char.IsControl(c) || c == '\u2028' || c == '\u2029';
                if (control && sb == null)
                {
                    sb = new System.Text.StringBuilder(text, 0, i, text.Length + 16);
                }

                if (sb != null)
                {
                    if (!control)
                    {
                        sb.Append(c);
                    }
                    else
                    {
                        sb.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) });
                    }
                }
            }

            return sb?.ToString() ?? text;
        }
    }
}
