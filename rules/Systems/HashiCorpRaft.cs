using ElectionLint.Rules.Model;
using static ElectionLint.Rules.Systems.Define;

namespace ElectionLint.Rules.Systems
{
    /// <summary>
    /// Servers built on hashicorp/raft that scale its timeouts by one integer: Consul <c>performance.raft_multiplier</c>,
    /// Nomad <c>server.raft_multiplier</c>, Vault <c>storage "raft" { performance_multiplier }</c>. hashicorp/raft
    /// DefaultConfig (config.go @ 1837036d :332-340): HeartbeatTimeout 1000 ms, ElectionTimeout 1000 ms, LeaderLeaseTimeout
    /// 500 ms, each multiplied; ValidateConfig refuses any of them below 5 ms (:361-366, :379-381), so a multiplier ≤ 0 is
    /// refused everywhere. Its relations, LeaderLeaseTimeout ≤ HeartbeatTimeout (:382-384) and ElectionTimeout ≥
    /// HeartbeatTimeout (:385-387), hold at every multiplier (N14): only Go code or Consul's consul.raft.* timeouts
    /// (agent/config/builder.go), which no surface here reads, can break them.
    /// </summary>
    public static class HashiCorpRaft
    {
        public const string Id = "hashicorp-raft";
        public const string Multiplier = "raft_multiplier";

        /// <summary>agent/config/builder.go: "performance.raft_multiplier cannot be %d. Must be between 1 and 10"; default 5 (consul.DefaultRaftMultiplier).</summary>
        public const string Consul = "consul";

        /// <summary>command/agent/agent.go: 0 or unset means DefaultRaftMultiplier 1; otherwise 1..10 ("raft_multiplier cannot be %d").</summary>
        public const string Nomad = "nomad";

        /// <summary>physical/raft/raft.go applyConfigSettings: strconv.Atoi, default 5, no range check of its own.</summary>
        public const string Vault = "vault";

        public const long MaxMultiplier = 10;

        /// <summary>hashicorp/raft HeartbeatTimeout and ElectionTimeout at multiplier 1, in nanoseconds.</summary>
        private const decimal BaseTimeout = 1_000_000_000m;

        public static SystemDefinition Definition { get; } = new SystemDefinition(
            Id,
            "HashiCorp Raft",
            new SettingDefinition(Multiplier, SettingRole.Count, ValueFormat.Int32)
            {
                Default = Constant(5m),
                Granularity = 1m,
                Maximum = int.MaxValue,
                DefaultSentinel = 0m,
                DefaultSentinelVariants = new string?[] { Nomad },
            })
        {
            // The leader heartbeats every HeartbeatTimeout / 10 (replication.go).
            Heartbeat = new Quantity("heartbeat (HeartbeatTimeout / 10)", T(BaseTimeout / 10m, Multiplier)),
            // A follower waits randomTimeout(HeartbeatTimeout), in [T, 2T), before it campaigns (raft.go runFollower).
            Detection = new Quantity("HeartbeatTimeout (1s × raft_multiplier)", T(BaseTimeout, Multiplier)),
            PauseBudget = new Quantity("HeartbeatTimeout (1s × raft_multiplier)", T(BaseTimeout, Multiplier)),
            // hashicorp/raft@1837036d raft.go:runFollower re-arms randomTimeout(HeartbeatTimeout), in [HT, 2HT) (util.go:
            // randomTimeout), and campaigns only when time.Since(lastContact) >= HT at a firing. A firing just before HT has
            // passed re-arms up to 2HT more: up to 3 × HT from the last contact, then one vote round (RTT unknown counts as 0).
            Failover = new Quantity("failover window", T(3m * BaseTimeout, Multiplier), Rtt(2m)),
            FailoverPrimary = Multiplier,
            PauseConsequence = "the followers elect a new leader",
            Variants = new[] { Consul, Nomad, Vault },
            VariantDefaults = new[] { (Nomad, Multiplier, 1m) },
            Ranges = new[]
            {
                new RangeLimit("EL1095", Multiplier, new VariantText("the raft library refuses it (\"HeartbeatTimeout is too low\")")
                    .For(Consul, "Consul refuses to start (\"performance.raft_multiplier cannot be …. Must be between 1 and 10\")")
                    .For(Nomad, "Nomad refuses to start (\"raft_multiplier cannot be …. Must be between 1 and 10\")"))
                {
                    Min = 1m,
                    Detail = "{setting} {value} is below 1",
                    Source = "the multiplier's range",
                },
                new RangeLimit("EL1095", Multiplier, new VariantText(string.Empty)
                    .For(Consul, "Consul refuses to start (\"performance.raft_multiplier cannot be …. Must be between 1 and 10\")")
                    .For(Nomad, "Nomad refuses to start (\"raft_multiplier cannot be …. Must be between 1 and 10\")"))
                {
                    Max = MaxMultiplier,
                    Detail = "{setting} {value} is above 10",
                    Source = "the multiplier's range",
                    OnlyVariants = new string?[] { Consul, Nomad },
                },
            },
        }.Bound();
    }
}
