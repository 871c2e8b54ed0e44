using ElectionLint.Rules.Model;
using static ElectionLint.Rules.Systems.Define;

namespace ElectionLint.Rules.Systems
{
    /// <summary>
    /// MongoDB replica-set <c>settings</c> (mongodb/mongo src/mongo/db/repl/repl_set_config.idl @ 09ecabb7):
    /// heartbeatIntervalMillis 2000, heartbeatTimeoutSecs 10, electionTimeoutMillis 10000, each validated <c>gt: 0</c>
    /// (smallExactInt64: integers only). rs.initiate / rs.reconfig refuse the document otherwise.
    /// </summary>
    public static class MongoDbReplicaSet
    {
        public const string Id = "mongodb-replica-set";
        public const string HeartbeatInterval = "heartbeatIntervalMillis";
        public const string HeartbeatTimeout = "heartbeatTimeoutSecs";
        public const string ElectionTimeout = "electionTimeoutMillis";

        public static SystemDefinition Definition { get; } = new SystemDefinition(
            Id,
            "MongoDB",
            Exact(HeartbeatInterval, SettingRole.Heartbeat, ValueFormat.ExactInt64Milliseconds, Timing.Duration.FromMilliseconds(2000)),
            Exact(HeartbeatTimeout, SettingRole.Timeout, ValueFormat.ExactInt64Seconds, Timing.Duration.FromSeconds(10)),
            Exact(ElectionTimeout, SettingRole.Timeout, ValueFormat.ExactInt64Milliseconds, Timing.Duration.FromMilliseconds(10000)))
        {
            Heartbeat = Q(HeartbeatInterval),
            // A secondary that hears nothing from the primary for electionTimeoutMillis calls an election.
            Detection = Q(ElectionTimeout),
            PauseBudget = Q(ElectionTimeout),
            // The election timer adds a random offset below electionTimeoutMillis × replElectionTimeoutOffsetLimitFraction
            // (0.15, repl_server_parameters; _getRandomizedElectionOffset); the vote costs about two round trips.
            Failover = new Quantity("failover window", T(1.15m, ElectionTimeout), Rtt(2m)),
            FailoverPrimary = ElectionTimeout,
            // N4: no EL2001/EL2002 ratio: repl_set_config.idl @ cb38f4cf validates each setting only gt: 0, and the election
            // timer is also reset by oplog reads from the sync source (replication_coordinator.h cancelAndRescheduleElectionTimeout).
            PauseConsequence = "the secondaries elect a new primary",
            Ranges = new[]
            {
                Positive(HeartbeatInterval),
                Positive(HeartbeatTimeout),
                Positive(ElectionTimeout),
            },
        }.Bound();

        /// <summary>N9: smallExactInt64 (repl_set_config.idl): whole numbers of any numeric type within int64 (2000.0, 3000000000).</summary>
        private static SettingDefinition Exact(string id, SettingRole role, ValueFormat format, Timing.Duration @default) => new SettingDefinition(id, role, format)
        {
            Default = Quantity.Constant(@default),
            Granularity = format == ValueFormat.ExactInt64Seconds ? Timing.Duration.NanosPerSecond : Timing.Duration.NanosPerMillisecond,
        };

        private static RangeLimit Positive(string setting) => new RangeLimit("EL1093", setting, "MongoDB rejects the replica-set configuration (repl_set_config.idl: gt: 0)")
        {
            Min = 0m,
            MinInclusive = false,
            Source = "MongoDB's replica-set validator",
        };
    }
}
