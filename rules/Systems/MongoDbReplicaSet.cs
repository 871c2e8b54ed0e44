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
            Int32Ms(HeartbeatInterval, SettingRole.Heartbeat, 2000),
            Int32Seconds(HeartbeatTimeout, SettingRole.Timeout, 10),
            Int32Ms(ElectionTimeout, SettingRole.Timeout, 10000))
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

        private static RangeLimit Positive(string setting) => new RangeLimit("EL1093", setting, "MongoDB rejects the replica-set configuration (repl_set_config.idl: gt: 0)")
        {
            Min = 0m,
            MinInclusive = false,
            Source = "MongoDB's replica-set validator",
        };
    }
}
