using ElectionLint.Rules.Model;
using static ElectionLint.Rules.Systems.Define;

namespace ElectionLint.Rules.Systems
{
    /// <summary>
    /// Elasticsearch fault detection (elastic/elasticsearch cluster/coordination, LeaderChecker.java @ 003af098,
    /// FollowersChecker.java @ 01ca585a): <c>cluster.fault_detection.{leader,follower}_check.{interval,timeout,retry_count}</c>,
    /// defaults 1s / 10s / 3, minimums 100ms / 1ms / 1 (Setting.timeSetting / intSetting: a node refuses to start below them).
    /// </summary>
    public static class Elasticsearch
    {
        public const string Id = "elasticsearch";
        public const string LeaderInterval = "cluster.fault_detection.leader_check.interval";
        public const string LeaderTimeout = "cluster.fault_detection.leader_check.timeout";
        public const string LeaderRetryCount = "cluster.fault_detection.leader_check.retry_count";
        public const string FollowerInterval = "cluster.fault_detection.follower_check.interval";
        public const string FollowerTimeout = "cluster.fault_detection.follower_check.timeout";
        public const string FollowerRetryCount = "cluster.fault_detection.follower_check.retry_count";
        public const string InitialTimeout = "cluster.election.initial_timeout";
        public const string MaxTimeout = "cluster.election.max_timeout";

        public static SystemDefinition Definition { get; } = new SystemDefinition(
            Id,
            "Elasticsearch",
            Time(LeaderInterval, SettingRole.Heartbeat, 1000),
            Time(LeaderTimeout, SettingRole.Timeout, 10000),
            Count(LeaderRetryCount, 3),
            Time(FollowerInterval, SettingRole.Heartbeat, 1000),
            Time(FollowerTimeout, SettingRole.Timeout, 10000),
            Count(FollowerRetryCount, 3),
            Time(InitialTimeout, SettingRole.Timeout, 100),
            Time(MaxTimeout, SettingRole.Timeout, 10000))
        {
            Heartbeat = Q(LeaderInterval),
            // Each leader check waits leader_check.timeout for the master's answer; a slower answer counts as a failure.
            Detection = Q(LeaderTimeout),
            // A stalled master answers no check: followers give up after retry_count timed-out checks.
            PauseBudget = new Quantity("leader_check.retry_count × leader_check.timeout", T(1m, LeaderTimeout, LeaderRetryCount)),
            // LeaderChecker: retry_count consecutive failures, each a timeout followed by an interval, then an election (about
            // two round trips). A closed connection is detected at once; this is the worst case, a hung master. The first
            // election attempt waits up to initial_timeout more (ElectionSchedulerFactory.scheduleNextElection; 100 ms by
            // default): not counted, as the repair search cannot also move it.
            Failover = new Quantity("failover window", T(1m, LeaderTimeout, LeaderRetryCount), T(1m, LeaderInterval, LeaderRetryCount), Rtt(2m)),
            FailoverPrimary = LeaderTimeout,
            PauseConsequence = "the followers stop trusting the master and elect another",
            Ranges = new[]
            {
                Minimum(LeaderInterval, 100_000_000m, "100ms"),
                Minimum(LeaderTimeout, 1_000_000m, "1ms"),
                Minimum(LeaderRetryCount, 1m, "1"),
                Minimum(FollowerInterval, 100_000_000m, "100ms"),
                Minimum(FollowerTimeout, 1_000_000m, "1ms"),
                Minimum(FollowerRetryCount, 1m, "1"),
                // N8: ElectionSchedulerFactory Setting.timeSetting(…, 100ms, 1ms, 10s) and (…, 10s, 200ms, 600s).
                Bounds(InitialTimeout, 1_000_000m, "1ms", 10_000_000_000m, "10s"),
                Bounds(MaxTimeout, 200_000_000m, "200ms", 600_000_000_000m, "600s"),
            },
            Relations = new[]
            {
                // ElectionSchedulerFactory's constructor: "[cluster.election.max_timeout] is [%s], but must be at least
                // [cluster.election.initial_timeout] which is [%s]" (IllegalArgumentException at start-up).
                new RelationLimit("EL1094", Q(MaxTimeout), Comparison.AtLeast, 1m, Q(InitialTimeout), "the node refuses to start (\"[cluster.election.max_timeout] is […], but must be at least [cluster.election.initial_timeout]\")")
                {
                    Detail = "{setting} {value} is below {related} {relatedValue}",
                    Source = "ElectionSchedulerFactory's check",
                },
            },
        }.Bound();

        private static SettingDefinition Time(string id, SettingRole role, long ms) => new SettingDefinition(id, role, ValueFormat.ElasticTimeValue)
        {
            Default = Quantity.Constant(Ms(ms)),
            Granularity = 1m,
        };

        private static RangeLimit Minimum(string setting, decimal min, string shown) => new RangeLimit("EL1094", setting, "the node refuses to start (\"failed to parse value … must be >= " + shown + "\")")
        {
            Min = min,
            Source = "Elasticsearch's minimum " + setting,
            Detail = "{setting} {value} is below Elasticsearch's minimum of {lower}",
        };

        private static RangeLimit Bounds(string setting, decimal min, string minShown, decimal max, string maxShown) => new RangeLimit("EL1094", setting, "the node refuses to start (\"failed to parse value … must be >= " + minShown + "\" or \"<= " + maxShown + "\")")
        {
            Min = min,
            Max = max,
            Source = "Elasticsearch's bounds of " + setting,
            Detail = "{setting} {value} is outside Elasticsearch's bounds [{lower}, {upper}]",
        };
    }
}
