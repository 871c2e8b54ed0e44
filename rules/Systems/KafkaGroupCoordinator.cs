using ElectionLint.Rules.Model;
using static ElectionLint.Rules.Systems.Define;

namespace ElectionLint.Rules.Systems
{
    /// <summary>
    /// The broker side of the KIP-848 consumer protocol (group-coordinator GroupCoordinatorConfig.java): with
    /// group.protocol=consumer the session and heartbeat are the broker's, not the client's.
    /// </summary>
    public static class KafkaGroupCoordinator
    {
        public const string Id = "kafka-group-coordinator";
        public const string SessionTimeout = "group.consumer.session.timeout.ms";
        public const string MinSessionTimeout = "group.consumer.min.session.timeout.ms";
        public const string MaxSessionTimeout = "group.consumer.max.session.timeout.ms";
        public const string HeartbeatInterval = "group.consumer.heartbeat.interval.ms";
        public const string MinHeartbeatInterval = "group.consumer.min.heartbeat.interval.ms";
        public const string MaxHeartbeatInterval = "group.consumer.max.heartbeat.interval.ms";

        public static SystemDefinition Definition { get; } = new SystemDefinition(
            Id,
            "the Kafka group coordinator",
            // Defaults and atLeast(1) validators: GroupCoordinatorConfig.java CONSUMER_GROUP_*_DEFAULT and CONFIG_DEF.
            Int32Ms(SessionTimeout, SettingRole.Timeout, 45000),
            Int32Ms(MinSessionTimeout, SettingRole.Timeout, 45000),
            Int32Ms(MaxSessionTimeout, SettingRole.Timeout, 60000),
            Int32Ms(HeartbeatInterval, SettingRole.Heartbeat, 5000),
            Int32Ms(MinHeartbeatInterval, SettingRole.Heartbeat, 5000),
            Int32Ms(MaxHeartbeatInterval, SettingRole.Heartbeat, 15000))
        {
            FalseFailover = "a rebalance",
            Heartbeat = Q(HeartbeatInterval),
            Detection = Q(SessionTimeout),
            // The coordinator fences a member whose heartbeats stop for the session timeout; a process-wide pause stops them too.
            PauseBudget = Q(SessionTimeout),
            // The other members receive their new assignment in their next heartbeat's response (KIP-848): up to
            // group.consumer.heartbeat.interval.ms after the session expires.
            Failover = new Quantity("failover window", T(1m, SessionTimeout), T(1m, HeartbeatInterval)),
            FailoverPrimary = SessionTimeout,
            MinRatio = 3m,
            RatioConsequence = "the coordinator fences a member after fewer than {factor} missed heartbeats, so one slow round trip reassigns its partitions",
            RecommendedRatio = 3m,
            PauseConsequence = "the coordinator fences the member and reassigns its partitions",
            Ranges = new[]
            {
                AtLeastOne(SessionTimeout), AtLeastOne(MinSessionTimeout), AtLeastOne(MaxSessionTimeout),
                AtLeastOne(HeartbeatInterval), AtLeastOne(MinHeartbeatInterval), AtLeastOne(MaxHeartbeatInterval),
            },
            // The require(...) checks of GroupCoordinatorConfig's constructor, in its order.
            Relations = new[]
            {
                Requires(MaxHeartbeatInterval, Comparison.AtLeast, MinHeartbeatInterval),
                Requires(HeartbeatInterval, Comparison.AtLeast, MinHeartbeatInterval),
                Requires(HeartbeatInterval, Comparison.AtMost, MaxHeartbeatInterval),
                Requires(MaxSessionTimeout, Comparison.AtLeast, MinSessionTimeout),
                Requires(SessionTimeout, Comparison.AtLeast, MinSessionTimeout),
                Requires(SessionTimeout, Comparison.AtMost, MaxSessionTimeout),
                Requires(HeartbeatInterval, Comparison.Less, SessionTimeout),
            },
        }.Bound();

        private static RangeLimit AtLeastOne(string setting) => new RangeLimit("EL1025", setting, string.Empty)
        {
            Min = 1_000_000m,
            Detail = "{setting} {value} is below 1 ms (ConfigDef atLeast(1))",
        };

        private static RelationLimit Requires(string left, Comparison op, string right) =>
            new RelationLimit("EL1025", Q(left), op, 1m, Q(right), string.Empty)
            {
                Detail = "{setting} {value} must be " + (op switch { Comparison.AtLeast => "at least", Comparison.AtMost => "at most", _ => "less than" }) + " {related} {relatedValue}",
                Source = "the broker's GroupCoordinatorConfig",
            };
    }
}
