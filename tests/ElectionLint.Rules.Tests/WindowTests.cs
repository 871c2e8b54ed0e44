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

        [Theory]
        // kubernetes/client-go@32ce75a7 tools/leaderelection/leaderelection.go with k8s.io/apimachinery@eed236ce (its go.mod's):
        // acquire() polls tryAcquireOrRenew through wait.JitterUntilWithContext(RetryPeriod, JitterFactor 1.2, sliding), each
        // wait Jitter(RP, 1.2) = RP + rand.Float64() × 1.2 × RP, under 2.2 RP. The leader renews at 0 and dies; the candidate's
        // next poll, up to 2.2 RP later, sees the changed record and sets observedTime (setObservedRecord); isLeaseValid holds
        // until observedTime + LeaseDurationSeconds; the acquiring poll comes up to 2.2 RP after that. 15 s / 10 s / 2 s:
        // 4.4 + 15 + 4.4 = 23.8 s.
        [InlineData("15s", "10s", "2s", 23800)]
        // 60 s / 30 s / 10 s: 22 + 60 + 22 = 104 s.
        [InlineData("60s", "30s", "10s", 104000)]
        public void Client_go_window_covers_two_jittered_polls(string lease, string renew, string retry, decimal codeWorstMs)
        {
            decimal window = WindowMs("k8s-leader-election", null, "leaseDuration=" + lease, "renewDeadline=" + renew, "retryPeriod=" + retry);
            Assert.InRange(window, codeWorstMs, codeWorstMs * 1.05m);
        }

        [Theory]
        // dotnet/dotNext@a0750d51 src/cluster/DotNext.Net.Cluster/…/Raft: each member draws its timeout once,
        // ElectionTimeout.RandomTimeout = Random.Next(lower, upper + 1), and draws anew only after a failed vote
        // (MoveToFollowerState). Heartbeats refresh every follower at 0 and the leader crashes (its port refuses connections).
        // A follower that drew less asks first and is refused: RaftCluster.PreVoteAsync grants only once the voter's own last
        // heartbeat is as old as the voter's own timeout. The follower that drew upper times out at upper, every other one
        // grants its pre-vote and vote, and it appends the leader's empty entry. 150 / 300: 300 ms.
        [InlineData("150", "300", 300)]
        [InlineData("1000", "2000", 2000)]
        public void DotNext_window_covers_the_upper_election_timeout(string lower, string upper, decimal codeWorstMs)
        {
            decimal window = WindowMs("dotnext-raft", null, "lowerElectionTimeout=" + lower, "upperElectionTimeout=" + upper);
            Assert.InRange(window, codeWorstMs, codeWorstMs * 1.05m);
        }

        [Theory]
        // Azure/azure-sdk-for-net@008f968a sdk/storage/Azure.Storage.Blobs/src/BlobLeaseClient.cs AcquireInternal sends
        // Convert.ToInt64(duration.TotalSeconds); the service's clock for the lease restarts at each Renew. The holder renews at
        // 0 and dies; the lease can be acquired from 15 s on. BlobLeaseClient has no renewal or retry loop of its own: a
        // candidate that retries every P adds up to P, which is the caller's code.
        [InlineData("15", 15000)]
        [InlineData("60", 60000)]
        public void Azure_window_is_the_lease_duration(string duration, decimal codeWorstMs)
        {
            decimal window = WindowMs("azure-blob-lease", null, "duration=" + duration);
            Assert.InRange(window, codeWorstMs, codeWorstMs * 1.05m);
        }

        [Theory]
        // apache/kafka@d79bd502 metadata/…/controller: the controller notes each heartbeat's time (BrokerHeartbeatTracker via
        // ClusterControlManager.trackBrokerHeartbeat) and fences a broker from the periodic task maybeFenceStaleBroker, run every
        // sessionTimeout / 8 (QuorumController.maybeFenceStaleBrokerPeriodNs), once contact + timeout < now (isExpired).
        // The broker dies right after a heartbeat; a run lands exactly at 9000 ms (not yet expired), the next at 10125 ms.
        [InlineData("9000", "2000", 10125)]
        [InlineData("18000", "3000", 20250)]
        public void Broker_session_window_covers_the_fencing_task_period(string session, string heartbeat, decimal codeWorstMs)
        {
            decimal window = WindowMs("kafka-broker-session", null, "broker.session.timeout.ms=" + session, "broker.heartbeat.interval.ms=" + heartbeat);
            Assert.InRange(window, codeWorstMs, codeWorstMs * 1.05m);
        }

        [Theory]
        // apache/kafka@d79bd502 (trunk, KIP-996 pre-vote) raft/: three voters, the leader dies just after voter B fetched its last
        // record R and voter A (without R) got its last fetch response a moment later. At 2000 ms B's fetch timer expires
        // (pollFollowerAsVoter): Prospective, its PreVote refused by A, a Follower that has fetched (FollowerState.canGrantVote).
        // A turns Prospective just after; B refuses it, A's log being older. Neither asks again (maybeSendVoteRequests asks
        // unrecorded voters only) and the dead leader keeps the vote open (EpochElection.isVoteRejected). B's election
        // timeout, ET + nextInt(ET) ≤ 1999 (QuorumState.randomElectionTimeoutMs), ends at 3999: Follower of the dead leader
        // again (prospectiveTransitionAfterElectionLoss), a fresh fetch timeout, Prospective at 5999; A grants (no fetch since),
        // B becomes Candidate and leader. No election back-off on this path: binaryExponentialElectionBackoffMs is gone.
        [InlineData("2000", "1000", 5999)]
        [InlineData("4000", "2000", 11999)]
        public void KRaft_window_covers_a_refused_prospective_and_a_second_fetch_timeout(string fetch, string election, decimal codeWorstMs)
        {
            decimal window = WindowMs("kafka-kraft-controller", null, "controller.quorum.fetch.timeout.ms=" + fetch, "controller.quorum.election.timeout.ms=" + election);
            Assert.InRange(window, codeWorstMs, codeWorstMs * 1.05m);
        }

        [Theory]
        // etcd-io/raft@cdfbeed3 raft.go, as etcd-io/etcd@c34dc7ee server/etcdserver/bootstrap.go configures it (HeartbeatTick 1,
        // ElectionTick = election-timeout / heartbeat-interval, CheckQuorum true, PreVote true): tickElection campaigns when
        // electionElapsed, zeroed by the heartbeat and counted in ticks, reaches randomizedElectionTimeout = E + rand.Intn(E),
        // at most 2E − 1 (resetRandomizedElectionTimeout). A heartbeat taken just after a tick is followed by that tick a whole
        // interval later, so the last follower campaigns (2E − 1) ticks after the leader's last heartbeat; the other followers'
        // electionElapsed is then past E, so the pre-vote is granted. 100 ms / 1000 ms: E = 10, 19 × 100 = 1900 ms.
        [InlineData("100", "1000", 1900)]
        // At the 5× floor: E = 5, 9 × 300 = 2700 ms.
        [InlineData("300", "1500", 2700)]
        public void Etcd_window_covers_the_last_tick_of_the_randomized_timeout(string heartbeat, string election, decimal codeWorstMs)
        {
            decimal window = WindowMs("etcd", null, "heartbeat-interval=" + heartbeat, "election-timeout=" + election);
            Assert.InRange(window, codeWorstMs, codeWorstMs * 1.05m);
        }

        [Fact]
        public void Etcd_window_counts_whole_ticks_at_most()
        {
            // ElectionTicks() = ElectionMs / TickMs (etcd-io/etcd server/embed/config.go) drops the 50 ms: E = 10 as at 1000 ms,
            // so the code's worst case stays 1900 ms; the window does not round down (EL2051 reports the lost 50 ms).
            Assert.InRange(WindowMs("etcd", null, "heartbeat-interval=100", "election-timeout=1050"), 1900m, 2000m);
        }

        [Theory]
        // patroni/patroni@a4a6dc02, the Kubernetes DCS, the worst of the two traced (etcd3 below). The primary renews the leader
        // object at 0 and its host dies. Each renew wakes the replicas' HA loop (dcs/kubernetes.py ObjectCache._process_event
        // :676, Kubernetes.watch; __main__.py schedule_next_run sets next_run to now), whose _load_cluster notes the new record
        // at 0 and holds the leader valid while observed time + ttl ≥ now (:915); no event marks the expiry. Unwoken, the loop
        // runs every loop_wait + 0.5 s (Kubernetes.watch :1405 adds 0.5 s to a non-leader's wait), so the key is gone at the
        // first k × loop_wait + 0.5 > ttl. ha.py process_unhealthy_cluster → is_healthiest_node races among old_cluster's members
        // (:1189, the cluster last seen locked: the dead primary's member too), fetched in parallel by fetch_node_status with
        // timeout=2, retries=0 (:907; urllib3 connect timeout, the dead host never answers): 2 s, then acquire_lock holds the key
        // (no primary_race_backoff at this commit). ttl 21 / loop_wait 10: loops at 10.5, 20.5, 30.5; 30.5 + 2 = 32.5 s.
        // At the defaults 30 / 10 / 10 the key is gone at 30.5 and the winner holds it at 32.5 s, under the window's 41.5 s.
        // etcd3 (dcs/etcd3.py): the key lives on the lease the primary refreshed at 0 (_update_leader, forced keepalive) and
        // etcd revokes it within a 500 ms lessor tick (etcd-io/etcd@c34dc7ee lessor.go runLoop); its DELETE wakes the
        // replicas (KVCache._process_event :488): ttl + 0.5 + 2, 32.5 s at the defaults, at most the Kubernetes case.
        [InlineData("21", "10", "5", 32500)]
        // ttl 21 / loop_wait 5 / retry_timeout 8 (ttl 20 / loop_wait 5 / retry_timeout 10 would run as loop_wait 1,
        // retry_timeout 9, config.py _validate_and_adjust_timeouts): loops at 5.5 … 20.5, 25.5; 27.5 s.
        [InlineData("21", "5", "8", 27500)]
        public void Patroni_window_covers_the_kubernetes_loop_and_the_race_timeout(string ttl, string loopWait, string retryTimeout, decimal codeWorstMs)
        {
            decimal window = WindowMs("patroni", null, "ttl=" + ttl, "loop_wait=" + loopWait, "retry_timeout=" + retryTimeout);
            Assert.InRange(window, codeWorstMs, codeWorstMs * 1.05m);
        }

        [Theory]
        // patroni/patroni@a4a6dc02, the DCS patroni.yml names. The primary renews at 0 and its host dies.
        // Consul: dcs/consul.py set_ttl:315-319 gives the session ttl / 2, which Consul invalidates at TTL × SessionTTLMultiplier
        // 2 (hashicorp/consul agent/structs/structs.go), deleting the key (behavior 'delete', lock delay 0.001 s, :353); the
        // replicas' blocking query on the leader key returns at once (watch:695-706), then the 2 s race: 30 + 2 = 32 s.
        [InlineData("consul", 32000)]
        // etcd3: the lease revoked within etcd's 500 ms lessor tick, its DELETE wakes the replicas (above): 30 + 0.5 + 2.
        [InlineData("etcd3", 32500)]
        // ZooKeeper: ttl is kazoo's session timeout (dcs/zookeeper.py:115-118) and the leader node ephemeral (:300-303); the
        // server files the session under roundToNextInterval(last ping + timeout) (apache/zookeeper ExpiryQueue.update), a
        // tick of ZooKeeper's default 3000 ms late at most; the deletion wakes the replicas' watch (_watcher): 30 + 3 + 2.
        [InlineData("zookeeper", 35000)]
        [InlineData("exhibitor", 35000)]
        // etcd (v2), raft and kubernetes keep the Kubernetes DCS's loop: 30.5 + 2 = 32.5 s at the defaults, under 41.5 s.
        [InlineData("kubernetes", 32500, 41500)]
        [InlineData("etcd", 32500, 41500)]
        public void Patroni_window_follows_the_dcs_patroni_yml_names(string dcs, int codeWorstMs, int windowMs = 0)
        {
            decimal window = WindowMs("patroni", null, "ttl=30", "loop_wait=10", "retry_timeout=10", "dcs=" + dcs);
            Assert.InRange(window, codeWorstMs, windowMs > 0 ? windowMs : codeWorstMs);
        }

        [Theory]
        // ha.py@a4a6dc02 recover:534-545 and the start-up check :1736-1744: the primary keeps its key and restarts Postgres for
        // primary_start_timeout before it demotes; docs/dynamic_configuration.rst:27 gives loop_wait + primary_start_timeout +
        // loop_wait, and loop_wait at 0 (recover demotes at once).
        [InlineData("", "a Postgres crash with Patroni alive is restarted for up to primary_start_timeout 300 s (default) before a failover: loop_wait + primary_start_timeout + loop_wait = 5m20s")]
        [InlineData("primary_start_timeout=60", "a Postgres crash with Patroni alive is restarted for up to primary_start_timeout 60 s before a failover: loop_wait + primary_start_timeout + loop_wait = 1m20s")]
        [InlineData("primary_start_timeout=0", "a Postgres crash with Patroni alive fails over at the next loop (primary_start_timeout 0 s): loop_wait = 10s")]
        public void Patroni_names_the_postgres_crash_path_beside_the_window(string start, string remark)
        {
            var settings = new System.Collections.Generic.List<string> { "ttl=30", "loop_wait=10", "retry_timeout=10" };
            if (start.Length > 0)
            {
                settings.Add(start);
            }

            EvaluationResult result = Evaluator.Evaluate(InstanceOf("patroni", null, settings.ToArray()), Build.Profile(null));
            Assert.Equal(new[] { remark }, result.WindowRemarks);
            Assert.Equal(41.5m * Duration.NanosPerSecond, result.FailoverWindow);
        }

        [Fact]
        public void Patroni_zookeeper_dcs_says_the_server_caps_a_long_ttl()
        {
            EvaluationResult result = Evaluator.Evaluate(InstanceOf("patroni", null, "ttl=60", "loop_wait=10", "retry_timeout=10", "dcs=zookeeper", "primary_start_timeout=0"), Build.Profile(null));
            Assert.Equal(
                new[]
                {
                    "the ZooKeeper DCS makes ttl the session timeout: the leader's node goes at its expiry, up to a server tick late, tickTime counted as ZooKeeper's default 3000 ms: ttl + 3 s + 2 s; the server caps a session at 20 × its tickTime (40s at tickTime 2000), so ttl 60 s may hold the key less",
                    "a Postgres crash with Patroni alive fails over at the next loop (primary_start_timeout 0 s): loop_wait = 10s",
                },
                result.WindowRemarks);
            Assert.Equal(65m * Duration.NanosPerSecond, result.FailoverWindow);
        }

        [Theory]
        // akkadotnet/Akka.Management@85e1de90 src/coordination/kubernetes/Akka.Coordination.KubernetesApi/LeaseActor.cs (and
        // Akka.Coordination.Azure's, the same test): another node takes the lease once HasLeaseTimedOut(time), i.e.
        // now > time + heartbeat-timeout − 2 × heartbeat-interval (_heartbeatOffset), time being the holder's last write. The
        // holder writes at 0 and dies: 120 s − 2 × 12 s = 96 s.
        [InlineData("120s", "12s", 96000)]
        [InlineData("60s", "5s", 50000)]
        public void Akka_window_is_the_timeout_less_two_heartbeats(string timeout, string interval, decimal codeWorstMs)
        {
            decimal window = WindowMs("akka-lease", null, "heartbeat-timeout=" + timeout, "heartbeat-interval=" + interval);
            Assert.InRange(window, codeWorstMs, codeWorstMs * 1.05m);
        }
    }
}
