using ElectionLint.Rules.Model;
using static ElectionLint.Rules.Systems.Define;

namespace ElectionLint.Rules.Systems
{
    /// <summary>Consul sessions (agent/consul/session_endpoint.go): TTL 0 means none; otherwise [10s, 24h]. Expiry may take 2 × TTL.</summary>
    public static class ConsulSession
    {
        public const string Id = "consul-session";
        public const string Ttl = "TTL";
        public const string LockDelay = "LockDelay";

        public static SystemDefinition Definition { get; } = new SystemDefinition(
            Id,
            "Consul",
            WithNone(Go(Ttl, SettingRole.Timeout, null)),
            new SettingDefinition(LockDelay, SettingRole.Timeout, ValueFormat.GoDuration)
            {
                Default = Quantity.Constant(Sec(15)),
                Granularity = 1m,
                ZeroAllowed = true,
            })
        {
            Detection = Q(Ttl),
            PauseBudget = Q(Ttl),
            // The server arms invalidation at 2 × TTL; the lock delay then keeps the lock from a new holder.
            Failover = new Quantity("failover window", T(2m, Ttl), T(1m, LockDelay)),
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
            },
        }.Bound();

        private static SettingDefinition WithNone(SettingDefinition s) => new SettingDefinition(s.Id, s.Role, s.Format)
        {
            Granularity = s.Granularity,
            NoneValue = 0m,
        };
    }
}
