using System.Linq;
using ElectionLint.Rules.Evaluation;
using Xunit;
using static ElectionLint.Rules.Tests.Build;

namespace ElectionLint.Rules.Tests
{
    /// <summary>
    /// The engine against each system's code at the boundary (the review's D1–D22 that are the engine's, not a front end's):
    /// which rules fire, in order.
    /// </summary>
    public class CodeBehaviourTests
    {
        [Theory]
        // D8: group.protocol=consumer: librdkafka and the Java consumer from 4.0 refuse the client session settings.
        [InlineData("kafka-consumer", "-", "group.protocol=consumer;session.timeout.ms=45000", "", "EL1023")]
        [InlineData("kafka-consumer", "java", "group.protocol=CONSUMER;heartbeat.interval.ms=3000", "", "EL1023")]
        [InlineData("kafka-consumer", "librdkafka", "group.protocol=consumer;session.timeout.ms=45000", "", "EL1023")]
        [InlineData("kafka-consumer", "-", "group.protocol=classic;session.timeout.ms=45000", "", "")]
        // N16: under group.protocol=consumer the brokers' default group session (45000 + heartbeat 5000) is the window.
        [InlineData("kafka-consumer", "-", "group.protocol=consumer", "max=20s", "EL2030")]
        [InlineData("kafka-consumer", "-", "group.protocol=consumer", "max=50s", "")]
        // D9: librdkafka's ranges: 1..3600000 for session and heartbeat, 1..86400000 for max.poll.
        [InlineData("kafka-consumer", "librdkafka", "heartbeat.interval.ms=0", "", "EL1024")]
        [InlineData("kafka-consumer", "librdkafka", "session.timeout.ms=3600001;max.poll.interval.ms=3600001", "kmax=2h", "EL1024")]
        [InlineData("kafka-consumer", "librdkafka", "session.timeout.ms=3600000;max.poll.interval.ms=3600000;heartbeat.interval.ms=1000000", "kmax=2h", "")]
        [InlineData("kafka-consumer", "librdkafka", "max.poll.interval.ms=86400001", "", "EL1024")]
        // D10: the Java consumer's max.poll.interval.ms atLeast(1).
        [InlineData("kafka-consumer", "java", "max.poll.interval.ms=0", "", "EL1024")]
        [InlineData("kafka-consumer", "-", "max.poll.interval.ms=0", "", "EL1024")]
        [InlineData("kafka-consumer", "java", "max.poll.interval.ms=1", "", "")]
        // D11: the broker's KIP-848 group.consumer.* bounds, required at start-up.
        [InlineData("kafka-group-coordinator", "-", "", "", "")]
        [InlineData("kafka-group-coordinator", "-", "group.consumer.session.timeout.ms=30000", "", "EL1025")]
        [InlineData("kafka-group-coordinator", "-", "group.consumer.heartbeat.interval.ms=20000", "", "EL1025")]
        [InlineData("kafka-group-coordinator", "-", "group.consumer.min.session.timeout.ms=10000;group.consumer.session.timeout.ms=10000;group.consumer.heartbeat.interval.ms=10000", "", "EL1025")]
        [InlineData("kafka-group-coordinator", "-", "group.consumer.max.session.timeout.ms=30000", "", "EL1025,EL1025")]
        [InlineData("kafka-group-coordinator", "-", "group.consumer.session.timeout.ms=0", "", "EL1025")]
        [InlineData("kafka-group-coordinator", "-", "", "max=30s", "EL2030")]
        // D12, D13: KRaft has no validators, but these values break at run time.
        [InlineData("kafka-kraft-controller", "-", "controller.quorum.election.timeout.ms=-1", "", "EL1026")]
        [InlineData("kafka-kraft-controller", "-", "controller.quorum.election.timeout.ms=0", "", "EL1026")]
        [InlineData("kafka-kraft-controller", "-", "controller.quorum.fetch.timeout.ms=-5", "", "EL1026")]
        [InlineData("kafka-broker-session", "-", "broker.session.timeout.ms=0", "", "EL1026")]
        [InlineData("kafka-broker-session", "-", "broker.heartbeat.interval.ms=0", "", "EL1026")]
        // D14: tickTime=0 → "tickTime is not set".
        [InlineData("zookeeper", "-", "tickTime=0", "", "EL1031")]
        // D15: -1 means 2 × / 20 × tickTime: min 4000 (default) > max 3000 refuses to start.
        [InlineData("zookeeper", "-", "tickTime=2000;minSessionTimeout=-1;maxSessionTimeout=3000", "", "EL1030")]
        [InlineData("zookeeper", "-", "tickTime=2000;minSessionTimeout=-1;maxSessionTimeout=-1", "", "")]
        // D18: Orleans 10.4's SiloClusteringValidator: ProbeTimeout > 0 and within [MinProbeTimeout, MaxProbeTimeout].
        [InlineData("orleans-membership", "-", "ProbeTimeout=00:00:00", "", "EL1080")]
        [InlineData("orleans-membership", "-", "ProbeTimeout=00:00:05;MaxProbeTimeout=00:00:04", "", "EL1080")]
        [InlineData("orleans-membership", "-", "MinProbeTimeout=00:00:06", "", "EL1080")]
        [InlineData("orleans-membership", "-", "MinProbeTimeout=00:00:02;MaxProbeTimeout=00:00:01", "", "EL1080,EL1080")]
        [InlineData("orleans-membership", "-", "ProbeTimeout=00:00:02;MinProbeTimeout=00:00:01;MaxProbeTimeout=00:00:08", "", "")]
        // N5: dotnet/orleans@e558829b SiloClusteringValidator: probe timeouts are checked before `if (LivenessEnabled)`; the
        // votes only inside it.
        [InlineData("orleans-membership", "-", "ProbeTimeout=00:00:00;LivenessEnabled=false", "", "EL1080")]
        [InlineData("orleans-membership", "-", "ProbeTimeout=00:00:05;MaxProbeTimeout=00:00:04;LivenessEnabled=false", "", "EL1080")]
        [InlineData("orleans-membership", "-", "NumVotesForDeathDeclaration=0;LivenessEnabled=false", "", "")]
        [InlineData("orleans-membership", "-", "ProbeTimeout=00:00:05;LivenessEnabled=false", "max=1s", "")]
        // D19: a lock delay above 60 s is capped; the window is not computed from the uncapped value.
        [InlineData("consul-session", "-", "TTL=10s;LockDelay=2m", "max=30s", "EL1051")]
        [InlineData("consul-session", "-", "TTL=10s;LockDelay=60s", "", "")]
        // D20: Consul .NET LockOptions: LockRetryTime ≥ 500 ms, SessionTTL 15 s by default.
        [InlineData("consul-session", "lock-options", "LockRetryTime=00:00:00.1", "", "EL1052")]
        [InlineData("consul-session", "lock-options", "LockRetryTime=00:00:00.5", "", "")]
        [InlineData("consul-session", "lock-options", "", "max=20s", "EL2030")]
        [InlineData("consul-session", "-", "", "max=20s", "")]
        // D21: an infinite Azure lease outlives its crashed holder.
        [InlineData("azure-blob-lease", "-", "duration=-1", "max=40s", "EL2030")]
        [InlineData("azure-blob-lease", "-", "duration=-1", "", "")]
        // D22: custom failover uses the declared top of the randomised range.
        [InlineData("custom", "-", "electionTimeout=1000;electionTimeoutMax=8000", "max=3s", "EL2030")]
        [InlineData("custom", "-", "electionTimeout=1000;electionTimeoutMax=2000", "max=3s", "")]
        public void Rules_fire_where_the_code_refuses(string system, string variant, string settings, string profile, string expected)
        {
            var instance = InstanceOf(system, variant == "-" ? null : variant, settings.Length == 0 ? new string[0] : settings.Split(';'));
            Assert.Equal(expected, Ids(Findings(instance, profile)));
        }

        [Theory]
        // Review B1: time.ParseDuration overflows past 292 years: the system's own "invalid duration", never an exception.
        [InlineData("k8s-leader-election", "leaseDuration=99999999999999999h", "", "EL1000")]
        [InlineData("k8s-leader-election", "retryPeriod=1330000000000000000m", "", "EL1000")]
        // Review B2: a TimeSpan past 292 years is held at that limit (Orleans refuses it anyway).
        [InlineData("orleans-membership", "ProbeTimeout=106752.00:00:00", "", "EL1080")]
        // Review B3: products beyond decimal's range leave the relation unknown; ranges still judge the value.
        [InlineData("dotnext-raft", "heartbeatThreshold=1e28", "", "EL1040")]
        [InlineData("orleans-membership", "ProbeTimeout=10675199.02:48:05.4775807;NumMissedProbesLimit=2147483647", "max=30s", "EL1080")]
        public void Huge_values_give_findings_not_exceptions(string system, string settings, string profile, string expected)
        {
            var instance = Instance(system, settings.Split(';'));
            Assert.Equal(expected, Ids(Findings(instance, profile)));
        }

        [Fact]
        public void A_huge_profile_multiplier_leaves_its_rule_silent()
        {
            var profile = new Profile.EnvironmentProfile { GcPauseP99 = Timing.Duration.FromMilliseconds(300), GcHeadroom = 79228162514264337593543950335m };
            Assert.Empty(Evaluator.Evaluate(Instance("etcd"), profile).Findings);
        }

        [Fact]
        public void An_infinite_lease_is_repaired_to_the_longest_lease_the_budget_allows()
        {
            Finding f = Assert.Single(Findings(Instance("azure-blob-lease", "duration=-1"), "max=40s"));
            Assert.Equal("worst-case failover window unbounded (an infinite lease is held until it is released or broken) is above maxFailover 40s — set duration to 40 s", f.Message);
        }

        [Fact]
        public void Group_coordinator_messages_name_the_requirement()
        {
            Finding f = Assert.Single(Findings(Instance("kafka-group-coordinator", "group.consumer.session.timeout.ms=30000")));
            Assert.Equal("group.consumer.session.timeout.ms 30000 ms must be at least group.consumer.min.session.timeout.ms 45000 ms (default); the broker refuses to start (GroupCoordinatorConfig requirement failed) — set group.consumer.session.timeout.ms to 45000 ms", f.Message);
        }

        [Theory]
        // N1: redis/redis@4f8cdc2a sentinel.c sentinelHandleConfiguration: ri->down_after_period = atoi(argv[2]); "60s" runs as 60 ms.
        [InlineData("down-after-milliseconds=60s", "down-after-milliseconds '60s' runs as 60 ms: it is read with atoi (sentinel.c), which stops at 's' and ignores the rest — write 60000 (milliseconds) for 60s")]
        [InlineData("failover-timeout=3m", "failover-timeout '3m' runs as 3 ms: it is read with atoi (sentinel.c), which stops at 'm' and ignores the rest — write 180000 (milliseconds) for 3m")]
        [InlineData("down-after-milliseconds=5000ms", "")]
        [InlineData("down-after-milliseconds=5000", "")]
        public void Sentinel_says_what_atoi_ignores_at_the_value(string setting, string message)
        {
            var findings = Findings(Instance("redis-sentinel", setting));
            Assert.Equal(message, string.Join("\n", findings.Select(f => f.Message)));
        }

        [Theory]
        // N14: redis/redis@4f8cdc2a sentinel.c: INFO every 1000 ms during a failover (sentinelSendPeriodicCommands:3121-3128) on
        // a timer of at most 100 ms, the promotion abandoned once failover-timeout has passed (sentinelFailoverWaitPromotion
        // :5167-5173): 1.1 s plus the round trip. The default, 180000, is the repair.
        [InlineData("failover-timeout=500", "", "EL1098 failover-timeout 500 ms is below 1100 ms; the leader sentinel sees the promotion in the replica's INFO, polled every 1 s during a failover, and can abort the failover after promoting it (-failover-abort-slave-timeout), trying again only after 2 × failover-timeout — set failover-timeout to 180000 ms")]
        [InlineData("failover-timeout=1100", "", "")]
        [InlineData("failover-timeout=1200", "rtt=150ms", "EL1098 failover-timeout 1200 ms is below 1250 ms; the leader sentinel sees the promotion in the replica's INFO, polled every 1 s during a failover, and can abort the failover after promoting it (-failover-abort-slave-timeout), trying again only after 2 × failover-timeout — set failover-timeout to 180000 ms")]
        // One finding a value: 0 is refused (EL1092); "1s" runs as 1 ms, which EL1097 says.
        [InlineData("failover-timeout=0", "", "EL1092")]
        [InlineData("failover-timeout=1s", "", "EL1097")]
        public void Sentinel_failover_timeout_leaves_time_to_see_the_promotion(string setting, string profile, string expected)
        {
            var findings = Findings(Instance("redis-sentinel", setting), profile);
            Assert.Equal(expected, string.Join("\n", findings.Select(f => expected.Contains(' ') ? f.RuleId + " " + f.Message : f.RuleId)));
        }

        [Fact]
        public void A_refused_Nomad_multiplier_is_repaired_to_Nomads_default()
        {
            // N13: hashicorp/nomad command/agent/agent.go DefaultRaftMultiplier = 1; Consul's 5 would make failover 5× slower.
            Finding f = Assert.Single(Findings(InstanceOf("hashicorp-raft", "nomad", "raft_multiplier=-1")));
            Assert.EndsWith("— set raft_multiplier to 1", f.Message);
        }

        [Theory]
        // N10: mongodb/mongo@09ecabb7 src/mongo/db/repl/repl_set_config.idl:105-119: both catch-up settings validator { gte: -1 }.
        [InlineData("catchUpTimeoutMillis=-2", "catchUpTimeoutMillis -2 ms must be at least -1 ms; MongoDB rejects the replica-set configuration (repl_set_config.idl: gte: -1) — set catchUpTimeoutMillis to -1 (no limit, the default), 0 (no catch-up) or a limit in milliseconds")]
        [InlineData("catchUpTakeoverDelayMillis=-2", "catchUpTakeoverDelayMillis -2 ms must be at least -1 ms; MongoDB rejects the replica-set configuration (repl_set_config.idl: gte: -1) — set catchUpTakeoverDelayMillis to -1 (no catch-up takeover) or a delay in milliseconds (30000 by default)")]
        [InlineData("catchUpTimeoutMillis=-1;catchUpTakeoverDelayMillis=-1", "")]
        [InlineData("catchUpTimeoutMillis=0;catchUpTakeoverDelayMillis=0", "")]
        // The gt: 0 limits read as before.
        [InlineData("electionTimeoutMillis=0", "electionTimeoutMillis 0 ms must be greater than 0; MongoDB rejects the replica-set configuration (repl_set_config.idl: gt: 0) — set electionTimeoutMillis to 10000 ms")]
        public void MongoDB_refuses_catch_up_values_below_minus_one(string settings, string message)
        {
            var findings = Findings(Instance("mongodb-replica-set", settings.Split(';')), "max=30s");
            Assert.Equal(message, string.Join("\n", findings.Select(f => f.Message)));
            Assert.All(findings, f => Assert.Equal(("EL1093", Catalogue.RuleSeverity.Error), (f.RuleId, f.Severity)));
        }

        [Theory]
        // N14: patroni/patroni@a4a6dc02 watchdog/base.py: timeout ttl − safety_margin (ttl // 2 for -1, :73-78), timing_slack
        // timeout − loop_wait (:80-82); below 0 _activate swaps in a NullWatchdog (:134-137). mode required: activate() fails
        // (:151-159) and is_healthy is false (:236-241), so ha.py never promotes the node (:849-855, :1185-1187, :1702-1703).
        [InlineData("watchdog.mode=required;watchdog.safety_margin=25", "error", "the watchdog timeout, ttl 30 s (default) − watchdog.safety_margin 25 s = 5 s, is shorter than loop_wait 10 s (default); Patroni disables the watchdog (\"Watchdog not supported because leader TTL 30 is less than 2x loop_wait 10\") and, with watchdog.mode required, this node never takes the leader key: it is not watchdog capable, stays out of the leader race and cancels a bootstrap — set watchdog.safety_margin to 20 or less, or loop_wait to 5 s or less")]
        [InlineData("watchdog.safety_margin=21", "warning", "the watchdog timeout, ttl 30 s (default) − watchdog.safety_margin 21 s = 9 s, is shorter than loop_wait 10 s (default); Patroni disables the watchdog (\"Watchdog not supported because leader TTL 30 is less than 2x loop_wait 10\") and runs without it: a hung Patroni is no longer reset before its leader key expires — set watchdog.safety_margin to 20 or less, or loop_wait to 9 s or less")]
        [InlineData("ttl=30;loop_wait=16;retry_timeout=7;watchdog.mode=auto;watchdog.safety_margin=-1", "warning", "the watchdog timeout, ttl 30 s // 2 = 15 s (watchdog.safety_margin -1), is shorter than loop_wait 16 s; Patroni disables the watchdog (\"Watchdog not supported because leader TTL 30 is less than 2x loop_wait 16\") and runs without it: a hung Patroni is no longer reset before its leader key expires — set loop_wait to 15 s or less, or watchdog.safety_margin to 14 or less")]
        // The values Patroni adjusts are the watchdog's (config.py:277-315): ttl 10 runs as 20, loop_wait 15 as 20 − 2 × 5 = 10.
        [InlineData("ttl=10;loop_wait=15;retry_timeout=5;watchdog.mode=required;watchdog.safety_margin=15", "error", "the watchdog timeout, ttl 20 s (as Patroni adjusts it) − watchdog.safety_margin 15 s = 5 s, is shorter than loop_wait 10 s (as Patroni adjusts it); Patroni disables the watchdog (\"Watchdog not supported because leader TTL 20 is less than 2x loop_wait 10\") and, with watchdog.mode required, this node never takes the leader key: it is not watchdog capable, stays out of the leader race and cancels a bootstrap — set watchdog.safety_margin to 10 or less, or loop_wait to 5 s or less")]
        // The defaults leave 30 − 5 − 10 = 15 s; Patroni's own limits (loop_wait + 2 × retry_timeout ≤ ttl, retry_timeout ≥ 3)
        // keep the slack ≥ 1 s at the default margin whatever ttl and loop_wait say.
        [InlineData("watchdog.mode=required", "", "")]
        [InlineData("ttl=20;loop_wait=14;retry_timeout=3;watchdog.mode=required", "", "")]
        [InlineData("watchdog.mode=required;watchdog.safety_margin=-1", "", "")]
        // parse_mode (:21-32): off, disable(d), a YAML false, or any unknown word switch the watchdog off.
        [InlineData("watchdog.mode=off;watchdog.safety_margin=25", "", "")]
        [InlineData("watchdog.mode=false;watchdog.safety_margin=25", "", "")]
        [InlineData("watchdog.mode=on;watchdog.safety_margin=25", "", "")]
        public void Patroni_watchdog_off_when_its_timeout_is_shorter_than_loop_wait(string settings, string severity, string message)
        {
            var findings = Findings(Instance("patroni", settings.Split(';'))).Where(f => f.RuleId == "EL1096").ToList();
            Assert.Equal(message, string.Join("\n", findings.Select(f => f.Message)));
            Assert.Equal(severity, string.Join("\n", findings.Select(f => Catalogue.RuleSeverityText.Name(f.Severity))));
            Assert.All(findings, f => Assert.Equal("watchdog.safety_margin", f.Setting!.Id));
        }

        [Theory]
        // N14: hashicorp/raft@1837036d config.go ValidateConfig: HeartbeatTimeout, ElectionTimeout, LeaderLeaseTimeout ≥ 5 ms
        // (:361-366, :379-381), LeaderLeaseTimeout ≤ HeartbeatTimeout (:382-384), ElectionTimeout ≥ HeartbeatTimeout (:385-387).
        // The engine reads only the multiplier m: 1 s × m, 1 s × m and 500 ms × m (DefaultConfig :332-340) keep both relations
        // at every m, so only m ≤ 0 is refused: HeartbeatTimeout is checked first.
        [InlineData("vault", "raft_multiplier=0", "raft_multiplier 0 is below 1; the raft library refuses it (\"HeartbeatTimeout is too low\") — set raft_multiplier to 5")]
        [InlineData("vault", "raft_multiplier=-3", "raft_multiplier -3 is below 1; the raft library refuses it (\"HeartbeatTimeout is too low\") — set raft_multiplier to 5")]
        [InlineData("vault", "raft_multiplier=1", "")]
        [InlineData("vault", "raft_multiplier=2147483647", "")]
        public void HashiCorp_raft_ValidateConfig_is_reached_only_below_one(string variant, string settings, string message)
        {
            var findings = Findings(InstanceOf("hashicorp-raft", variant, settings));
            Assert.Equal(message, string.Join("\n", findings.Select(f => f.Message)));
        }

        [Fact]
        public void The_Java_consumer_protocol_message_names_the_version()
        {
            Finding f = Findings(InstanceOf("kafka-consumer", "java", "group.protocol=consumer", "session.timeout.ms=45000")).Single();
            Assert.Equal("session.timeout.ms is set while group.protocol=consumer; the Java consumer refuses it from Kafka 4.0 (\"cannot be set when group.protocol=CONSUMER\"); older clients ignore it (the session is the broker's group.consumer.session.timeout.ms) — remove session.timeout.ms", f.Message);
        }
    }
}
