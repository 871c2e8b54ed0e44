using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace ElectionLint.Cli.Tests
{
    /// <summary>
    /// docs/trade-off.md's table of the guidance and its example plot, computed by the command line; with UPDATE_DOCS=1
    /// the test writes them, otherwise it fails when they are stale.
    /// </summary>
    [Collection("cli")]
    public class TradeOffTableTests
    {
        private const string Begin = "<!-- guidance-table:begin -->\n", End = "<!-- guidance-table:end -->";

        /// <summary>Each piece of guidance, the profile it is about, and the configurations that test it.</summary>
        private static readonly (string Guidance, string Env, string System, string[] Configs)[] Rows =
        {
            ("etcd 100 ms / 300–1000 ms on a LAN fails over in 1–3 s", "lan", "etcd", new[] { "etcd-100-300.conf.yml", "etcd-100-500.conf.yml", "etcd-100-1000.conf.yml" }),
            ("with p99 RTT 10 ms a 300 ms timeout is safe", "lan", "etcd", new[] { "etcd-30-300.conf.yml" }),
            ("across regions at 150 ms it needs 1,500–2,000 ms", "wan", "etcd", new[] { "etcd-100-1000.conf.yml", "etcd-150-1500.conf.yml", "etcd-200-2000.conf.yml" }),
            ("5 s GC pauses need a timeout above 5 s, typically 10 s", "gc5s", "kafka-consumer", new[] { "consumer-6000.properties", "consumer-10000.properties", "consumer-45000.properties" }),
            ("Kubernetes' 15 s / 10 s / 2 s give 10–15 s failovers", "lan", "k8s-leader-election", new[] { "kube-scheduler-15-10-2.yaml" }),
        };

        [Fact]
        public void TradeOffTable_in_the_docs_is_what_the_command_prints()
        {
            var table = new StringBuilder();
            table.Append("| guidance | profile | configuration | false elections a year | failover expected | failover worst |\n");
            table.Append("|---|---|---|---|---|---|\n");
            foreach ((string guidance, string env, string system, string[] configs) in Rows)
            {
                string profile = $"docs/trade-off/{env}.yaml";
                foreach (string config in configs)
                {
                    (_, string json, _) = Cli.Run("explain", "docs/trade-off/configs/" + config, "--config", profile, "--format", "json");
                    JsonElement c = JsonDocument.Parse(json).RootElement.GetProperty("configurations")[0];
                    string values = string.Join(", ", c.GetProperty("settings").EnumerateArray()
                        .Where(s => s.GetProperty("state").GetString() == "set" && s.GetProperty("name").GetString() != "leaderElect")
                        .Select(s => $"{s.GetProperty("name").GetString()} {s.GetProperty("value").GetString()}"));
                    JsonElement t = c.GetProperty("tradeOff");
                    string? refused = c.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).FirstOrDefault(r => r!.StartsWith("EL1", StringComparison.Ordinal));
                    table.Append(t.ValueKind == JsonValueKind.Null && refused != null
                        ? $"| {guidance} | {env} | {values} | refused by the system ({refused}) | — | — |\n"
                        : Row(guidance, env, values, t));
                }

                (_, string tuned, _) = Cli.Run("tune", "--system", system, "--config", profile, "--format", "json");
                JsonElement pick = JsonDocument.Parse(tuned).RootElement.GetProperty("configurations")[0].GetProperty("tradeOff").GetProperty("recommended");
                string picked = string.Join(", ", pick.GetProperty("settings").EnumerateArray().Select(s => $"{s.GetProperty("setting").GetString()} {s.GetProperty("value").GetString()}"));
                table.Append(Row(guidance, env, "tune's pick: " + picked, pick));
            }

            string path = Path.Combine(Cli.RepoRoot, "docs", "trade-off.md");
            string doc = File.ReadAllText(path).Replace("\r\n", "\n");
            int from = doc.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length, to = doc.IndexOf(End, StringComparison.Ordinal);
            Assert.True(from >= Begin.Length && to >= from, "docs/trade-off.md lost its table markers");
            string expected = doc.Substring(0, from) + table + doc.Substring(to);

            // The example plot beside it.
            string svgPath = Path.Combine(Cli.RepoRoot, "docs", "trade-off", "etcd-wan.svg");
            string scratch = Path.Combine(Path.GetTempPath(), "electionlint-tradeoff-" + Guid.NewGuid().ToString("N") + ".svg");
            Cli.Run("tune", "docs/trade-off/configs/etcd-100-1000.conf.yml", "--config", "docs/trade-off/wan.yaml", "--plot", scratch);
            string svg = File.ReadAllText(scratch).Replace(scratch, "docs/trade-off/etcd-wan.svg");
            File.Delete(scratch);

            if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
            {
                File.WriteAllText(path, expected);
                File.WriteAllText(svgPath, svg);
                return;
            }

            const string Hint = "run UPDATE_DOCS=1 dotnet test tests/ElectionLint.Cli.Tests -c Release --filter TradeOffTable";
            Assert.True(expected == doc, "docs/trade-off.md's table is stale: " + Hint);
            Assert.True(File.Exists(svgPath) && File.ReadAllText(svgPath).Replace("\r\n", "\n") == svg, "docs/trade-off/etcd-wan.svg is stale: " + Hint);
        }

        private static string Row(string guidance, string env, string configuration, JsonElement t) =>
            $"| {guidance} | {env} | {configuration} | {Rate(t.GetProperty("falseElectionsPerYear").GetDouble())} | {t.GetProperty("failoverExpected").GetString()} | {t.GetProperty("failoverWorst").GetString()} |\n";

        /// <summary>As explain prints a rate: whole from 10, one decimal from 1, two significant digits below.</summary>
        private static string Rate(double r) => r < 0.001 ? "under 0.001"
            : r >= 1 ? r.ToString(r >= 10 ? "0" : "0.#", System.Globalization.CultureInfo.InvariantCulture)
            : double.Parse(r.ToString("G2", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
    }
}
