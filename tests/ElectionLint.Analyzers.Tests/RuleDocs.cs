using System.Collections.Generic;

namespace ElectionLint.Analyzers.Tests
{
    /// <summary>One example of a rule in one format: a file that fails and the same file fixed.</summary>
    internal sealed class DocExample
    {
        public DocExample(string file, string fails, string passes, string? profile = null, string? passesProfile = null)
        {
            File = file;
            Fails = fails;
            Passes = passes;
            Profile = profile;
            PassesProfile = passesProfile ?? profile;
        }

        /// <summary>A file name (its extension picks the reader), or "C#".</summary>
        public string File { get; }

        public string Fails { get; }

        public string Passes { get; }

        /// <summary>The .electionlint.yaml the example needs, if any.</summary>
        public string? Profile { get; }

        /// <summary>The profile of the passing example (EL2031 is fixed in the profile).</summary>
        public string? PassesProfile { get; }
    }

    /// <summary>What the docs say about each rule beyond the catalogue: the cited source, the options, examples.</summary>
    internal static class RuleDocs
    {
        private const string K8s = "var c = new LeaderElectionConfig(@lock) { ";
        private const string Wan = "profile:\n  network: wan\n  rttP99: 150ms\n";

        public static readonly Dictionary<string, (string Source, string Options, DocExample[] Examples)> Rules = new Dictionary<string, (string, string, DocExample[])>
        {
            ["EL1000"] = ("etcd-io/etcd server/embed/config.go (uint TickMs/ElectionMs); k8s.io/apimachinery metav1.Duration (time.ParseDuration)", "none",
                new[] { new DocExample("etcd.conf.yml", "election-timeout: 1s\n", "election-timeout: 1000\n"), new DocExample("scheduler.yaml", "leaderElection:\n  leaseDuration: 15\n", "leaderElection:\n  leaseDuration: 15s\n") }),
            ["EL1001"] = ("etcd-io/etcd server/embed/config.go, Config.Validate: 5*TickMs > ElectionMs is rejected", "none",
                new[] { new DocExample("etcd.conf.yml", "heartbeat-interval: 100\nelection-timeout: 300\n", "heartbeat-interval: 100\nelection-timeout: 1000\n") }),
            ["EL1002"] = ("etcd-io/etcd server/embed/config.go, Config.Validate: maxElectionMs = 50000", "none",
                new[] { new DocExample("etcd.conf.yml", "heartbeat-interval: 5000\nelection-timeout: 60000\n", "heartbeat-interval: 5000\nelection-timeout: 50000\n") }),
            ["EL1003"] = ("etcd-io/etcd server/embed/config.go, Config.Validate: \"must be >0\"", "none",
                new[] { new DocExample("etcd.conf.yml", "election-timeout: 0\n", "election-timeout: 1000\n") }),
            ["EL1004"] = ("etcd-io/etcd pkg/flags/flag.go, SetFlagsFromEnv/verifyEnv: lg.Fatal(\"conflicting environment variable is shadowed by corresponding command-line flag\")", "none",
                new[] { new DocExample("etcd-pod.yaml", "spec:\n  containers:\n  - name: etcd\n    env:\n    - name: ETCD_ELECTION_TIMEOUT\n      value: \"1000\"\n    command: [etcd, --election-timeout=1000]\n", "spec:\n  containers:\n  - name: etcd\n    command: [etcd, --election-timeout=1000]\n") }),
            ["EL1010"] = ("kubernetes/client-go tools/leaderelection/leaderelection.go, NewLeaderElector; component-base config/validation", "none",
                new[]
                {
                    new DocExample("scheduler.yaml", "leaderElection:\n  leaseDuration: 10s\n  renewDeadline: 10s\n", "leaderElection:\n  leaseDuration: 15s\n  renewDeadline: 10s\n"),
                    new DocExample("C#", K8s + "LeaseDuration = TimeSpan.FromSeconds(10), RenewDeadline = TimeSpan.FromSeconds(10) };", K8s + "LeaseDuration = TimeSpan.FromSeconds(15), RenewDeadline = TimeSpan.FromSeconds(10) };"),
                }),
            ["EL1011"] = ("kubernetes/client-go tools/leaderelection/leaderelection.go: RenewDeadline <= time.Duration(JitterFactor*RetryPeriod), JitterFactor = 1.2", "none",
                new[]
                {
                    new DocExample("deployment.yaml", "spec:\n  containers:\n  - name: manager\n    args: [--leader-elect-renew-deadline=2s, --leader-elect-retry-period=2s]\n", "spec:\n  containers:\n  - name: manager\n    args: [--leader-elect-renew-deadline=10s, --leader-elect-retry-period=2s]\n"),
                    new DocExample("C#", K8s + "RenewDeadline = TimeSpan.FromSeconds(2) };", K8s + "RenewDeadline = TimeSpan.FromSeconds(10) };"),
                }),
            ["EL1012"] = ("kubernetes/client-go tools/leaderelection/leaderelection.go: \"must be greater than zero\"", "none",
                new[] { new DocExample("scheduler.yaml", "leaderElection:\n  retryPeriod: 0s\n", "leaderElection:\n  retryPeriod: 2s\n"), new DocExample("C#", K8s + "RetryPeriod = TimeSpan.Zero };", K8s + "RetryPeriod = TimeSpan.FromSeconds(2) };") }),
            ["EL1020"] = ("apache/kafka clients/.../consumer/internals/Heartbeat.java: \"Heartbeat must be set lower than the session timeout\"", "none",
                new[] { new DocExample("consumer.properties", "session.timeout.ms=10000\nheartbeat.interval.ms=10000\n", "session.timeout.ms=10000\nheartbeat.interval.ms=3000\n"), new DocExample("C#", "var c = new ConsumerConfig { HeartbeatIntervalMs = 50000 };", "var c = new ConsumerConfig { HeartbeatIntervalMs = 3000 };") }),
            ["EL1021"] = ("apache/kafka group-coordinator GroupCoordinatorService.joinGroup, Errors.INVALID_SESSION_TIMEOUT; GroupCoordinatorConfig (6000–1800000 ms)", "`profile.kafkaBroker.groupMinSessionTimeout`, `profile.kafkaBroker.groupMaxSessionTimeout` (the broker's bounds when not the defaults)",
                new[] { new DocExample("consumer.properties", "session.timeout.ms=3000\nheartbeat.interval.ms=1000\n", "session.timeout.ms=6000\nheartbeat.interval.ms=1000\n"), new DocExample("C#", "var c = new ConsumerConfig { SessionTimeoutMs = 3000, HeartbeatIntervalMs = 1000 };", "var c = new ConsumerConfig { SessionTimeoutMs = 6000, HeartbeatIntervalMs = 1000 };") }),
            ["EL1022"] = ("confluentinc/librdkafka src/rdkafka_conf.c, rd_kafka_conf_finalize; Confluent.Kafka SafeKafkaHandle (InvalidOperationException)", "none",
                new[] { new DocExample("C#", "var c = new ConsumerConfig { MaxPollIntervalMs = 10000 };", "var c = new ConsumerConfig { MaxPollIntervalMs = 300000 };") }),
            ["EL1023"] = ("confluentinc/librdkafka src/rdkafka_conf.c: \"is not supported for `group.protocol=consumer`\"", "none",
                new[] { new DocExample("C#", "var c = new ConsumerConfig { GroupProtocol = GroupProtocol.Consumer, SessionTimeoutMs = 45000 };", "var c = new ConsumerConfig { GroupProtocol = GroupProtocol.Consumer };") }),
            ["EL1024"] = ("confluentinc/librdkafka src/rdkafka_conf.c (ranges 1–3600000, 1–86400000); apache/kafka ConsumerConfig.java (max.poll.interval.ms atLeast(1))", "none",
                new[] { new DocExample("consumer.properties", "max.poll.interval.ms=0\n", "max.poll.interval.ms=300000\n") }),
            ["EL1025"] = ("apache/kafka group-coordinator GroupCoordinatorConfig.java: require(...) on group.consumer.* at broker start", "none",
                new[] { new DocExample("server.properties", "group.consumer.session.timeout.ms=30000\n", "group.consumer.session.timeout.ms=45000\n") }),
            ["EL1026"] = ("apache/kafka raft QuorumState.randomElectionTimeoutMs (Random.nextInt), FollowerState (Timer: \"Invalid negative timeout\"); metadata BrokerHeartbeatManager.hasValidSession", "none",
                new[] { new DocExample("server.properties", "controller.quorum.fetch.timeout.ms=0\n", "controller.quorum.fetch.timeout.ms=2000\n") }),
            ["EL1030"] = ("apache/zookeeper QuorumPeerConfig.java (min > max rejected); ZooKeeperServer.processConnectRequest (clamping)", "none",
                new[] { new DocExample("zoo.cfg", "tickTime=2000\nminSessionTimeout=50000\nmaxSessionTimeout=40000\n", "tickTime=2000\nminSessionTimeout=4000\nmaxSessionTimeout=40000\n") }),
            ["EL1031"] = ("apache/zookeeper QuorumPeerConfig.java: throw new IllegalArgumentException(\"tickTime is not set\")", "none",
                new[] { new DocExample("zoo.cfg", "tickTime=0\n", "tickTime=2000\n") }),
            ["EL1032"] = ("apache/zookeeper QuorumPeerConfig.java: \"initLimit is not set\" / \"syncLimit is not set\" when isDistributed()", "none",
                new[] { new DocExample("zoo.cfg", "tickTime=2000\ninitLimit=10\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n", "tickTime=2000\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n") }),
            ["EL1040"] = ("dotnet/dotNext ElectionTimeout.cs, RaftCluster.Configuration.cs (ArgumentOutOfRangeException); Random.Next at cluster construction", "none",
                new[] { new DocExample("appsettings.json", "{ \"lowerElectionTimeout\": 150, \"upperElectionTimeout\": 100 }", "{ \"lowerElectionTimeout\": 150, \"upperElectionTimeout\": 300 }"), new DocExample("C#", "var t = new ElectionTimeout { LowerValue = 150, UpperValue = 100 };", "var t = new ElectionTimeout { LowerValue = 150, UpperValue = 300 };") }),
            ["EL1051"] = ("hashicorp/consul agent/structs/structs.go: MaxLockDelay = 60 * time.Second, \"Any value above this will not be respected\"", "none",
                new[] { new DocExample("C#", "var s = new SessionEntry { TTL = TimeSpan.FromSeconds(10), LockDelay = TimeSpan.FromMinutes(2) };", "var s = new SessionEntry { TTL = TimeSpan.FromSeconds(10), LockDelay = TimeSpan.FromSeconds(15) };") }),
            ["EL1052"] = ("G-Research/consuldotnet Consul/Lock.cs: LockOptions.LockRetryTime throws below LockRetryTimeMin (500 ms)", "none",
                new[] { new DocExample("C#", "var o = new LockOptions(\"k\") { LockRetryTime = TimeSpan.FromMilliseconds(100) };", "var o = new LockOptions(\"k\") { LockRetryTime = TimeSpan.FromSeconds(1) };") }),
            ["EL1050"] = ("hashicorp/consul agent/consul/session_endpoint.go, Session.Apply: \"Invalid Session TTL\"; SessionTTLMin 10s, SessionTTLMax 24h", "none",
                new[] { new DocExample("C#", "var s = new SessionEntry { TTL = TimeSpan.FromSeconds(5) };", "var s = new SessionEntry { TTL = TimeSpan.FromSeconds(15) };") }),
            ["EL1060"] = ("Azure Storage REST \"Lease Blob\" (15–60 s or -1); Azure/azure-sdk-for-net BlobLeaseClient.cs (Convert.ToInt64(TotalSeconds), negative = infinite)", "none",
                new[] { new DocExample("C#", "lease.Acquire(TimeSpan.FromSeconds(90));", "lease.Acquire(TimeSpan.FromSeconds(60));") }),
            ["EL1070"] = ("akkadotnet/akka.net src/core/Akka.Coordination/TimeoutSettings.cs: \"heartbeat-interval must be less than half heartbeat-timeout\"", "none",
                new[] { new DocExample("C#", "var t = new TimeoutSettings(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(5));", "var t = new TimeoutSettings(TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(5));") }),
            ["EL1080"] = ("dotnet/orleans src/Orleans.Runtime/Configuration/Validators/SiloClusteringValidator.cs (OrleansConfigurationException)", "none",
                new[] { new DocExample("C#", "services.Configure<ClusterMembershipOptions>(o => { o.NumProbedSilos = 3; o.NumVotesForDeathDeclaration = 4; });", "services.Configure<ClusterMembershipOptions>(o => { o.NumProbedSilos = 3; o.NumVotesForDeathDeclaration = 2; });") }),
            ["EL1090"] = ("patroni/patroni patroni/config.py _validate_and_adjust_timeouts and __get_and_maybe_adjust_int_value (\"%s=%d can't be smaller than %d, adjusting...\"); patroni/validator.py IntValidator(min=20 / 1 / 3)", "none",
                new[] { new DocExample("patroni.yml", "bootstrap:\n  dcs:\n    ttl: 10\n    loop_wait: 1\n    retry_timeout: 3\n", "bootstrap:\n  dcs:\n    ttl: 20\n    loop_wait: 1\n    retry_timeout: 3\n") }),
            ["EL1091"] = ("patroni/patroni patroni/config.py _validate_and_adjust_timeouts: \"Violated the rule loop_wait + 2*retry_timeout <= ttl\" (loop_wait, then retry_timeout, reduced)", "none",
                new[] { new DocExample("patroni.yml", "bootstrap:\n  dcs:\n    ttl: 30\n    loop_wait: 10\n    retry_timeout: 15\n", "bootstrap:\n  dcs:\n    ttl: 30\n    loop_wait: 10\n    retry_timeout: 10\n") }),
            ["EL1092"] = ("redis/redis src/sentinel.c sentinelHandleConfiguration and SENTINEL SET: \"negative or zero time parameter.\"", "none",
                new[]
                {
                    new DocExample("sentinel.conf", "sentinel monitor mymaster 10.0.0.1 6379 2\nsentinel down-after-milliseconds mymaster 0\n", "sentinel monitor mymaster 10.0.0.1 6379 2\nsentinel down-after-milliseconds mymaster 5000\n"),
                    new DocExample("values.yaml", "sentinel:\n  enabled: true\n  downAfterMilliseconds: 0\n", "sentinel:\n  enabled: true\n  downAfterMilliseconds: 5000\n"),
                }),
            ["EL1093"] = ("mongodb/mongo src/mongo/db/repl/repl_set_config.idl: heartbeatIntervalMillis, heartbeatTimeoutSecs, electionTimeoutMillis validator { gt: 0 }; catchUpTimeoutMillis, catchUpTakeoverDelayMillis validator { gte: -1 }", "none",
                new[] { new DocExample("rs-config.json", "{\"_id\": \"rs0\", \"settings\": {\"electionTimeoutMillis\": 0}}\n", "{\"_id\": \"rs0\", \"settings\": {\"electionTimeoutMillis\": 10000}}\n") }),
            ["EL1094"] = ("elastic/elasticsearch cluster/coordination LeaderChecker.java and FollowersChecker.java: Setting.timeSetting(…, 1000ms, 100ms) / (…, 10000ms, 1ms), intSetting(…, 3, 1)", "none",
                new[] { new DocExample("elasticsearch.yml", "cluster.fault_detection.leader_check.interval: 50ms\n", "cluster.fault_detection.leader_check.interval: 1s\n") }),
            ["EL1095"] = ("hashicorp/consul agent/config/builder.go (\"performance.raft_multiplier cannot be %d. Must be between 1 and %d\", MaxRaftMultiplier 10); hashicorp/nomad command/agent/agent.go; hashicorp/raft config.go ValidateConfig (\"HeartbeatTimeout is too low\")", "none",
                new[] { new DocExample("consul.json", "{\"server\": true, \"performance\": {\"raft_multiplier\": 20}}\n", "{\"server\": true, \"performance\": {\"raft_multiplier\": 5}}\n") }),
            ["EL1096"] = ("patroni/patroni patroni/watchdog/base.py WatchdogConfig.timeout / timing_slack and Watchdog._activate (\"Watchdog not supported because leader TTL {0} is less than 2x loop_wait {1}\"), is_healthy; patroni/ha.py enforce_primary_role, is_healthiest_node", "none",
                new[] { new DocExample("patroni.yml", "scope: demo\nwatchdog:\n  mode: required\n  safety_margin: 25\nbootstrap:\n  dcs:\n    ttl: 30\n    loop_wait: 10\n    retry_timeout: 10\n", "scope: demo\nwatchdog:\n  mode: required\n  safety_margin: 5\nbootstrap:\n  dcs:\n    ttl: 30\n    loop_wait: 10\n    retry_timeout: 10\n") }),
            ["EL1097"] = ("redis/redis src/sentinel.c sentinelHandleConfiguration: ri->down_after_period = atoi(argv[2]), ri->failover_timeout = atoi(argv[2])", "none",
                new[] { new DocExample("sentinel.conf", "sentinel monitor mymaster 10.0.0.1 6379 2\nsentinel down-after-milliseconds mymaster 60s\n", "sentinel monitor mymaster 10.0.0.1 6379 2\nsentinel down-after-milliseconds mymaster 60000\n") }),
            ["EL1098"] = ("redis/redis src/sentinel.c sentinelSendPeriodicCommands (INFO every 1000 ms during a failover), sentinelFailoverWaitPromotion (\"-failover-abort-slave-timeout\"), sentinelStartFailoverIfNeeded (2 × failover-timeout)", "the round trip (rttP99) adds to the 1.1 s",
                new[] { new DocExample("sentinel.conf", "sentinel monitor mymaster 10.0.0.1 6379 2\nsentinel failover-timeout mymaster 500\n", "sentinel monitor mymaster 10.0.0.1 6379 2\nsentinel failover-timeout mymaster 180000\n") }),
            ["EL2001"] = ("etcd tuning guide and etcd-io/raft (ElectionTick = 10 × HeartbeatTick); Kafka CommonClientConfigs (heartbeat ≤ 1/3 of the session); kubernetes/client-go tools/leaderelection/leaderelection.go renew() (renewal attempts every RetryPeriod until RenewDeadline)", "none",
                new[] { new DocExample("server.properties", "broker.heartbeat.interval.ms=2000\nbroker.session.timeout.ms=4000\n", "broker.heartbeat.interval.ms=2000\nbroker.session.timeout.ms=6000\n"), new DocExample("C#", K8s + "LeaseDuration = TimeSpan.FromSeconds(8), RenewDeadline = TimeSpan.FromSeconds(4) };", K8s + "LeaseDuration = TimeSpan.FromSeconds(8), RenewDeadline = TimeSpan.FromSeconds(6) };") }),
            ["EL2002"] = ("etcd-io/raft raft.go (ElectionTick = 10 × HeartbeatTick); Raft thesis: failover takes about the election timeout", "quiet when the profile (network: wan, rttP99, gcPauseP99) asks for the long timeout",
                new[] { new DocExample("etcd.conf.yml", "heartbeat-interval: 100\nelection-timeout: 2000\n", "heartbeat-interval: 100\nelection-timeout: 1000\n") }),
            ["EL2010"] = ("etcd tuning guide: \"at least 10 times the round-trip time\"; Raft thesis: broadcastTime ≪ electionTimeout", "`profile.network`, `profile.rttP99` (WAN without it: 200 ms), `profile.rttMultiplier` (10)",
                new[] { new DocExample("etcd.conf.yml", "heartbeat-interval: 100\nelection-timeout: 1000\n", "heartbeat-interval: 100\nelection-timeout: 1500\n", Wan) }),
            ["EL2011"] = ("etcd tuning guide: heartbeat about 0.5–1.5 × the round-trip time", "`profile.rttP99`, `profile.network`",
                new[] { new DocExample("etcd.conf.yml", "heartbeat-interval: 50\nelection-timeout: 1500\n", "heartbeat-interval: 100\nelection-timeout: 1500\n", Wan) }),
            ["EL2020"] = ("ElectionLint policy: the pause budget (renewDeadline, election timeout, session timeout…) must exceed gcHeadroom × the p99 pause", "`profile.gcPauseP99`, `profile.gcHeadroom` (2)",
                new[] { new DocExample("scheduler.yaml", "leaderElection:\n  renewDeadline: 5s\n", "leaderElection:\n  renewDeadline: 10s\n", "profile:\n  gcPauseP99: 3s\n") }),
            ["EL2030"] = ("each system file derives its window from the code: client-go leaderelection.go (observe the renewal, LeaseDuration, acquire: LD + 4.4 × RP); etcd raft (the last campaign 2E − 1 ticks after the last heartbeat: 2 × election − heartbeat); Orleans SiloHealthMonitor and ClusterHealthMonitor ((N + 1) × MaxProbeTimeout); KRaft pre-vote (two fetch timeouts and an election timeout under 2 × election); the KRaft broker lease's fencing task (every session / 8); Akka LeaseActor (heartbeat-timeout − 2 × heartbeat-interval)", "`profile.maxFailover`",
                new[] { new DocExample("scheduler.yaml", "leaderElection:\n  leaseDuration: 20s\n  retryPeriod: 4s\n", "leaderElection:\n  leaseDuration: 10s\n  renewDeadline: 6s\n  retryPeriod: 2s\n", "profile:\n  maxFailover: 20s\n") }),
            ["EL2031"] = ("the joint model: the system's own limits and the EL2001/EL2010/EL2020/EL2040 floors against the EL2030 ceiling, solved exactly over every setting", "`profile.maxFailover`, `profile.rttP99`, `profile.gcPauseP99`",
                new[] { new DocExample("etcd.conf.yml", "heartbeat-interval: 100\nelection-timeout: 2000\n", "heartbeat-interval: 100\nelection-timeout: 2000\n", "profile:\n  network: wan\n  maxFailover: 2s\n", "profile:\n  network: wan\n  maxFailover: 5s\n") }),
            ["EL2040"] = ("Raft thesis (randomised timeouts, e.g. 150–300 ms); dotNext docs: upperElectionTimeout = 2 × lowerElectionTimeout", "`profile.rttP99` (the spread must exceed 2 round trips)",
                new[] { new DocExample("appsettings.json", "{ \"lowerElectionTimeout\": 150, \"upperElectionTimeout\": 180 }", "{ \"lowerElectionTimeout\": 150, \"upperElectionTimeout\": 300 }"), new DocExample("C#", "var t = new ElectionTimeout { LowerValue = 150, UpperValue = 180 };", "var t = new ElectionTimeout { LowerValue = 150, UpperValue = 300 };") }),
            ["EL2050"] = ("client-go leaderelection.go: LeaseDurationSeconds = int(LeaseDuration / time.Second); kubernetes-client/csharp LeaderElector.cs", "none",
                new[] { new DocExample("scheduler.yaml", "leaderElection:\n  leaseDuration: 15500ms\n", "leaderElection:\n  leaseDuration: 16s\n"), new DocExample("C#", K8s + "LeaseDuration = TimeSpan.FromMilliseconds(15500) };", K8s + "LeaseDuration = TimeSpan.FromSeconds(16) };") }),
            ["EL2051"] = ("etcd-io/etcd server/embed/config.go: ElectionTicks = ElectionMs / TickMs (integer division)", "none",
                new[] { new DocExample("etcd.conf.yml", "heartbeat-interval: 300\nelection-timeout: 1600\n", "heartbeat-interval: 300\nelection-timeout: 1800\n") }),
            ["EL9001"] = ("the YAML 1.2, JSON and java.util.Properties grammars; duplicate keys are rejected by Go's YAML decoders and .NET configuration", "none",
                new[] { new DocExample("etcd.conf.yml", "election-timeout: [1000\nname: x\n", "election-timeout: 1000\nname: x\n") }),
            ["EL9002"] = ("docs/profile.md: the profile format", "none",
                new DocExample[0]),
            ["EL9003"] = ("docs/profile.md, Suppressions", "none",
                new[] { new DocExample("etcd.conf.yml", "election-timeout: 1000 # electionlint-disable-line EL1234\n", "election-timeout: 1000 # electionlint-disable-line EL1001\n") }),
            ["EL9004"] = ("README.md, What it reads: templates that do not parse are skipped, never guessed", "none",
                new[] { new DocExample("etcd.conf.yml", "{{- if .Values.etcd }}\nelection-timeout: {{ .Values.timeout }}\n{{- end }}\n", "election-timeout: 1000\n") }),
        };
    }
}
