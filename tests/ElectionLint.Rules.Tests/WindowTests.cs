using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Timing;
using Xunit;
using static ElectionLint.Rules.Tests.Build;

namespace ElectionLint.Rules.Tests
{
    /// <summary>
    /// Each system's failover window (RTT unknown, counted as 0) against the worst case traced in its code, at the code's
    /// numbers: the window must be at least that worst case.
    /// </summary>
    public class WindowTests
    {
        private static decimal WindowMs(string system, string? variant, params string[] settings)
        {
            ConfigurationInstance instance = InstanceOf(system, variant, settings);
            decimal? window = Evaluator.Evaluate(instance, Build.Profile(null)).FailoverWindow;
            Assert.NotNull(window);
            return window!.Value / Duration.NanosPerMillisecond;
        }

        [Theory]
        // hashicorp/raft@1837036d raft.go:runFollower: last contact at 0; the timer fires at 999 ms (< HT, continue) and
        // re-arms randomTimeout(HT) at its top, 1999 ms; it fires at 2998 ms with lastContact 2998 ms ≥ HT: campaign.
        // Consul multiplier 4: HT 4000 ms, the follower campaigns at 4 × 2998 = 11992 ms.
        [InlineData("consul", "raft_multiplier=4", 11992)]
        // Nomad's default multiplier is 1 (command/agent/agent.go DefaultRaftMultiplier): 2998 ms.
        [InlineData("nomad", "", 2998)]
        // Consul's default multiplier is 5: 14990 ms.
        [InlineData("consul", "", 14990)]
        public void HashiCorp_raft_window_covers_the_follower_timer(string variant, string settings, decimal codeWorstMs)
        {
            decimal window = WindowMs("hashicorp-raft", variant, settings.Length == 0 ? new string[0] : settings.Split(';'));
            Assert.True(window >= codeWorstMs, $"window {window} ms < code {codeWorstMs} ms");
            Assert.True(window <= codeWorstMs * 1.05m, $"window {window} ms far above code {codeWorstMs} ms");
        }

        [Fact]
        public void Sentinel_window_covers_ping_ask_and_info_periods()
        {
            // redis/redis@4f8cdc2a sentinel.c, down-after 5000, ticks of 100 ms (hz 10): last PONG at 0; PING sent at 1100
            // (sentinelSendPeriodicCommands); SDOWN at 1100 + 5000 + 100 (sentinelCheckSubjectivelyDown from act_ping_time);
            // the next ask at + 1100 and ODOWN at the reply's tick, 7400; elected at 7500, SLAVEOF NO ONE at 7600; INFO polled
            // within 1100 more: RECONF_SLAVES at 8700 (sentinelRefreshInstanceInfo).
            decimal window = WindowMs("redis-sentinel", null, "down-after-milliseconds=5000");
            Assert.InRange(window, 8700m, 8700m * 1.05m);
        }

        [Theory]
        // hashicorp/consul agent/structs/structs.go: invalidation at TTL × SessionTTLMultiplier 2, then the lock delay, of which
        // the server respects at most MaxLockDelay 60 s: TTL 10 s with LockDelay 2m frees the lock at 20 s + 60 s.
        [InlineData("TTL=10s;LockDelay=2m", 80000)]
        [InlineData("TTL=10s;LockDelay=15s", 35000)]
        public void Consul_window_uses_the_lock_delay_the_server_respects(string settings, decimal codeWorstMs)
        {
            Assert.Equal(codeWorstMs, WindowMs("consul-session", null, settings.Split(';')));
        }

        [Fact]
        public void ZooKeeper_session_window_covers_the_tick_bucket()
        {
            // apache/zookeeper@53a78e36 ExpiryQueue.update: roundToNextInterval(now + timeout) with buckets of tickTime 2000:
            // a session of 10000 ms touched at 1999 expires at (11999 / 2000 + 1) × 2000 = 12000, 10001 ms later; touched at
            // 2001 it would wait (12001 / 2000 + 1) × 2000 − 2001 = 11999 ms.
            Assert.InRange(WindowMs("zookeeper", null, "tickTime=2000", "sessionTimeout=10000"), 11999m, 12000m);
        }

        [Fact]
        public void ZooKeeper_ensemble_window_covers_the_sync_phase()
        {
            // apache/zookeeper@53a78e36, tick 2000, initLimit 10, syncLimit 5: Learner's read times out 10000 ms after the
            // leader's last ping; finalizeWait 200 ms; the new leader's quorum sync may take up to 10 × 2000 (waitForNewLeaderAck).
            Assert.Equal(30200m, WindowMs("zookeeper-ensemble", null, "tickTime=2000", "initLimit=10", "syncLimit=5", "distributed=true"));
        }

        [Theory]
        // Classic group: session 45000 expires the member; the others see REBALANCE_IN_PROGRESS on a heartbeat up to 3000 later.
        [InlineData("kafka-consumer", "session.timeout.ms=45000;heartbeat.interval.ms=3000", 48000)]
        // KIP-848: group.consumer.session.timeout.ms 45000, new assignments in the next heartbeat, up to 5000 later.
        [InlineData("kafka-group-coordinator", "group.consumer.session.timeout.ms=45000;group.consumer.heartbeat.interval.ms=5000", 50000)]
        public void Kafka_window_waits_for_the_next_heartbeat(string system, string settings, decimal codeWorstMs)
        {
            Assert.Equal(codeWorstMs, WindowMs(system, null, settings.Split(';')));
        }

        [Fact]
        public void Elasticsearch_window_covers_the_leader_checks()
        {
            // elastic/elasticsearch LeaderChecker: a hung master fails 3 checks, each 10000 ms timeout then 1000 ms interval:
            // 33000 ms; ElectionSchedulerFactory.scheduleNextElection then waits up to initial_timeout, 100 ms, not counted.
            Assert.InRange(WindowMs("elasticsearch", null), 33000m, 33100m);
        }

        [Theory]
        // dotnet/orleans@e558829b, ProbeTimeout 2s, MaxProbeTimeout 6s, NumMissedProbesLimit 3, the adaptive estimate at its
        // clamp (PhiAccrualFailureDetector.GetTimeout): a probe started at 0 is answered, the silo dies; the next starts one
        // period later, 6000 (SiloHealthMonitor.CalculateNextProbeDelay), times out at 12000 and the next starts at once;
        // 18000; the third goes indirect (_failedProbes = N − 1) with its timeout clamped to 6000 too: failed at 24000 and
        // ClusterHealthMonitor votes, the last bytes 24000 > 3 × 6000 ago. Had the silo's last bytes come at 0 + d, the
        // suppression lapses at d + 18000 and a failure follows within 6000: again 24000 after the death.
        [InlineData("ProbeTimeout=00:00:02;MaxProbeTimeout=00:00:06", 24000)]
        // Defaults: MaxProbeTimeout 4 × ProbeTimeout 5s: (3 + 1) × 20000.
        [InlineData("", 80000)]
        public void Orleans_window_covers_adaptive_probes_and_vote_suppression(string settings, decimal codeWorstMs)
        {
            Assert.Equal(codeWorstMs, WindowMs("orleans-membership", null, settings.Length == 0 ? new string[0] : settings.Split(';')));
        }
    
        [Theory]
        // mongodb/mongo CatchupState::start (replication_coordinator_impl): after the win, catchUpTimeoutMillis 0 skips catch-up,
        // a limit schedules the abort into drain mode at now + limit, -1 schedules none. Election 10000 ms, offset < 15 %: 11500,
        // then a 20000 ms limit: 31500; -1 (the default, repl_set_config.idl:107) is not counted, and the window says so.
        [InlineData("catchUpTimeoutMillis=20000", 31500, null)]
        [InlineData("catchUpTimeoutMillis=0", 11500, null)]
        [InlineData("catchUpTimeoutMillis=-1", 11500, "catch-up not counted: catchUpTimeoutMillis -1 ms sets no limit")]
        [InlineData("", 11500, "catch-up not counted: catchUpTimeoutMillis -1 ms (default) sets no limit")]
        public void MongoDB_window_adds_a_finite_catch_up(string settings, decimal windowMs, string? note)
        {
            ConfigurationInstance instance = InstanceOf("mongodb-replica-set", null, settings.Length == 0 ? new string[0] : settings.Split(';'));
            EvaluationResult r = Evaluator.Evaluate(instance, Build.Profile(null));
            Assert.Equal((windowMs, note), (r.FailoverWindow!.Value / Duration.NanosPerMillisecond, r.FailoverNote));
            Assert.Equal("1.15 × electionTimeoutMillis + 2 × RTT + catchUpTimeoutMillis" + (note != null ? "; " + note : string.Empty),
                System.Linq.Enumerable.Single(Margins.Derived(r), q => q.Label == "failover window").Formula);
        }
}
}
