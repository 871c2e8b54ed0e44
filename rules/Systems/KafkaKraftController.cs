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
            // apache/kafka@d79bd502 KafkaRaftClient (pre-vote): a voter turns Prospective at its fetch timeout (pollFollowerAsVoter).
            // Two voters that refuse each other's PreVote (a fetching follower; an older log) wait out an election timeout, under
            // 2 × election, follow the dead leader again and stand after a second fetch timeout (prospectiveTransitionAfterElectionLoss).
            // No back-off on this path: election.backoff.max.ms only spaces a resigning leader's successors.
            Failover = new Quantity("failover window", T(2m, FetchTimeout), T(2m, ElectionTimeout)),
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
