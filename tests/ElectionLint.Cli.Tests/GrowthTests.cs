using System;
using System.Linq;
using System.Text;
using ElectionLint.Config.Recognition;
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
    }
}
