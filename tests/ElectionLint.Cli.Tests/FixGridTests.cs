using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ElectionLint.Config.Linting;
using ElectionLint.Config.ProfileFile;
using ElectionLint.Config.Recognition;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Profile;
using Xunit;
using Xunit.Abstractions;

namespace ElectionLint.Cli.Tests
{
    /// <summary>
    /// Issue #25: <c>lint --fix</c> over several hundred misconfigured files of every system and file format the CLI reads,
    /// under four profiles. The files are the repository's samples, real-repository files and corpus, and one seed per
    /// surface the others lack, with timing values mutated (see <see cref="Mutate"/>). After <c>--fix</c> no file has a
    /// finding (rule and setting, counted per file) it did not have before, an EL9001/EL9004 included, every changed YAML or
    /// JSON file still loads with YamlDotNet or System.Text.Json, and a second <c>--fix</c> changes nothing. The test
    /// output gives the counts.
    /// </summary>
    [Collection("cli")]
    public class FixGridTests
    {
        private readonly ITestOutputHelper _output;

        public FixGridTests(ITestOutputHelper output) => _output = output;

        /// <summary>LAN without budget; WAN with a budget; long GC pauses; small pauses and a tight budget.</summary>
        private static readonly (string Name, string Text)[] Profiles =
        {
            ("lan", "profile:\n  network: lan\n  rttP99: 2ms\n"),
            ("wan", "profile:\n  network: wan\n  rttP99: 150ms\n  maxFailover: 15s\n"),
            ("gc-large", "profile:\n  network: lan\n  rttP99: 10ms\n  gcPauseP99: 2s\n  maxFailover: 60s\n"),
            ("gc-small-tight", "profile:\n  network: lan\n  rttP99: 1ms\n  gcPauseP99: 100ms\n  maxFailover: 3s\n"),
        };

        /// <summary>Surfaces the samples and corpus files do not have, each in its own folder (the name picks the reader).</summary>
        private static readonly (string Surface, (string Path, string Text)[] Files)[] SurfaceSeeds =
        {
            ("k8s sh -c", new[] { ("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: s\nspec:\n  containers:\n    - name: kube-scheduler\n      image: registry.k8s.io/kube-scheduler:v1.30.0\n      command: [\"sh\", \"-c\", \"exec kube-scheduler --leader-elect-lease-duration=15s --leader-elect-renew-deadline=10s --leader-elect-retry-period=2s\"]\n") }),
            ("k8s flags", new[] { ("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: s\nspec:\n  containers:\n    - name: kube-controller-manager\n      image: registry.k8s.io/kube-controller-manager:v1.30.0\n      command:\n        - kube-controller-manager\n        - --leader-elect-lease-duration=15s\n        - --leader-elect-renew-deadline=10s\n        - --leader-elect-retry-period=2s\n") }),
            ("cert-manager values", new[] { ("values.yaml", "global:\n  leaderElection:\n    namespace: kube-system\n    leaseDuration: 60s\n    renewDeadline: 40s\n    retryPeriod: 15s\n") }),
            ("spring yml", new[] { ("application.yml", "spring:\n  kafka:\n    consumer:\n      heartbeat-interval: 3s\n      properties:\n        session.timeout.ms: 45000\n") }),
            ("spring properties", new[] { ("application-prod.properties", "spring.kafka.consumer.heartbeat-interval=PT3S\nspring.kafka.properties.session.timeout.ms=45000\n") }),
            ("kraft properties", new[] { ("controller.properties", "process.roles=controller\nnode.id=1\ncontroller.quorum.election.timeout.ms=1000\ncontroller.quorum.fetch.timeout.ms=2000\ncontroller.quorum.election.backoff.max.ms=1000\nbroker.heartbeat.interval.ms=2000\nbroker.session.timeout.ms=9000\n") }),
            ("group coordinator", new[] { ("server.properties", "process.roles=broker\ngroup.consumer.session.timeout.ms=45000\ngroup.consumer.min.session.timeout.ms=45000\ngroup.consumer.max.session.timeout.ms=60000\ngroup.consumer.heartbeat.interval.ms=5000\ngroup.consumer.min.heartbeat.interval.ms=5000\ngroup.consumer.max.heartbeat.interval.ms=15000\n") }),
            ("kafka env", new[] { ("kafka.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: kafka\nspec:\n  containers:\n    - name: kafka\n      image: bitnami/kafka:3.7\n      env:\n        - name: KAFKA_CFG_CONTROLLER_QUORUM_ELECTION_TIMEOUT_MS\n          value: \"1000\"\n        - name: KAFKA_CFG_CONTROLLER_QUORUM_FETCH_TIMEOUT_MS\n          value: \"2000\"\n        - name: KAFKA_CFG_BROKER_SESSION_TIMEOUT_MS\n          value: \"9000\"\n        - name: KAFKA_CFG_BROKER_HEARTBEAT_INTERVAL_MS\n          value: \"2000\"\n") }),
            ("zookeeper ensemble", new[] { ("zoo.cfg", "tickTime=2000\ninitLimit=10\nsyncLimit=5\nminSessionTimeout=4000\nmaxSessionTimeout=40000\nserver.1=zk-0:2888:3888\nserver.2=zk-1:2888:3888\nserver.3=zk-2:2888:3888\n") }),
            ("zookeeper env", new[] { ("zk.yaml", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: zk\nspec:\n  template:\n    spec:\n      containers:\n        - name: zookeeper\n          image: zookeeper:3.9\n          env:\n            - name: ZOO_TICK_TIME\n              value: \"2000\"\n            - name: ZOO_INIT_LIMIT\n              value: \"10\"\n            - name: ZOO_SYNC_LIMIT\n              value: \"5\"\n") }),
            ("orleans appsettings", new[] { ("appsettings.json", "{\n  \"ClusterMembership\": {\n    \"ProbeTimeout\": \"00:00:05\",\n    \"NumMissedProbesLimit\": 3,\n    \"NumVotesForDeathDeclaration\": 2,\n    \"NumProbedSilos\": 10\n  }\n}\n") }),
            ("dotnext appsettings bom crlf", new[] { ("appsettings.json", "\uFEFF{\r\n  // member\r\n  \"lowerElectionTimeout\": 150,\r\n  \"upperElectionTimeout\": 300,\r\n  \"heartbeatThreshold\": 0.5\r\n}\r\n") }),
            ("postgres-operator", new[] { ("postgresql.yaml", "apiVersion: acid.zalan.do/v1\nkind: postgresql\nmetadata:\n  name: demo\nspec:\n  patroni:\n    ttl: 30\n    loop_wait: 10\n    retry_timeout: 10\n") }),
            ("crunchy", new[] { ("pg.yaml", "apiVersion: postgres-operator.crunchydata.com/v1beta1\nkind: PostgresCluster\nmetadata:\n  name: hippo\nspec:\n  patroni:\n    leaderLeaseDurationSeconds: 30\n    syncPeriodSeconds: 10\n") }),
            ("patroni configmap", new[] { ("patroni-cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: patroni\ndata:\n  patroni.yml: |\n    bootstrap:\n      dcs:\n        ttl: 30\n        loop_wait: 10\n        retry_timeout: 10\n") }),
            ("configmap embeds", new[] { ("cm.yaml", "kind: ConfigMap\ndata:\n  etcd.conf.yml: |\n    heartbeat-interval: 100\n    election-timeout: 1000\n  zoo.cfg: \"tickTime=2000\\nminSessionTimeout=4000\\n\"\n  sentinel.conf: |\n    sentinel monitor m 10.0.0.2 6379 2\n    sentinel down-after-milliseconds m 30000\n") }),
            ("sentinel valkey", new[] { ("valkey-sentinel.conf", "sentinel monitor m 10.0.0.2 6379 2\nsentinel down-after-milliseconds m 5000\nsentinel failover-timeout m 60000\n") }),
            ("mongodb yaml", new[] { ("rs.yaml", "_id: rs0\nsettings:\n  electionTimeoutMillis: 10000\n  heartbeatIntervalMillis: 2000\n  heartbeatTimeoutSecs: 10\n") }),
            ("elasticsearch nested", new[] { ("elasticsearch.yml", "cluster:\n  fault_detection:\n    leader_check:\n      interval: 1s\n      timeout: 10s\n      retry_count: 3\n    follower_check:\n      interval: 1s\n      timeout: 10s\n      retry_count: 3\n") }),
            ("eck", new[] { ("es.yaml", "apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata:\n  name: q\nspec:\n  nodeSets:\n  - name: default\n    config:\n      cluster.fault_detection.leader_check.interval: 1s\n      cluster.fault_detection.leader_check.timeout: 10s\n      cluster.fault_detection.follower_check.timeout: 10s\n") }),
            ("nomad hcl", new[] { ("nomad.hcl", "server {\n  enabled = true\n  raft_multiplier = 1\n}\n") }),
            ("consul json", new[] { ("consul.json", "{\n  \"server\": true,\n  \"performance\": {\n    \"raft_multiplier\": 1\n  }\n}\n") }),
            ("yaml anchors", new[] { ("scheduler.yaml", "apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nx-timing: &lease 15s\nleaderElection:\n  leaderElect: true\n  leaseDuration: *lease\n  renewDeadline: 10s\n  retryPeriod: 2s\n") }),
            ("multi-document", new[] { ("controllers.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: kube-scheduler\n      image: registry.k8s.io/kube-scheduler:v1.30.0\n      command: [kube-scheduler, --leader-elect-lease-duration=15s, --leader-elect-renew-deadline=10s, --leader-elect-retry-period=2s]\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\nspec:\n  containers:\n    - name: kube-scheduler\n      image: registry.k8s.io/kube-scheduler:v1.30.0\n      command: [kube-scheduler, --leader-elect-lease-duration=15s, --leader-elect-renew-deadline=10s, --leader-elect-retry-period=2s]\n") }),
            ("etcd flag and variable", new[] { ("etcd.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: etcd\nspec:\n  containers:\n    - name: etcd\n      image: quay.io/coreos/etcd:v3.5.15\n      command: [etcd, --heartbeat-interval=0x64, --election-timeout=1000]\n      env:\n        - name: ETCD_ELECTION_TIMEOUT\n          value: \"1000\"\n") }),
            ("written forms", new[] { ("scheduler.yaml", "apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nleaderElection:\n  leaderElect: true\n  leaseDuration: \"1m30s\"\n  renewDeadline: '1m'\n  retryPeriod: 2500ms\n") }),
            ("chart values in two templates", new[]
            {
                ("Chart.yaml", "apiVersion: v2\nname: two\nversion: 0.1.0\n"),
                ("values.yaml", "election:\n  heartbeat: 100\n  timeout: 1000\n"),
                ("templates/a.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: etcd\n      image: quay.io/coreos/etcd:v3.5.15\n      command: [etcd, --heartbeat-interval={{ .Values.election.heartbeat }}, --election-timeout={{ .Values.election.timeout }}]\n"),
                ("templates/b.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\nspec:\n  containers:\n    - name: etcd\n      image: quay.io/coreos/etcd:v3.5.15\n      env:\n        - name: ETCD_HEARTBEAT_INTERVAL\n          value: {{ .Values.election.heartbeat | quote }}\n        - name: ETCD_ELECTION_TIMEOUT\n          value: {{ .Values.election.timeout | quote }}\n"),
            }),
            ("helm chart", new[]
            {
                ("Chart.yaml", "apiVersion: v2\nname: demo\nversion: 0.1.0\n"),
                ("values.yaml", "leaderElection:\n  lease: 15s\n  renew: 10s\n  retry: 2s\n"),
                ("templates/d.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: m\nspec:\n  template:\n    spec:\n      containers:\n      - name: manager\n        image: example/manager:1.0\n        args:\n        - --leader-elect-lease-duration={{ .Values.leaderElection.lease }}\n        - --leader-elect-renew-deadline={{ .Values.leaderElection.renew | quote }}\n        - --leader-elect-retry-period={{ .Values.leaderElection.retry }}\n"),
            }),
            ("ansible role", new[]
            {
                ("roles/etcd/defaults/main.yml", "election_ms: 1000\nheartbeat_ms: 100\n"),
                ("roles/etcd/templates/etcd.env.j2", "ETCD_ELECTION_TIMEOUT={{ election_ms }}\nETCD_HEARTBEAT_INTERVAL={{ heartbeat_ms }}\n"),
            }),
        };

        /// <summary>A seed: the files of one folder and the one whose values are mutated.</summary>
        private sealed record Seed(string Name, string Target, (string Path, string Text)[] Files, int Cap);

        /// <summary>One misconfigured copy of a seed.</summary>
        private sealed record Mutant(Seed Seed, string What, string Text);

        private static IEnumerable<Seed> Seeds()
        {
            string root = Cli.RepoRoot;
            string samples = Path.Combine(root, "samples", "config-repo");
            foreach (string file in Directory.EnumerateFiles(samples, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != ".electionlint.yaml").OrderBy(f => f, StringComparer.Ordinal))
            {
                string rel = Path.GetRelativePath(samples, file).Replace('\\', '/');
                yield return new Seed("sample " + rel, Path.GetFileName(file), new[] { (Path.GetFileName(file), File.ReadAllText(file)) }, 12);
            }

            foreach ((string surface, (string Path, string Text)[] files) in SurfaceSeeds)
            {
                string target = files.First(f => f.Path != "Chart.yaml").Path;
                yield return new Seed(surface, target, files, 12);
            }

            foreach (string folder in new[] { Path.Combine(root, "tests", "real-repos", "files"), Path.Combine(root, "tests", "corpus", "real") })
            {
                foreach (string file in Directory.EnumerateFiles(folder).Where(f => !f.EndsWith(".tsv", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal))
                {
                    string name = Path.GetFileName(file);
                    yield return new Seed(Path.GetFileName(folder) + " " + name, name, new[] { (name, File.ReadAllText(file)) }, 3);
                }
            }
        }

        /// <summary>
        /// The seed's mutants: each numeric value written in the target at a tenth, twenty times, zero, a thousand times and
        /// negative; per configuration, its first two durations swapped and its first and last values wrong together. At most
        /// the seed's cap, spread evenly over the candidates.
        /// </summary>
        private static List<Mutant> Mutate(Seed seed)
        {
            string dir = Cli.Scratch(seed.Files);
            try
            {
                string path = Path.Combine(dir, seed.Target);
                FileResult r = ConfigLinter.LintFile(path, ProfileDocument.Empty, seed.Target);
                if (r.Unreadable || r.Source == null)
                {
                    return new List<Mutant>();
                }

                string text = r.Source.Text;
                string prefix = File.ReadAllText(path).StartsWith('\uFEFF') ? "\uFEFF" : string.Empty;
                var candidates = new List<(string What, List<(int Start, int End, string Text)> Edits)>();
                var seen = new HashSet<int>();
                foreach (EvaluationResult e in r.Evaluations)
                {
                    var durations = new List<(SettingOccurrence O, SourceSpan Span)>();
                    var numbers = new List<(SettingOccurrence O, SourceSpan Span)>();
                    for (int i = 0; i < e.Instance.System.Settings.Count; i++)
                    {
                        if (e.Instance[i] is not SettingOccurrence o || o.State != OccurrenceState.Set || o.Location is not SettingLocation location ||
                            o.Format == ValueFormat.Boolean || o.Value.Text != null || location.Value.EndOffset > text.Length)
                        {
                            continue;
                        }

                        SourceSpan span = location.Value;
                        if (!seen.Add(span.StartOffset))
                        {
                            continue; // one value read by two configurations is mutated once
                        }

                        if (o.Setting.IsDuration)
                        {
                            durations.Add((o, span));
                        }

                        numbers.Add((o, span));
                        decimal v = o.Value.Number;
                        foreach ((string op, decimal value) in new[] { ("tenth", v / 10), ("twentyfold", v * 20), ("zero", 0m), ("thousandfold", v * 1000), ("negative", -v) })
                        {
                            if (Written(value, o) is string written && written != text.Substring(span.StartOffset, span.Length))
                            {
                                candidates.Add(($"{o.DisplayName} {op} ({written})", new List<(int, int, string)> { (span.StartOffset, span.EndOffset, written) }));
                            }
                        }
                    }

                    // Two values wrong at once: their findings' repairs must be solved together.
                    if (numbers.Count >= 2)
                    {
                        (SettingOccurrence a, SourceSpan sa) = numbers[0];
                        (SettingOccurrence b, SourceSpan sb) = numbers[numbers.Count - 1];
                        foreach ((string op, decimal fa, decimal fb) in new[] { ("tenth and twentyfold", 0.1m, 20m), ("twentyfold and tenth", 20m, 0.1m), ("both zero", 0m, 0m) })
                        {
                            if (Written(a.Value.Number * fa, a) is string wa && Written(b.Value.Number * fb, b) is string wb && sa.EndOffset <= sb.StartOffset)
                            {
                                candidates.Add(($"{a.DisplayName} and {b.DisplayName} {op} ({wa}, {wb})", new List<(int, int, string)> { (sa.StartOffset, sa.EndOffset, wa), (sb.StartOffset, sb.EndOffset, wb) }));
                            }
                        }
                    }

                    if (durations.Count >= 2)
                    {
                        (SettingOccurrence a, SourceSpan sa) = durations[0];
                        (SettingOccurrence b, SourceSpan sb) = durations[1];
                        string ta = text.Substring(sa.StartOffset, sa.Length), tb = text.Substring(sb.StartOffset, sb.Length);
                        if (ta != tb && sa.StartOffset != sb.StartOffset)
                        {
                            var edits = new List<(int Start, int End, string Text)> { (sa.StartOffset, sa.EndOffset, tb), (sb.StartOffset, sb.EndOffset, ta) };
                            edits.Sort((x, y) => x.Start.CompareTo(y.Start));
                            candidates.Add(($"{a.DisplayName} and {b.DisplayName} swapped", edits));
                        }
                    }
                }

                var mutants = new List<Mutant>();
                var texts = new HashSet<string>(StringComparer.Ordinal);
                int take = Math.Min(seed.Cap, candidates.Count);
                for (int k = 0; k < take; k++)
                {
                    var c = candidates[k * candidates.Count / take];
                    string mutated = prefix + Fixer.Apply(text, c.Edits);
                    if (texts.Add(mutated))
                    {
                        mutants.Add(new Mutant(seed, c.What, mutated));
                    }
                }

                return mutants;
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        /// <summary>A value in the occurrence's own format, rounded down to a millisecond or a second when the exact one cannot be written.</summary>
        private static string? Written(decimal value, SettingOccurrence o)
        {
            if (!o.Setting.IsDuration)
            {
                return o.Format == ValueFormat.Decimal ? SettingValues.Write(value, o.Format, o.UnitNanos) : SettingValues.Write(decimal.Floor(value), o.Format, o.UnitNanos);
            }

            foreach (decimal unit in new[] { 1m, 1_000_000m, 1_000_000_000m })
            {
                if (SettingValues.Write(decimal.Floor(value / unit) * unit, o.Format, o.UnitNanos) is string s)
                {
                    return s;
                }
            }

            return null;
        }

        [Fact]
        public void Fix_over_misconfigured_files_of_every_system_and_format_adds_no_finding_settles_and_keeps_files_parsing()
        {
            var clock = Stopwatch.StartNew();
            List<Seed> seeds = Seeds().ToList();
            List<Mutant> mutants = seeds.SelectMany(Mutate).ToList();
            _output.WriteLine($"fix grid: {seeds.Count} seeds, {mutants.Count} mutants ({clock.Elapsed.TotalSeconds:F1}s)");

            var failures = new List<string>();
            int cases = 0, changed = 0, notFixed = 0, findingsBefore = 0, findingsAfter = 0, casesWithFindings = 0;
            var systems = new SortedSet<string>(StringComparer.Ordinal);
            var reasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach ((string profileName, string profile) in Profiles)
            {
                var files = new List<(string Path, string Text)> { (".electionlint.yaml", profile) };
                var targets = new Dictionary<string, Mutant>(StringComparer.Ordinal);
                for (int i = 0; i < mutants.Count; i++)
                {
                    Mutant m = mutants[i];
                    string folder = $"c{i:D4}";
                    foreach ((string path, string text) in m.Seed.Files)
                    {
                        files.Add(($"{folder}/{path}", path == m.Seed.Target ? m.Text : text));
                    }

                    targets[$"{folder}/{m.Seed.Target}"] = m;
                }

                string dir = Cli.Scratch(files.ToArray());
                try
                {
                    (_, string beforeJson, string beforeErr) = Cli.RunIn(dir, "lint", ".", "--format", "json");
                    Assert.Equal(string.Empty, beforeErr);
                    Dictionary<string, List<string>> before = Findings(beforeJson);
                    Dictionary<string, byte[]> original = targets.Keys.ToDictionary(t => t, t => File.ReadAllBytes(Path.Combine(dir, t)), StringComparer.Ordinal);

                    (_, string afterJson, string fixErr) = Cli.RunIn(dir, "lint", ".", "--fix", "--format", "json");
                    Dictionary<string, List<string>> after = Findings(afterJson);
                    Dictionary<string, byte[]> fixedBytes = targets.Keys.ToDictionary(t => t, t => File.ReadAllBytes(Path.Combine(dir, t)), StringComparer.Ordinal);

                    (_, _, string againErr) = Cli.RunIn(dir, "lint", ".", "--fix", "--format", "json");
                    foreach (string line in againErr.Split('\n').Where(l => l.Contains(": fixed ", StringComparison.Ordinal)))
                    {
                        failures.Add($"[{profileName}] second --fix changed something: {line}");
                    }

                    foreach (string line in fixErr.Split('\n').Where(l => l.Length > 0 && !l.Contains(": fixed ", StringComparison.Ordinal) && !l.Contains(" is not fixed: ", StringComparison.Ordinal)))
                    {
                        failures.Add($"[{profileName}] --fix said: {line}");
                    }

                    foreach (string line in fixErr.Split('\n').Where(l => l.Contains(" is not fixed: ", StringComparison.Ordinal)))
                    {
                        // Left alone, with the reason: a repair that adds a setting, or repairs that together raise a finding.
                        notFixed++;
                        string why = line.Substring(line.IndexOf(" is not fixed: ", StringComparison.Ordinal) + 15);
                        why = why.StartsWith("its repair adds ", StringComparison.Ordinal) ? "its repair adds a setting" : why.Split(new[] { " (", ";" }, StringSplitOptions.None)[0];
                        reasons[why] = reasons.TryGetValue(why, out int n) ? n + 1 : 1;
                    }

                    foreach ((string target, Mutant m) in targets.OrderBy(t => t.Key, StringComparer.Ordinal))
                    {
                        cases++;
                        string label = $"[{profileName}] {target} ({m.Seed.Name}: {m.What})";
                        List<string> b = before.TryGetValue(target, out List<string>? bl) ? bl : new List<string>();
                        List<string> a = after.TryGetValue(target, out List<string>? al) ? al : new List<string>();
                        findingsBefore += b.Count;
                        findingsAfter += a.Count;
                        casesWithFindings += b.Count > 0 ? 1 : 0;
                        foreach (string s in b.Concat(a).Select(k => k.Split('|')[1]).Where(s => s.Length > 0))
                        {
                            systems.Add(s.Split(':')[0]);
                        }

                        bool wasChanged = !original[target].AsSpan().SequenceEqual(fixedBytes[target]);
                        changed += wasChanged ? 1 : 0;
                        List<string> added = Added(b, a);
                        if (added.Count > 0)
                        {
                            failures.Add($"{label}: --fix added {string.Join(", ", added)}");
                        }

                        if (!fixedBytes[target].AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(dir, target))))
                        {
                            failures.Add($"{label}: a second --fix changed the file");
                        }

                        if (wasChanged && Parses(target, original[target]) && !Parses(target, fixedBytes[target]))
                        {
                            failures.Add($"{label}: the fixed file no longer parses");
                        }
                    }
                }
                finally
                {
                    Directory.Delete(dir, true);
                }
            }

            _output.WriteLine($"fix grid: {cases} cases ({mutants.Count} files × {Profiles.Length} profiles), {casesWithFindings} with findings; " +
                $"{changed} changed by --fix, {notFixed} left alone with a reason; findings {findingsBefore} before, {findingsAfter} after; " +
                $"systems: {string.Join(", ", systems)}; {failures.Count} failures ({clock.Elapsed.TotalSeconds:F1}s)");
            _output.WriteLine("left alone: " + string.Join("; ", reasons.Select(r => $"{r.Value} × {r.Key}")));
            // Every system the CLI reads from files had findings (Consul sessions, Azure blob and Akka leases are C# and HOCON).
            Assert.Equal(
                "dotnext-raft, elasticsearch, etcd, hashicorp-raft, k8s-leader-election, kafka-broker-session, kafka-consumer, kafka-group-coordinator, kafka-kraft-controller, mongodb-replica-set, orleans-membership, patroni, redis-sentinel, zookeeper, zookeeper-ensemble",
                string.Join(", ", systems));
            Assert.True(cases >= 2000 && changed >= cases / 2, $"{cases} cases, {changed} changed");
            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(60)));
        }

        /// <summary>Each file's findings as "rule|setting", from a JSON report.</summary>
        private static Dictionary<string, List<string>> Findings(string json)
        {
            var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (JsonElement d in JsonDocument.Parse(json).RootElement.GetProperty("diagnostics").EnumerateArray())
            {
                string file = d.GetProperty("file").GetString()!.Replace('\\', '/');
                string key = d.GetProperty("rule").GetString() + "|" + (d.TryGetProperty("setting", out JsonElement s) ? s.GetString() : string.Empty);
                (result.TryGetValue(file, out List<string>? list) ? list : result[file] = new List<string>()).Add(key);
            }

            return result;
        }

        /// <summary>The findings of <paramref name="after"/> beyond those of <paramref name="before"/>, counted (two configurations of one file can share a key).</summary>
        private static List<string> Added(List<string> before, List<string> after)
        {
            var left = before.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var added = new List<string>();
            foreach (string k in after)
            {
                if (left.TryGetValue(k, out int n) && n > 0)
                {
                    left[k] = n - 1;
                }
                else
                {
                    added.Add(k);
                }
            }

            return added;
        }

        /// <summary>Whether YamlDotNet (YAML) or System.Text.Json with comments (JSON) loads the bytes; true for other formats.</summary>
        private static bool Parses(string path, byte[] bytes)
        {
            string text = new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
            try
            {
                if (path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal))
                {
                    new YamlDotNet.RepresentationModel.YamlStream().Load(new StringReader(text));
                }
                else if (path.EndsWith(".json", StringComparison.Ordinal))
                {
                    JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }).Dispose();
                }

                return true;
            }
            catch (Exception e) when (e is YamlDotNet.Core.YamlException || e is JsonException)
            {
                return false;
            }
        }
    }
}
