using System;
using System.Linq;
using System.Text;
using ElectionLint.Config.Linting;
using ElectionLint.Config.Recognition;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Profile;
using ElectionLint.Testing;
using Xunit;

namespace ElectionLint.Cli.Tests
{
    /// <summary>
    /// Cost linear in the input (review-2026-12 N1–N8, N13, R3, R4): each shape at a size and at four times it, in the same
    /// run. Linear work gives a ratio near 4, quadratic near 16: the bound between them leaves room for a shared machine.
    /// </summary>
    [Collection("cli")]
    public class GrowthTests
    {
        private const double LinearBound = 10;

        [Fact]
        public void The_measure_reads_quadratic_work_above_the_bound_and_linear_work_below_it()
        {
            // The tests below are only as good as this: a retried ratio must still tell n² from n.
            static long Pairs(int n)
            {
                long sum = 0;
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        sum += (i ^ j) & 1;
                    }
                }

                return sum;
            }

            static long Sum(int n)
            {
                long sum = 0;
                for (int i = 0; i < n; i++)
                {
                    sum += (i * 31) & 7;
                }

                return sum;
            }

            long sink = 0;
            double quadratic = Growth.TimeRatio(n => sink += Pairs(n), 2_500);
            double linear = Growth.TimeRatio(n => sink += Sum(n), 5_000_000);
            GC.KeepAlive(sink);
            Assert.True(quadratic > LinearBound, $"quadratic work read as {quadratic:F1}×");
            Assert.True(linear < LinearBound, $"linear work read as {linear:F1}×");
        }

        private static string Repeat(string unit, int chars) => new StringBuilder(chars + unit.Length).Insert(0, unit, chars / unit.Length).ToString();

        [Theory]
        [InlineData("\n", false)] // N7: 100 KB of blank lines took 31 s
        [InlineData("--a", false)]
        [InlineData("name: A\n", false)]
        [InlineData(" \n", true)]
        [InlineData("{{ .Values.a\n", false)]
        public void N7_template_scanning_is_linear(string unit, bool jinja)
        {
            double ratio = Growth.TimeRatio(n => TemplateBindings.Scan(Repeat(unit, n), "t", jinja), 50_000, 5);
            Assert.True(ratio < LinearBound, $"4× the template cost {ratio:F1}× the time");
        }

        private static void LintText(string name, string text) => ConfigLinter.Lint(new SourceText("/growth/" + name, text), ProfileDocument.Empty, name);

        [Theory]
        [InlineData("sentinel down-after-milliseconds m{0} 30000\n")] // N3: distinct masters, 1.79 MB took 26 s
        [InlineData("sentinel opt{0} m 30000\n")] // N3: one master, distinct options
        public void N3_sentinel_conf_is_linear_in_masters_and_options(string line)
        {
            // As the CLI lints (no evaluation kept): a growing list of results in the old generation makes every young
            // collection scan it, which a test host's heap turns into a super-linear time of its own.
            void Lint(int n) => ConfigLinter.Lint(new SourceText("/growth/sentinel.conf", "sentinel down-after-milliseconds m 30000\n" + string.Concat(Enumerable.Range(0, n).Select(i => string.Format(line, i)))), ProfileDocument.Empty, "sentinel.conf", null, keepEvaluations: false);
            double ratio = Growth.TimeRatio(Lint, 5_000); // 20,000 masters allocate under the no-GC budget: the time is the code's alone
            Assert.True(ratio < LinearBound, $"4× the lines cost {ratio:F1}× the time");
            double memory = Growth.AllocationRatio(Lint, 5_000);
            Assert.True(memory < LinearBound, $"4× the lines cost {memory:F1}× the memory allocated");
        }

        private static string EtcdDocuments(int n) => string.Concat(Enumerable.Repeat("---\nheartbeat-interval: 100\nelection-timeout: 300\n", n));

        [Fact]
        public void N13_repairs_are_computed_only_for_the_findings_a_file_reports()
        {
            FileResult small = ConfigLinter.Lint(new SourceText("/growth/etcd.yaml", EtcdDocuments(2_000)), ProfileDocument.Empty, "etcd.yaml");
            FileResult large = ConfigLinter.Lint(new SourceText("/growth/etcd.yaml", EtcdDocuments(8_000)), ProfileDocument.Empty, "etcd.yaml");
            Assert.Equal(ConfigLinter.MaxDiagnosticsPerFile, small.RepairedConfigurations);
            Assert.Equal(ConfigLinter.MaxDiagnosticsPerFile, large.RepairedConfigurations);
            Assert.Equal("file partly reported: 7500 more findings in this file are not shown (at most 500 per file)", large.Diagnostics[^1].Message);

            // 10,000 documents allocate about 85 MB, inside the no-GC budget; 20,000 (170 MB) were timed with collections of
            // the evaluations kept so far and once read 10.5×.
            double ratio = Growth.TimeRatio(n => LintText("etcd.yaml", EtcdDocuments(n)), 2_500);
            Assert.True(ratio < LinearBound, $"4× the documents cost {ratio:F1}× the time");
        }

        private static string Flow(int width, Func<int, string> entry) => "{" + string.Join(", ", Enumerable.Range(0, width).Select(entry)) + "}";

        [Fact]
        public void N1_a_spring_alias_bomb_is_read_once_per_anchor()
        {
            // Three levels of aliases under spring.kafka: width³ keys when each alias is expanded.
            string Bomb(int w) => "spring:\n  kafka:\n    consumer:\n      heartbeat-interval: 3s\n" +
                $"    a0: &a0 {Flow(w, i => $"x{i}: 1")}\n    a1: &a1 {Flow(w, i => $"k{i}: *a0")}\n    a2: &a2 {Flow(w, i => $"k{i}: *a1")}\n";
            Assert.Empty(ConfigLinter.Lint(new SourceText("/growth/application.yml", Bomb(50)), ProfileDocument.Empty, "application.yml").Diagnostics);
            double ratio = Growth.AllocationRatio(n => LintText("application.yml", Bomb(n)), 60);
            Assert.True(ratio < LinearBound, $"4× the aliases cost {ratio:F1}× the memory allocated");
        }

        [Fact]
        public void N2_elasticsearch_keys_repeated_through_aliases_are_read_once_per_anchor()
        {
            string Bomb(int w) => $"a: &a {Flow(w, _ => "interval: 1s")}\nb: &b {Flow(w, _ => "leader_check: *a")}\ncluster: {Flow(w, _ => "fault_detection: *b")}\n";
            double ratio = Growth.AllocationRatio(n => LintText("elasticsearch.yml", Bomb(n)), 60);
            Assert.True(ratio < LinearBound, $"4× the aliases cost {ratio:F1}× the memory allocated");
        }

        private static string[] Paths(int n) => Enumerable.Range(0, n).Select(i => $"clusters/c{i % 97}/deploy/x{i}/etcd-{i}.yaml").ToArray();

        [Fact]
        public void N8_a_long_glob_costs_its_length_once_not_per_path()
        {
            // Glob length and number of paths both 4×: pattern × path × files would be 16×.
            double ratio = Growth.TimeRatio(
                n =>
                {
                    var doc = new ProfileDocument { Ignore = new[] { new Glob("**/" + new string('x', 2 * n)) } };
                    foreach (string path in Paths(n))
                    {
                        Assert.False(doc.IsIgnored(path));
                    }
                },
                2_000);
            Assert.True(ratio < LinearBound, $"4× the glob and the paths cost {ratio:F1}× the time");
        }

        [Fact]
        public void N8_many_globs_cost_their_total_length()
        {
            // 40,000 globs `**/xN/**` once took over 300 s on 6,000 files: 4× the globs on the same paths, linear is 4×.
            string[] paths = Paths(300);
            double ratio = Growth.AllocationRatio(
                n =>
                {
                    var doc = new ProfileDocument { Ignore = Enumerable.Range(0, n).Select(i => new Glob($"**/x{i}/**")).ToArray() };
                    Assert.Equal(Math.Min(n, 300), paths.Count(doc.IsIgnored));
                },
                1_000);
            Assert.True(ratio < LinearBound, $"4× the globs cost {ratio:F1}× the memory allocated");
        }

        [Fact]
        public void R3_a_one_line_flow_sequence_is_read_in_linear_memory()
        {
            string Text(int n) => "heartbeat-interval: 100\nx: [" + string.Join(",", Enumerable.Repeat("1", n)) + "]\n";
            double ratio = Growth.AllocationRatio(n => LintText("etcd.yaml", Text(n)), 50_000);
            Assert.True(ratio < LinearBound, $"4× the items cost {ratio:F1}× the memory allocated");
        }

        [Fact]
        public void R4_duplicate_keys_are_counted_not_kept()
        {
            string Text(int n) => "heartbeat-interval: 100\n" + Repeat("a: 1\n", 5 * n);
            FileResult r = ConfigLinter.Lint(new SourceText("/growth/etcd.yaml", Text(4_000)), ProfileDocument.Empty, "etcd.yaml");
            Assert.Equal(ConfigLinter.MaxDiagnosticsPerFile + 1, r.Diagnostics.Count);
            double ratio = Growth.AllocationRatio(n => LintText("etcd.yaml", Text(n)), 20_000);
            Assert.True(ratio < LinearBound, $"4× the keys cost {ratio:F1}× the memory allocated");
        }

        [Fact]
        public void N13_findings_past_the_cap_are_dropped_as_the_file_is_linted_and_still_counted()
        {
            // Past a bound, the findings last in report order are dropped while linting (memory stays flat); the cap counts them.
            FileResult r = ConfigLinter.Lint(new SourceText("/growth/etcd.yaml", EtcdDocuments(8_000)), ProfileDocument.Empty, "etcd.yaml", null, keepEvaluations: false);
            Assert.Empty(r.Evaluations);
            Assert.Equal(ConfigLinter.MaxDiagnosticsPerFile + 1, r.Diagnostics.Count);
            Assert.Equal("file partly reported: 7500 more findings in this file are not shown (at most 500 per file)", r.Diagnostics[^1].Message);
            Assert.Equal(ConfigLinter.MaxDiagnosticsPerFile, r.RepairedConfigurations);
        }

        [Fact]
        public void Re_indent_repairs_of_quoted_scalars_cost_at_most_a_bounded_re_reading()
        {
            // Each continuation line at its parent's indentation costs one more read of the file, within a budget of
            // characters per file (round 1: 70 such lines in 1 MB took 37 s).
            string Text(int n) => "heartbeat-interval: 100\n" + string.Concat(Enumerable.Range(0, n).Select(i => $"k{i}:\n  v: \"a\n  b\"\n"));
            double ratio = Growth.AllocationRatio(n => LintText("etcd.yaml", Text(n)), 6_000);
            Assert.True(ratio < LinearBound, $"4× the lines cost {ratio:F1}× the memory allocated");
        }
    }
}
