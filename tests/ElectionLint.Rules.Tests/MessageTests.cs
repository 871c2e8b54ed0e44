using System.Linq;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Systems;
using ElectionLint.Rules.Timing;
using Xunit;
using static ElectionLint.Rules.Tests.Build;

namespace ElectionLint.Rules.Tests
{
    /// <summary>Exact messages, locations and suggested values.</summary>
    public class MessageTests
    {
        [Fact]
        public void Spec_example_reads_exactly()
        {
            Finding f = Assert.Single(Findings(Instance("etcd", "heartbeat-interval=100", "election-timeout=300")));
            Assert.Equal("EL1001", f.RuleId);
            Assert.Equal(RuleSeverity.Error, f.Severity);
            Assert.Equal("election-timeout 300 ms is 3.0× heartbeat-interval 100 ms; etcd refuses to start below 5× — set election-timeout to 1000 ms", f.Message);
            Assert.Equal("loc:election-timeout", f.Location);
            Assert.Equal("loc:heartbeat-interval", Assert.Single(f.Related).Location);
            Assert.False(f.UsesDefault);
            Assert.Equal(new[] { "election-timeout=1000", "heartbeat-interval=30" }, f.Repairs.Select(r => string.Join(",", r.Changes.Select(c => c.Setting.Id + "=" + c.Text))));
        }

        [Fact]
        public void A_finding_that_needs_a_default_says_so_and_points_at_what_is_written()
        {
            Finding f = Assert.Single(Findings(Instance("etcd", "heartbeat-interval=300")));
            Assert.Equal("election-timeout 1000 ms (default) is 3.33× heartbeat-interval 300 ms; etcd refuses to start below 5× — set heartbeat-interval to 100 ms", f.Message);
            Assert.True(f.UsesDefault);
            Assert.Equal("loc:heartbeat-interval", f.Location);
            Assert.Equal("heartbeat-interval", f.Setting!.Id);
            Assert.Empty(f.Related);
            Assert.Equal("100", f.Repairs[0].Changes[0].Text);
            Assert.Null(f.Repairs[1].Changes[0].Occurrence); // election-timeout is unset: a fix adds it
            Assert.Equal("3000", f.Repairs[1].Changes[0].Text);
        }

        [Fact]
        public void Names_as_written_are_used()
        {
            var instance = new ConfigurationInstance(Etcd.Definition, "anchor")
                .SetText(Etcd.ElectionTimeout, "300", "loc", "ETCD_ELECTION_TIMEOUT");
            Finding f = Assert.Single(Evaluator.Evaluate(instance).Findings);
            Assert.StartsWith("ETCD_ELECTION_TIMEOUT 300 ms is 3.0× heartbeat-interval 100 ms (default);", f.Message);
        }

        [Fact]
        public void Unset_primary_points_at_the_anchor()
        {
            Finding f = Assert.Single(Findings(new ConfigurationInstance(KubernetesLeaderElection.Definition, "the-anchor"), "gc=6s"));
            Assert.Equal("EL2020", f.RuleId);
            Assert.Equal("the-anchor", f.Location);
            Assert.Equal("renewDeadline 10s (default) is below 12s (2 × gcPauseP99 6s); a p99 pause uses 60% of it, so a slightly longer one means the leader stops renewing and gives up leadership — set renewDeadline to 15s and leaseDuration to 20s", f.Message);
        }

        [Theory]
        [InlineData("k8s-leader-election", "leaseDuration=10s", "", "EL1010", "leaseDuration 10s is not greater than renewDeadline 10s (default); client-go refuses it (leaseDuration must be greater than renewDeadline) — set leaseDuration to 15s")]
        [InlineData("k8s-leader-election", "renewDeadline=2s", "", "EL1011", "renewDeadline 2s is not greater than 1.2 × retryPeriod 2s (default) = 2.4s; client-go refuses it (renewDeadline must be greater than retryPeriod*JitterFactor) — set renewDeadline to 10s")]
        [InlineData("k8s-leader-election", "retryPeriod=0s", "", "EL1012", "retryPeriod 0s must be greater than zero; client-go refuses it — set retryPeriod to 2s")]
        [InlineData("k8s-leader-election", "leaseDuration=15", "", "EL1000", "leaseDuration value '15' cannot be parsed by client-go: missing unit in duration \"15\" (write e.g. \"15s\")")]
        [InlineData("kafka-consumer", "session.timeout.ms=3000", "", "EL1021", "session.timeout.ms 3000 ms is outside the broker's allowed range [6000 ms, 1800000 ms] (group.min/max.session.timeout.ms); the broker rejects the JoinGroup with INVALID_SESSION_TIMEOUT — set session.timeout.ms to 45000 ms")]
        [InlineData("etcd", "", "network=wan", "EL2010", "election-timeout 1000 ms (default) is below 2000 ms (10 × rttP99 200ms, assumed for network: wan); a slow round trip looks like a failure and triggers a false election — set election-timeout to 2500 ms and heartbeat-interval to 250 ms")]
        [InlineData("etcd", "", "network=wan max=2s", "EL2031", "no configuration of etcd satisfies the profile: election-timeout ≥ 5 × heartbeat-interval (at least 5 heartbeats) and election-timeout ≥ 10 × rttP99 200ms (assumed for network: wan) make the worst-case failover window (2 × election-timeout − heartbeat-interval + 2 × RTT) at least 4s, above maxFailover 2s — raise maxFailover to at least 4s, or place the members closer (or lower rttMultiplier)")]
        [InlineData("k8s-leader-election", "", "max=10s", "EL2030", "worst-case failover window 23.8s (leaseDuration + 4.4 × retryPeriod) is above maxFailover 10s — set leaseDuration to 4s, retryPeriod to 1.2s and renewDeadline to 3s")]
        [InlineData("k8s-leader-election", "leaseDuration=120s;renewDeadline=60s;retryPeriod=30s", "", "EL2001", "renewDeadline 1m is only 2.0× retryPeriod 30s; the leader retries its renewal every retryPeriod and gives up leadership at renewDeadline, so 2 failed API calls in a row end its term (client-go's defaults allow 5) — set renewDeadline to 1m20s")]
        [InlineData("kafka-consumer", "session.timeout.ms=10000;heartbeat.interval.ms=5000", "", "EL2001", "session.timeout.ms 10000 ms is only 2.0× heartbeat.interval.ms 5000 ms; the broker removes the member and rebalances the group after fewer than 3 missed heartbeats, so one slow round trip costs a rebalance — set session.timeout.ms to 15000 ms")]
        [InlineData("etcd", "", "max=1s", "EL2030", "worst-case failover window 1.9s (2 × election-timeout − heartbeat-interval + 2 × RTT, RTT unknown and counted as 0) is above maxFailover 1s — set election-timeout to 500 ms")]
        [InlineData("k8s-leader-election", "leaseDuration=15500ms", "", "EL2050", "leaseDuration 15.5s is not a whole number of seconds; the lease record stores 15s — set leaseDuration to 15s")]
        [InlineData("etcd", "heartbeat-interval=300;election-timeout=1600", "", "EL2051", "election-timeout 1600 ms is not a multiple of heartbeat-interval 300 ms; etcd counts whole ticks, so the effective election timeout is 1500 ms — set election-timeout to 1500 ms")]
        [InlineData("dotnext-raft", "upperElectionTimeout=100", "", "EL1040", "upperElectionTimeout 100 ms is below lowerElectionTimeout 150 ms (default); DotNext throws ArgumentOutOfRangeException when the cluster is constructed (Random.Next) — set upperElectionTimeout to 300 ms")]
        [InlineData("dotnext-raft", "upperElectionTimeout=149", "", "EL1040", "upperElectionTimeout 149 ms is below lowerElectionTimeout 150 ms (default); DotNext silently uses a fixed election timeout, so split votes repeat — set upperElectionTimeout to 300 ms")]
        [InlineData("orleans-membership", "NumVotesForDeathDeclaration=12", "", "EL1080", "NumVotesForDeathDeclaration 12 is greater than NumProbedSilos 10 (default); Orleans refuses to start the silo (OrleansConfigurationException) — set NumVotesForDeathDeclaration to 2")]
        [InlineData("akka-lease", "heartbeat-interval=60s", "", "EL1070", "heartbeat-interval 1m is not below half of heartbeat-timeout 2m (default); Akka refuses it (\"heartbeat-interval must be less than half heartbeat-timeout\") — set heartbeat-interval to 12s")]
        [InlineData("azure-blob-lease", "duration=90", "", "EL1060", "duration 90 s is outside the 15–60 s range of a blob lease (or -1 for infinite); the service rejects the request — set duration to 60 s")]
        [InlineData("consul-session", "TTL=5s", "", "EL1050", "TTL 5s is outside Consul's allowed range [10s, 24h]; the server rejects the session (\"Invalid Session TTL\") — set TTL to 10s")]
        public void Message_reads_exactly(string system, string settings, string profile, string rule, string message)
        {
            var instance = Instance(system, settings.Length == 0 ? new string[0] : settings.Split(';'));
            Finding f = Assert.Single(Findings(instance, profile));
            Assert.Equal(rule, f.RuleId);
            Assert.Equal(message, f.Message);
        }

        [Fact]
        public void Client_go_renewal_attempts_are_info_and_etcd_heartbeats_a_warning()
        {
            // client-go: 2 renewal attempts before giving up is a consequence, not a failure; elsewhere a follower campaigns.
            Assert.Equal(RuleSeverity.Info, Findings(Instance("k8s-leader-election", "leaseDuration=30s", "renewDeadline=20s", "retryPeriod=10s")).Single().Severity);
            Assert.Equal(RuleSeverity.Warning, Findings(Instance("custom", "heartbeat=100", "electionTimeout=499")).Single().Severity);
        }

        [Fact]
        public void Kafka_variant_changes_the_consequence()
        {
            var java = Findings(InstanceOf("kafka-consumer", "java", "heartbeat.interval.ms=50000")).Single();
            var rd = Findings(InstanceOf("kafka-consumer", "librdkafka", "heartbeat.interval.ms=50000")).Single();
            Assert.Contains("the Java consumer refuses it", java.Message);
            Assert.Contains("librdkafka accepts it, but the session expires between heartbeats", rd.Message);
        }

        [Fact]
        public void Suggested_values_keep_the_authors_format()
        {
            Assert.Equal("10s", Findings(Instance("k8s-leader-election", "renewDeadline=2s")).Single().Repairs[0].Changes[0].Text);
            var ts = new ConfigurationInstance(KubernetesLeaderElection.Definition).SetText(KubernetesLeaderElection.RenewDeadline, "00:00:02", format: Model.ValueFormat.TimeSpan);
            Assert.Equal("00:00:10", Evaluator.Evaluate(ts).Findings.Single().Repairs[0].Changes[0].Text);
            Assert.Equal("600s", Findings(Instance("akka-lease", "heartbeat-interval=60s", "heartbeat-timeout=2m")).Single().Repairs[1].Changes[0].Text);
        }

        [Fact]
        public void Profile_severity_off_drops_a_rule_and_error_raises_one()
        {
            var instance = Instance("etcd", "election-timeout=2000");
            var off = Evaluator.Evaluate(instance, null, new System.Collections.Generic.Dictionary<string, RuleSeverity> { ["EL2002"] = RuleSeverity.Off });
            Assert.Empty(off.Findings);
            var error = Evaluator.Evaluate(instance, null, new System.Collections.Generic.Dictionary<string, RuleSeverity> { ["EL2002"] = RuleSeverity.Error });
            Assert.Equal(RuleSeverity.Error, error.Findings.Single().Severity);
        }

        [Fact]
        public void Failover_window_is_reported()
        {
            Assert.Equal(23.8m * Duration.NanosPerSecond, Evaluator.Evaluate(Instance("k8s-leader-election")).FailoverWindow);
            Assert.Equal(2.3m * Duration.NanosPerSecond, Evaluator.Evaluate(Instance("etcd"), Build.Profile("rtt=200ms")).FailoverWindow);
        }
    }
}
