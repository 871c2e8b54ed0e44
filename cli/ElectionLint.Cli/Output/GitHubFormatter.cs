using System.IO;
using ElectionLint.Config.Linting;
using ElectionLint.Rules.Catalogue;

namespace ElectionLint.Cli.Output
{
    /// <summary>GitHub Actions workflow commands: <c>::error file=…,line=…,col=…,endLine=…,endColumn=…,title=ID::message</c>.</summary>
    internal static class GitHubFormatter
    {
        public static void Write(LintReport report, TextWriter w)
        {
            foreach (LintDiagnostic d in report.Diagnostics)
            {
                string level = d.Severity switch
                {
                    RuleSeverity.Error => "error",
                    RuleSeverity.Warning => "warning",
                    _ => "notice",
                };
                w.WriteLine($"::{level} file={Property(report.DisplayPath(d.Path))},line={d.Span.StartLine},col={d.Span.StartColumn},endLine={d.Span.EndLine},endColumn={d.Span.EndColumn},title={Property(d.RuleId + " " + d.Rule.Title)}::{Data(d.Message)}");
            }
        }

        private static string Data(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

        private static string Property(string s) => Data(s).Replace(":", "%3A").Replace(",", "%2C");
    }
}
