using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ElectionLint.Config.Linting;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Profile;
using Xunit;

namespace ElectionLint.Config.Tests
{
    /// <summary>
    /// Files from public repositories that tests/corpus does not come from (tests/real-repos: MANIFEST.tsv names repository,
    /// commit, path and licence). Every finding is judged by hand in EXPECTED.tsv; one nobody judged fails the test. The
    /// mutation table (Data/real-repos-mutations.tsv) measures recall on the same files.
    /// </summary>
    public class RealRepositoryTests
    {
        private static string Root => Path.Combine(Lint.RepoRoot, "tests", "real-repos");

        private static string[] Rows(string path) =>
            File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal)).ToArray();

        /// <summary>Kept files by their path below files/: one file, or a repository's tree where a role is kept whole.</summary>
        private static string[] Files() =>
            Directory.EnumerateFiles(Path.Combine(Root, "files"), "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Path.Combine(Root, "files"), f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();

        [Fact]
        public void Every_finding_is_one_judged_by_hand()
        {
            var actual = Files()
                .SelectMany(f => ConfigLinter.LintFile(Path.Combine(Root, "files", f), ProfileDocument.Empty, f).Diagnostics.Select(d => (File: f, Diagnostic: d)))
                .Select(x => $"{x.File}\t{x.Diagnostic.Span.StartLine}:{x.Diagnostic.Span.StartColumn}\t{x.Diagnostic.RuleId}\t{RuleSeverityText.Name(x.Diagnostic.Severity)}")
                .ToArray();
            string[] judged = Rows(Path.Combine(Root, "EXPECTED.tsv")).Select(r => string.Join("\t", r.Split('\t').Take(4))).ToArray();
            Assert.Equal(judged, actual);
        }

        [Fact]
        public void No_false_finding_and_no_policy_above_info()
        {
            string[][] rows = Rows(Path.Combine(Root, "EXPECTED.tsv")).Select(r => r.Split('\t')).ToArray();
            Assert.All(rows, r => Assert.Contains(r[4], new[] { "true", "false", "policy", "skip" }));
            Assert.DoesNotContain(rows, r => r[4] == "false");
            Assert.DoesNotContain(rows, r => r[4] == "policy" && r[3] != "info");
            Assert.DoesNotContain(rows, r => r[4] == "skip" && r[2] != "EL9004");
        }

        [Fact]
        public void Every_kept_file_has_its_manifest_row_and_licence()
        {
            string[][] manifest = Rows(Path.Combine(Root, "MANIFEST.tsv")).Skip(1).Select(r => r.Split('\t')).ToArray();
            var files = Files();
            Assert.Equal(files, manifest.Select(r => r[3]).OrderBy(f => f, StringComparer.Ordinal).ToArray());
            Assert.All(manifest, r => Assert.True(File.Exists(Path.Combine(Root, "LICENSES", r[0].Replace("/", "__", StringComparison.Ordinal) + ".txt")), r[0]));
            Assert.True(manifest.Select(r => r[0]).Distinct().Count() >= 20);
        }

        public static IEnumerable<object[]> Mutations() =>
            Rows(Path.Combine(AppContext.BaseDirectory, "Data", "real-repos-mutations.tsv")).Select(l => l.Split('\t')).Select(c => new object[] { c[0], int.Parse(c[1]), c[2], c[3], c[4] });

        [Theory]
        [MemberData(nameof(Mutations))]
        public void A_violating_value_is_found_where_the_table_says(string file, int line, string old, string violating, string expected)
        {
            // Linted where it is kept, so a role's templates bind its defaults.
            var diagnostics = Lint.Mutated(Path.Combine(Root, "files", file), file, line, old, violating, ChartBindings.For(Path.Combine(Root, "files", file)));
            // On the changed line, or on its companion with the changed line as the related location.
            bool found = diagnostics.Any(d => d.Span.StartLine == line || d.Related.Any(r => r.Path == null && r.Span.StartLine == line));
            Assert.Equal(expected == "found", found);
        }

        [Fact]
        public void Precision_and_recall_are_what_the_report_says()
        {
            string[] verdicts = Rows(Path.Combine(Root, "EXPECTED.tsv")).Select(r => r.Split('\t')[4]).ToArray();
            string[] mutations = Mutations().Select(r => (string)r[4]).ToArray();
            // No finding at all (the Jinja template once skipped is read now); mutations: 22 of 22 found.
            Assert.Equal((0, 0, 0, 0), (verdicts.Count(v => v == "true"), verdicts.Count(v => v == "false"), verdicts.Count(v => v == "policy"), verdicts.Count(v => v == "skip")));
            Assert.Equal((22, 22), (mutations.Length, mutations.Count(m => m == "found")));
        }
    }
}
