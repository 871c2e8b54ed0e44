using ElectionLint.Rules.Model;
using static ElectionLint.Rules.Systems.Define;

namespace ElectionLint.Rules.Systems
{
    /// <summary>
    /// MongoDB replica-set <c>settings</c> (mongodb/mongo src/mongo/db/repl/repl_set_config.idl @ 09ecabb7):
    /// heartbeatIntervalMillis 2000, heartbeatTimeoutSecs 10, electionTimeoutMillis 10000, each validated <c>gt: 0</c>
    /// (:88-104); catchUpTimeoutMillis -1 and catchUpTakeoverDelayMillis 30000, each <c>gte: -1</c> (:105-119); all
    /// smallExactInt64: integers only. rs.initiate / rs.reconfig refuse the document otherwise.
    /// </summary>
    public static class MongoDbReplicaSet
    {
        public const string Id = "mongodb-replica-set";
        public const string HeartbeatInterval = "heartbeatIntervalMillis";
        public const string HeartbeatTimeout = "heartbeatTimeoutSecs";
        public const string ElectionTimeout = "electionTimeoutMillis";
        public const string CatchUpTimeout = "catchUpTimeoutMillis";
        public const string CatchUpTakeoverDelay = "catchUpTakeoverDelayMillis";

        public static SystemDefinition Definition { get; } = new SystemDefinition(
            Id,
            "MongoDB",
            Exact(HeartbeatInterval, SettingRole.Heartbeat, ValueFormat.ExactInt64Milliseconds, Timing.Duration.FromMilliseconds(2000)),
            Exact(HeartbeatTimeout, SettingRole.Timeout, ValueFormat.ExactInt64Seconds, Timing.Duration.FromSeconds(10)),
            Exact(ElectionTimeout, SettingRole.Timeout, ValueFormat.ExactInt64Milliseconds, Timing.Duration.FromMilliseconds(10000)),
            // No timing knob for tune or a repair: -1 (no limit) is the default, and a limit trades lost writes for time.
            CatchUp(CatchUpTimeout, -1),
            CatchUp(CatchUpTakeoverDelay, 30000))
        {
            Heartbeat = Q(HeartbeatInterval),
            // A secondary that hears nothing from the primary for electionTimeoutMillis calls an election.
            Detection = Q(ElectionTimeout),
            PauseBudget = Q(ElectionTimeout),
            // The election timer adds a random offset below electionTimeoutMillis × replElectionTimeoutOffsetLimitFraction
            // (0.15, repl_server_parameters; _getRandomizedElectionOffset); the vote costs about two round trips. Then the
            // new primary catches up (CatchupState::start): 0 skips it, a limit ends it by then, -1 schedules no timeout, so
            // the window counts catch-up only when catchUpTimeoutMillis ≥ 0 and otherwise says it is not counted.
            // catchUpTakeoverDelayMillis times a takeover by a member ahead of the primary, not this window: read for its limit.
            Failover = new Quantity("failover window", T(1.15m, ElectionTimeout), Rtt(2m), new Term(1m, CatchUpTimeout) { UncountedWhenNegative = "catch-up" }),
            FailoverPrimary = ElectionTimeout,
            // N4: no EL2001/EL2002 ratio: repl_set_config.idl @ cb38f4cf validates each setting only gt: 0, and the election
            // timer is also reset by oplog reads from the sync source (replication_coordinator.h cancelAndRescheduleElectionTimeout),
            // whose getMore waits at most electionTimeoutMillis / 2 "to communicate liveness of the primary" (oplog_fetcher.cpp
            // @ 03a2138b calculateAwaitDataTimeout): an electionTimeoutMillis of 20 against the 2000 ms heartbeat is news every
            // 10 ms, not a missed heartbeat. Its fragility is a stall's: EL2010 and EL2020 judge it when the profile states them.
            PauseConsequence = "the secondaries elect a new primary",
            Ranges = new[]
            {
                Positive(HeartbeatInterval),
                Positive(HeartbeatTimeout),
                Positive(ElectionTimeout),
                AtLeastMinusOne(CatchUpTimeout, "set {setting} to -1 (no limit, the default), 0 (no catch-up) or a limit in milliseconds"),
                AtLeastMinusOne(CatchUpTakeoverDelay, "set {setting} to -1 (no catch-up takeover) or a delay in milliseconds (30000 by default)"),
            },
        }.Bound();

        /// <summary>N9: smallExactInt64 (repl_set_config.idl): whole numbers of any numeric type within int64 (2000.0, 3000000000).</summary>
        private static SettingDefinition Exact(string id, SettingRole role, ValueFormat format, Timing.Duration @default) => new SettingDefinition(id, role, format)
        {
            Default = Quantity.Constant(@default),
            Granularity = format == ValueFormat.ExactInt64Seconds ? Timing.Duration.NanosPerSecond : Timing.Duration.NanosPerMillisecond,
        };

        private static SettingDefinition CatchUp(string id, long defaultMs) => new SettingDefinition(id, SettingRole.Timeout, ValueFormat.ExactInt64Milliseconds)
        {
            Default = Quantity.Constant(Timing.Duration.FromMilliseconds(defaultMs)),
            Granularity = Timing.Duration.NanosPerMillisecond,
            Tunable = false,
        };

        private static RangeLimit Positive(string setting) => new RangeLimit("EL1093", setting, "MongoDB rejects the replica-set configuration (repl_set_config.idl: gt: 0)")
        {
            Min = 0m,
            MinInclusive = false,
            Detail = "{setting} {value} must be greater than 0",
            Source = "MongoDB's replica-set validator",
        };

        /// <summary>N10: repl_set_config.idl @ 09ecabb7 :112, :119 validator { gte: -1 }.</summary>
        private static RangeLimit AtLeastMinusOne(string setting, string fix) => new RangeLimit("EL1093", setting, "MongoDB rejects the replica-set configuration (repl_set_config.idl: gte: -1)")
        {
            Min = -Timing.Duration.NanosPerMillisecond,
            Detail = "{setting} {value} must be at least -1 ms",
            Source = "MongoDB's replica-set validator",
            Fix = fix,
        };
    }
}
