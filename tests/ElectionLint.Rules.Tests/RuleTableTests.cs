using System;
using System.Linq;
using Xunit;
using static ElectionLint.Rules.Tests.Build;

namespace ElectionLint.Rules.Tests
{
    /// <summary>
    /// Every rule: a violating case, a passing case and the boundary itself, with the cited source's &lt; vs ≤.
    /// Columns: system, variant ("-" for none), settings ("id=text;…"), profile, expected rule ids in report order.
    /// </summary>
    public class RuleTableTests
    {
        [Theory]
        // EL1000: the system's own parser
        [InlineData("etcd", "-", "election-timeout=1s", "", "EL1000")]
        [InlineData("etcd", "-", "heartbeat-interval=-100", "", "EL1000")]
        [InlineData("etcd", "-", "heartbeat-interval=100", "", "")]
        [InlineData("k8s-leader-election", "-", "leaseDuration=15", "", "EL1000")]
        [InlineData("k8s-leader-election", "-", "leaseDuration=15s", "", "")]
        [InlineData("kafka-consumer", "-", "session.timeout.ms=45s", "", "EL1000")]
        [InlineData("kafka-consumer", "-", "session.timeout.ms=99999999999", "", "EL1000")]
        // EL1001: etcd rejects 5*TickMs > ElectionMs; exactly 5× is accepted
        [InlineData("etcd", "-", "heartbeat-interval=100;election-timeout=499", "", "EL1001")]
        [InlineData("etcd", "-", "heartbeat-interval=100;election-timeout=500", "", "")]
        [InlineData("etcd", "-", "heartbeat-interval=300", "", "EL1001")]
        // EL1002: ElectionMs > 50000 rejected; exactly 50000 accepted (EL2002 info: 500× the default heartbeat)
        [InlineData("etcd", "-", "heartbeat-interval=5000;election-timeout=50001", "", "EL1002")]
        [InlineData("etcd", "-", "heartbeat-interval=5000;election-timeout=50000", "", "")]
        // EL1003: zero
        [InlineData("etcd", "-", "election-timeout=0", "", "EL1003")]
        [InlineData("etcd", "-", "heartbeat-interval=0", "", "EL1003")]
        [InlineData("etcd", "-", "heartbeat-interval=1;election-timeout=11", "", "EL2002")]
        // EL1010: LeaseDuration <= RenewDeadline rejected
        [InlineData("k8s-leader-election", "-", "leaseDuration=10s;renewDeadline=10s", "", "EL1010")]
        [InlineData("k8s-leader-election", "-", "leaseDuration=10000000001ns;renewDeadline=10s", "", "EL2050")]
        [InlineData("k8s-leader-election", "-", "leaseDuration=11s;renewDeadline=10s", "", "")]
        // EL1011: RenewDeadline <= time.Duration(1.2 * RetryPeriod) rejected; 2.4s is the boundary for 2s
        [InlineData("k8s-leader-election", "-", "renewDeadline=2.4s;retryPeriod=2s;leaseDuration=10s", "", "EL1011")]
        [InlineData("k8s-leader-election", "-", "renewDeadline=2400000001ns;retryPeriod=2s;leaseDuration=10s", "", "EL2001")]
        [InlineData("k8s-leader-election", "csharp", "renewDeadline=2s", "", "EL1011")]
        // EL1012: zero or negative
        [InlineData("k8s-leader-election", "-", "retryPeriod=0s", "", "EL1012")]
        [InlineData("k8s-leader-election", "-", "leaseDuration=-15s", "", "EL1012")]
        [InlineData("k8s-leader-election", "-", "retryPeriod=1ns;renewDeadline=2ns;leaseDuration=3ns", "", "EL2001,EL2050")]
        // leaderElect: false switches every check off
        [InlineData("k8s-leader-election", "-", "leaderElect=false;leaseDuration=1s", "", "")]
        // EL1020: heartbeat >= session rejected by the Java client
        [InlineData("kafka-consumer", "java", "heartbeat.interval.ms=10000;session.timeout.ms=10000", "", "EL1020")]
        [InlineData("kafka-consumer", "java", "heartbeat.interval.ms=9999;session.timeout.ms=10000", "", "EL2001")]
        [InlineData("kafka-consumer", "java", "heartbeat.interval.ms=3000;session.timeout.ms=9000", "", "")]
        // EL1021: [group.min, group.max] inclusive, from the profile or 6000–1800000
        [InlineData("kafka-consumer", "-", "heartbeat.interval.ms=1000;session.timeout.ms=5999", "", "EL1021")]
        [InlineData("kafka-consumer", "-", "heartbeat.interval.ms=1000;session.timeout.ms=6000", "", "")]
        [InlineData("kafka-consumer", "-", "session.timeout.ms=1800000;max.poll.interval.ms=1800000", "", "")]
        [InlineData("kafka-consumer", "-", "session.timeout.ms=1800001", "", "EL1021")]
        [InlineData("kafka-consumer", "-", "session.timeout.ms=45000", "kmax=30s", "EL1021")]
        [InlineData("kafka-consumer", "-", "heartbeat.interval.ms=1000;session.timeout.ms=3000", "kmin=3s", "")]
        // EL1022: librdkafka only; max.poll == session accepted
        [InlineData("kafka-consumer", "librdkafka", "max.poll.interval.ms=44999", "", "EL1022")]
        [InlineData("kafka-consumer", "librdkafka", "max.poll.interval.ms=45000", "", "")]
        [InlineData("kafka-consumer", "java", "max.poll.interval.ms=44999", "", "")]
        // EL1023: librdkafka with group.protocol=consumer
        [InlineData("kafka-consumer", "librdkafka", "group.protocol=consumer;session.timeout.ms=10000;heartbeat.interval.ms=10000", "", "EL1023,EL1023")]
        [InlineData("kafka-consumer", "librdkafka", "group.protocol=consumer", "", "")]
        [InlineData("kafka-consumer", "librdkafka", "group.protocol=classic;session.timeout.ms=10000", "", "")]
        // EL1030: min > max is an error; a clamped session timeout a warning; the bounds are inclusive
        [InlineData("zookeeper", "-", "minSessionTimeout=70000", "", "EL1030")]
        [InlineData("zookeeper", "-", "minSessionTimeout=60000", "", "")]
        [InlineData("zookeeper", "-", "tickTime=2000;sessionTimeout=3999", "", "EL1030")]
        [InlineData("zookeeper", "-", "tickTime=2000;sessionTimeout=4000", "", "")]
        [InlineData("zookeeper", "-", "tickTime=2000;sessionTimeout=40000", "", "")]
        [InlineData("zookeeper", "-", "tickTime=2000;sessionTimeout=40001", "", "EL1030")]
        [InlineData("zookeeper", "-", "minSessionTimeout=-1;maxSessionTimeout=-1;sessionTimeout=6000", "", "")]
        // EL1040: DotNext
        [InlineData("dotnext-raft", "-", "lowerElectionTimeout=0", "", "EL1040")]
        [InlineData("dotnext-raft", "-", "upperElectionTimeout=2147483647", "", "EL1040")]
        [InlineData("dotnext-raft", "-", "upperElectionTimeout=100", "", "EL1040")]
        [InlineData("dotnext-raft", "-", "lowerElectionTimeout=150;upperElectionTimeout=149", "", "EL1040")]
        [InlineData("dotnext-raft", "-", "heartbeatThreshold=1", "", "EL1040")]
        [InlineData("dotnext-raft", "-", "heartbeatThreshold=0", "", "EL1040")]
        [InlineData("dotnext-raft", "aspnet", "heartbeatThreshold=1", "", "EL2001")]
        [InlineData("dotnext-raft", "-", "heartbeatThreshold=0.1", "", "")]
        // EL1050: Consul TTL 0 = none; [10s, 24h] inclusive
        [InlineData("consul-session", "-", "TTL=9s", "", "EL1050")]
        [InlineData("consul-session", "-", "TTL=10s", "", "")]
        [InlineData("consul-session", "-", "TTL=24h", "", "")]
        [InlineData("consul-session", "-", "TTL=24h0m1s", "", "EL1050")]
        [InlineData("consul-session", "-", "TTL=0s", "", "")]
        // EL1060: 15–60 s after the SDK's rounding; negative = infinite
        [InlineData("azure-blob-lease", "-", "duration=14", "", "EL1060")]
        [InlineData("azure-blob-lease", "-", "duration=15", "", "")]
        [InlineData("azure-blob-lease", "-", "duration=60", "", "")]
        [InlineData("azure-blob-lease", "-", "duration=61", "", "EL1060")]
        [InlineData("azure-blob-lease", "-", "duration=-1", "", "")]
        // EL1070: interval >= timeout / 2 rejected
        [InlineData("akka-lease", "-", "heartbeat-interval=60s;heartbeat-timeout=120s", "", "EL1070")]
        [InlineData("akka-lease", "-", "heartbeat-interval=59999ms;heartbeat-timeout=120s", "", "EL2001")]
        [InlineData("akka-lease", "-", "heartbeat-interval=24s;heartbeat-timeout=120s", "", "")]
        // EL1080: votes > probed, or <= 0; LivenessEnabled = false switches it off
        [InlineData("orleans-membership", "-", "NumVotesForDeathDeclaration=11", "", "EL1080")]
        [InlineData("orleans-membership", "-", "NumVotesForDeathDeclaration=10", "", "")]
        [InlineData("orleans-membership", "-", "NumVotesForDeathDeclaration=0", "", "EL1080")]
        [InlineData("orleans-membership", "-", "NumVotesForDeathDeclaration=11;LivenessEnabled=false", "", "")]
        // EL1090: Patroni raises ttl < 20, loop_wait < 1, retry_timeout < 3 (config.py; exactly the minimum is kept)
        [InlineData("patroni", "-", "ttl=19;loop_wait=1;retry_timeout=3", "", "EL1090")]
        [InlineData("patroni", "-", "ttl=20;loop_wait=1;retry_timeout=3", "", "")]
        [InlineData("patroni", "-", "loop_wait=0", "", "EL1090")]
        [InlineData("patroni", "-", "loop_wait=1", "", "")]
        [InlineData("patroni", "-", "retry_timeout=2", "", "EL1090")]
        [InlineData("patroni", "-", "retry_timeout=3", "", "")]
        [InlineData("patroni", "-", "ttl=30s", "", "EL1000")]
        // EL1091: loop_wait + 2 × retry_timeout > ttl is adjusted; equal is kept (checked after the minimums are applied)
        [InlineData("patroni", "-", "ttl=30;loop_wait=10;retry_timeout=10", "", "")]
        [InlineData("patroni", "-", "ttl=30;loop_wait=11;retry_timeout=10", "", "EL1091")]
        [InlineData("patroni", "-", "ttl=10;loop_wait=1;retry_timeout=3", "", "EL1090")]
        [InlineData("patroni", "-", "ttl=10;loop_wait=1;retry_timeout=10", "", "EL1090,EL1091")]
        // EL1092: Sentinel refuses <= 0; atoi reads the leading digits only
        [InlineData("redis-sentinel", "-", "down-after-milliseconds=0", "", "EL1092")]
        [InlineData("redis-sentinel", "-", "down-after-milliseconds=1", "", "")]
        [InlineData("redis-sentinel", "-", "failover-timeout=-1", "", "EL1092")]
        [InlineData("redis-sentinel", "-", "failover-timeout=1", "", "EL1098")] // accepted, but under the 1.1 s promotion check
        [InlineData("redis-sentinel", "-", "failover-timeout=1100", "", "")]
        [InlineData("redis-sentinel", "-", "down-after-milliseconds=5000ms", "", "")]
        [InlineData("redis-sentinel", "-", "down-after-milliseconds=abc", "", "EL1092")]
        // EL1093: MongoDB's IDL validators gt: 0
        [InlineData("mongodb-replica-set", "-", "electionTimeoutMillis=0", "", "EL1093")]
        [InlineData("mongodb-replica-set", "-", "heartbeatIntervalMillis=0", "", "EL1093")]
        [InlineData("mongodb-replica-set", "-", "heartbeatTimeoutSecs=0", "", "EL1093")]
        [InlineData("mongodb-replica-set", "-", "heartbeatTimeoutSecs=1", "", "")]
        // N4: no heartbeat ratio: repl_set_config.idl validates each setting gt: 0 only, and oplog reads reset the election timer
        [InlineData("mongodb-replica-set", "-", "electionTimeoutMillis=5000", "", "")]
        [InlineData("mongodb-replica-set", "-", "electionTimeoutMillis=10000", "", "")]
        [InlineData("mongodb-replica-set", "-", "electionTimeoutMillis=20001", "", "")]
        // EL1094: LeaderChecker / FollowersChecker minimums (inclusive); TimeValue needs a unit and no fraction
        [InlineData("elasticsearch", "-", "cluster.fault_detection.leader_check.interval=99ms", "", "EL1094")]
        [InlineData("elasticsearch", "-", "cluster.fault_detection.leader_check.interval=100ms", "", "")]
        [InlineData("elasticsearch", "-", "cluster.fault_detection.follower_check.timeout=0", "", "EL1094")]
        [InlineData("elasticsearch", "-", "cluster.fault_detection.follower_check.timeout=1ms", "", "")]
        [InlineData("elasticsearch", "-", "cluster.fault_detection.leader_check.retry_count=0", "", "EL1094")]
        [InlineData("elasticsearch", "-", "cluster.fault_detection.leader_check.retry_count=1", "", "")]
        [InlineData("elasticsearch", "-", "cluster.fault_detection.leader_check.interval=1000", "", "EL1000")]
        [InlineData("elasticsearch", "-", "cluster.fault_detection.leader_check.interval=1.5s", "", "EL1000")]
        [InlineData("elasticsearch", "-", "cluster.fault_detection.leader_check.interval=2S", "", "")]
        [InlineData("elasticsearch", "-", "cluster.fault_detection.leader_check.interval=1M", "", "EL1000")]
        // N8: ElectionSchedulerFactory: initial_timeout in [1ms, 10s], max_timeout in [200ms, 600s], max_timeout ≥ initial_timeout
        [InlineData("elasticsearch", "-", "cluster.election.initial_timeout=10s", "", "")]
        [InlineData("elasticsearch", "-", "cluster.election.initial_timeout=10001ms", "", "EL1094")]
        [InlineData("elasticsearch", "-", "cluster.election.max_timeout=199ms", "", "EL1094")]
        [InlineData("elasticsearch", "-", "cluster.election.max_timeout=601s", "", "EL1094")]
        [InlineData("elasticsearch", "-", "cluster.election.initial_timeout=5s;cluster.election.max_timeout=5s", "", "")]
        [InlineData("elasticsearch", "-", "cluster.election.initial_timeout=5s;cluster.election.max_timeout=4999ms", "", "EL1094")]
        // EL1095: Consul and Nomad 1..10 (Nomad reads 0 as its default 1); Vault has no upper bound, and raft refuses <= 0
        [InlineData("hashicorp-raft", "consul", "raft_multiplier=0", "", "EL1095")]
        [InlineData("hashicorp-raft", "consul", "raft_multiplier=1", "", "")]
        [InlineData("hashicorp-raft", "consul", "raft_multiplier=10", "", "")]
        [InlineData("hashicorp-raft", "consul", "raft_multiplier=11", "", "EL1095")]
        [InlineData("hashicorp-raft", "nomad", "raft_multiplier=0", "", "")]
        [InlineData("hashicorp-raft", "nomad", "raft_multiplier=11", "", "EL1095")]
        [InlineData("hashicorp-raft", "vault", "raft_multiplier=11", "", "")]
        [InlineData("hashicorp-raft", "vault", "raft_multiplier=0", "", "EL1095")]
        [InlineData("hashicorp-raft", "vault", "raft_multiplier=-1", "", "EL1095")]
        // EL2001: min ratio (inclusive)
        // client-go: renewDeadline ÷ retryPeriod (renewal attempts), not leaseDuration ÷ retryPeriod; 2 attempts (RD ≤ 2 RP) fire
        [InlineData("k8s-leader-election", "-", "leaseDuration=9.9s;renewDeadline=5s", "", "EL2050")]
        [InlineData("k8s-leader-election", "-", "leaseDuration=6s;renewDeadline=4s", "", "EL2001")]
        [InlineData("k8s-leader-election", "-", "leaseDuration=6s;renewDeadline=4000000001ns", "", "")]
        [InlineData("k8s-leader-election", "-", "leaseDuration=8s;renewDeadline=5s;retryPeriod=1s", "", "")]
        [InlineData("k8s-leader-election", "-", "leaseDuration=120s;renewDeadline=60s;retryPeriod=30s", "", "EL2001")]
        [InlineData("kafka-broker-session", "-", "broker.session.timeout.ms=5999", "", "EL2001")]
        [InlineData("kafka-broker-session", "-", "broker.session.timeout.ms=6000", "", "")]
        [InlineData("custom", "-", "heartbeat=100;electionTimeout=499", "", "EL2001")]
        [InlineData("custom", "-", "heartbeat=100;electionTimeout=500", "", "")]
        // EL2002: above the max ratio, unless the profile asks for it
        [InlineData("etcd", "-", "election-timeout=1001", "", "EL2002,EL2051")]
        [InlineData("etcd", "-", "election-timeout=2000", "", "EL2002")]
        [InlineData("etcd", "-", "election-timeout=1500", "rtt=150ms", "")]
        // client-go has no ceiling: more renewal attempts cost only API calls
        [InlineData("k8s-leader-election", "-", "leaseDuration=21s", "", "")]
        [InlineData("k8s-leader-election", "-", "leaseDuration=60s;renewDeadline=40s;retryPeriod=2s", "", "")]
        // EL2010: detection >= 10 × rttP99 (inclusive); WAN without rttP99 = 200 ms
        [InlineData("etcd", "-", "", "network=wan", "EL2010")]
        [InlineData("etcd", "-", "election-timeout=2000", "network=wan", "")]
        [InlineData("etcd", "-", "", "rtt=100ms", "")]
        [InlineData("etcd", "-", "", "rtt=101ms", "EL2010")]
        [InlineData("kafka-kraft-controller", "-", "", "rtt=250ms", "EL2010")]
        // EL2011: heartbeat >= 0.5 × rttP99 (EL2002 stays quiet: 10 × rttP99 asks for the long timeout)
        [InlineData("etcd", "-", "heartbeat-interval=100;election-timeout=2000", "rtt=200ms", "")]
        [InlineData("etcd", "-", "heartbeat-interval=100;election-timeout=5000", "rtt=200ms", "EL2002")] // 5000 is above what the profile (2000) and the heartbeat (1000) ask
        [InlineData("etcd", "-", "heartbeat-interval=50;election-timeout=2000", "rtt=200ms", "EL2011")] // a smaller heartbeat does not hide EL2002
        [InlineData("etcd", "-", "heartbeat-interval=99;election-timeout=5000", "rtt=200ms", "EL2002,EL2011,EL2051")]
        // EL2020: budget >= 2 × gcPauseP99
        [InlineData("k8s-leader-election", "-", "", "gc=5s", "")]
        [InlineData("k8s-leader-election", "-", "", "gc=5001ms", "EL2020")]
        [InlineData("kafka-consumer", "-", "", "gc=30s", "EL2020")]
        // EL2030: failover window <= maxFailover
        [InlineData("etcd", "-", "", "max=1900ms", "")]
        [InlineData("etcd", "-", "", "max=1899ms", "EL2030")]
        [InlineData("k8s-leader-election", "-", "", "max=23.8s", "")] // leaseDuration + 4.4 × retryPeriod
        [InlineData("k8s-leader-election", "-", "", "max=23.7s", "EL2030")]
        [InlineData("k8s-leader-election", "-", "", "max=19s", "EL2030")]
        // EL2031 replaces EL2010 + EL2030 when no value satisfies both
        [InlineData("etcd", "-", "", "network=wan max=2s", "EL2031")]
        [InlineData("etcd", "-", "election-timeout=2000", "network=wan max=4.4s", "")]
        [InlineData("kafka-consumer", "-", "", "gc=30s max=50s", "EL2031")]
        // EL2040: upper >= 1.5 × lower, and a spread of at least 2 round trips
        [InlineData("dotnext-raft", "-", "upperElectionTimeout=224", "", "EL2040")]
        [InlineData("dotnext-raft", "-", "upperElectionTimeout=225", "", "")]
        [InlineData("dotnext-raft", "-", "lowerElectionTimeout=1500;upperElectionTimeout=3000", "rtt=800ms", "EL2010,EL2040")]
        [InlineData("custom", "-", "heartbeat=100;electionTimeout=1000;electionTimeoutMax=1200", "", "EL2040")]
        // EL2050: whole seconds
        [InlineData("k8s-leader-election", "-", "leaseDuration=15500ms", "", "EL2050")]
        [InlineData("k8s-leader-election", "-", "leaseDuration=16s", "", "")]
        // EL2051: whole ticks
        [InlineData("etcd", "-", "heartbeat-interval=300;election-timeout=1600", "", "EL2051")]
        [InlineData("etcd", "-", "heartbeat-interval=300;election-timeout=1800", "", "")]
        public void Rule_fires_exactly_where_the_source_says(string system, string variant, string settings, string profile, string expected)
        {
            string[] pairs = settings.Length == 0 ? Array.Empty<string>() : settings.Split(';');
            var instance = InstanceOf(system, variant == "-" ? null : variant, pairs);
            var findings = Findings(instance, profile);
            Assert.Equal(expected, Ids(findings.OrderBy(f => f.RuleId)));
        }
    }
}
