using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace ElectionLint.Cli.Tests
{
    /// <summary><c>electionlint tune</c>: recommended values, margins, snippets, diffs and the EL2031 words when nothing fits.</summary>
    [Collection("cli")]
    public class TuneTests
    {
        [Fact]
        public void Tuning_a_file_leaves_a_finding_it_suppresses_as_lint_does()
        {
            // The sample's Strimzi broker lease: 5000 ms is 2.5 × the 2000 ms heartbeat, and the file accepts that
            // (electionlint-disable-next-line EL2001 -- lab cluster): lint reports nothing there, --fix changes nothing, so tune keeps it.
            (_, string output, _) = Cli.Run("tune", "samples/config-repo/kafka/strimzi-kafka.yaml");
            Assert.Contains("+      controller.quorum.fetch.timeout.ms: 800\n", output); // the KRaft quorum's EL2020 is still tuned
            Assert.Contains("samples/config-repo/kafka/strimzi-kafka.yaml:10:7: the KRaft broker lease under network lan, rttP99 5ms, gcPauseP99 300ms, maxFailover 30s\n" +
                "  nothing to change: every rule is met, with EL2001 suppressed in the file here\n" +
                "  broker.heartbeat.interval.ms  2000 ms  kept\n  broker.session.timeout.ms     5000 ms  kept\n", output);
            Assert.DoesNotContain("+      broker.session.timeout.ms", output);
        }

        [Fact]
        public void The_spec_example_prints_values_margins_and_snippets()
        {
            (int code, string output, string err) = Cli.Run("tune", "--system", "etcd", "--rtt-p99", "150ms", "--gc-pause-p99", "400ms", "--max-failover", "5s");
            Assert.Equal((0, string.Empty), (code, err));
            CliTests.MatchGolden("tune-etcd.txt", output);
            (code, output, _) = Cli.Run("tune", "--system", "etcd", "--rtt-p99", "150ms", "--gc-pause-p99", "400ms", "--max-failover", "5s", "--format", "json");
            Assert.Equal(0, code);
            CliTests.MatchGolden("tune-etcd.json", output);
        }

        [Fact]
        public void A_profile_nothing_meets_says_which_constraints_collide_and_exits_one()
        {
            (int code, string output, _) = Cli.Run("tune", "-s", "etcd", "--network", "wan", "--rtt-p99", "300ms", "--max-failover", "2s");
            Assert.Equal(1, code);
            Assert.Contains("  no recommendation: no values satisfy this profile (below)\n", output);
            Assert.Contains("  no values satisfy this profile: no configuration of etcd satisfies the profile: election-timeout ≥ 5 × heartbeat-interval (at least 5 heartbeats) and election-timeout ≥ 10 × rttP99 300ms make the worst-case failover window (2 × election-timeout − heartbeat-interval + 2 × RTT) at least 6s, above maxFailover 2s — raise maxFailover to at least 6s, or place the members closer (or lower rttMultiplier)\n", output);
            Assert.DoesNotContain("flags:", output); // no snippet of values that do not meet the profile

            (code, output, _) = Cli.Run("tune", "-s", "etcd", "--network", "wan", "--rtt-p99", "300ms", "--max-failover", "2s", "--format", "json");
            JsonElement c = JsonDocument.Parse(output).RootElement.GetProperty("configurations")[0];
            Assert.False(c.GetProperty("clean").GetBoolean());
            Assert.Equal("raise maxFailover to at least 6s, or place the members closer (or lower rttMultiplier)", c.GetProperty("conflict").GetProperty("relax").GetString());
            Assert.Equal(0, c.GetProperty("snippets").GetArrayLength());
        }

        [Fact]
        public void Defaults_that_meet_the_profile_are_the_recommendation()
        {
            (int code, string output, _) = Cli.Run("tune", "-s", "k8s-leader-election");
            Assert.Equal(0, code);
            Assert.StartsWith("client-go under network lan\n  the defaults meet every rule under this profile\n  leaseDuration  15s  default\n", output.Replace("\r", string.Empty));
            Assert.Contains("    leaderElection:\n      leaseDuration: 15s\n      renewDeadline: 10s\n      retryPeriod: 2s\n      leaderElect: true\n", output);
            Assert.Contains("    --leader-elect=true --leader-elect-lease-duration=15s --leader-elect-renew-deadline=10s --leader-elect-retry-period=2s\n", output);
            Assert.Contains("    new LeaderElectionConfig(leaseLock)\n    {\n        LeaseDuration = TimeSpan.FromSeconds(15),\n", output);
        }

        [Fact]
        public void A_setting_without_a_default_gets_the_smallest_value_its_system_allows()
        {
            (int code, string output, _) = Cli.Run("tune", "-s", "azure-blob-lease", "--max-failover", "30s");
            Assert.Equal(0, code);
            Assert.Contains("  duration  15 s  chosen: no default; the smallest the system allows\n", output);
            Assert.Contains("    leaseClient.Acquire(TimeSpan.FromSeconds(15));\n", output);
        }

        [Theory]
        [InlineData(new[] { "tune" }, "error: name a system (--system etcd) or the files to tune")]
        [InlineData(new[] { "tune", "-s", "etcd", "samples" }, "error: --system tunes a system from scratch; to tune files, leave it out")]
        [InlineData(new[] { "tune", "-s", "etdc" }, "error: unknown system 'etdc'; one of: ")]
        [InlineData(new[] { "tune", "-s", "etcd", "--variant", "java" }, "error: etcd has no variant 'java'")]
        [InlineData(new[] { "tune", "-s", "etcd", "--rtt-p99", "fast" }, "error: --rtt-p99: rttP99: invalid duration \"fast\"")]
        [InlineData(new[] { "tune", "-s", "etcd", "--network", "moon" }, "error: Argument 'moon' not recognized.")]
        public void Usage_errors_exit_two_with_a_clear_message(string[] args, string message)
        {
            (int code, string output, string err) = Cli.Run(args);
            Assert.Equal(2, code);
            Assert.Equal(string.Empty, output);
            Assert.StartsWith(message, err.Replace("\r", string.Empty));
        }

        [Fact]
        public void Tuning_files_prints_the_change_as_a_diff_and_writes_nothing()
        {
            string before = Snapshot();
            (int code, string output, string err) = Cli.Run("tune", "samples/config-repo");
            Assert.Equal(string.Empty, err);
            Assert.Equal(1, code); // EL1004 and a value client-go cannot parse are left for a person
            CliTests.MatchGolden("tune-sample.txt", output);
            (code, output, _) = Cli.Run("tune", "samples/config-repo", "--format", "json");
            Assert.Equal(1, code);
            CliTests.MatchGolden("tune-sample.json", output);
            Assert.Equal(before, Snapshot());

            static string Snapshot() => string.Join("\n", Directory.GetFiles(Path.Combine(Cli.RepoRoot, "samples", "config-repo"), "*", SearchOption.AllDirectories)
                .OrderBy(f => f, StringComparer.Ordinal).Select(f => f + ":" + File.ReadAllText(f).GetHashCode()));
        }

        [Fact]
        public void Flags_override_the_files_profile()
        {
            string dir = Cli.Scratch(("etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 1000\n"), (".electionlint.yaml", "profile:\n  rttP99: 5ms\n"));
            (int code, string output, _) = Cli.RunIn(dir, "tune", "etcd.yaml");
            Assert.Equal(0, code);
            Assert.Contains("  nothing to change: every rule is met\n", output);
            (code, output, _) = Cli.RunIn(dir, "tune", "etcd.yaml", "--rtt-p99", "150ms");
            Assert.Equal(0, code);
            // 10 × 150ms with 1.25× headroom, the heartbeat raised in step (the ratio stays 10×).
            Assert.Contains("-heartbeat-interval: 100\n-election-timeout: 1000\n+heartbeat-interval: 200\n+election-timeout: 2000\n", output);
        }

        [Fact]
        public void Tuning_MongoDB_leaves_catch_up_as_written_and_says_it_is_not_counted()
        {
            // N10: tune moves electionTimeoutMillis only; catchUpTimeoutMillis -1 (no limit) is no knob it turns.
            string dir = Cli.Scratch(("rs.json", "{\"settings\": {\"catchUpTimeoutMillis\": -1, \"electionTimeoutMillis\": 10000}}\n"), (".electionlint.yaml", "profile:\n  maxFailover: 5s\n"));
            (int code, string output, string err) = Cli.RunIn(dir, "tune", "rs.json");
            Assert.Equal((0, string.Empty), (code, err));
            Assert.Contains("  catchUpTimeoutMillis     -1 ms    kept\n", output);
            Assert.DoesNotContain("\n  catchUpTakeoverDelayMillis ", output); // unwritten and never tuned: no row
            Assert.Contains("  worst-case failover window: 11.5s → 4.6s (maxFailover 5s)\n    catch-up not counted: catchUpTimeoutMillis -1 ms sets no limit\n", output);
            Assert.Contains("-{\"settings\": {\"catchUpTimeoutMillis\": -1, \"electionTimeoutMillis\": 10000}}\n+{\"settings\": {\"catchUpTimeoutMillis\": -1, \"electionTimeoutMillis\": 4000}}\n", output);
            (_, output, _) = Cli.RunIn(dir, "explain", "rs.json");
            Assert.Contains("  worst-case failover window: 11.5s (1.15 × electionTimeoutMillis + 2 × RTT + catchUpTimeoutMillis; catch-up not counted: catchUpTimeoutMillis -1 ms sets no limit)\n", output);
        }

        public static IEnumerable<object[]> Systems() =>
            from s in TuneCommand.Tunable
            from p in new[] { "", "--network wan --gc-pause-p99 400ms --max-failover 30s", "--rtt-p99 1ms --gc-pause-p99 50ms --max-failover 5s", "--rtt-p99 150ms --gc-pause-p99 400ms --max-failover 5s" }
            select new object[] { s.Id, p };

        /// <summary>The names each system's C# snippet uses and the compiled file declares (a snippet of a new system fails here).</summary>
        private static readonly Dictionary<string, string> SnippetParameters = new Dictionary<string, string>
        {
            ["k8s-leader-election"] = "ILock leaseLock",
            ["kafka-consumer"] = string.Empty,
            ["dotnext-raft"] = "System.Net.IPEndPoint hostAddress, DotNext.Net.Cluster.Consensus.Raft.Membership.IClusterConfigurationStorage<System.Net.EndPoint> configurationStorage",
            ["orleans-membership"] = string.Empty,
            ["consul-session"] = string.Empty,
            ["azure-blob-lease"] = "BlobLeaseClient leaseClient",
            ["akka-lease"] = string.Empty,
        };

        /// <summary>
        /// The HOCON snippet parses with Akka's own parser (Akka.Configuration.ConfigurationFactory), Akka.Coordination's
        /// TimeoutSettings.Create accepts it (it refuses heartbeat-interval ≥ heartbeat-timeout / 2), and every value reads
        /// back as the recommendation.
        /// </summary>
        [Theory]
        [InlineData("")]
        [InlineData("--rtt-p99 50ms --max-failover 3s")]
        [InlineData("--rtt-p99 1ms --gc-pause-p99 50ms --max-failover 5s")]
        [InlineData("--network wan --rtt-p99 150ms --gc-pause-p99 400ms --max-failover 10s")]
        [InlineData("--rtt-p99 1ms --max-failover 1s")]
        public void The_HOCON_snippet_parses_with_Akka_and_reads_back_the_recommendation(string profileFlags)
        {
            (int code, string output, _) = Cli.Run(new[] { "tune", "-s", "akka-lease", "--format", "json" }.Concat(profileFlags.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray());
            Assert.Equal(0, code);
            JsonElement c = JsonDocument.Parse(output).RootElement.GetProperty("configurations")[0];
            string hocon = Assert.Single(c.GetProperty("snippets").EnumerateArray(), s => s.GetProperty("language").GetString() == "hocon").GetProperty("text").GetString()!;
            Akka.Configuration.Config config = Akka.Configuration.ConfigurationFactory.ParseString(hocon);
            var settings = c.GetProperty("settings").EnumerateArray().ToList();
            Assert.Equal(3, settings.Count);
            foreach (JsonElement s in settings)
            {
                string key = s.GetProperty("setting").GetString()!;
                long nanos = ElectionLint.Rules.Timing.DurationParser.Go(s.GetProperty("value").GetString()!).Value!.Value.Nanoseconds;
                Assert.Equal(TimeSpan.FromTicks(nanos / 100), config.GetTimeSpan(key, null, false));
            }

            Akka.Coordination.TimeoutSettings timeouts = Akka.Coordination.TimeoutSettings.Create(config);
            Assert.Equal(config.GetTimeSpan("heartbeat-interval", null, false), timeouts.HeartbeatInterval);
            Assert.Equal(config.GetTimeSpan("heartbeat-timeout", null, false), timeouts.HeartbeatTimeout);
            Assert.Equal(config.GetTimeSpan("lease-operation-timeout", null, false), timeouts.OperationTimeout);
        }

        /// <summary>
        /// Every system's C# snippet (`tune -s SYSTEM`, no profile) in one file, tests/snippets/TunedSnippets.cs.txt, which
        /// ElectionLint.Analyzers.Tests compiles against the real client packages and analyzes: it must compile and raise
        /// nothing. With UPDATE_GOLDEN=1 the file is rewritten.
        /// </summary>
        [Fact]
        public void CSharp_snippets_are_the_file_the_analyzer_tests_compile()
        {
            var file = new System.Text.StringBuilder("// Generated by ElectionLint.Cli.Tests (TuneTests.CSharp_snippets_are_the_file_the_analyzer_tests_compile): each\n"
                + "// system's `electionlint tune -s SYSTEM` C# snippet in a method declaring the names it uses. Compiled and analyzed by\n"
                + "// ElectionLint.Analyzers.Tests (SnippetTests).\nclass TunedSnippets\n{\n");
            foreach (string system in TuneCommand.Tunable.Select(s => s.Id))
            {
                (_, string output, _) = Cli.Run("tune", "-s", system, "--format", "json");
                foreach (JsonElement snippet in JsonDocument.Parse(output).RootElement.GetProperty("configurations")[0].GetProperty("snippets").EnumerateArray()
                    .Where(x => x.GetProperty("language").GetString() == "csharp"))
                {
                    Assert.True(SnippetParameters.TryGetValue(system, out string? parameters), $"{system} has a C# snippet: say which names it uses");
                    string text = snippet.GetProperty("text").GetString()!.Replace("\n", "\n        ");
                    string method = string.Concat(system.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));
                    file.Append($"    void {method}({parameters})\n    {{\n        {(text.EndsWith(";", StringComparison.Ordinal) ? text : "var tuned = " + text + ";")}\n    }}\n\n");
                }
            }

            string expected = file.ToString().TrimEnd('\n') + "\n}\n";
            string path = Path.Combine(Cli.RepoRoot, "tests", "snippets", "TunedSnippets.cs.txt");
            if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
            {
                File.WriteAllText(path, expected);
            }

            Assert.Equal(expected, File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : string.Empty);
        }

        /// <summary>
        /// Checked, not hoped: every snippet the linter can read is written to a file and linted under the same profile. It
        /// reads back the tuned values and reports nothing, at any severity.
        /// </summary>
        [Theory]
        [MemberData(nameof(Systems))]
        public void Every_snippet_lints_clean_under_the_profile_it_was_tuned_for(string system, string profileFlags)
        {
            string[] flags = profileFlags.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            (int code, string output, _) = Cli.Run(new[] { "tune", "-s", system, "--format", "json" }.Concat(flags).ToArray());
            JsonElement c = JsonDocument.Parse(output).RootElement.GetProperty("configurations")[0];
            if (!c.GetProperty("clean").GetBoolean())
            {
                Assert.Equal(1, code);
                Assert.NotEqual(JsonValueKind.Null, c.GetProperty("conflict").ValueKind); // only a profile nothing meets stops a recommendation
                return;
            }

            Assert.Equal(0, code);
            var expected = c.GetProperty("settings").EnumerateArray().Where(s => s.GetProperty("value").ValueKind == JsonValueKind.String)
                .ToDictionary(s => s.GetProperty("setting").GetString()!, s => s.GetProperty("value").GetString()!);
            string profile = "profile:\n" + string.Concat(flags.Chunk(2).Select(f => $"  {f[0] switch { "--network" => "network", "--rtt-p99" => "rttP99", "--gc-pause-p99" => "gcPauseP99", _ => "maxFailover" }}: {f[1]}\n"));
            foreach (JsonElement snippet in c.GetProperty("snippets").EnumerateArray())
            {
                string title = snippet.GetProperty("title").GetString()!, text = snippet.GetProperty("text").GetString()!;
                if (AsFile(system, title, text) is not (string name, string content))
                {
                    continue;
                }

                string dir = Cli.Scratch((name, content), (".electionlint.yaml", profile));
                (int lintCode, string lint, _) = Cli.RunIn(dir, "lint", ".", "--fail-level", "info", "--format", "json");
                Assert.True(lintCode == 0, $"{system} {profileFlags} {title}:\n{content}\n{lint}");
                (_, string explain, _) = Cli.RunIn(dir, "explain", ".", "--format", "json");
                // A zoo.cfg with its server list is the server's configuration and the ensemble's: the tuned one is read back.
                JsonElement read = JsonDocument.Parse(explain).RootElement.GetProperty("configurations").EnumerateArray().Single(x => x.GetProperty("system").GetString() == system);
                var set = read.GetProperty("settings").EnumerateArray().Where(s => s.GetProperty("state").GetString() == "set").ToList();
                Assert.NotEmpty(set);
                foreach (JsonElement s in set)
                {
                    // Switches are not tuned: the snippet writes them on.
                    string want = expected.TryGetValue(s.GetProperty("setting").GetString()!, out string? v) ? v : "true";
                    Assert.Equal(want, s.GetProperty("value").GetString());
                }
            }
        }

        /// <summary>A file the linter reads that holds the snippet, or null for formats it does not read (HOCON, C#).</summary>
        private static (string Name, string Content)? AsFile(string system, string title, string text)
        {
            string Pod(string command, IEnumerable<string> args, IEnumerable<string> env) =>
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: tuned\nspec:\n  containers:\n    - name: tuned\n      image: tuned\n"
                + $"      command: [{command}]\n"
                + (args.Any() ? "      args:\n" + string.Concat(args.Select(a => $"        - \"{a}\"\n")) : string.Empty)
                + (env.Any() ? "      env:\n" + string.Concat(env.Select(e => e.Split('=', 2)).Select(e => $"        - name: {e[0]}\n          value: \"{e[1]}\"\n")) : string.Empty);
            string[] lines = text.Split('\n');
            return title switch
            {
                var t when t.StartsWith("etcd config file", StringComparison.Ordinal) => ("etcd.conf.yml", text + "\n"),
                "flags" when system == "etcd" => ("pod.yaml", Pod("etcd", text.Split(' '), Array.Empty<string>())),
                "environment" when system == "etcd" => ("pod.yaml", Pod("etcd", Array.Empty<string>(), lines)),
                var t when t.StartsWith("component config", StringComparison.Ordinal) => ("scheduler.yaml", "apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\n" + text + "\n"),
                var t when t.StartsWith("flags (kube-scheduler", StringComparison.Ordinal) => ("pod.yaml", Pod("kube-scheduler", text.Split(' '), Array.Empty<string>())),
                var t when t.StartsWith("flags (cert-manager", StringComparison.Ordinal) => ("pod.yaml", Pod("cert-manager-controller", text.Split(' '), Array.Empty<string>())),
                var t when t.StartsWith("Helm values", StringComparison.Ordinal) => ("values.yaml", text + "\n"),
                "consumer properties" => ("consumer.properties", text + "\n"),
                "server.properties" => ("server.properties", text + "\n"),
                var t when t.StartsWith("environment (Bitnami image: KAFKA_CFG", StringComparison.Ordinal) => ("pod.yaml", Pod("kafka", Array.Empty<string>(), lines)),
                "zoo.cfg" => ("zoo.cfg", text + "\n"),
                var t when t.StartsWith("environment (official and Bitnami", StringComparison.Ordinal) => ("pod.yaml", Pod("zookeeper", Array.Empty<string>(), lines)),
                var t when t.StartsWith("appsettings.json", StringComparison.Ordinal) => ("appsettings.json", text + "\n"),
                var t when t.StartsWith("patroni.yml", StringComparison.Ordinal) => ("patroni.yml", text + "\n"),
                var t when t.StartsWith("postgres-operator", StringComparison.Ordinal) => ("postgresql.yaml", "apiVersion: acid.zalan.do/v1\nkind: postgresql\n" + text + "\n"),
                var t when t.StartsWith("sentinel.conf", StringComparison.Ordinal) => ("sentinel.conf", text + "\n"),
                var t when t.StartsWith("replica-set settings", StringComparison.Ordinal) => ("rs-config.json", text + "\n"),
                "elasticsearch.yml" => ("elasticsearch.yml", text + "\n"),
                var t when t.EndsWith("(HCL)", StringComparison.Ordinal) => (t.Split(' ')[0].ToLowerInvariant() + ".hcl", text + "\n"),
                _ => null,
            };
        }
    }
}
