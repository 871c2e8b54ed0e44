using ElectionLint.Rules.Model;
using static ElectionLint.Rules.Systems.Define;

namespace ElectionLint.Rules.Systems
{
    /// <summary>Kafka KRaft controller quorum (raft/QuorumConfig.java). No validators, no documented relation.</summary>
    public static class KafkaKraftController
    {
        public const string Id = "kafka-kraft-controller";
        public const string ElectionTimeout = "controller.quorum.election.timeout.ms";
        public const string FetchTimeout = "controller.quorum.fetch.timeout.ms";
        public const string ElectionBackoffMax = "controller.quorum.election.backoff.max.ms";

        public static SystemDefinition Definition { get; } = new SystemDefinition(
            Id,
            "the KRaft quorum",
            Int32Ms(ElectionTimeout, SettingRole.Timeout, 1000),
            Int32Ms(FetchTimeout, SettingRole.Timeout, 2000),
            Int32Ms(ElectionBackoffMax, SettingRole.Timeout, 1000))
        {
            Detection = Q(FetchTimeout),
            PauseBudget = Q(FetchTimeout),
            // KafkaRaftClient: a voter becomes candidate when the fetch timeout expires (pollFollowerAsVoter); its election
            // times out in [T, 2T) (QuorumState.randomElectionTimeoutMs), then backs off up to election.backoff.max.ms
            // (binaryExponentialElectionBackoffMs) before the next round.
            Failover = new Quantity("failover window", T(1m, FetchTimeout), T(2m, ElectionTimeout), T(1m, ElectionBackoffMax)),
            FailoverPrimary = FetchTimeout,
            PauseConsequence = "the voters elect a new controller",
            // No validators (QuorumConfig: null), but QuorumState.randomElectionTimeoutMs calls Random.nextInt(timeout) and
            // FollowerState's Timer throws "Invalid negative timeout".
            Ranges = new[]
            {
                Positive(ElectionTimeout, "a negative value makes Random.nextInt throw and 0 gives a zero election timeout, so elections repeat at once"),
                Positive(FetchTimeout, "a negative value throws \"Invalid negative timeout\" and 0 makes every voter a candidate at once"),
            },
        }.Bound();

        internal static RangeLimit Positive(string setting, string consequence) => new RangeLimit("EL1026", setting, consequence)
        {
            Min = 0m,
            MinInclusive = false,
        };
    }
}
