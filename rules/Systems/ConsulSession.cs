using ElectionLint.Rules.Model;
using static ElectionLint.Rules.Systems.Define;

namespace ElectionLint.Rules.Systems
{
    /// <summary>
    /// Consul sessions (agent/consul/session_endpoint.go): TTL 0 means none; otherwise [10s, 24h]. Expiry may take 2 × TTL,
    /// and a lock delay above 60 s is capped (agent/structs MaxLockDelay).
    /// </summary>
    public static class ConsulSession
    {
        public const string Id = "consul-session";
        public const string Ttl = "TTL";
        public const string LockDelay = "LockDelay";
        public const string LockRetryTime = "LockRetryTime";

        /// <summary>Consul .NET's LockOptions: SessionTTL defaults to 15 s and LockRetryTime must be at least 500 ms (Consul/Lock.cs).</summary>
        public const string LockOptions = "lock-options";

        /// <summary>agent/structs MaxLockDelay: a larger lock delay is silently capped.</summary>
        public const long MaxLockDelaySeconds = 60;

        public static SystemDefinition Definition { get; } = new SystemDefinition(
            Id,
            "Consul",
            WithNone(Go(Ttl, SettingRole.Timeout, null)),
            new SettingDefinition(LockDelay, SettingRole.Timeout, ValueFormat.GoDuration)
            {
                Default = Quantity.Constant(Sec(15)),
                Granularity = 1m,
                ZeroAllowed = true,
            },
            TimeSpan(LockRetryTime, SettingRole.Timeout, Sec(5)))
        {
            FalseFailover = "a lost session",
            Variants = new[] { LockOptions },
            VariantDefaults = new[] { (LockOptions, Ttl, (decimal)Sec(15).Nanoseconds) },
            Detection = Q(Ttl),
            PauseBudget = Q(Ttl),
            // The server arms invalidation at TTL × SessionTTLMultiplier 2 (agent/structs/structs.go); the lock delay, as the
            // server uses it (capped at MaxLockDelay 60 s, "Any value above this will not be respected"; N6), then keeps the lock
            // from a new holder.
            Failover = new Quantity("failover window", T(2m, Ttl), new Term(1m, LockDelay) { Cap = MaxLockDelaySeconds * 1_000_000_000m }),
            FailoverPrimary = Ttl,
            PauseConsequence = "the session is invalidated and its locks released",
            Ranges = new[]
            {
                new RangeLimit("EL1050", Ttl, "the server rejects the session")
                {
                    Source = "Consul's session TTL range",
                    Min = 10m * 1_000_000_000m,
                    Max = 24m * 3600m * 1_000_000_000m,
                },
                new RangeLimit("EL1051", LockDelay, "the server silently uses 1m")
                {
                    Max = MaxLockDelaySeconds * 1_000_000_000m,
                    Source = "Consul's MaxLockDelay",
                },
                new RangeLimit("EL1052", LockRetryTime, "LockOptions throws ArgumentOutOfRangeException")
                {
                    Min = 500m * 1_000_000m,
                    OnlyVariants = new[] { LockOptions },
                    Source = "Consul .NET's LockRetryTimeMin",
                },
            },
        }.Bound();

        private static SettingDefinition WithNone(SettingDefinition s) => new SettingDefinition(s.Id, s.Role, s.Format)
        {
            Granularity = s.Granularity,
            NoneValue = 0m,
        };
    }
}
