using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ElectionLint.Config.Linting;
using ElectionLint.Rules.Profile;
using Xunit;

namespace ElectionLint.Config.Tests
{
    /// <summary>
    /// Mutation recall on real files: every timing value a person reading tests/corpus/real finds (Data/corpus-timing-values.tsv,
    /// listed by hand) is replaced by a value its system refuses, and a finding must start on that line. The table says which
    /// values the linter misses today and why, so a gain or a loss shows as a failure to update it.
    /// </summary>
    public class MutationRecallTests
    {
        private static string Table => Path.Combine(AppContext.BaseDirectory, "Data", "corpus-timing-values.tsv");

        public static IEnumerable<object[]> Rows() =>
            File.ReadAllLines(Table).Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal)).Select(l => l.Split('\t')).Select(c => new object[] { c[0], int.Parse(c[1]), c[2], c[3], c[4] });

        [Theory]
        [MemberData(nameof(Rows))]
        public void A_violating_value_is_found_where_the_table_says(string file, int line, string old, string violating, string expected)
        {
            bool found = Lint.Mutated(Path.Combine(Lint.CorpusRoot, "real", file), file, line, old, violating).Any(d => d.Span.StartLine == line);
            Assert.Equal(expected == "found", found);
        }

        [Fact]
        public void Recall_is_what_the_note_reports()
        {
            var rows = Rows().Select(r => (string)r[4]).ToList();
            int found = rows.Count(s => s == "found"), missed = rows.Count(s => s == "miss");
            // 117 values; 9 can hold no violating value where they stand (standalone ZooKeeper's limits, a variable the image does not read).
            Assert.Equal((117, 100, 8), (rows.Count, found, missed));
        }
    }
}
