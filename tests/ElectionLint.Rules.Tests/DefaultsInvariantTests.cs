using System.Collections.Generic;
using System.Linq;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Systems;
using Xunit;

namespace ElectionLint.Rules.Tests
{
    /// <summary>SPEC §2 invariant: every system's own defaults produce no diagnostic under the default profile.</summary>
    public class DefaultsInvariantTests
    {
        public static IEnumerable<object?[]> SystemsAndVariants() =>
            SystemCatalogue.Systems.SelectMany(s => s.Variants.Select(v => (string?)v).Append(null).Select(v => new object?[] { s.Id, v }));

        [Theory]
        [MemberData(nameof(SystemsAndVariants))]
        public void Nothing_written_means_no_finding(string system, string? variant)
        {
            var instance = new ConfigurationInstance(SystemCatalogue.Get(system), variant: variant);
            Assert.Empty(Evaluator.Evaluate(instance, EnvironmentProfile.Default).Findings);
        }

        [Theory]
        [MemberData(nameof(SystemsAndVariants))]
        public void Every_default_written_out_means_no_finding(string system, string? variant)
        {
            SystemDefinition def = SystemCatalogue.Get(system);
            var instance = new ConfigurationInstance(def, variant: variant);
            foreach (SettingDefinition s in def.Settings)
            {
                if (s.Default == null || s.Default.Terms.Any(t => t.Setting != null && !(def.TryGetSetting(t.Setting, out SettingDefinition d) && d.Default != null)))
                {
                    continue; // no default, or one that follows a setting without a default (custom's electionTimeoutMax)
                }

                decimal value = s.Default.Terms.Sum(t => t.Coefficient * (t.Setting == null ? 1m : ConstantDefault(def, t.Setting)));
                instance.Set(s.Id, SettingValue.Of(value));
            }

            Assert.Empty(Evaluator.Evaluate(instance, EnvironmentProfile.Default).Findings);
        }

        [Fact]
        public void Every_system_of_the_spec_is_defined()
        {
            string[] spec =
            {
                "etcd", "k8s-leader-election", "kafka-consumer", "kafka-kraft-controller", "kafka-broker-session", "kafka-group-coordinator", "zookeeper", "zookeeper-ensemble",
                "dotnext-raft", "orleans-membership", "consul-session", "azure-blob-lease", "akka-lease",
                "patroni", "redis-sentinel", "mongodb-replica-set", "elasticsearch", "hashicorp-raft", "custom",
            };
            Assert.Equal(spec, SystemCatalogue.Systems.Select(s => s.Id));
        }

        [Theory]
        [InlineData("etcd", "heartbeat-interval", 100)]
        [InlineData("etcd", "election-timeout", 1000)]
        [InlineData("k8s-leader-election", "leaseDuration", 15000)]
        [InlineData("k8s-leader-election", "renewDeadline", 10000)]
        [InlineData("k8s-leader-election", "retryPeriod", 2000)]
        [InlineData("kafka-consumer", "heartbeat.interval.ms", 3000)]
        [InlineData("kafka-consumer", "session.timeout.ms", 45000)]
        [InlineData("kafka-consumer", "max.poll.interval.ms", 300000)]
        [InlineData("kafka-kraft-controller", "controller.quorum.election.timeout.ms", 1000)]
        [InlineData("kafka-kraft-controller", "controller.quorum.fetch.timeout.ms", 2000)]
        [InlineData("kafka-kraft-controller", "controller.quorum.election.backoff.max.ms", 1000)]
        [InlineData("kafka-broker-session", "broker.heartbeat.interval.ms", 2000)]
        [InlineData("kafka-broker-session", "broker.session.timeout.ms", 9000)]
        [InlineData("zookeeper", "tickTime", 3000)]
        [InlineData("dotnext-raft", "lowerElectionTimeout", 150)]
        [InlineData("dotnext-raft", "upperElectionTimeout", 300)]
        [InlineData("orleans-membership", "ProbeTimeout", 5000)]
        [InlineData("consul-session", "LockDelay", 15000)]
        [InlineData("akka-lease", "heartbeat-interval", 12000)]
        [InlineData("akka-lease", "heartbeat-timeout", 120000)]
        [InlineData("patroni", "ttl", 30000)]
        [InlineData("patroni", "loop_wait", 10000)]
        [InlineData("patroni", "retry_timeout", 10000)]
        [InlineData("redis-sentinel", "down-after-milliseconds", 30000)]
        [InlineData("redis-sentinel", "failover-timeout", 180000)]
        [InlineData("mongodb-replica-set", "heartbeatIntervalMillis", 2000)]
        [InlineData("mongodb-replica-set", "heartbeatTimeoutSecs", 10000)]
        [InlineData("mongodb-replica-set", "electionTimeoutMillis", 10000)]
        [InlineData("elasticsearch", "cluster.fault_detection.leader_check.interval", 1000)]
        [InlineData("elasticsearch", "cluster.fault_detection.leader_check.timeout", 10000)]
        [InlineData("elasticsearch", "cluster.fault_detection.follower_check.interval", 1000)]
        [InlineData("elasticsearch", "cluster.fault_detection.follower_check.timeout", 10000)]
        public void Defaults_match_the_systems_code(string system, string setting, long milliseconds)
        {
            SystemDefinition def = SystemCatalogue.Get(system);
            Assert.True(def.TryGetSetting(setting, out SettingDefinition s));
            Assert.Equal(milliseconds * 1_000_000m, s.Default!.Terms.Single().Coefficient);
        }

        [Fact]
        public void ZooKeeper_session_bounds_default_to_2_and_20_ticks()
        {
            var instance = new ConfigurationInstance(ZooKeeper.Definition).SetText(ZooKeeper.TickTime, "2000").SetText(ZooKeeper.SessionTimeout, "40001");
            Finding f = Assert.Single(Evaluator.Evaluate(instance).Findings);
            Assert.Equal("EL1030", f.RuleId);
            Assert.StartsWith("sessionTimeout 40001 ms is outside [4000 ms (default), 40000 ms (default)]; ZooKeeper silently clamps it to 40000 ms", f.Message);
        }

        private static decimal ConstantDefault(SystemDefinition def, string setting) =>
            def.TryGetSetting(setting, out SettingDefinition s) ? s.Default!.Terms.Single().Coefficient : 0m;
    }
}
