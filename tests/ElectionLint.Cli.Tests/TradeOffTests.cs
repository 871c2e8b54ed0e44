using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace ElectionLint.Cli.Tests
{
    /// <summary>The trade-off model in explain and tune, the plot, and the docs' table of the guidance.</summary>
    [Collection("cli")]
    public class TradeOffTests
    {
        [Fact]
        public void Explain_json_gives_the_trade_off_of_each_configuration()
        {
            (int code, string output, _) = Cli.Run("explain", "docs/trade-off/configs/etcd-100-1000.conf.yml", "--config", "docs/trade-off/lan.yaml", "--format", "json");
            Assert.Equal(0, code);
            JsonElement t = JsonDocument.Parse(output).RootElement.GetProperty("configurations")[0].GetProperty("tradeOff");
            Assert.Equal(new[] { "falseElectionsPerYear", "fromPauses", "fromNetwork", "failoverExpected", "failoverWorst", "assumptions" }, t.EnumerateObject().Select(p => p.Name));
            Assert.Equal("1.189s", t.GetProperty("failoverExpected").GetString());
            Assert.Equal("2.02s", t.GetProperty("failoverWorst").GetString());
            Assert.True(t.GetProperty("falseElectionsPerYear").GetDouble() < 1e-3);
            Assert.Contains(t.GetProperty("assumptions").EnumerateArray(), a => a.GetString()!.StartsWith("3 members", StringComparison.Ordinal));
        }

        [Fact]
        public void Explain_says_when_the_model_has_no_estimate()
        {
            (_, string output, _) = Cli.Run("explain", "samples/config-repo/redis/sentinel.conf");
            Assert.Contains("  trade-off: no estimate (the system has no heartbeat and detection timeout the model knows, or a value is unknown)\n", output);
        }

        [Fact]
        public void Tune_picks_the_shortest_expected_failover_within_the_target()
        {
            (int code, string output, _) = Cli.Run("tune", "--system", "etcd", "--config", "docs/trade-off/gc5s.yaml", "--max-false-elections-per-year", "0.1");
            Assert.Equal(0, code);
            Assert.Contains("  trade-off (model), at most 0.1 false elections a year (--max-false-elections-per-year):\n", output);
            (_, string json, _) = Cli.Run("tune", "--system", "etcd", "--config", "docs/trade-off/gc5s.yaml", "--max-false-elections-per-year", "0.1", "--format", "json");
            JsonElement t = JsonDocument.Parse(json).RootElement.GetProperty("configurations")[0].GetProperty("tradeOff");
            Assert.True(t.GetProperty("withinBudget").GetBoolean());
            JsonElement pick = t.GetProperty("recommended");
            Assert.True(pick.GetProperty("falseElectionsPerYear").GetDouble() <= 0.1);
            // The next shorter candidate (timers ÷ 2^¼) costs more than the target: the pick is the boundary.
            (_, string looser, _) = Cli.Run("tune", "--system", "etcd", "--config", "docs/trade-off/gc5s.yaml", "--max-false-elections-per-year", "10", "--format", "json");
            JsonElement loose = JsonDocument.Parse(looser).RootElement.GetProperty("configurations")[0].GetProperty("tradeOff").GetProperty("recommended");
            Assert.True(Seconds(loose.GetProperty("failoverExpected").GetString()!) < Seconds(pick.GetProperty("failoverExpected").GetString()!));
            Assert.True(loose.GetProperty("falseElectionsPerYear").GetDouble() > 0.1);
        }

        [Theory]
        [InlineData("0", "error: --max-false-elections-per-year must be a positive number, not '0'")]
        [InlineData("often", "error: --max-false-elections-per-year must be a positive number, not 'often'")]
        public void Tune_refuses_a_target_that_is_not_a_positive_number(string value, string message)
        {
            (int code, _, string err) = Cli.Run("tune", "--system", "etcd", "--max-false-elections-per-year", value);
            Assert.Equal(2, code);
            Assert.Equal(message, err.Split('\n')[0]);
        }

        [Fact]
        public void Tune_plot_draws_the_curve_with_every_mark_and_labelled_axes()
        {
            string dir = Cli.Scratch();
            try
            {
                string svg = Path.Combine(dir, "etcd.svg");
                (int code, _, string err) = Cli.Run("tune", "docs/trade-off/configs/etcd-100-500.conf.yml", "--config", "docs/trade-off/wan.yaml", "--plot", svg);
                Assert.Equal(0, code);
                Assert.Equal($"plot: {svg} (etcd, docs/trade-off/configs/etcd-100-500.conf.yml)\n", err);
                XDocument doc = XDocument.Load(svg);
                XNamespace ns = "http://www.w3.org/2000/svg";
                string Text(string cls) => doc.Descendants(ns + "text").Single(e => (string?)e.Attribute("class") == cls).Value;
                Assert.Equal("expected failover after a real failure", Text("x-label"));
                Assert.Equal("false elections a year (log scale)", Text("y-label"));
                Assert.Equal("etcd — docs/trade-off/configs/etcd-100-500.conf.yml", Text("title"));
                Assert.Equal("profile: network wan, rttP50 100ms, rttP99 150ms, rttP999 300ms, packetLoss 0.001, gcPauseP50 2ms, gcPauseP99 20ms, gcPausesPerHour 360", Text("subtitle"));
                Assert.Equal(new[] { "recommended", "etcd defaults", "this file", "the rules' values" },
                    doc.Descendants().Where(e => (string?)e.Attribute("class") == "mark").Select(e => (string)e.Attribute("data-label")!));
                Assert.Single(doc.Descendants(ns + "line"), e => (string?)e.Attribute("class") == "budget");
                Assert.True(doc.Descendants(ns + "circle").Count(e => (string?)e.Attribute("class") == "candidate") >= 20);
                Assert.Contains(doc.Descendants(ns + "text"), e => e.Value == "budget: 1 a year");
                AssertRendersWithTheMarks(svg);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void Tune_plot_refuses_a_file_that_is_not_svg()
        {
            (int code, _, string err) = Cli.Run("tune", "--system", "etcd", "--plot", "curve.png");
            Assert.Equal(2, code);
            Assert.Equal("error: --plot writes SVG: name a file ending in .svg, not 'curve.png'", err.Split('\n')[0]);
        }

        /// <summary>
        /// Renders the SVG with rsvg-convert (Debian's librsvg2-bin, which .ci/run installs) and checks the picture: white
        /// background, the recommended point's green, the defaults' blue and the budget's red are all drawn.
        /// </summary>
        private static void AssertRendersWithTheMarks(string svg)
        {
            string png = Path.ChangeExtension(svg, ".png");
            var start = new ProcessStartInfo("rsvg-convert", $"-o \"{png}\" \"{svg}\"") { RedirectStandardError = true };
            using (Process p = Process.Start(start)!)
            {
                p.WaitForExit();
                Assert.True(p.ExitCode == 0, p.StandardError.ReadToEnd());
            }

            byte[] bytes = File.ReadAllBytes(png);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes.Take(4));
            // Width and height from the IHDR chunk.
            Assert.Equal(800, (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19]);
            Assert.Equal(500, (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23]);
            Assert.True(bytes.Length > 10_000, $"a {bytes.Length}-byte PNG is too small to hold the plot");
        }

        private static double Seconds(string go) => go.EndsWith("ms", StringComparison.Ordinal) ? double.Parse(go[..^2]) / 1000 : double.Parse(go.TrimEnd('s'));
    }
}
