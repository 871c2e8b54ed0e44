using ElectionLint.Rules.Model;
using static ElectionLint.Rules.Systems.Define;

namespace ElectionLint.Rules.Systems
{
    /// <summary>Akka.NET coordination leases (akka.coordination.lease, Akka.Coordination.TimeoutSettings).</summary>
    public static class AkkaLease
    {
        public const string Id = "akka-lease";
        public const string HeartbeatInterval = "heartbeat-interval";
        public const string HeartbeatTimeout = "heartbeat-timeout";
        public const string OperationTimeout = "lease-operation-timeout";

        /// <summary>TimeoutSettings.Create(Config): enforces interval &lt; timeout / 2.</summary>
        public const string Hocon = "hocon";

        /// <summary>The TimeoutSettings constructor: validates nothing.</summary>
        public const string Constructor = "constructor";

        public static SystemDefinition Definition { get; } = new SystemDefinition(
            Id,
            "Akka",
            Hocon_(HeartbeatInterval, SettingRole.Heartbeat, 12),
            Hocon_(HeartbeatTimeout, SettingRole.Timeout, 120),
            Hocon_(OperationTimeout, SettingRole.Timeout, 5))
        {
            FalseFailover = "a lost lease",
            Heartbeat = Q(HeartbeatInterval),
            Detection = Q(HeartbeatTimeout),
            // reference.conf: heartbeat-timeout is how long a crashed owner keeps the lease; a stalled owner loses it after as long.
            PauseBudget = Q(HeartbeatTimeout),
            // akkadotnet/Akka.Management@85e1de90 LeaseActor.HasLeaseTimedOut (Kubernetes and Azure leases): another node may take
            // the lease once now > the holder's last write + heartbeat-timeout − 2 × heartbeat-interval.
            Failover = new Quantity("failover window", T(1m, HeartbeatTimeout), T(-2m, HeartbeatInterval)),
            FailoverPrimary = HeartbeatTimeout,
            MinRatio = 5m,
            RecommendedRatio = 10m,
            PauseConsequence = "the lease is taken over by another owner",
            Variants = new[] { Hocon, Constructor },
            Relations = new[]
            {
                new RelationLimit("EL1070", Q(HeartbeatInterval), Comparison.Less, 0.5m, Q(HeartbeatTimeout),
                    new VariantText("Akka refuses it (\"heartbeat-interval must be less than half heartbeat-timeout\")")
                        .For(Constructor, "the TimeoutSettings constructor accepts it, but the lease can expire between two heartbeats"))
                {
                    AcceptedBy = new[] { Constructor }, // the C# constructor validates nothing: a warning there
                },
            },
        }.Bound();

        private static SettingDefinition Hocon_(string id, SettingRole role, long seconds) => new SettingDefinition(id, role, ValueFormat.HoconDuration)
        {
            Default = Quantity.Constant(Sec(seconds)),
            Granularity = 1_000_000m,
        };
    }
}
