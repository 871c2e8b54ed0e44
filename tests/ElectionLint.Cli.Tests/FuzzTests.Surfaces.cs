using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ElectionLint.Config.Linting;
using ElectionLint.Config.ProfileFile;
using ElectionLint.Rules.Profile;
using ElectionLint.Testing;
using Xunit;
using Xunit.Abstractions;

namespace ElectionLint.Cli.Tests
{
    /// <summary>
    /// The surfaces added since the first review (review-2026-12 §3): each surface's own files mutated, charts and roles with
    /// their templates, ConfigMaps embedding other formats, baselines and standard input; the review's reproducers are
    /// among the seeds. Each test prints how many inputs it tried per surface (tests/fuzz/run.sh shows them).
    /// </summary>
    public partial class FuzzTests
    {
        private readonly ITestOutputHelper _output;

        public FuzzTests(ITestOutputHelper output) => _output = output;

        /// <summary>Seeds per surface: (surface, file name, text). The name picks the reader.</summary>
        private static readonly (string Surface, string Name, string Text)[] SurfaceSeeds =
        {
            ("hcl", "consul.hcl", "performance {\n  raft_multiplier = 11\n}\nserver = true\n"),
            ("hcl", "nomad.hcl", "server {\n  enabled = true\n  raft_multiplier = 0\n}\n"),
            ("hcl", "vault.hcl", "storage \"raft\" {\n  path = \"/data\"\n  performance_multiplier = 11\n}\n/* c */ listener \"tcp\" { address = \"0.0.0.0:8200\" }\n"),
            ("sentinel.conf", "sentinel.conf", "port 26379\nsentinel monitor mymaster 127.0.0.1 6379 2\nSENTINEL Down-After-Milliseconds mymaster \"0\"\nsentinel down-after-milliseconds mymaster 800\nsentinel failover-timeout cache 0\n"),
            ("sentinel.conf", "valkey-sentinel.conf", "sentinel monitor m 10.0.0.2 6379 2\nsentinel down-after-milliseconds m 5000ms\nsentinel failover-timeout m 'x y'\n"),
            ("spring", "application.yml", "spring:\n  kafka:\n    consumer:\n      heartbeat-interval: 10s\n      properties:\n        session.timeout.ms: 10000\n"),
            ("spring", "application-prod.properties", "spring.kafka.consumer.heartbeat-interval=PT15S\nspring.kafka.properties.session.timeout.ms=4000\n"),
            ("configmap", "cm.yaml", "kind: ConfigMap\ndata:\n  etcd.conf.yml: |\n    heartbeat-interval: 100\n    election-timeout: 300\n  zoo.cfg: \"tickTime=2000\\nminSessionTimeout=100\\n\"\n"),
            ("configmap", "cm2.yaml", "kind: ConfigMap\ndata:\n  application.yml: >-\n    spring.kafka.properties.session.timeout.ms: 4000\n  sentinel.conf: |\n    sentinel down-after-milliseconds m 0\n"),
            ("elasticsearch", "elasticsearch.yml", "cluster.fault_detection.leader_check.retry_count: 0\ncluster:\n  fault_detection:\n    follower_check:\n      interval: 10ms\n"),
            ("elasticsearch", "es.yaml", "kind: Elasticsearch\nspec:\n  nodeSets:\n  - name: default\n    config:\n      cluster.fault_detection.leader_check.interval: 50ms\n"),
            ("mongodb", "rs.yaml", "_id: rs0\nsettings:\n  electionTimeoutMillis: 2000\n  heartbeatIntervalMillis: 2000\n"),
            ("mongodb", "rs.json", "{\"_id\": \"rs0\", \"settings\": {\"heartbeatTimeoutSecs\": 0, \"electionTimeoutMillis\": 10000}}"),
            ("patroni", "patroni.yml", "scope: demo\nrestapi: {listen: ':8008'}\nbootstrap:\n  dcs:\n    ttl: 15\n    loop_wait: 1\n    retry_timeout: 3\n"),
            ("patroni", "pg.yaml", "kind: PostgresCluster\nspec:\n  patroni:\n    leaderLeaseDurationSeconds: 10\n    syncPeriodSeconds: 1\n    dynamicConfiguration:\n      ttl: 30\n"),
        };

        /// <summary>The review's reproducers, kept under Regression/, as seeds of their surfaces.</summary>
        private static IEnumerable<(string Surface, string Name, string Text)> Reproducers() =>
            new[] { ("spring", "N1-spring-alias-bomb/application.yml"), ("elasticsearch", "N2-elasticsearch-alias-dupkeys/elasticsearch.yml"), ("configmap", "N4-configmap-tab/cm.yaml"), ("elasticsearch", "N5-elasticsearch-overflow/elasticsearch.yml") }
                .Select(r => (r.Item1, Path.GetFileName(r.Item2), File.ReadAllText(RobustnessTests.Case(r.Item2))));

        private void Report(string test, Dictionary<string, int> tried) =>
            _output.WriteLine($"fuzz: {test}: " + string.Join(", ", tried.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} {t.Value} inputs")));

        [Fact]
        [Trait("Category", "Fuzz")]
        public void Mutated_files_of_the_new_surfaces_get_findings_or_clear_problems_within_bounds()
        {
            var seeds = SurfaceSeeds.Concat(Reproducers()).ToList();
            var mutator = new Mutator(seeds.Select(s => Encoding.UTF8.GetBytes(s.Text)).ToList(), Seed);
            var tried = new Dictionary<string, int>();
            var failures = new List<string>();
            int inputs = Budget(60) * SurfaceSeeds.Select(s => s.Surface).Distinct().Count();
            for (int i = 0; i < inputs && failures.Count < 10; i++)
            {
                (int s, byte[] bytes) = mutator.Next();
                (string surface, string name, _) = seeds[s];
                tried[surface] = tried.TryGetValue(surface, out int n) ? n + 1 : 1;
                Current("surface-" + name, bytes);
                string problem = LintOne("/fuzz/" + i + "/" + name, bytes, ProfileDocument.Empty, out _);
                if (problem.Length > 0)
                {
                    failures.Add(Save("surface", i, name, bytes, problem));
                }
            }

            Report("files", tried);
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        [Fact]
        [Trait("Category", "Fuzz")]
        public void Mutated_charts_and_roles_are_linted_through_their_templates_within_bounds()
        {
            // A chart: values and a template that passes them on; a role: defaults and a .j2 template. Both mutated.
            var parts = new (string Surface, string Values, string ValuesText, string Template, string TemplateText)[]
            {
                ("chart", "chart/values.yaml", "leaderElection:\n  lease: 10s\n  renew: 10s\ntickTime: 0\n",
                    "chart/templates/d.yaml", "spec:\n  containers:\n  - name: m\n    args:\n    - --leader-elect-lease-duration={{ .Values.leaderElection.lease }}\n    - --leader-elect-renew-deadline={{ .Values.leaderElection.renew | quote }}\n    env:\n    - name: ZOO_TICK_TIME\n      value: {{ .Values.tickTime | quote }}\n"),
                ("ansible", "roles/etcd/defaults/main.yml", "election_ms: 300\nheartbeat_ms: 100\n",
                    "roles/etcd/templates/etcd.env.j2", "ETCD_ELECTION_TIMEOUT={{ election_ms }}\nETCD_HEARTBEAT_INTERVAL={{ heartbeat_ms }}\n"),
            };
            var mutator = new Mutator(parts.SelectMany(p => new[] { Encoding.UTF8.GetBytes(p.ValuesText), Encoding.UTF8.GetBytes(p.TemplateText) }).ToList(), Seed);
            var tried = new Dictionary<string, int>();
            var failures = new List<string>();
            string dir = Cli.Scratch(("chart/Chart.yaml", "apiVersion: v2\nname: demo\n"));
            try
            {
                for (int i = 0; i < Budget(60) * parts.Length && failures.Count < 10; i++)
                {
                    (int s, byte[] bytes) = mutator.Next();
                    var part = parts[s / 2];
                    tried[part.Surface] = tried.TryGetValue(part.Surface, out int n) ? n + 1 : 1;
                    // The mutant replaces the values or the template; the other keeps its seed.
                    byte[] values = s % 2 == 0 ? bytes : Encoding.UTF8.GetBytes(part.ValuesText);
                    byte[] template = s % 2 == 1 ? bytes : Encoding.UTF8.GetBytes(part.TemplateText);
                    string valuesPath = Path.Combine(dir, part.Values);
                    Directory.CreateDirectory(Path.GetDirectoryName(valuesPath)!);
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, part.Template))!);
                    File.WriteAllBytes(valuesPath, values);
                    File.WriteAllBytes(Path.Combine(dir, part.Template), template);
                    Current(part.Surface, bytes);
                    try
                    {
                        FileResult r = ConfigLinter.LintFile(valuesPath, ProfileDocument.Empty, part.Values);
                        if (r.Diagnostics.Any(d => d.Message.StartsWith("file skipped: ElectionLint could not lint it", StringComparison.Ordinal)))
                        {
                            failures.Add(Save(part.Surface, i, Path.GetFileName(s % 2 == 0 ? part.Values : part.Template), bytes, r.Diagnostics.First(d => d.RuleId == "EL9004").Message));
                        }
                    }
                    catch (Exception e)
                    {
                        failures.Add(Save(part.Surface, i, Path.GetFileName(s % 2 == 0 ? part.Values : part.Template), bytes, e.ToString()));
                    }
                }
            }
            finally
            {
                Directory.Delete(dir, true);
            }

            Report("charts and roles", tried);
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        [Fact]
        [Trait("Category", "Fuzz")]
        public void Mutated_baselines_and_standard_input_exit_0_1_or_2_with_a_message()
        {
            string dir = Cli.Scratch(("etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 300\n"), ("zoo.cfg", "tickTime=2000\nminSessionTimeout=100\n"));
            var tried = new Dictionary<string, int>();
            var failures = new List<string>();
            try
            {
                Assert.Equal(0, Cli.RunIn(dir, "lint", ".", "--write-baseline", "base.json").Code);
                byte[] baseline = File.ReadAllBytes(Path.Combine(dir, "base.json"));
                string[] names = { "etcd.yaml", "zoo.cfg", "application.yml", "sentinel.conf", "consul.hcl", "elasticsearch.yml", "values.yaml", "rs.json", "a/../x.yaml", "ü.yaml" };
                var baselines = new Mutator(new[] { baseline }, Seed);
                var inputs = new Mutator(SurfaceSeeds.Select(s => Encoding.UTF8.GetBytes(s.Text)).ToList(), Seed);
                for (int i = 0; i < Budget(40) * 2 && failures.Count < 10; i++)
                {
                    bool isBaseline = i % 2 == 0;
                    byte[] bytes = (isBaseline ? baselines : inputs).Next().Bytes;
                    tried[isBaseline ? "baseline" : "stdin"] = tried.TryGetValue(isBaseline ? "baseline" : "stdin", out int n) ? n + 1 : 1;
                    Current(isBaseline ? "baseline" : "stdin", bytes);
                    (int code, string output, string err) result;
                    if (isBaseline)
                    {
                        File.WriteAllBytes(Path.Combine(dir, "mutant.json"), bytes);
                        result = Cli.RunIn(dir, "lint", ".", "--baseline", "mutant.json", "--format", "json");
                    }
                    else
                    {
                        result = Cli.RunWithInput(dir, bytes, "lint", "-", "--stdin-filename", names[i / 2 % names.Length], "--format", "json");
                    }

                    (int code, string output, string err) = result;
                    bool ok = code is 0 or 1 ? err.Length == 0 || !err.Contains("internal error", StringComparison.Ordinal) : code == 2 && err.StartsWith("error: ", StringComparison.Ordinal);
                    if (ok && code is 0 or 1)
                    {
                        try
                        {
                            System.Text.Json.JsonDocument.Parse(output).Dispose();
                        }
                        catch (System.Text.Json.JsonException e)
                        {
                            ok = false;
                            err = "invalid JSON: " + e.Message;
                        }
                    }

                    if (!ok || output.Contains("could not lint it", StringComparison.Ordinal))
                    {
                        failures.Add(Save(isBaseline ? "baseline" : "stdin", i, isBaseline ? "baseline.json" : "stdin.txt", bytes, $"exit {code}: {err}"));
                    }
                }
            }
            finally
            {
                Directory.Delete(dir, true);
            }

            Report("baselines and stdin", tried);
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
    }
}
