using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ElectionLint.Config.Documents;
using ElectionLint.Config.Linting;
using ElectionLint.Config.Recognition;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Profile;
using Xunit;

namespace ElectionLint.Config.Tests
{
    /// <summary>Patroni, Redis/Valkey Sentinel, MongoDB, Elasticsearch and the HashiCorp raft multiplier: shapes, readers, corpus.</summary>
    public class ServerSystemsTests
    {
        [Theory]
        // Patroni: bootstrap.dcs, the operator's spec.patroni, an edit-config dump; patroni.yml's own top level is ignored by Patroni
        [InlineData("patroni.yml", "scope: demo\nrestapi: {listen: ':8008'}\nbootstrap:\n  dcs:\n    ttl: 15\n    loop_wait: 1\n    retry_timeout: 3\n", "5:10 EL1090")]
        [InlineData("patroni.yml", "bootstrap:\n  dcs:\n    ttl: 30\n    loop_wait: 10\n    retry_timeout: 15\n", "4:16 EL1091")]
        [InlineData("pg.yaml", "kind: postgresql\nspec:\n  patroni:\n    loop_wait: 0\n", "4:16 EL1090")]
        [InlineData("dcs.yaml", "ttl: 30\nretry_timeout: 2\n", "2:16 EL1090")]
        [InlineData("patroni.yml", "scope: demo\nrestapi: {listen: ':8008'}\nttl: 5\nloop_wait: 0\n", "")]
        [InlineData("cache.yaml", "ttl: 5\nsize: 10\n", "")]
        // Crunchy PGO / Percona: leaderLeaseDurationSeconds and syncPeriodSeconds win over dynamicConfiguration's ttl and loop_wait
        [InlineData("pg.yaml", "kind: PostgresCluster\nspec:\n  patroni:\n    leaderLeaseDurationSeconds: 10\n    syncPeriodSeconds: 1\n    dynamicConfiguration:\n      ttl: 30\n      loop_wait: 10\n      retry_timeout: 3\n", "4:33 EL1090")]
        [InlineData("pg.yaml", "kind: PostgresCluster\nspec:\n  patroni:\n    syncPeriodSeconds: 10\n    leaderLeaseDurationSeconds: 20\n", "4:24 EL1091")]
        [InlineData("pg.yaml", "kind: PostgresCluster\nspec:\n  patroni:\n    leaderLeaseDurationSeconds: 30\n    dynamicConfiguration:\n      loop_wait: 100\n", "")]
        // Sentinel: chart values need downAfterMilliseconds; the Bitnami images' variables
        [InlineData("values.yaml", "sentinel:\n  downAfterMilliseconds: 0\n  failoverTimeout: 18000\n", "2:26 EL1092")]
        [InlineData("values.yaml", "sentinel:\n  failoverTimeout: 0\n", "")]
        [InlineData("p.yaml", "spec:\n  containers:\n  - name: s\n    env:\n    - name: VALKEY_SENTINEL_FAILOVER_TIMEOUT\n      value: \"-5\"\n", "6:15 EL1092")]
        [InlineData("p.yaml", "spec:\n  containers:\n  - name: s\n    env:\n    - name: REDIS_SENTINEL_DOWN_AFTER_MILLISECONDS\n      value: \"500\"\n", "6:15 EL2010")]
        // MongoDB: settings of a replica-set document, YAML or JSON
        [InlineData("rs.yaml", "_id: rs0\nsettings:\n  electionTimeoutMillis: 0\n", "3:26 EL1093")]
        [InlineData("rs.yaml", "_id: rs0\nsettings:\n  electionTimeoutMillis: 5000\n", "")]
        [InlineData("rs.json", "{\"settings\": {\"heartbeatTimeoutSecs\": 0}}", "1:39 EL1093")]
        // Elasticsearch: flat, nested and mixed keys, ECK nodeSets, the image's variables
        [InlineData("elasticsearch.yml", "cluster.fault_detection.leader_check.retry_count: 0\n", "1:51 EL1094")]
        [InlineData("elasticsearch.yml", "cluster:\n  fault_detection:\n    follower_check:\n      interval: 10ms\n", "4:17 EL1094")]
        [InlineData("elasticsearch.yml", "cluster.fault_detection:\n  leader_check.timeout: 1000\n", "2:25 EL1000")]
        [InlineData("es.yaml", "kind: Elasticsearch\nspec:\n  nodeSets:\n  - name: default\n    config:\n      cluster.fault_detection.leader_check.interval: 50ms\n", "6:54 EL1094")]
        [InlineData("p.yaml", "spec:\n  containers:\n  - name: es\n    env:\n    - name: cluster.fault_detection.leader_check.interval\n      value: 99ms\n", "6:14 EL1094")]
        // N15: the image's ES_SETTING_ spelling (a double underscore is an underscore), in a pod and in compose
        [InlineData("p.yaml", "spec:\n  containers:\n  - name: es\n    env:\n    - name: ES_SETTING_CLUSTER_FAULT__DETECTION_LEADER__CHECK_INTERVAL\n      value: 50ms\n", "6:14 EL1094")]
        [InlineData("compose.yaml", "services:\n  es:\n    environment:\n      ES_SETTING_CLUSTER_ELECTION_MAX__TIMEOUT: 1s\n      ES_SETTING_CLUSTER_ELECTION_INITIAL__TIMEOUT: 5s\n", "4:49 EL1094")]
        [InlineData("compose.yaml", "services:\n  es:\n    environment:\n      ES_SETTING_CLUSTER_FAULT_DETECTION_LEADER_CHECK_INTERVAL: 50ms\n", "")]
        // N8: ElectionSchedulerFactory refuses max_timeout below initial_timeout, nested or flat
        [InlineData("elasticsearch.yml", "cluster:\n  election:\n    initial_timeout: 5s\n    max_timeout: 1s\n", "4:18 EL1094")]
        [InlineData("elasticsearch.yml", "cluster.election.initial_timeout: 20s\n", "1:35 EL1094")]
        [InlineData("kubeconfig.yaml", "clusters:\n- cluster:\n    server: https://x\n    fault_detection: 1\n", "")]
        // HashiCorp: Consul performance, Nomad server, Vault storage "raft", in JSON and HCL
        [InlineData("consul.json", "{\"performance\": {\"raft_multiplier\": 0}}", "1:37 EL1095")]
        [InlineData("nomad.hcl", "server {\n  enabled = true\n  raft_multiplier = 0\n}\n", "")]
        [InlineData("nomad.hcl", "server {\n  raft_multiplier = 11\n}\n", "2:21 EL1095")]
        [InlineData("vault.hcl", "storage \"raft\" {\n  path = \"/data\"\n  performance_multiplier = 11\n}\n", "")]
        [InlineData("vault.json", "{\"storage\": {\"raft\": {\"performance_multiplier\": \"0\"}}}", "1:50 EL1095")]
        [InlineData("consul.hcl", "performance = {\n  raft_multiplier = var.m\n}\n", "")]
        [InlineData("consul.hcl", "performance {\n  raft_multiplier = 1\n}\n", "")]
        public void Shape_is_recognised_at_the_exact_value(string file, string text, string expected)
        {
            string[] want = expected.Length == 0 ? new string[0] : expected.Split(';');
            Assert.Equal(want, Lint.Where(Lint.Text(file, text, "profile:\n  rttP99: 100ms\n")));
        }

        [Fact]
        public void Sentinel_conf_is_read_per_master_as_Redis_reads_it()
        {
            const string conf = "port 26379\n# sentinel down-after-milliseconds mymaster 0\nsentinel monitor mymaster 127.0.0.1 6379 2\n" +
                "SENTINEL Down-After-Milliseconds mymaster \"0\"\nsentinel down-after-milliseconds mymaster 800\n" +
                "sentinel monitor cache 10.0.0.2 6379 2\nsentinel down-after-milliseconds cache 5000ms\nsentinel failover-timeout cache 0\n";
            // mymaster: the last of its two directives counts (800 ms, under 10 × rttP99); cache: atoi reads 5000, and 0 is refused.
            Assert.Equal(new[] { "5:43 EL2010", "8:33 EL1092" }, Lint.Where(Lint.Text("sentinel.conf", conf, "profile:\n  rttP99: 100ms\n")));
            FileResult r = ConfigLinter.Lint(new SourceText("sentinel.conf", conf), ProfileDocument.Empty, "sentinel.conf");
            Assert.Equal(new[] { "redis-sentinel", "redis-sentinel" }, r.Evaluations.Select(e => e.Instance.System.Id));
        }

        [Theory]
        [InlineData("sentinel down-after-milliseconds m 100\nsentinel failover-timeout m 180000\nsentinel down-after-milliseconds m 800\n", "3:36 EL2010")]
        [InlineData("sentinel down-after-milliseconds m 800\nsentinel failover-timeout m 180000\nsentinel down-after-milliseconds m 5000\n", "")]
        [InlineData("sentinel down-after-milliseconds m 5000\nsentinel down-after-milliseconds n 800\nsentinel down-after-milliseconds m 800\nsentinel down-after-milliseconds n 5000\n", "3:36 EL2010")]
        public void A_directive_repeated_after_others_counts_once_at_its_last_line(string conf, string expected)
        {
            Assert.Equal(expected.Length == 0 ? new string[0] : new[] { expected }, Lint.Where(Lint.Text("sentinel.conf", conf, "profile:\n  rttP99: 100ms\n")));
        }

        [Theory]
        [InlineData("sentinel monitor m 1.2.3.4 6379 2\nsentinel down-after-milliseconds m \"100\n", "2:36 EL9001 unbalanced quotes in configuration line; Redis refuses the file")]
        [InlineData("sentinel down-after-milliseconds m \"100\"x\n", "1:41 EL9001 unbalanced quotes in configuration line; Redis refuses the file")]
        [InlineData("sentinel down-after-milliseconds m '1\\'00'\n", "")]
        public void Sentinel_conf_quotes_follow_sdssplitargs(string conf, string expected)
        {
            Assert.Equal(expected.Length == 0 ? new string[0] : new[] { expected }, Lint.Problems("sentinel.conf", conf));
        }

        [Theory]
        [InlineData("performance {\n  raft_multiplier = \n}\n", "2:21 EL9001 HCL: unexpected line break")]
        [InlineData("server {\n  enabled = true\n", "3:1 EL9001 HCL: '}' expected before the end of the file")]
        [InlineData("a = \"x\n", "1:5 EL9001 HCL: string not closed on its line")]
        [InlineData("/* open\nserver {}\n", "1:1 EL9001 HCL: comment not closed")]
        [InlineData("x = 1.2.3\n", "1:5 EL9001 HCL: '1.2.3' is not a number")]
        [InlineData("acl {\n  tokens { default = \"x\" }\n}\nui_config = { enabled = true, }\nports = [8500, 8501]\n# c\n// c\n/* c */\nlog = <<EOF\ntext\nEOF\n", "")]
        public void Hcl_problems_have_a_position(string text, string expected)
        {
            Assert.Equal(expected.Length == 0 ? new string[0] : new[] { expected }, Lint.Problems("agent.hcl", text));
        }

        [Fact]
        public void Bitnami_sentinel_variables_default_to_the_images_own_values()
        {
            // N3: bitnami/containers redis-sentinel-env.sh: REDIS_SENTINEL_DOWN_AFTER_MILLISECONDS:-60000, not Sentinel's 30000.
            const string Pod = "spec:\n  containers:\n  - name: s\n    image: bitnami/redis-sentinel:8.4\n    env:\n    - name: REDIS_SENTINEL_FAILOVER_TIMEOUT\n      value: \"60000\"\n";
            LintDiagnostic d = Assert.Single(Lint.Text("p.yaml", Pod, "profile:\n  maxFailover: 40s\n"));
            Assert.Equal("EL2030", d.RuleId);
            Assert.Equal("worst-case failover window 1m4s (down-after-milliseconds + 4s + 2 × RTT, RTT unknown and counted as 0) is above maxFailover 40s — set down-after-milliseconds to 30000 ms", d.Message);
        }

        [Fact]
        public void A_repair_in_bootstrap_dcs_says_where_a_running_cluster_changes_it()
        {
            // N7: Patroni applies bootstrap.dcs only when it initialises a cluster; the operator's spec.patroni is pushed as is.
            const string Yml = "scope: demo\nrestapi: {listen: ':8008'}\nbootstrap:\n  dcs:\n    ttl: 15\n    loop_wait: 5\n    retry_timeout: 5\n";
            LintDiagnostic d = Assert.Single(Lint.Text("patroni.yml", Yml, null));
            Assert.Equal("EL1090", d.RuleId);
            Assert.EndsWith(" (for a new cluster; a running one ignores bootstrap.dcs: change it there with patronictl edit-config)", d.Message);
            const string Operator = "kind: postgresql\nspec:\n  patroni:\n    ttl: 15\n    loop_wait: 5\n    retry_timeout: 5\n";
            LintDiagnostic o = Assert.Single(Lint.Text("pg.yaml", Operator, null));
            Assert.Equal("EL1090", o.RuleId);
            Assert.DoesNotContain("patronictl", o.Message);
        }

        [Fact]
        public void A_consumer_protocol_client_is_judged_by_the_brokers_session()
        {
            // N16: under group.protocol=consumer the brokers' group.consumer.session.timeout.ms (45000) and heartbeat (5000) rule.
            var d = Lint.Text("consumer.properties", "group.protocol=consumer\nsession.timeout.ms=10000\n", "profile:\n  maxFailover: 20s\n");
            Assert.Equal(new[] { "1:16 EL2030", "2:20 EL1023" }, Lint.Where(d));
            Assert.StartsWith("worst-case failover window 50s (the brokers' group.consumer.session.timeout.ms 45000 ms + group.consumer.heartbeat.interval.ms 5000 ms, their defaults, under group.protocol=consumer; set them on the brokers) is above maxFailover 20s", d[0].Message);
        }

        [Fact]
        public void Hcl_blocks_nest_as_mappings_with_exact_spans()
        {
            ParsedFile f = HclReader.Read(new SourceText("vault.hcl", "storage \"raft\" {\n  performance_multiplier = \"3\" # fast\n}\nlistener \"tcp\" { address = \"0.0.0.0:8200\" }\n"));
            var root = (MappingNode)f.Documents.Single();
            var raft = (MappingNode)((MappingNode)root.Get("storage")!).Get("raft")!;
            var m = (ScalarNode)raft.Get("performance_multiplier")!;
            Assert.Equal("3", m.Value);
            Assert.Equal("2:29-2:30", m.Span.ToString());
            Assert.Equal("0.0.0.0:8200", ((MappingNode)((MappingNode)root.Get("listener")!).Get("tcp")!).GetText("address"));
        }

        [Fact]
        public void Hcl_reader_survives_anything()
        {
            string[] pieces = { "a", " = ", "{", "}", "[", "]", "\"", "\\", "\n", "#", "/*", "*/", "<<EOF\n", "EOF", "1", "-", ".", ",", "(", ")", "${", "storage \"raft\" " };
            var random = new Random(15);
            for (int i = 0; i < 20_000; i++)
            {
                string text = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => pieces[random.Next(pieces.Length)]));
                ParsedFile f = HclReader.Read(new SourceText("x.hcl", text));
                Assert.True(f.Documents.Count == 1, text);
            }

            Assert.Single(HclReader.Read(new SourceText("deep.hcl", "a = " + new string('[', 100_000))).Problems);
            Assert.Single(HclReader.Read(new SourceText("deep.hcl", string.Concat(Enumerable.Repeat("a { ", 100_000)))).Problems);
        }

        /// <summary>What the linter reads in the shared corpus for these systems (tests/corpus/real; MANIFEST.tsv lists them).</summary>
        [Fact]
        public void Corpus_files_of_these_systems_are_read()
        {
            string Read(string file)
            {
                string path = Path.Combine(Lint.CorpusRoot, "real", file);
                FileResult r = ConfigLinter.LintFile(path, ProfileDocument.Empty, file);
                return string.Join("; ", r.Evaluations.Where(e => e.Instance.System.Id is "patroni" or "redis-sentinel" or "mongodb-replica-set").Select(e =>
                    e.Instance.System.Id + " " + string.Join(" ", Enumerable.Range(0, e.Instance.System.Settings.Count)
                        .Select(i => e.Instance[i]).OfType<SettingOccurrence>()
                        .Select(o => $"{o.Name}={o.Raw}@{((SettingLocation)o.Location!).Value.StartLine}"))));
            }

            Assert.Equal("patroni ttl=30@54 loop_wait=10@55 retry_timeout=10@56 dcs=etcd@25", Read("zalando__patroni__postgres0.yml"));
            Assert.Equal("patroni ttl=30@54 loop_wait=10@55 retry_timeout=10@56 dcs=etcd@25", Read("zalando__patroni__postgres1.yml"));
            Assert.Equal("redis-sentinel downAfterMilliseconds=60000@1230 failoverTimeout=180000@1231", Read("bitnami__charts__bitnami__redis__values.yaml"));
            Assert.Equal("redis-sentinel downAfterMilliseconds=60000@1217 failoverTimeout=180000@1218", Read("bitnami__charts__bitnami__valkey__values.yaml"));
            // The MongoDB chart names the settings only in a comment; the Patroni compose file sets none.
            Assert.Equal(string.Empty, Read("bitnami__charts__bitnami__mongodb__values.yaml"));
            Assert.Equal(string.Empty, Read("zalando__patroni__docker-compose.yml"));
        }
    }
}
