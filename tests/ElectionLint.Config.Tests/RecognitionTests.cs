using System;
using System.IO;
using System.Linq;
using ElectionLint.Config.Linting;
using ElectionLint.Config.Recognition;
using Xunit;

namespace ElectionLint.Config.Tests
{
    /// <summary>Every recognised shape: the rule and the exact line:column of the offending value.</summary>
    public class RecognitionTests
    {
        [Theory]
        // etcd config file; a quoted number is a string etcd cannot read
        [InlineData("etcd.conf.yml", "heartbeat-interval: 100\nelection-timeout: 300\n", "2:19 EL1001")]
        [InlineData("etcd.conf.yml", "heartbeat-interval: 100\nelection-timeout: \"1000\"\n", "2:20 EL1000")]
        [InlineData("etcd.conf.yml", "heartbeat-interval: 100\nelection-timeout: 1000\n", "")]
        // leaderElection blocks, any component config
        [InlineData("sched.yaml", "kind: KubeSchedulerConfiguration\nleaderElection:\n  leaseDuration: 10s\n  renewDeadline: 10s\n", "3:18 EL1010")]
        [InlineData("sched.yaml", "leaderElection:\n  leaderElect: false\n  leaseDuration: 1s\n", "")]
        [InlineData("values.yaml", "recommender:\n  leaderElection:\n    leaseDuration: \"15s\"\n    renewDeadline: \"15s\"\n", "3:21 EL1010")]
        [InlineData("values.yaml", "leaderElection:\n  leaseDuration: \"{{ .Values.lease }}\"\n  renewDeadline: 10s\n", "")]
        // container flags: --flag=value, --flag value, sh -c
        [InlineData("d.yaml", "spec:\n  template:\n    spec:\n      containers:\n      - name: m\n        args: [\"--leader-elect-lease-duration=10s\"]\n", "6:47 EL1010")]
        [InlineData("d.yaml", "spec:\n  containers:\n  - name: m\n    args:\n    - --leader-elect-renew-deadline\n    - 2s\n", "6:7 EL1011")]
        [InlineData("p.yaml", "spec:\n  containers:\n  - name: etcd\n    command: [sh, -c, \"etcd --heartbeat-interval 300\"]\n", "4:50 EL1001")]
        [InlineData("p.yaml", "spec:\n  containers:\n  - name: app\n    args: [\"--heartbeat-interval=300\"]\n", "")]
        [InlineData("p.yaml", "spec:\n  containers:\n  - name: etcd\n    command:\n    - /bin/sh\n    - -c\n    - |\n      exec etcd \\\n        --election-timeout=60000\n", "9:28 EL1002")]
        // container env: ETCD_*, KAFKA_CFG_*, valueFrom is unknown
        [InlineData("p.yaml", "spec:\n  containers:\n  - name: e\n    env:\n    - name: ETCD_ELECTION_TIMEOUT\n      value: \"300\"\n", "6:15 EL1001")]
        [InlineData("p.yaml", "spec:\n  containers:\n  - name: e\n    env:\n    - name: ETCD_ELECTION_TIMEOUT\n      valueFrom: {configMapKeyRef: {name: x, key: y}}\n", "")]
        [InlineData("p.yaml", "spec:\n  containers:\n  - name: k\n    env:\n    - name: KAFKA_CFG_BROKER_SESSION_TIMEOUT_MS\n      value: \"4000\"\n", "6:15 EL2001")]
        // env as a map (chart values), and containers keyed by name (bjw-s app-template)
        [InlineData("p.yaml", "spec:\n  containers:\n  - name: z\n    image: zookeeper\n    env:\n      ZOO_TICK_TIME: 2000\n      ZOO_MAX_SESSION_TIMEOUT: \"1000\"\n", "7:33 EL1030")]
        [InlineData("values.yaml", "controllers:\n  main:\n    containers:\n      app:\n        image: {repository: bitnami/etcd}\n        env:\n          ETCD_ELECTION_TIMEOUT: 400\n", "7:34 EL1001")]
        [InlineData("values.yaml", "controllers:\n  main:\n    containers:\n      app:\n        image: {repository: bitnami/etcd}\n        env:\n          ETCD_ELECTION_TIMEOUT:\n            value: \"400\"\n", "8:21 EL1001")]
        [InlineData("values.yaml", "controllers:\n  main:\n    containers:\n      app:\n        env:\n          ETCD_ELECTION_TIMEOUT:\n            valueFrom: {secretKeyRef: {name: x, key: y}}\n", "")]
        // kube-vip: vip_* variables in whole seconds, passed to client-go
        [InlineData("kube-vip.yaml", "spec:\n  containers:\n  - name: kube-vip\n    env:\n    - name: vip_leaseduration\n      value: \"2\"\n    - name: vip_renewdeadline\n      value: \"3\"\n", "6:15 EL1010")]
        [InlineData("kube-vip.yaml", "spec:\n  containers:\n  - name: kube-vip\n    env:\n    - name: vip_leaseduration\n      value: \"5s\"\n", "6:15 EL1000")]
        [InlineData("kube-vip.yaml", "spec:\n  containers:\n  - name: kube-vip\n    env:\n    - name: vip_leaseduration\n      value: \"5\"\n    - name: vip_renewdeadline\n      value: \"3\"\n    - name: vip_retryperiod\n      value: \"1\"\n", "")]
        // Kubespray variables: one configuration per component they are passed to
        [InlineData("main.yml", "etcd_heartbeat_interval: \"250\"\netcd_election_timeout: \"1000\"\n", "2:25 EL1001")]
        [InlineData("main.yml", "kube_scheduler_leader_elect_lease_duration: 10s\nkube_scheduler_leader_elect_renew_deadline: 10s\nkube_controller_manager_leader_elect_lease_duration: 15s\n", "1:45 EL1010")]
        [InlineData("main.yml", "kube_vip_leaseduration: 5\nkube_vip_renewdeadline: 3\nkube_vip_retryperiod: 3\n", "2:25 EL1011")]
        [InlineData("main.yml", "etcd_election_timeout: \"{{ etcd_timeout }}\"\netcd_heartbeat_interval: 250\n", "")]
        // cert-manager's ControllerConfiguration: leaderElectionConfig (its own defaults are not client-go's: none assumed)
        [InlineData("config.json", "{\"leaderElectionConfig\": {\"leaseDuration\": \"30s\", \"renewDeadline\": \"40s\"}}", "1:45 EL1010")]
        [InlineData("config.json", "{\"leaderElectionConfig\": {\"leaseDuration\": \"1m15s\", \"renewDeadline\": \"40s\", \"retryPeriod\": \"15s\"}}", "")]
        // ConfigMaps holding config files (literal blocks, one-line quoted strings), positions in the outer file
        [InlineData("cm.yaml", "kind: ConfigMap\ndata:\n  zoo.cfg: |\n    tickTime=2000\n    minSessionTimeout=50000\n", "5:23 EL1030")]
        [InlineData("cm.yaml", "kind: ConfigMap\ndata:\n  etcd.conf.yml: \"heartbeat-interval: 100\\nelection-timeout: 300\\n\"\n", "3:62 EL1001")]
        [InlineData("cm.yaml", "kind: ConfigMap\ndata:\n  server.properties: |\n    broker.heartbeat.interval.ms=2000\n    broker.session.timeout.ms=3000\n", "5:31 EL2001")]
        [InlineData("cm.yaml", "kind: ConfigMap\ndata:\n  etcd.conf.yml: >\n    election-timeout: 300\n", "")]
        [InlineData("cm.yaml", "kind: ConfigMap\ndata:\n  application.yml: |\n    spring.kafka.consumer.heartbeat-interval: 1d\n", "4:47 EL1020")]
        [InlineData("cm.yaml", "kind: ConfigMap\ndata:\n  application-prod.properties: \"spring.kafka.consumer.heartbeat-interval=50s\"\n", "3:74 EL1020")]
        [InlineData("cm.yaml", "kind: ConfigMap\ndata:\n  zoo.cfg: |\n    tickTime=2000\n", "")]
        [InlineData("cm.yaml", "kind: Secret\ndata:\n  etcd.conf.yml: |\n    election-timeout: 300\n", "")]
        [InlineData("cm.yaml", "kind: ConfigMap\ndata:\n  app.json: |\n    {\"leaderElection\": {\n", "4:24 EL9001")]
        // envFrom: a ConfigMap of the same file supplies the container's variables (with a prefix); the container's env wins
        [InlineData("sts.yaml", "kind: ConfigMap\nmetadata: {name: e}\ndata:\n  ETCD_HEARTBEAT_INTERVAL: \"100\"\n  ETCD_ELECTION_TIMEOUT: \"300\"\n---\nspec:\n  containers:\n  - name: etcd\n    envFrom:\n    - configMapRef: {name: e}\n", "5:27 EL1001")]
        [InlineData("sts.yaml", "spec:\n  containers:\n  - name: etcd\n    envFrom:\n    - prefix: ETCD_\n      configMapRef: {name: e}\n---\nkind: ConfigMap\nmetadata: {name: e}\ndata:\n  ELECTION_TIMEOUT: \"300\"\n", "11:22 EL1001")]
        [InlineData("sts.yaml", "kind: ConfigMap\nmetadata: {name: e}\ndata:\n  ETCD_ELECTION_TIMEOUT: \"300\"\n---\nspec:\n  containers:\n  - name: etcd\n    envFrom:\n    - configMapRef: {name: e}\n    env:\n    - name: ETCD_ELECTION_TIMEOUT\n      value: \"1000\"\n", "")]
        [InlineData("sts.yaml", "kind: ConfigMap\nmetadata: {name: e}\ndata:\n  ETCD_ELECTION_TIMEOUT: \"300\"\n", "")]
        // ZooKeeper ensembles from the images' variables: a server list with two or more voters; unwritten limits are the image's
        [InlineData("docker-compose.yml", "services:\n  zk:\n    image: confluentinc/cp-zookeeper\n    environment:\n      ZOOKEEPER_TICK_TIME: 2000\n      ZOOKEEPER_INIT_LIMIT: 0\n      ZOOKEEPER_SERVERS: a:2888:3888;b:2888:3888;c:2888:3888\n", "6:29 EL1032")]
        [InlineData("docker-compose.yml", "services:\n  zk:\n    image: zookeeper\n    environment:\n      ZOO_TICK_TIME: 2000\n      ZOO_SYNC_LIMIT: 0\n      ZOO_SERVERS: server.1=a:2888:3888;2181 server.2=b:2888:3888;2181\n", "6:23 EL1032")]
        [InlineData("docker-compose.yml", "services:\n  zk:\n    image: zookeeper\n    environment:\n      ZOO_TICK_TIME: 2000\n      ZOO_INIT_LIMIT: 0\n      ZOO_SERVERS: server.1=a:2888:3888;2181\n", "")]
        [InlineData("docker-compose.yml", "services:\n  zk:\n    image: bitnami/zookeeper\n    environment:\n      ZOO_TICK_TIME: 2000\n      ZOO_SERVERS: a:2888:3888,b:2888:3888,c:2888:3888::observer\n", "")]
        // a chart's top-level env map
        [InlineData("values.yaml", "replicaCount: 3\nenv:\n  ZK_TICK_TIME: 0\n", "3:17 EL1031")]
        // Spring Boot: the bound Duration (bare numbers are ms), raw client properties, relaxed names, brackets; the consumer's own win
        [InlineData("application.yml", "spring:\n  kafka:\n    consumer:\n      heartbeat-interval: 10s\n      properties:\n        session.timeout.ms: 10000\n", "4:27 EL1020")]
        [InlineData("application-prod.properties", "spring.kafka.consumer.heartbeatInterval=10000\nspring.kafka.properties[session.timeout.ms]=10000\n", "1:41 EL1020")]
        [InlineData("application.yml", "spring.kafka:\n  properties:\n    session.timeout.ms: 4000\n  consumer:\n    properties:\n      session.timeout.ms: 45000\n", "")]
        [InlineData("application.yml", "spring.kafka:\n  properties:\n    session.timeout.ms: 4000\n", "3:25 EL1021")]
        [InlineData("application.yml", "spring:\n  kafka:\n    consumer:\n      heartbeat_interval: PT15S\n      properties: {session.timeout.ms: 45000}\n", "")]
        // Spring's own Duration syntax (DurationStyle): days and any-case units read, a fraction or lower-case ISO fails its binding
        [InlineData("application.yml", "spring:\n  kafka:\n    consumer:\n      heartbeat-interval: 1d\n", "4:27 EL1020")]
        [InlineData("application.yml", "spring:\n  kafka:\n    consumer:\n      heartbeat-interval: 3S\n", "")]
        [InlineData("application.yml", "spring:\n  kafka:\n    consumer:\n      heartbeat-interval: 1.5s\n", "4:27 EL1000")]
        [InlineData("application.yml", "spring:\n  kafka:\n    consumer:\n      heartbeat-interval: pt3s\n", "4:27 EL1000")]
        [InlineData("application.yml", "spring:\n  kafka:\n    consumer:\n      heartbeat-interval: PT0.5S\n", "")]
        [InlineData("config.yml", "spring:\n  kafka:\n    consumer:\n      heartbeat-interval: 10s\n", "")]
        // Confluent for Kubernetes configOverrides: key=value lines, server for the brokers, consumer for clients
        [InlineData("kafka.yaml", "kind: Kafka\nspec:\n  configOverrides:\n    server:\n      - broker.heartbeat.interval.ms=2000\n      - broker.session.timeout.ms=5000\n", "6:35 EL2001")]
        [InlineData("connect.yaml", "kind: Connect\nspec:\n  configOverrides:\n    consumer:\n      - session.timeout.ms=3000\n", "5:28 EL1021")]
        [InlineData("kafka.yaml", "kind: Kafka\nspec:\n  configOverrides:\n    server:\n      - session.timeout.ms=3000\n", "")]
        // Helm extraEnvVars: name/value lists anywhere
        [InlineData("values.yaml", "etcd:\n  extraEnvVars:\n    - name: ETCD_HEARTBEAT_INTERVAL\n      value: \"500\"\n    - name: ETCD_ELECTION_TIMEOUT\n      value: \"2000\"\n", "6:15 EL1001")]
        // kubeadm extraArgs, v1beta3 map and v1beta4 list
        [InlineData("kubeadm.yaml", "kind: ClusterConfiguration\netcd:\n  local:\n    extraArgs:\n      heartbeat-interval: \"300\"\n", "5:28 EL1001")]
        [InlineData("kubeadm.yaml", "kind: ClusterConfiguration\nscheduler:\n  extraArgs:\n  - name: leader-elect-lease-duration\n    value: 10s\n", "5:12 EL1010")]
        [InlineData("kubeadm.yaml", "kind: ClusterConfiguration\napiServer:\n  extraArgs:\n    heartbeat-interval: \"300\"\n", "")]
        // OpenShift extendedArguments: lists of values
        [InlineData("kcm.yaml", "extendedArguments:\n  leader-elect-renew-deadline: [\"12s\"]\n  leader-elect-lease-duration: [\"12s\"]\n", "3:34 EL1010")]
        // docker-compose: environment map and list, command string
        [InlineData("docker-compose.yml", "services:\n  zk:\n    image: zookeeper\n    environment:\n      ZOO_TICK_TIME: 2000\n      ZOO_MAX_SESSION_TIMEOUT: 1000\n", "6:32 EL1030")]
        [InlineData("docker-compose.yml", "services:\n  e:\n    image: bitnami/etcd\n    environment:\n      - ETCD_ELECTION_TIMEOUT=400\n", "5:31 EL1001")]
        [InlineData("docker-compose.yml", "services:\n  e:\n    image: quay.io/coreos/etcd\n    command: etcd --election-timeout 400\n", "4:38 EL1001")]
        [InlineData("docker-compose.yml", "services:\n  k:\n    image: apache/kafka\n    environment:\n      KAFKA_BROKER_SESSION_TIMEOUT_MS: 3000\n", "5:40 EL2001")]
        // Strimzi spec.kafka.config
        [InlineData("kafka.yaml", "kind: Kafka\nspec:\n  kafka:\n    config:\n      broker.session.timeout.ms: 3000\n", "5:34 EL2001")]
        // .properties and zoo.cfg
        [InlineData("server.properties", "broker.heartbeat.interval.ms=2000\nbroker.session.timeout.ms=5000\n", "2:27 EL2001")]
        [InlineData("consumer.properties", "session.timeout.ms = 3000\n", "1:22 EL1021")]
        [InlineData("zoo.cfg", "tickTime=2000\nminSessionTimeout=50000\n", "2:19 EL1030")]
        [InlineData("values.yaml", "tickTime: 2000\nimage: zk\n", "")]
        [InlineData("values.yaml", "tickTime: 2000\ninitLimit: 10\nmaxSessionTimeout: 3000\n", "3:20 EL1030")]
        // appsettings.json: DotNext members bound from configuration (keys ignore case), Orleans options
        [InlineData("appsettings.json", "{\"LowerElectionTimeout\": \"150\", \"upperElectionTimeout\": 100}", "1:57 EL1040")]
        [InlineData("appsettings.json", "{\"Orleans\": {\"ClusterMembership\": {\"NumVotesForDeathDeclaration\": 11}}}", "1:67 EL1080")]
        public void Shape_is_recognised_at_the_exact_value(string file, string text, string expected)
        {
            string[] want = expected.Length == 0 ? new string[0] : expected.Split(';');
            Assert.Equal(want, Lint.Where(Lint.Text(file, text)));
        }

        [Fact]
        public void Related_setting_is_a_second_location()
        {
            var d = Lint.Text("etcd.conf.yml", "heartbeat-interval: 100\nelection-timeout: 300\n").Single();
            var r = Assert.Single(d.Related);
            Assert.Equal("1:21-1:24", r.Span.ToString());
            Assert.Equal("related setting heartbeat-interval", r.Message);
        }

        [Fact]
        public void Flag_names_as_written_appear_in_messages()
        {
            var d = Lint.Text("d.yaml", "spec:\n  containers:\n  - name: m\n    args: [\"--leader-elect-lease-duration=10s\"]\n").Single();
            Assert.StartsWith("--leader-elect-lease-duration 10s is not greater than --leader-elect-renew-deadline 10s (default);", d.Message);
        }

        [Fact]
        public void Bindings_map_the_users_own_keys()
        {
            const string profile = "bindings:\n  - system: custom\n    yaml:\n      match: { kind: MyRaftCluster }\n      settings: { spec.raft.heartbeatMs: \"heartbeat:ms\", spec.raft.electionTimeout: electionTimeout }\n";
            const string doc = "kind: MyRaftCluster\nspec:\n  raft:\n    heartbeatMs: 100\n    electionTimeout: 300ms\n";
            Assert.Equal(new[] { "5:22 EL2001" }, Lint.Where(Lint.Text("raft.yaml", doc, profile)));
            Assert.Empty(Lint.Text("raft.yaml", doc.Replace("MyRaftCluster", "Other"), profile));
        }

        [Fact]
        public void Overrides_apply_by_path()
        {
            const string profile = "overrides:\n  - paths: [\"clusters/wan/**\"]\n    profile: { network: wan }\n";
            var doc = ElectionLint.Config.ProfileFile.ProfileLoader.Load(".electionlint.yaml", profile).Document;
            byte[] etcd = System.Text.Encoding.UTF8.GetBytes("heartbeat-interval: 100\nelection-timeout: 1000\n");
            Assert.Equal(new[] { "EL2010" }, ElectionLint.Config.Linting.ConfigLinter.Lint("e.yaml", etcd, doc, "clusters/wan/e.yaml").Diagnostics.Select(d => d.RuleId));
            Assert.Empty(ElectionLint.Config.Linting.ConfigLinter.Lint("e.yaml", etcd, doc, "clusters/lan/e.yaml").Diagnostics);
        }
    }
}

namespace ElectionLint.Config.Tests
{
    using System.Collections.Generic;
    using ElectionLint.Config.Recognition;
    using ElectionLint.Config.Recognition.Surfaces;

    public class TriggerTests
    {
        /// <summary>Each name once (surfaces share some): xUnit skips a repeated case.</summary>
        public static IEnumerable<object[]> SurfaceNames() => AllSurfaceNames().Distinct(StringComparer.Ordinal).Select(n => new object[] { n });

        private static IEnumerable<string> AllSurfaceNames()
        {
            // Block keys (leaseDuration…) count only inside a leaderElection block, group.protocol only beside session keys.
            foreach (IEnumerable<SurfaceName> names in new[] { EtcdSurface.Names, KubernetesSurface.Names, KafkaSurface.Names, ZooKeeperSurface.Names, DotNextSurface.Names })
            {
                foreach (SurfaceName n in names)
                {
                    if (n.Name != "group.protocol")
                    {
                        yield return n.Name;
                    }
                }
            }

            // ttl, failoverTimeout and retry_count count only beside a companion that is a trigger (loop_wait, downAfterMilliseconds, fault_detection).
            var servers = new[] { PatroniSurface.Names, PatroniSurface.OperatorNames, RedisSentinelSurface.Names, RedisSentinelSurface.Directives, MongoDbSurface.Names, MongoDbSurface.CatchUpNames, ElasticsearchSurface.Names, HashiCorpRaftSurface.Names };
            foreach (string name in servers.SelectMany(n => n).Select(n => n.Name).Distinct())
            {
                if (name != "ttl" && name != "failoverTimeout" && name != "syncPeriodSeconds")
                {
                    yield return name;
                }
            }

            yield return "KAFKA_CFG_BROKER_SESSION_TIMEOUT_MS";
            yield return "vip_leaseduration";
            yield return "vip_renewdeadline";
            yield return "vip_retryperiod";
            yield return "KAFKA_CONTROLLER_QUORUM_FETCH_TIMEOUT_MS";
            yield return "ClusterMembership";
            yield return "leaderElection";
            yield return "safety_margin"; // patroni.yml's watchdog.safety_margin (PatroniSurface.WatchdogNames; mode alone cannot fire)
            yield return "SessionTimeoutMs"; // KafkaSurface.ConfluentNames (GroupProtocol counts only beside them)
            yield return "HeartbeatIntervalMs";
            yield return "MaxPollIntervalMs";
        }

        /// <summary>Files without a trigger word skip recognition, so every recognised name must contain one.</summary>
        [Theory]
        [MemberData(nameof(SurfaceNames))]
        public void Every_recognised_name_contains_a_trigger_word(string name)
        {
            Assert.True(Recognizer.MayHoldSettings(name), name);
        }

        [Fact]
        public void A_repair_names_a_flag_to_add_in_the_spelling_of_the_flags_written()
        {
            // First use D17: "set --leader-elect-lease-duration to 2s, --leader-elect-renew-deadline to 1.5s and retryPeriod to 200ms".
            const string Deployment = "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: manager\n          args:\n" +
                "            - --leader-elect-lease-duration=5s\n            - --leader-elect-renew-deadline=5s\n";
            string message = Lint.Text("dep.yaml", Deployment, "profile:\n  maxFailover: 3s\n").Single(d => d.RuleId == "EL1010").Message;
            Assert.EndsWith("— set --leader-elect-lease-duration to 1s, --leader-elect-renew-deadline to 990ms and --leader-elect-retry-period to 400ms", message);
        }

        [Fact]
        public void Ordinary_manifests_have_no_trigger_word()
        {
            Assert.False(Recognizer.MayHoldSettings("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {sessionAffinity: ClientIP, ports: [{port: 80}]}\n# leader of the team\n"));
        }

        [Fact]
        public void The_anchored_scan_agrees_with_the_trigger_pattern()
        {
            // Every corpus file, and random text made of the pattern's own pieces.
            var texts = Directory.EnumerateFiles(Lint.CorpusRoot, "*", SearchOption.AllDirectories).Where(ConfigFileNames.IsConfigFile).Select(File.ReadAllText).ToList();
            string[] pieces = { "heart", "beat", "-", "_", ".", "interval", "threshold", "election", "timeout", "leader", "elect", "session", "tick", "time", "quorum", "fetch", "max", "poll", "cluster", "membership", "MAX", "TiCk", " ", "\n" };
            var random = new Random(16);
            for (int i = 0; i < 20_000; i++)
            {
                texts.Add(string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => pieces[random.Next(pieces.Length)])));
            }

            Assert.All(texts, t => Assert.Equal(Recognizer.Triggers.IsMatch(t), Recognizer.MayHoldSettings(t)));
            Assert.Contains(texts, t => Recognizer.MayHoldSettings(t));
        }
    }
}
