using ElectionLint.Rules.Model;
using static ElectionLint.Rules.Systems.Define;

namespace ElectionLint.Rules.Systems
{
    /// <summary>
    /// A ZooKeeper ensemble's own leader failover (zoo.cfg with two or more server.N entries). Learner reads from the
    /// leader with setSoTimeout(tickTime × syncLimit), the leader pings every tickTime / 2 (Leader.lead) and drops a
    /// follower that lags syncLimit ticks; QuorumPeerConfig refuses initLimit or syncLimit of 0 in an ensemble.
    /// </summary>
    public static class ZooKeeperEnsemble
    {
        public const string Id = "zookeeper-ensemble";
        public const string TickTime = ZooKeeper.TickTime;
        public const string InitLimit = "initLimit";
        public const string SyncLimit = "syncLimit";

        /// <summary>True when the file declares two or more voting servers (QuorumPeerConfig.isDistributed).</summary>
        public const string Distributed = "distributed";

        public static SystemDefinition Definition { get; } = new SystemDefinition(
            Id,
            "the ZooKeeper ensemble",
            Int32Ms(TickTime, SettingRole.Heartbeat, 3000),
            // Fields default to 0 ("not set") in QuorumPeerConfig; repairs aim at conf/zoo_sample.cfg's 10 and 5.
            new SettingDefinition(InitLimit, SettingRole.Count, ValueFormat.Int32) { Default = Constant(0m), Granularity = 1m, Maximum = int.MaxValue, RepairHint = 10m },
            new SettingDefinition(SyncLimit, SettingRole.Count, ValueFormat.Int32) { Default = Constant(0m), Granularity = 1m, Maximum = int.MaxValue, RepairHint = 5m },
            Switch(Distributed, false))
        {
            EnabledSetting = Distributed,
            Heartbeat = new Quantity("ping period", T(0.5m, TickTime)),
            Detection = new Quantity("sync window", T(1m, TickTime, SyncLimit)),
            PauseBudget = new Quantity("sync window", T(1m, TickTime, SyncLimit)),
            // apache/zookeeper@53a78e36: followers give up on a silent leader after syncLimit ticks (Learner.java:815
            // setSoTimeout(tickTime × syncLimit)); FastLeaderElection waits finalizeWait (200 ms); the new leader serves once a
            // quorum has synced, each wait bounded by initLimit ticks (Leader.waitForEpochAck, waitForNewLeaderAck; N12).
            Failover = new Quantity("failover window", T(1m, TickTime, SyncLimit), T(1m, TickTime, InitLimit), new Term(200_000_000m), Rtt(2m)),
            FailoverPrimary = TickTime,
            // tickTime also bounds every client's session (2 to 20 ticks, ZooKeeperServer.getMaxSessionTimeout): the limits
            // in ticks are the local knobs.
            ChangeLast = new[] { TickTime },
            PauseConsequence = "the followers abandon the leader and elect a new one",
            Ranges = new[]
            {
                NotSet(InitLimit),
                NotSet(SyncLimit),
            },
        }.Bound();

        private static RangeLimit NotSet(string setting) => new RangeLimit("EL1032", setting, string.Empty)
        {
            Min = 0m,
            MinInclusive = false,
        };
    }
}
