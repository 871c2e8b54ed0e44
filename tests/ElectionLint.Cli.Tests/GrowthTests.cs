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
    /// run. Linear work gives a ratio near 4, quadratic near 16; the bounds leave room for a noisy machine.
    /// </summary>
    [Collection("cli")]
    public class GrowthTests
    {
        private const double LinearBound = 8;

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
            double ratio = Growth.TimeRatio(n => LintText("sentinel.conf", "sentinel down-after-milliseconds m 30000\n" + string.Concat(Enumerable.Range(0, n).Select(i => string.Format(line, i)))), 10_000);
            Assert.True(ratio < LinearBound, $"4× the lines cost {ratio:F1}× the time");
        }
    }
}
