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
            Assert.Equal("1.92s", t.GetProperty("failoverWorst").GetString());
            Assert.Equal((0.003249, 0.000393, 0.002856), (t.GetProperty("falseElectionsPerYear").GetDouble(), t.GetProperty("fromPauses").GetDouble(), t.GetProperty("fromNetwork").GetDouble()));
            Assert.Contains(t.GetProperty("assumptions").EnumerateArray(), a => a.GetString()!.StartsWith("3 members", StringComparison.Ordinal));
        }

        [Fact]
        public void Explain_says_when_the_model_has_no_estimate()
        {
            (_, string output, _) = Cli.Run("explain", "samples/config-repo/redis/sentinel.conf");
            Assert.Contains("  trade-off: no estimate (the system has no heartbeat and detection timeout the model knows, or a value is unknown)\n", output);
        }

        [Fact]
        public void Explain_gives_no_estimate_for_a_configuration_the_system_refuses()
        {
            string dir = Cli.Scratch(("rs.json", "{\"_id\": \"rs0\", \"members\": [{\"_id\": 0, \"host\": \"a:27017\"}], \"settings\": {\"electionTimeoutMillis\": 0}}\n"));
            try
            {
                (_, string text, _) = Cli.RunIn(dir, "explain", "rs.json");
                Assert.Contains("  trade-off: no estimate (the system refuses this configuration: it never runs)\n", text);
                (_, string json, _) = Cli.RunIn(dir, "explain", "rs.json", "--format", "json");
                Assert.Contains("\"tradeOff\": null", json);
                (_, string tune, _) = Cli.RunIn(dir, "tune", "rs.json");
                Assert.DoesNotContain("as written:", tune);
                Assert.Contains("    as tuned: ", tune);
            }
            finally
            {
                System.IO.Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void Tune_picks_the_shortest_expected_failover_within_the_target()
        {
            (int code, string output, _) = Cli.Run("tune", "--system", "etcd", "--config", "docs/trade-off/lan.yaml", "--max-false-elections-per-year", "0.1");
            Assert.Equal(0, code);
            Assert.Contains("  trade-off (model), at most 0.1 false elections a year (--max-false-elections-per-year):\n", output);
            (_, string json, _) = Cli.Run("tune", "--system", "etcd", "--config", "docs/trade-off/lan.yaml", "--max-false-elections-per-year", "0.1", "--format", "json");
            JsonElement t = JsonDocument.Parse(json).RootElement.GetProperty("configurations")[0].GetProperty("tradeOff");
            Assert.True(t.GetProperty("withinBudget").GetBoolean());
            JsonElement pick = t.GetProperty("recommended");
            Assert.Equal((0.09978, "703ms"), (pick.GetProperty("falseElectionsPerYear").GetDouble(), pick.GetProperty("failoverExpected").GetString()));
            // A looser target buys a shorter failover.
            (_, string looser, _) = Cli.Run("tune", "--system", "etcd", "--config", "docs/trade-off/lan.yaml", "--max-false-elections-per-year", "10", "--format", "json");
            JsonElement loose = JsonDocument.Parse(looser).RootElement.GetProperty("configurations")[0].GetProperty("tradeOff").GetProperty("recommended");
            Assert.Equal((8.883, "320ms"), (loose.GetProperty("falseElectionsPerYear").GetDouble(), loose.GetProperty("failoverExpected").GetString()));
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
        /// Renders the SVG with rsvg-convert (Debian's librsvg2-bin, which .ci/run installs) and checks the picture: a white
        /// background, and the recommended point's green, the defaults' blue and the budget's red all drawn.
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
            (int width, int height, byte[][] rows, int bpp) = DecodePng(bytes);
            Assert.Equal((800, 500), (width, height));
            int Count(int r, int g, int b) => rows.Sum(row => Enumerable.Range(0, width).Count(x =>
                Math.Abs(row[x * bpp] - r) + Math.Abs(row[(x * bpp) + 1] - g) + Math.Abs(row[(x * bpp) + 2] - b) < 40));
            Assert.Equal((255, 255, 255), (rows[5][5 * bpp], rows[5][(5 * bpp) + 1], rows[5][(5 * bpp) + 2]));
            // The recommended point (#1a8f3c at 0.8 over white), its legend entry, the defaults' blue and the budget's red.
            Assert.InRange(Count(72, 165, 99), 180, 600); // two discs: the point and its legend entry
            Assert.InRange(Count(0x1f, 0x5f, 0xbf), 150, 600);
            Assert.InRange(Count(0xcc, 0, 0), 200, 2000);
        }

        /// <summary>An 8-bit RGB or RGBA PNG's rows, unfiltered (what rsvg-convert writes).</summary>
        private static (int Width, int Height, byte[][] Rows, int Bpp) DecodePng(byte[] png)
        {
            static int Int(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png.Take(4));
            int width = Int(png, 16), height = Int(png, 20), bpp = png[25] == 6 ? 4 : 3;
            Assert.Equal(8, png[24]);
            var idat = new MemoryStream();
            for (int at = 8; at < png.Length;)
            {
                int length = Int(png, at);
                if (Encoding.ASCII.GetString(png, at + 4, 4) == "IDAT")
                {
                    idat.Write(png, at + 8, length);
                }

                at += length + 12;
            }

            idat.Position = 0;
            var raw = new MemoryStream();
            using (var z = new System.IO.Compression.ZLibStream(idat, System.IO.Compression.CompressionMode.Decompress))
            {
                z.CopyTo(raw);
            }

            byte[] data = raw.ToArray();
            int stride = width * bpp;
            var rows = new byte[height][];
            byte[] previous = new byte[stride];
            for (int y = 0; y < height; y++)
            {
                int filter = data[y * (stride + 1)];
                byte[] row = new byte[stride];
                Array.Copy(data, (y * (stride + 1)) + 1, row, 0, stride);
                for (int i = 0; i < stride; i++)
                {
                    int a = i >= bpp ? row[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
                    int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
                    row[i] = (byte)(row[i] + filter switch
                    {
                        1 => a,
                        2 => b,
                        3 => (a + b) / 2,
                        4 => pa <= pb && pa <= pc ? a : pb <= pc ? b : c,
                        _ => 0,
                    });
                }

                rows[y] = row;
                previous = row;
            }

            return (width, height, rows, bpp);
        }
    }
}
