using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ElectionLint.Config.Documents;
using ElectionLint.Config.Linting;
using ElectionLint.Config.ProfileFile;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Profile;

namespace ElectionLint.Config.Tests
{
    internal static class Lint
    {
        public static IReadOnlyList<LintDiagnostic> Text(string fileName, string text, string? profile = null)
        {
            ProfileDocument doc = profile == null ? ProfileDocument.Empty : ProfileLoader.Load(".electionlint.yaml", profile).Document;
            return ConfigLinter.Lint(fileName, Encoding.UTF8.GetBytes(text), doc, fileName).Diagnostics;
        }

        /// <summary>What the file's reader reports (files without a timing word are not parsed by the linter).</summary>
        public static string[] Problems(string fileName, string text)
        {
            var source = new SourceText(fileName, text);
            ParsedFile parsed = ConfigFileNames.KindOf(fileName) switch
            {
                FileKind.Json => JsonReader.Read(source),
                FileKind.Properties => PropertiesReader.Read(source),
                FileKind.SentinelConf => SentinelConfReader.Read(source),
                FileKind.Hcl => HclReader.Read(source),
                _ => YamlReader.Read(source),
            };
            return parsed.Problems.Select(p => $"{p.Span.StartLine}:{p.Span.StartColumn} {p.RuleId} {p.Message}").ToArray();
        }

        /// <summary>
        /// The findings (EL9xxx aside) of a file whose <paramref name="line"/> has <paramref name="old"/>, the first after its
        /// ':' or '=', replaced by <paramref name="violating"/>: a mutation-recall row.
        /// </summary>
        public static IReadOnlyList<LintDiagnostic> Mutated(string path, string file, int line, string old, string violating, IReadOnlyList<ElectionLint.Config.Recognition.TemplateBinding>? templates = null)
        {
            string[] lines = File.ReadAllText(path).Split('\n');
            string text = lines[line - 1];
            int separator = System.Math.Max(text.IndexOf(':'), text.IndexOf('='));
            int at = text.IndexOf(old, separator + 1, System.StringComparison.Ordinal);
            Xunit.Assert.True(at >= 0, $"{file}:{line} no longer holds {old}");
            lines[line - 1] = text.Substring(0, at) + violating + text.Substring(at + old.Length);
            return ConfigLinter.Lint(file, Encoding.UTF8.GetBytes(string.Join("\n", lines)), ProfileDocument.Empty, file, templates: templates).Diagnostics
                .Where(d => !d.RuleId.StartsWith("EL9", System.StringComparison.Ordinal)).ToList();
        }

        /// <summary>"line:col RULE" for each diagnostic, in order.</summary>
        public static string[] Where(IEnumerable<LintDiagnostic> diagnostics) =>
            diagnostics.Select(d => $"{d.Span.StartLine}:{d.Span.StartColumn} {d.RuleId}").ToArray();

        /// <summary>tests/corpus: real files written by others, kept with their licences (tests/corpus/README.md).</summary>
        public static string CorpusRoot => Path.Combine(RepoRoot, "tests", "corpus");

        /// <summary>The repository: the folder above the test's that holds Linter.sln.</summary>
        public static string RepoRoot
        {
            get
            {
                string? dir = Directory.GetCurrentDirectory();
                while (dir != null && !File.Exists(Path.Combine(dir, "Linter.sln")))
                {
                    dir = Path.GetDirectoryName(dir);
                }

                return Path.GetFullPath(dir!);
            }
        }
    }
}
