using System.Linq;
using ElectionLint.Config.Linting;
using ElectionLint.Rules.Catalogue;
using Xunit;

namespace ElectionLint.Config.Tests
{
    /// <summary>
    /// Each system as its code behaves at the boundary (the review's D1–D22 and the false alarms found on real shapes):
    /// the rule and the exact line:column, or silence.
    /// </summary>
    public class CodeBehaviourTests
    {
        private const string EtcdPod = "spec:\n  containers:\n  - name: etcd\n";

        [Theory]
        // D1: a flag and its ETCD_* variable together: pkg/flags verifyEnv → lg.Fatal, even for an empty variable.
        [InlineData("p.yaml", EtcdPod + "    env:\n    - name: ETCD_ELECTION_TIMEOUT\n      value: \"1000\"\n    command: [etcd, --election-timeout=1000]\n", "5:13 EL1004")]
        [InlineData("p.yaml", EtcdPod + "    env:\n    - name: ETCD_ELECTION_TIMEOUT\n      value: \"\"\n    command: [etcd, --election-timeout=1000]\n", "5:13 EL1004")]
        [InlineData("p.yaml", EtcdPod + "    env:\n    - name: ETCD_HEARTBEAT_INTERVAL\n      value: \"100\"\n    command: [etcd, --election-timeout=1000]\n", "")]
        // D2: --config-file / ETCD_CONFIG_FILE: etcd ignores every other flag and variable (configFromFile).
        [InlineData("p.yaml", EtcdPod + "    command: [etcd, --config-file=/etc/etcd.yml, --election-timeout=300]\n", "")]
        [InlineData("p.yaml", EtcdPod + "    env:\n    - name: ETCD_CONFIG_FILE\n      value: /etc/etcd.yml\n    - name: ETCD_ELECTION_TIMEOUT\n      value: \"300\"\n", "")]
        // D3: an empty variable is skipped (setFlagFromEnv: val != ""): the default applies.
        [InlineData("p.yaml", EtcdPod + "    env:\n    - name: ETCD_ELECTION_TIMEOUT\n      value: \"\"\n", "")]
        // D4: flags are strconv.ParseUint(s, 0, 64): hex and underscores are valid, a leading 0 is octal.
        [InlineData("p.yaml", EtcdPod + "    command: [etcd, --heartbeat-interval=0x64, --election-timeout=1_000]\n", "")]
        [InlineData("p.yaml", EtcdPod + "    command: [etcd, --heartbeat-interval=100, --election-timeout=0600]\n", "4:66 EL1001")]
        [InlineData("p.yaml", EtcdPod + "    command: [etcd, --election-timeout=1_0_]\n", "4:40 EL1000")]
        [InlineData("p.yaml", EtcdPod + "    command: [etcd, --election-timeout=+1000]\n", "4:40 EL1000")]
        // etcd reads its keys only at the top of its own config file: Spring's heartbeat-interval is Kafka's.
        [InlineData("application.yml", "spring:\n  kafka:\n    consumer:\n      heartbeat-interval: 3s\n", "")]
        [InlineData("values.yaml", "cluster:\n  election-timeout: 300\n  heartbeat-interval: 100\n", "")]
        public void Etcd_surfaces_follow_the_code(string file, string text, string expected) => Check(file, text, expected);

        private const string Scheduler = "apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nleaderElection:\n";
        private const string Csi = "spec:\n  containers:\n  - name: csi-provisioner\n    image: registry.k8s.io/sig-storage/csi-provisioner:v5.1.0\n";
        private const string Kueue = "apiVersion: config.kueue.x-k8s.io/v1beta1\nkind: Configuration\nleaderElection:\n";
        private const string CertManager = "spec:\n  containers:\n  - name: cert-manager-controller\n    image: quay.io/jetstack/cert-manager-controller:v1.16.1\n";

        [Theory]
        // D5: a component config replaces a zero duration by the default before validation.
        [InlineData("s.yaml", Scheduler + "  leaseDuration: 0s\n  renewDeadline: 0s\n  retryPeriod: 0s\n", "")]
        [InlineData("s.yaml", Scheduler + "  leaseDuration: 0s\n  renewDeadline: 20s\n", "5:18 EL1010")]
        // D6: a YAML number is not a metav1.Duration string: the file fails to decode.
        [InlineData("s.yaml", Scheduler + "  leaseDuration: 0\n", "4:18 EL1000")]
        // A component config defaults the block as client-go does; a chart's values block belongs to an unknown program.
        [InlineData("s.yaml", Scheduler + "  leaseDuration: 10s\n", "4:18 EL1010")]
        [InlineData("m.yaml", "apiVersion: controller-runtime.sigs.k8s.io/v1alpha1\nkind: ControllerManagerConfig\nleaderElection:\n  leaseDuration: 10s\n", "4:18 EL1010")]
        [InlineData("values.yaml", "leaderElection:\n  leaseDuration: 10s\n", "")]
        // Elsewhere (a chart's values, client-go flags) a zero duration is refused as it is.
        [InlineData("values.yaml", "leaderElection:\n  retryPeriod: 0s\n", "2:16 EL1012")]
        // D7: --leader-election-* flags carry their program's defaults: cert-manager's are 60s/40s/15s.
        // (20s against the default 15s retry: accepted, 2 renewal attempts: info)
        [InlineData("cm.yaml", CertManager + "    args: [--leader-election-renew-deadline=20s]\n", "5:45 EL2001")]
        [InlineData("cm.yaml", CertManager + "    args: [--leader-election-renew-deadline=31s]\n", "")]
        [InlineData("cm.yaml", CertManager + "    args: [--leader-election-renew-deadline=45s]\n", "")]
        [InlineData("cm.yaml", CertManager + "    args: [--leader-election-lease-duration=30s]\n", "5:45 EL1010")]
        // The CSI sidecars' are csi-lib-utils' 15s/10s/5s (standardflags/flags.go): a lone value is judged against them.
        [InlineData("csi.yaml", Csi + "    args: [--leader-election-lease-duration=3s]\n", "5:45 EL1010")]
        [InlineData("csi.yaml", Csi + "    args: [--leader-election-retry-period=9s]\n", "5:43 EL1011")]
        [InlineData("csi.yaml", Csi + "    args: [--leader-election-renew-deadline=11s]\n", "")]
        // 120s/60s/30s: accepted; only 2 renewal attempts before the leader gives up, said as info.
        [InlineData("csi.yaml", Csi + "    args: [--leader-election-lease-duration=120s, --leader-election-renew-deadline=60s, --leader-election-retry-period=30s]\n", "5:84 EL2001")]
        // kueue (config.kueue.x-k8s.io): a zero metav1.Duration is skipped and defaulted (pkg/config/config.go), 15s/10s/2s.
        [InlineData("k.yaml", Kueue + "  retryPeriod: 0s\n", "")]
        [InlineData("k.yaml", Kueue + "  retryPeriod: 9s\n", "4:16 EL1011")]
        [InlineData("k.yaml", "apiVersion: controller-runtime.sigs.k8s.io/v1alpha1\nkind: ControllerManagerConfig\nleaderElection:\n  leaseDuration: 0s\n  renewDeadline: 20s\n", "5:18 EL1010")]
        // ...and another program's are unknown: nothing that depends on them is judged.
        [InlineData("ed.yaml", "spec:\n  containers:\n  - name: external-dns\n    image: registry.k8s.io/external-dns/external-dns:v0.14.0\n    args: [--leader-election-renew-deadline=20s]\n", "")]
        public void Kubernetes_surfaces_follow_the_code(string file, string text, string expected) => Check(file, text, expected);

        private const string Kraft = "services:\n  controller:\n    image: apache/kafka:3.9.0\n    environment:\n      KAFKA_PROCESS_ROLES: controller\n      KAFKA_BROKER_SESSION_TIMEOUT_MS: 4000\n  broker:\n    image: apache/kafka:3.9.0\n    environment:\n      KAFKA_PROCESS_ROLES: broker\n";

        [Theory]
        // The controllers' broker.session.timeout.ms fences the brokers that heartbeat at their own interval: one pair.
        [InlineData("docker-compose.yml", Kraft + "      KAFKA_BROKER_HEARTBEAT_INTERVAL_MS: 1000\n", "")]
        [InlineData("docker-compose.yml", Kraft + "      KAFKA_BROKER_HEARTBEAT_INTERVAL_MS: 2000\n", "6:40 EL2001")]
        // Alone, a controller's session is judged with the brokers' default heartbeat (2000 ms).
        [InlineData("docker-compose.yml", "services:\n  controller:\n    image: apache/kafka:3.9.0\n    environment:\n      KAFKA_BROKER_SESSION_TIMEOUT_MS: 4000\n", "5:40 EL2001")]
        public void Kraft_roles_are_judged_as_the_cluster_sees_them(string file, string text, string expected) => Check(file, text, expected);

        private const string Servers = "server.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n";

        [Theory]
        // D16: an ensemble's own failover: syncLimit × tickTime; initLimit and syncLimit are required in an ensemble.
        [InlineData("zoo.cfg", "tickTime=2000\ninitLimit=10\nsyncLimit=5\n" + Servers, "", "")]
        [InlineData("zoo.cfg", "tickTime=2000\ninitLimit=10\n" + Servers, "", "3:1 EL1032")]
        [InlineData("zoo.cfg", "tickTime=2000\ninitLimit=10\nsyncLimit=0\n", "", "")]
        [InlineData("zoo.cfg", "tickTime=2000\ninitLimit=10\nsyncLimit=5\n" + Servers, "profile:\n  maxFailover: 5s\n", "1:10 EL2030")]
        [InlineData("zoo.cfg", "tickTime=2000\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888:observer\n", "profile:\n  maxFailover: 5s\n", "")]
        public void ZooKeeper_ensembles_are_judged_by_their_sync_window(string file, string text, string profile, string expected)
        {
            string[] want = expected.Length == 0 ? new string[0] : expected.Split(';');
            Assert.Equal(want, Lint.Where(Lint.Text(file, text, profile.Length == 0 ? null : profile)));
        }

        [Theory]
        // Review "quiet wrongs": a real syntax error stays an error when "{{" stands only in a comment or after it.
        [InlineData("a.yaml", "# rendered by {{ .Release.Name }}\na: [1, 2\nb: 3\n", "EL9001")]
        [InlineData("a.yaml", "a: [1, 2\nb: 3\nc: {{ .Values.c }}\n", "EL9001")]
        [InlineData("a.yaml", "a: {{ .Values.a }}\nb: [1, 2\n", "EL9004")]
        [InlineData("a.properties", "! generated {{ x }}\na=1\na=2\n", "EL9001")]
        // First use D15: a file named on the command line that is no config file by its name and does not parse is an info.
        [InlineData("README.md", "a: {{ .Values.a }}\nb: [1, 2\n", "EL9004")]
        [InlineData("README.md", "# Heartbeats\n\n`a: b` and c: d\n", "EL9004")]
        [InlineData("etcd.conf", "heartbeat-interval: 100\nelection-timeout: 300\n", "EL1001")]
        [InlineData("_helpers.tpl", "a: {{ .Values.a }}\nb: [1, 2\n", "EL9004")]
        public void Template_skips_need_a_template_before_the_problem(string file, string text, string expected)
        {
            // A timing word, so that the file is parsed.
            Assert.Equal(expected, Lint.Text(file, text + "# election-timeout below\n").First().RuleId);
        }

        [Theory]
        // Performance review: 35 of 5,977 files can hold a setting; the others are checked for encoding and suppressions only.
        [InlineData("a.yaml", "a: [1, 2\nb: 3\n", "")]
        [InlineData("a.yaml", "a: 1\na: 2\n", "")]
        [InlineData("a.json", "{\"a\": }", "")]
        [InlineData("a.yaml", "a: [1, 2\n# heartbeat-interval\n", "3:1 EL9001")]
        [InlineData("a.json", "{\"SessionTimeout\": }", "1:20 EL9001")]
        [InlineData("a.yaml", "a: 1 # electionlint-disable-line EL9999\n", "1:34 EL9003")]
        public void Files_that_cannot_hold_a_setting_are_not_parsed(string file, string text, string expected)
        {
            Check(file, text, expected);
        }

        private static void Check(string file, string text, string expected)
        {
            string[] want = expected.Length == 0 ? new string[0] : expected.Split(';');
            Assert.Equal(want, Lint.Where(Lint.Text(file, text)));
        }

        [Theory]
        // hashicorp/hcl v1 lex.go lexMode: a .hcl file whose first non-space character is '{' is JSON.
        [InlineData("consul.hcl", "{\n  \"server\": true,\n  \"performance\": {\"raft_multiplier\": 12}\n}\n", "3:38 EL1095")]
        // Patroni int(): a YAML 30.7 runs as 30.
        [InlineData("patroni.yml", "bootstrap:\n  dcs:\n    ttl: 30.7\n    loop_wait: 10\n", "")]
        [InlineData("patroni.yml", "bootstrap:\n  dcs:\n    ttl: 30.7\n    loop_wait: 29.9\n    retry_timeout: 10\n", "4:16 EL1091")]
        // MongoDB smallExactInt64: whole doubles and 64-bit values run; 2500.5 is refused.
        [InlineData("rs-config.json", "{\"_id\": \"rs0\", \"settings\": {\"electionTimeoutMillis\": 2000.0, \"heartbeatIntervalMillis\": 3000000000}}\n", "")]
        [InlineData("rs-config.json", "{\"_id\": \"rs0\", \"settings\": {\"electionTimeoutMillis\": 2500.5}}\n", "1:54 EL1000")]
        // glibc atoi wraps: 4294972296 runs as 5000; 3000000000 as a negative number, refused.
        [InlineData("sentinel.conf", "sentinel monitor m 10.0.0.1 6379 2\nsentinel down-after-milliseconds m 4294972296\n", "")]
        [InlineData("sentinel.conf", "sentinel monitor m 10.0.0.1 6379 2\nsentinel down-after-milliseconds m 3000000000\n", "2:36 EL1092")]
        public void Values_are_read_as_each_system_reads_them(string file, string text, string expected) => Check(file, text, expected);

        [Fact]
        public void Orleans_refuses_a_probe_timeout_with_liveness_off()
        {
            // N5: dotnet/orleans@e558829b SiloClusteringValidator.cs:55-58 refuses ProbeTimeout <= 0 before `if (LivenessEnabled)` (:105).
            LintDiagnostic d = Assert.Single(Lint.Text("appsettings.json", "{\"ClusterMembership\": {\"ProbeTimeout\": \"00:00:00\", \"LivenessEnabled\": false}}"));
            Assert.Equal(("EL1080", RuleSeverity.Error, "1:41", "ProbeTimeout TimeSpan.Zero must be greater than 0 and at most 4294967294 ms; Orleans refuses to start the silo (OrleansConfigurationException) — set ProbeTimeout to TimeSpan.FromSeconds(5)"),
                (d.RuleId, d.Severity, $"{d.Span.StartLine}:{d.Span.StartColumn}", d.Message));
            // The votes are checked only inside that block (:107-115).
            Assert.Empty(Lint.Text("appsettings.json", "{\"ClusterMembership\": {\"NumVotesForDeathDeclaration\": 0, \"LivenessEnabled\": false}}"));
        }

        [Fact]
        public void MongoDB_refuses_a_catch_up_timeout_below_minus_one()
        {
            // N10: mongodb/mongo@09ecabb7 repl_set_config.idl:105-112 catchUpTimeoutMillis validator { gte: -1 }.
            LintDiagnostic d = Assert.Single(Lint.Text("rs.json", "{\"settings\": {\"catchUpTimeoutMillis\": -2}}"));
            Assert.Equal(("EL1093", RuleSeverity.Error, "1:39", "catchUpTimeoutMillis -2 ms must be at least -1 ms; MongoDB rejects the replica-set configuration (repl_set_config.idl: gte: -1) — set catchUpTimeoutMillis to -1 (no limit, the default), 0 (no catch-up) or a limit in milliseconds"),
                (d.RuleId, d.Severity, $"{d.Span.StartLine}:{d.Span.StartColumn}", d.Message));
            // -1 (no limit) and the takeover delay's -1 (no takeover) are accepted, in YAML too; -5 is not.
            Assert.Empty(Lint.Text("rs.yaml", "_id: rs0\nsettings:\n  catchUpTimeoutMillis: -1\n  catchUpTakeoverDelayMillis: -1\n"));
            Assert.Equal(new[] { "4:31 EL1093" }, Lint.Where(Lint.Text("rs.yaml", "_id: rs0\nsettings:\n  electionTimeoutMillis: 5000\n  catchUpTakeoverDelayMillis: -5\n")));
        }

        [Theory]
        // N14: patroni.yml's local watchdog section (config.py _build_effective_configuration keeps it local) with the file's
        // bootstrap.dcs ttl and loop_wait, or Patroni's defaults when bootstrap.dcs has none (watchdog/base.py @ a4a6dc02).
        [InlineData("scope: demo\nrestapi:\n  listen: 0.0.0.0:8008\nwatchdog:\n  mode: required\n  safety_margin: 25\nbootstrap:\n  dcs:\n    ttl: 30\n    loop_wait: 10\n    retry_timeout: 10\n", "6:18 EL1096 error")]
        [InlineData("scope: demo\nwatchdog:\n  safety_margin: 21\nbootstrap:\n  dcs:\n    postgresql:\n      use_pg_rewind: true\n", "3:18 EL1096 warning")]
        [InlineData("scope: demo\nwatchdog:\n  mode: off\n  safety_margin: 25\nbootstrap:\n  dcs:\n    loop_wait: 10\n", "")]
        [InlineData("scope: demo\nwatchdog:\n  mode: required\n  safety_margin: 5\nbootstrap:\n  dcs:\n    ttl: 30\n    loop_wait: 10\n", "")]
        // A watchdog block without bootstrap.dcs: the cluster's ttl is in the DCS, not in this file.
        [InlineData("scope: demo\nwatchdog:\n  mode: required\n  safety_margin: 25\n", "")]
        public void Patroni_watchdog_is_read_beside_bootstrap_dcs(string text, string expected)
        {
            Assert.Equal(expected.Length == 0 ? new string[0] : new[] { expected },
                Lint.Text("patroni.yml", text).Select(d => $"{d.Span.StartLine}:{d.Span.StartColumn} {d.RuleId} {RuleSeverityText.Name(d.Severity)}"));
        }

        [Theory]
        // #23: a RedisFailover's customConfig lines are sent as SENTINEL SET mymaster <parameter> <value> (spotahome/redis-operator
        // @ 632aa3da service/redis/client.go), a whole number only (sentinel.c getLongLongFromObject); a directive left out
        // keeps the generated sentinel.conf's (service/generator.go: down-after 1000, failover-timeout 3000).
        [InlineData("      - \"down-after-milliseconds 2000\"\n      - \"failover-timeout 500\"\n", "8:27 EL1098 — set failover-timeout to 3000 ms")]
        [InlineData("      - \"down-after-milliseconds 5s\"\n", "7:34 EL1000 down-after-milliseconds value '5s' cannot be parsed by Redis Sentinel: \"5s\" is not an integer")]
        [InlineData("      - \"down-after-milliseconds 2000\"\n      - \"parallel-syncs 2\"\n", "")]
        public void A_redis_failover_custom_config_is_read_as_sentinel_set(string lines, string expected)
        {
            string text = "apiVersion: databases.spotahome.com/v1\nkind: RedisFailover\nspec:\n  sentinel:\n    replicas: 3\n    customConfig:\n" + lines;
            Assert.Equal(expected.Length == 0 ? new string[0] : new[] { expected },
                Lint.Text("rf.yaml", text).Select(d => $"{d.Span.StartLine}:{d.Span.StartColumn} {d.RuleId} " + (d.RuleId == "EL1000" ? d.Message : "— " + d.Message.Split(" — ")[1])));
        }

        [Theory]
        // #23: a Confluent.Kafka ConsumerConfig bound from appsettings.json (keys ignore case) is read as librdkafka reads it:
        // 3000 is under the broker's group.min.session.timeout.ms 6000 (EL1021), max.poll 10000 < session (EL1022); a section
        // without GroupId or BootstrapServers is not known to be Kafka's.
        [InlineData("{\"Kafka\": {\"Consumer\": {\"BootstrapServers\": \"k:9092\", \"GroupId\": \"g\", \"SessionTimeoutMs\": 3000}}}", "1:91 EL1021")]
        [InlineData("{\"Kafka\": {\"groupId\": \"g\", \"sessionTimeoutMs\": \"45000\", \"maxPollIntervalMs\": 10000}}", "1:78 EL1022")]
        [InlineData("{\"Kafka\": {\"GroupId\": \"g\", \"GroupProtocol\": \"Consumer\", \"SessionTimeoutMs\": 45000}}", "1:77 EL1023")]
        [InlineData("{\"Cache\": {\"SessionTimeoutMs\": 3000, \"MaxPollIntervalMs\": 10}}", "")]
        public void Confluent_consumer_config_in_appsettings_is_read_as_librdkafka_reads_it(string json, string expected)
        {
            Assert.Equal(expected.Length == 0 ? new string[0] : new[] { expected },
                Lint.Text("appsettings.json", json).Select(d => $"{d.Span.StartLine}:{d.Span.StartColumn} {d.RuleId}"));
        }

        [Theory]
        // N14: patroni.yml's DCS section sets the window (dcs/__init__.py @ a4a6dc02 get_dcs takes the first module, in sorted
        // order, named in the configuration): ttl + 2 s with Consul, ttl + 2.5 s with etcd3, ttl + 5 s with ZooKeeper, the
        // Kubernetes loop (ttl + loop_wait + 1.5 s) otherwise. maxFailover 33s lets only the first two through.
        [InlineData("consul:\n  host: c:8500\n", "")]
        [InlineData("etcd3:\n  hosts: e:2379\n", "")]
        [InlineData("consul:\n  host: c:8500\nzookeeper:\n  hosts: [z:2181]\n", "")]
        [InlineData("zookeeper:\n  hosts: [z:2181]\n", "8:10 EL2030 worst-case failover window 35s (ttl + 5s + 2 × RTT, RTT unknown and counted as 0) is above maxFailover 33s")]
        [InlineData("kubernetes:\n  namespace: db\n", "8:10 EL2030 worst-case failover window 41.5s (ttl + loop_wait + 1.5s + 2 × RTT, RTT unknown and counted as 0) is above maxFailover 33s")]
        [InlineData("etcd3: hosts\n", "7:10 EL2030 worst-case failover window 41.5s (ttl + loop_wait + 1.5s + 2 × RTT, RTT unknown and counted as 0) is above maxFailover 33s")]
        public void Patroni_window_is_the_one_of_the_dcs_patroni_yml_names(string dcs, string expected)
        {
            string text = "scope: demo\nrestapi:\n  listen: 0.0.0.0:8008\n" + dcs + "bootstrap:\n  dcs:\n    ttl: 30\n    loop_wait: 10\n    retry_timeout: 10\n";
            Assert.Equal(expected.Length == 0 ? new string[0] : new[] { expected },
                Lint.Text("patroni.yml", text, "profile:\n  maxFailover: 33s\n").Select(d => $"{d.Span.StartLine}:{d.Span.StartColumn} {d.RuleId} {d.Message.Split(" — ")[0]}"));
        }

        [Fact]
        public void A_duplicate_key_says_what_that_files_reader_does()
        {
            // PyYAML (Patroni) keeps the last value: a warning; a Kubernetes manifest is refused by Go's decoder: an error.
            LintDiagnostic py = Assert.Single(Lint.Text("patroni.yml", "bootstrap:\n  dcs:\n    loop_wait: 10\npostgresql:\n  listen: a\n  listen: b\n"));
            Assert.Equal((RuleSeverity.Warning, "6:3", "duplicate key 'listen' (first defined on line 5); PyYAML (Patroni, Ansible) keeps the last value, so the earlier one has no effect"),
                (py.Severity, $"{py.Span.StartLine}:{py.Span.StartColumn}", py.Message));
            LintDiagnostic go = Assert.Single(Lint.Text("config.yaml", "apiVersion: kubescheduler.config.k8s.io/v1\nleaderElection:\n  leaseDuration: 15s\n  leaseDuration: 20s\n"));
            Assert.Equal(RuleSeverity.Error, go.Severity);
            Assert.EndsWith("Go's YAML decoders (Kubernetes, etcd) reject the file", go.Message);
        }
    }
}
