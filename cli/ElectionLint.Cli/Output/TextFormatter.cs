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
                w.WriteLine($"{report.DisplayPath(d.Path)}:{d.Span.StartLine}:{d.Span.StartColumn}: {RuleSeverityText.Name(d.Severity)} {d.RuleId}: {d.Message}");
                if (report.Sources.TryGetValue(d.Path, out SourceText? source) && d.Span.StartLine >= 1 && d.Span.StartLine <= source.LineCount)
                {
                    Frame(w, source, d.Span);
                    foreach (RelatedLocation r in d.Related)
                    {
                        w.WriteLine($"    {report.DisplayPath(d.Path)}:{r.Span.StartLine}:{r.Span.StartColumn}: note: {r.Message}");
                    }
                }

                w.WriteLine();
            }

            int errors = report.Diagnostics.Count(d => d.Severity == RuleSeverity.Error);
            int warnings = report.Diagnostics.Count(d => d.Severity == RuleSeverity.Warning);
            int infos = report.Diagnostics.Count(d => d.Severity == RuleSeverity.Info);
            w.WriteLine($"{report.FilesLinted} {(report.FilesLinted == 1 ? "file" : "files")} linted: {errors} {Plural(errors, "error")}, {warnings} {Plural(warnings, "warning")}, {infos} {Plural(infos, "info")}");
        }

        private static string Plural(int n, string word) => n == 1 ? word : word + "s";

        private static void Frame(TextWriter w, SourceText source, SourceSpan span)
        {
            string line = source.Line(span.StartLine).Replace('\t', ' ');
            string number = span.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string gutter = new string(' ', number.Length);
            w.WriteLine($" {number} | {line}");
            int start = Math.Max(1, span.StartColumn);
            int end = span.EndLine == span.StartLine ? Math.Max(span.EndColumn, start + 1) : line.Length + 1;
            int width = Math.Max(1, Math.Min(end, line.Length + 1) - start);
            w.WriteLine($" {gutter} | {new string(' ', start - 1)}^{new string('~', Math.Max(0, width - 1))}");
        }
    }
}
