using ElectionLint.Rules.Model;
using static ElectionLint.Rules.Systems.Define;

namespace ElectionLint.Rules.Systems
{
    /// <summary>The user's own election: heartbeat and election timeout (optionally a randomised upper bound), declared under bindings.</summary>
    public static class Custom
    {
        public const string Id = "custom";
        public const string Heartbeat = "heartbeat";
        public const string ElectionTimeout = "electionTimeout";
        public const string ElectionTimeoutMax = "electionTimeoutMax";

        public static SystemDefinition Definition { get; } = new SystemDefinition(
            Id,
            "this cluster",
            Flexible(Heartbeat, SettingRole.Heartbeat),
            Flexible(ElectionTimeout, SettingRole.Timeout),
            new SettingDefinition(ElectionTimeoutMax, SettingRole.Timeout, ValueFormat.FlexibleDuration)
            {
                // Undeclared, the range is taken as Raft's usual [T, 2T).
                Default = new Quantity(ElectionTimeoutMax, new Term(2m, ElectionTimeout)),
                Granularity = 1m,
            })
        {
            Heartbeat = Q(Heartbeat),
            Detection = Q(ElectionTimeout),
            PauseBudget = Q(ElectionTimeout),
            // A follower times out at most at the top of its randomised range.
            Failover = new Quantity("failover window", T(1m, ElectionTimeoutMax)),
            FailoverPrimary = ElectionTimeout,
            MinRatio = 5m,
            MaxRatio = 10m,
            RecommendedRatio = 10m,
            RandomRange = (ElectionTimeout, ElectionTimeoutMax),
            RecommendedRangeFactor = 2m,
            PauseConsequence = "followers start an election",
        }.Bound();

        /// <summary>Role names bindings may use besides the setting ids.</summary>
        public static string CanonicalRole(string role) => role switch
        {
            "electionTimeoutMin" => ElectionTimeout,
            "election-timeout" => ElectionTimeout,
            "heartbeat-interval" => Heartbeat,
            _ => role,
        };

        private static SettingDefinition Flexible(string id, SettingRole role) => new SettingDefinition(id, role, ValueFormat.FlexibleDuration) { Granularity = 1m };
    }
}
