using System.IO;
using Xunit;

namespace ElectionLint.Cli.Tests
{
    /// <summary>Issue #27: lint --profile-report tells measured values (with a provenance comment) from assumed ones.</summary>
    [Collection("cli")]
    public class ProfileReportTests
    {
        [Fact]
        public void Measured_declared_assumed_and_unset_values_are_told_apart()
        {
            string dir = Cli.Scratch(
                (".electionlint.yaml",
                    "profile:\n" +
                    "  network: lan\n" +
                    "  # rttP99: measured from etcd-0.prom: etcd_network_peer_round_trip_time_seconds histogram_quantile(0.99) over 2 peers summed = 0.0031 s; 136800 round trips\n" +
                    "  rttP99: 3.1ms\n" +
                    "  # a hand-written note\n" +
                    "  gcPauseP99: 300ms\n" +
                    "  # gcPausesPerHour: measured from gc.log: 1191 pauses (JVM \"Pause\" lines) over 5h59m of log\n" +
                    "  #   also 135 from trace.log: 150 pauses\n" +
                    "  gcPausesPerHour: 199.1\n" +
                    "  maxFailover: 20s\n" +
                    "overrides:\n" +
                    "  - paths: [\"eu/**\"]\n" +
                    "    profile:\n" +
                    "      network: wan\n" +
                    "      # rttP50: measured from eu.prom: etcd_network_peer_round_trip_time_seconds histogram_quantile(0.5) over 2 peers summed = 0.04 s; 9000 round trips\n" +
                    "      rttP50: 40ms\n"),
                ("etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 1000\n"));
            (int code, string output, string err) = Cli.RunIn(dir, "lint", "--profile-report");
            Assert.Equal((0, string.Empty), (code, err));
            Assert.Equal(
                ".electionlint.yaml: the profile in force\n" +
                "    network                   lan    declared\n" +
                "    rttP50                    –      not set: the rules that need it are off\n" +
                "    rttP99                    3.1ms  measured from etcd-0.prom: etcd_network_peer_round_trip_time_seconds histogram_quantile(0.99) over 2 peers summed = 0.0031 s\n" +
                "    rttP999                   –      not set: the rules that need it are off\n" +
                "    gcPauseP50                –      not set: the rules that need it are off\n" +
                "    gcPauseP99                300ms  assumed: declared without a provenance comment\n" +
                "    gcPauseP999               –      not set: the rules that need it are off\n" +
                "    gcPausesPerHour           199.1  measured from gc.log: 1191 pauses (JVM \"Pause\" lines) over 5h59m of log\n" +
                "    maxFailover               20s    declared\n" +
                "    gcHeadroom                2      the default\n" +
                "    rttMultiplier             10     the default\n" +
                "    headroom                  1.25   the default\n" +
                "    packetLoss                0      the default: the trade-off model assumes no loss\n" +
                "    maxFalseElectionsPerYear  1      the default target of tune\n" +
                "  2 measured, 1 assumed, 4 not set, of the 7 round-trip and pause values\n" +
                "  overrides[0] (eu/**): these values replace the ones above\n" +
                "    network  wan   declared\n" +
                "    rttP50   40ms  measured from eu.prom: etcd_network_peer_round_trip_time_seconds histogram_quantile(0.5) over 2 peers summed = 0.04 s\n",
                output.Replace("\r", string.Empty));
            Directory.Delete(dir, recursive: true);
        }

        [Fact]
        public void Without_a_profile_file_the_default_profile_is_reported()
        {
            string dir = Cli.Scratch(("etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 1000\n"));
            (int code, string output, _) = Cli.RunIn(dir, "lint", "etcd.yaml", "--profile-report");
            Assert.Equal(0, code);
            Assert.StartsWith("no profile file: the default profile is in force (a LAN, nothing measured or declared)\n    network                   lan   the default\n", output.Replace("\r", string.Empty));
            Assert.EndsWith("  0 measured, 0 assumed, 7 not set, of the 7 round-trip and pause values\n", output.Replace("\r", string.Empty));
            Directory.Delete(dir, recursive: true);
        }

        [Fact]
        public void An_invalid_profile_is_EL9002_and_exit_2()
        {
            string dir = Cli.Scratch((".electionlint.yaml", "profile:\n  rttP50: 9ms\n  rttP99: 5ms\n"));
            (int code, string output, string err) = Cli.RunIn(dir, "lint", "--profile-report");
            Assert.Equal((2, string.Empty), (code, output));
            Assert.Equal(".electionlint.yaml:3:11: error EL9002: rttP99 5ms is below rttP50 9ms; a higher percentile cannot be shorter", err.Trim());
            Directory.Delete(dir, recursive: true);
        }
    }
}
