using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using ElectionLint.Rules.Catalogue;
using Xunit;

namespace ElectionLint.Cli.Tests
{
    [Collection("cli")]
    public class CliTests
    {
        private const string Bad = "heartbeat-interval: 100\nelection-timeout: 300\n";
        private const string Good = "heartbeat-interval: 100\nelection-timeout: 1000\n";

        private static string Golden(string name) => Path.Combine(Cli.RepoRoot, "tests", "ElectionLint.Cli.Tests", "Golden", name);

        internal static void MatchGolden(string name, string actual)
        {
            string path = Golden(name);
            if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
            {
                File.WriteAllText(path, actual);
            }

            Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), actual.Replace("\r\n", "\n"));
        }

        [Fact]
        public void Sample_text_output_matches_the_golden_file()
        {
            (int code, string output, string err) = Cli.Run("lint", "samples/config-repo", "--format", "text");
            Assert.Equal(1, code);
            Assert.Equal(string.Empty, err);
            MatchGolden("sample.txt", output);
        }

        [Fact]
        public void Sample_sarif_output_is_valid_and_matches_the_golden_file()
        {
            (int code, string output, _) = Cli.Run("lint", "samples/config-repo", "--format", "sarif");
            Assert.Equal(1, code);
            JsonElement run = SarifValidator.Validate(output);
            Assert.Equal(29, run.GetProperty("results").GetArrayLength());
            Assert.All(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray(),
                r => Assert.Matches("^[A-Z][A-Za-z0-9]*$", r.GetProperty("name").GetString()!)); // review: seven names were not identifiers
            MatchGolden("sample.sarif", output.Replace(Program.Version, "VERSION").Replace(new Uri(Cli.RepoRoot + "/").AbsoluteUri, "file:///REPO/"));
        }

        [Fact]
        public void Sample_sarif_is_valid_against_the_official_schema_from_another_folder()
        {
            // The official schema (draft-04) comes from tests/sarif/fetch-schema.sh, which .ci/run calls; it is not in this
            // repository. Without it, only the structural checks of SarifValidator run.
            (int code, string output, _) = Cli.RunIn(Path.Combine(Cli.RepoRoot, "samples", "config-repo", "etcd"), "lint", "..", "--format", "sarif");
            Assert.Equal(1, code);
            JsonElement run = SarifValidator.Validate(output);
            Assert.Equal(29, run.GetProperty("results").GetArrayLength());
            Assert.All(run.GetProperty("results").EnumerateArray(), r => Assert.StartsWith(
                "samples/config-repo/", r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));
            if (Environment.GetEnvironmentVariable("ELECTIONLINT_SARIF_SCHEMA") is not { Length: > 0 } path)
            {
                return;
            }

            // Draft-04's "id" is draft-07's "$id"; the schema uses nothing else that the two drafts read differently.
            string text = File.ReadAllText(path)
                .Replace("\"http://json-schema.org/draft-04/schema#\"", "\"http://json-schema.org/draft-07/schema#\"")
                .Replace("    \"id\": \"https://raw.githubusercontent.com", "    \"$id\": \"https://raw.githubusercontent.com");
            var schema = Json.Schema.JsonSchema.FromText(text);
            var result = schema.Evaluate(JsonDocument.Parse(output).RootElement, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List, RequireFormatValidation = true });
            Assert.True(result.IsValid, string.Join("\n", (result.Details ?? new List<Json.Schema.EvaluationResults>()).Where(d => d.Errors != null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value))));
        }

        [Fact]
        public void Sarif_paths_are_relative_to_the_repository_root_from_any_folder()
        {
            // First use: artifact URIs were relative to the working directory, so code scanning could not map them.
            string dir = Cli.Scratch(("deploy/etcd/etcd.yaml", Bad), ("outside.txt", string.Empty));
            (_, string fromRoot, _) = Cli.RunIn(dir, "lint", ".", "--format", "sarif");
            (_, string fromSub, _) = Cli.RunIn(Path.Combine(dir, "deploy"), "lint", ".", "--format", "sarif");
            foreach (string output in new[] { fromRoot, fromSub })
            {
                JsonElement run = SarifValidator.Validate(output);
                JsonElement location = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
                Assert.Equal(("deploy/etcd/etcd.yaml", "%SRCROOT%"), (location.GetProperty("uri").GetString(), location.GetProperty("uriBaseId").GetString()));
                Assert.Equal(new Uri(dir + "/").AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
            }
        }

        [Fact]
        public void Sarif_with_no_results_is_valid()
        {
            string dir = Cli.Scratch(("etcd.yaml", Good));
            (int code, string output, _) = Cli.RunIn(dir, "lint", ".", "--format", "sarif");
            Assert.Equal(0, code);
            Assert.Equal(0, SarifValidator.Validate(output).GetProperty("results").GetArrayLength());
        }

        [Fact]
        public void Text_lines_have_file_line_column_and_an_underlined_frame()
        {
            string dir = Cli.Scratch(("etcd.yaml", Bad));
            (int code, string output, _) = Cli.RunIn(dir, "etcd.yaml");
            Assert.Equal(1, code);
            string[] lines = output.Split('\n');
            Assert.Equal("etcd.yaml:2:19: error EL1001: election-timeout 300 ms is 3.0× heartbeat-interval 100 ms; etcd refuses to start below 5× — set election-timeout to 1000 ms", lines[0]);
            Assert.Equal(" 2 | election-timeout: 300", lines[1]);
            Assert.Equal("   |                   ^~~", lines[2]);
            Assert.Equal("    etcd.yaml:1:21: note: related setting heartbeat-interval", lines[3]);
        }

        [Theory]
        [InlineData("warning", 1)]
        [InlineData("error", 1)]
        [InlineData("none", 0)]
        public void Fail_level_decides_the_exit_code(string level, int expected)
        {
            string dir = Cli.Scratch(("etcd.yaml", Bad));
            Assert.Equal(expected, Cli.RunIn(dir, "lint", "--fail-level", level).Code);
        }

        [Fact]
        public void Warnings_do_not_fail_at_error_level()
        {
            string dir = Cli.Scratch(("etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 1000\n"), (".electionlint.yaml", "profile: { network: wan }\n"));
            Assert.Equal(1, Cli.RunIn(dir, "lint").Code);
            Assert.Equal(0, Cli.RunIn(dir, "lint", "--fail-level", "error").Code);
        }

        [Fact]
        public void Clean_repository_exits_zero()
        {
            string dir = Cli.Scratch(("etcd.yaml", Good));
            (int code, string output, _) = Cli.RunIn(dir);
            Assert.Equal(0, code);
            Assert.Equal("1 file linted: 0 errors, 0 warnings, 0 infos\n", output);
        }

        [Theory]
        [InlineData("lint", "no/such/path")]
        [InlineData("lint", "--format", "xml")]
        [InlineData("lint", "--fail-level", "loud")]
        [InlineData("lint", "--bogus")]
        public void Usage_errors_exit_two(params string[] args)
        {
            string dir = Cli.Scratch(("etcd.yaml", Good));
            (int code, string output, string err) = Cli.RunIn(dir, args);
            Assert.Equal(2, code);
            Assert.EndsWith("Run 'electionlint --help' for usage.", err.Trim());
        }

        [Fact]
        public void A_baseline_keeps_known_findings_quiet_until_their_value_changes()
        {
            const string Pod = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: etcd\n      command: [etcd, --heartbeat-interval=100, --election-timeout=300]\n";
            string dir = Cli.Scratch(("etcd.yaml", Bad), ("pod.yaml", Pod));
            Assert.Equal(0, Cli.RunIn(dir, "lint", ".", "--write-baseline", "baseline.json").Code);
            string written = File.ReadAllText(Path.Combine(dir, "baseline.json"));
            Assert.StartsWith("{\n  \"electionlintBaseline\": 1,\n  \"findings\": [\n    {\"rule\":\"EL1001\",\"file\":\"etcd.yaml\",\"setting\":\"etcd:election-timeout\",\"path\":\"election-timeout\",\"value\":\"300\",\"related\":\"heartbeat-interval=100\"},\n", written);
            Assert.Contains("{\"rule\":\"EL1001\",\"file\":\"pod.yaml\",\"setting\":\"etcd:election-timeout\",\"path\":\"spec.containers[etcd].command[*]\",\"value\":\"300\",\"related\":\"--heartbeat-interval=100\"}", written);
            Assert.Equal((0, string.Empty), Quiet(dir));

            // Lines moved, flags reordered, another setting added: still the same findings.
            File.WriteAllText(Path.Combine(dir, "etcd.yaml"), "# moved around\nname: etcd-0\nelection-timeout: 300\n\nheartbeat-interval: 100\nsnapshot-count: 10000\n");
            File.WriteAllText(Path.Combine(dir, "pod.yaml"), Pod.Replace("[etcd, --heartbeat-interval=100, --election-timeout=300]", "\n        - etcd\n        - --election-timeout=300\n        - --heartbeat-interval=100"));
            Assert.Equal((0, string.Empty), Quiet(dir));

            // First use D10: the related setting made worse (ratio 3.0× → 1.2×) is a new finding too.
            File.WriteAllText(Path.Combine(dir, "etcd.yaml"), "heartbeat-interval: 250\nelection-timeout: 300\n");
            Assert.Equal(1, Quiet(dir).Code);

            // An entry of an older baseline, without related values, accepts the finding whatever they are.
            File.WriteAllText(Path.Combine(dir, "baseline.json"), written.Replace(",\"related\":\"heartbeat-interval=100\"", string.Empty));
            Assert.Equal((0, string.Empty), Quiet(dir));

            // Another bad value is a new finding.
            File.WriteAllText(Path.Combine(dir, "etcd.yaml"), "heartbeat-interval: 100\nelection-timeout: 400\n");
            (int code, string output) = Quiet(dir);
            Assert.Equal(1, code);
            Assert.StartsWith("etcd.yaml:2:19: error EL1001: election-timeout 400 ms", output);

            File.WriteAllText(Path.Combine(dir, "broken.json"), "[]");
            (code, _, string err) = Cli.RunIn(dir, "lint", ".", "--baseline", "broken.json");
            Assert.Equal((2, "error: --baseline broken.json: not an electionlint baseline (version 1): write one with --write-baseline"), (code, err.Trim()));
        }

        private static (int Code, string Output) Quiet(string dir)
        {
            (int code, string output, _) = Cli.RunIn(dir, "lint", ".", "--baseline", "baseline.json", "--quiet");
            return (code, output);
        }

        [Fact]
        public void Fix_changes_only_the_values_keeps_their_form_and_is_idempotent()
        {
            // A BOM, CRLF line ends, comments and a quoted value survive; only the two 300s change.
            string etcd = "\uFEFF# etcd member\r\nheartbeat-interval: 100   # ms\r\nelection-timeout: 300\r\n";
            string pod = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: etcd\n      env:\n        - name: ETCD_HEARTBEAT_INTERVAL\n          value: \"100\"\n        - name: ETCD_ELECTION_TIMEOUT\n          value: '300'\n";
            string dir = Cli.Scratch(("etcd.yaml", string.Empty), ("pod.yaml", pod), ("broken.yaml", "heartbeat-interval: 100\nelection-timeout: 300\nx: [\n"));
            File.WriteAllText(Path.Combine(dir, "etcd.yaml"), etcd.Substring(1), new System.Text.UTF8Encoding(true));
            bool unix = !OperatingSystem.IsWindows();
            if (unix)
            {
                File.SetUnixFileMode(Path.Combine(dir, "etcd.yaml"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            (int code, string diff, _) = Cli.RunIn(dir, "lint", ".", "--fix", "--dry-run");
            Assert.Equal(1, code);
            Assert.Equal(
                "--- a/etcd.yaml\n+++ b/etcd.yaml\n@@ -1,3 +1,3 @@\n # etcd member\n heartbeat-interval: 100   # ms\n-election-timeout: 300\n+election-timeout: 1000\n"
                + "--- a/pod.yaml\n+++ b/pod.yaml\n@@ -7,4 +7,4 @@\n         - name: ETCD_HEARTBEAT_INTERVAL\n           value: \"100\"\n         - name: ETCD_ELECTION_TIMEOUT\n-          value: '300'\n+          value: '1000'\n",
                diff.Replace("\r", string.Empty).Replace("\uFEFF", string.Empty));
            Assert.Equal(new System.Text.UTF8Encoding(false).GetBytes(etcd), File.ReadAllBytes(Path.Combine(dir, "etcd.yaml"))); // dry run: untouched

            (code, string output, string err) = Cli.RunIn(dir, "lint", ".", "--fix", "--format", "json");
            Assert.Equal(1, code); // broken.yaml remains
            Assert.Equal(new[] { "broken.yaml EL9001" }, JsonDocument.Parse(output).RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("file").GetString() + " " + d.GetProperty("rule").GetString()));
            Assert.Contains("electionlint: fixed 1 value in etcd.yaml", err);
            byte[] bytes = File.ReadAllBytes(Path.Combine(dir, "etcd.yaml"));
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
            Assert.Equal(etcd.Replace("election-timeout: 300", "election-timeout: 1000"), System.Text.Encoding.UTF8.GetString(bytes));
            Assert.Equal(pod.Replace("'300'", "'1000'"), File.ReadAllText(Path.Combine(dir, "pod.yaml")));
            Assert.Equal("heartbeat-interval: 100\nelection-timeout: 300\nx: [\n", File.ReadAllText(Path.Combine(dir, "broken.yaml")));
            if (unix)
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dir, "etcd.yaml")));
            }

            Assert.Empty(Directory.GetFiles(dir, "*.electionlint-fix"));

            (_, _, err) = Cli.RunIn(dir, "lint", ".", "--fix");
            Assert.DoesNotContain("fixed", err);
        }

        [Fact]
        public void Fix_on_every_real_config_changes_only_values_and_clears_the_fixed_findings()
        {
            string dir = Cli.Scratch();
            string corpus = Path.Combine(Cli.RepoRoot, "tests", "corpus");
            foreach (string f in Directory.EnumerateFiles(Path.Combine(corpus, "real"), "*", SearchOption.AllDirectories)
                .Concat(Directory.EnumerateFiles(Path.Combine(corpus, "large"), "*", SearchOption.AllDirectories))
                .Concat(Directory.EnumerateFiles(Path.Combine(Cli.RepoRoot, "samples", "config-repo"), "*", SearchOption.AllDirectories))
                .Where(f => ElectionLint.Config.Linting.ConfigFileNames.IsConfigFile(f)))
            {
                string rel = Path.GetRelativePath(Path.Combine(Cli.RepoRoot, ".."), f).Replace("..", "up");
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, rel))!);
                File.Copy(f, Path.Combine(dir, rel));
            }

            string[] before = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/.git", StringComparison.Ordinal)).OrderBy(f => f).ToArray();
            var original = before.ToDictionary(f => f, File.ReadAllText);
            var originalBytes = before.ToDictionary(f => f, File.ReadAllBytes);
            (_, string first, _) = Cli.RunIn(dir, "lint", ".", "--format", "json");
            var unreadable = JsonDocument.Parse(first).RootElement.GetProperty("diagnostics").EnumerateArray()
                .Where(d => d.GetProperty("rule").GetString() is "EL9001" or "EL9004").Select(d => Path.GetFullPath(Path.Combine(dir, d.GetProperty("file").GetString()!))).ToHashSet();
            Assert.NotEmpty(unreadable);
            Cli.RunIn(dir, "lint", ".", "--fix");
            (_, string after, string again) = Cli.RunIn(dir, "lint", ".", "--fix", "--format", "json");
            Assert.DoesNotContain("fixed", again); // idempotent

            // Every fixed file differs only inside values: the same lines, each changed line keeps its key or flag.
            int changedFiles = 0;
            foreach (string f in before)
            {
                string[] a = original[f].Split('\n'), b = File.ReadAllText(f).Split('\n');
                Assert.Equal(a.Length, b.Length);
                for (int i = 0; i < a.Length; i++)
                {
                    if (a[i] != b[i])
                    {
                        int prefix = 0;
                        while (a[i][prefix] == b[i][prefix])
                        {
                            prefix++;
                        }

                        Assert.True(prefix > 0 && !a[i].Substring(prefix).Contains('#'), $"{f}:{i + 1}: '{a[i]}' → '{b[i]}'");
                    }
                }

                byte[] now = File.ReadAllBytes(f);
                bool same = now.AsSpan().SequenceEqual(originalBytes[f]);
                Assert.True(same || !unreadable.Contains(f), $"{f} has a syntax problem, yet it was changed");
                changedFiles += same ? 0 : 1;
            }

            Assert.Empty(Directory.GetFiles(dir, "*.electionlint-fix", SearchOption.AllDirectories));

            Assert.True(changedFiles >= 10, $"{changedFiles} files fixed");
            // No finding that had a repair is left.
            static IEnumerable<string> Repaired(string json)
            {
                var all = JsonDocument.Parse(json).RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
                var broken = all.Where(d => d.GetProperty("rule").GetString() is "EL9001" or "EL9004").Select(d => d.GetProperty("file").GetString()).ToHashSet();
                return all.Where(d => !broken.Contains(d.GetProperty("file").GetString())
                        && d.GetProperty("repairs").GetArrayLength() > 0 && d.GetProperty("repairs")[0].EnumerateArray().All(c => c.GetProperty("present").GetBoolean()))
                    .Select(d => d.GetProperty("file").GetString() + " " + d.GetProperty("rule").GetString());
            }

            Assert.NotEmpty(Repaired(first));
            Assert.Empty(Repaired(after));
        }

        [Fact]
        public void Fix_that_cannot_write_says_so_and_leaves_the_file()
        {
            string dir = Cli.Scratch(("etcd.yaml", Bad));
            Directory.CreateDirectory(Path.Combine(dir, ".etcd.yaml.electionlint-fix")); // where the temporary file would go
            (int code, _, string err) = Cli.RunIn(dir, "lint", ".", "--fix", "--quiet");
            Assert.Equal(1, code);
            Assert.StartsWith("electionlint: cannot write etcd.yaml: ", err);
            Assert.Equal(Bad, File.ReadAllText(Path.Combine(dir, "etcd.yaml")));
        }

        /// <summary>
        /// A fix killed at any moment leaves the original or the fixed file, never a mix: the real process is killed at
        /// spread-out moments while it writes a large file.
        /// </summary>
        [Fact]
        public void Fix_killed_at_any_moment_leaves_the_original_or_the_fixed_file()
        {
            var padding = new System.Text.StringBuilder();
            for (int i = 0; i < 60_000; i++)
            {
                padding.Append("# padding line ").Append(i).Append(" so that reading and writing take a while\n");
            }

            string original = "heartbeat-interval: 100\nelection-timeout: 300\n" + padding;
            string fixedText = original.Replace("election-timeout: 300", "election-timeout: 1000");
            string dir = Cli.Scratch(("etcd.yaml", original));
            string path = Path.Combine(dir, "etcd.yaml");
            string tool = Path.Combine(AppContext.BaseDirectory, "electionlint.dll");
            int killed = 0, completed = 0;
            for (int round = 0; round < 16; round++)
            {
                File.WriteAllText(path, original);
                var start = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (string a in new[] { tool, "lint", "etcd.yaml", "--fix", "--quiet" })
                {
                    start.ArgumentList.Add(a);
                }

                using Process p = Process.Start(start)!;
                if (!p.WaitForExit(round == 15 ? 60_000 : 40 + (round * 45)))
                {
                    p.Kill(entireProcessTree: true);
                    p.WaitForExit();
                    killed++;
                }
                else
                {
                    completed++;
                }

                string now = File.ReadAllText(path);
                Assert.True(now == original || now == fixedText, $"round {round}: a partial file ({now.Length} characters)");
            }

            Assert.True(killed > 0, "no run was interrupted");
            File.WriteAllText(path, original);
            Assert.Equal(0, Cli.RunIn(dir, "lint", "etcd.yaml", "--fix", "--quiet").Code); // a stale temporary file from a killed run does not matter
            Assert.Equal(fixedText, File.ReadAllText(path));
            Assert.True(completed > 0, "no run finished: the moments do not span a whole run");
        }

        [Fact]
        public void Init_writes_a_profile_that_loads_and_lists_what_it_found_but_never_overwrites()
        {
            string dir = Cli.Scratch(("etcd/etcd.yaml", Good), ("kafka/consumer.properties", "session.timeout.ms=45000\nheartbeat.interval.ms=3000\n"));
            (int code, string output, _) = Cli.RunIn(dir, "init", "--network", "wan", "--rtt-p99", "150ms", "--max-failover", "30s");
            Assert.Equal((0, "wrote .electionlint.yaml"), (code, output.Trim()));
            string text = File.ReadAllText(Path.Combine(dir, ".electionlint.yaml"));
            Assert.Contains("# Found in this repository: etcd (1), the Kafka consumer (1).\n", text);
            Assert.Contains("  network: wan ", text);
            Assert.Contains("  # gcPauseP99: 300ms ", text); // not given: left out, commented
            LoadedProfileAssert(Path.Combine(dir, ".electionlint.yaml"), text);
            Assert.Equal(1, Cli.RunIn(dir, "lint", ".").Code); // etcd's 1000 ms is below 10 × 150 ms now

            (code, _, string err) = Cli.RunIn(dir, "init");
            Assert.Equal(2, code);
            Assert.Contains("exists; --force replaces it", err);
            Assert.Equal(text, File.ReadAllText(Path.Combine(dir, ".electionlint.yaml")));
            (code, _, err) = Cli.RunIn(dir, "init", "--force", "--rtt-p99", "fast");
            Assert.Equal((2, "error: rttP99: invalid duration \"fast\""), (code, err.Trim()));
            Assert.Equal(0, Cli.RunIn(dir, "init", "--force").Code);
        }

        private static void LoadedProfileAssert(string path, string text)
        {
            var loaded = ElectionLint.Config.ProfileFile.ProfileLoader.Load(path, text);
            Assert.Empty(loaded.Problems);
            Assert.Equal(150, loaded.Document.Profile.RttP99!.Value.Nanoseconds / 1_000_000);
        }

        [Fact]
        public void Explain_gives_patroni_the_window_of_its_dcs_and_the_postgres_crash_path()
        {
            // N14 (patroni/patroni @ a4a6dc02): the Consul DCS window and master_start_timeout, read when primary_start_timeout
            // is absent (global_config.py:183-184); both are printed under the window, and JSON carries them as windowRemarks.
            string dir = Cli.Scratch(("patroni.yml", "scope: demo\nrestapi:\n  listen: 0.0.0.0:8008\nconsul:\n  host: c:8500\nbootstrap:\n  dcs:\n    ttl: 30\n    loop_wait: 10\n    retry_timeout: 10\n    master_start_timeout: 60\n"));
            (int code, string output, _) = Cli.RunIn(dir, "explain", "patroni.yml");
            Assert.Equal(0, code);
            Assert.Contains(
                "  master_start_timeout  60 s  set at 11:27\n"
                + "  dcs                   consul  set at 4:1\n"
                + "  worst-case failover window: 32s (ttl + 2s + 2 × RTT)\n"
                + "    the Consul DCS deletes the key with the session, ttl after its last renewal, and replicas wake at once: ttl + 2 s for the race\n"
                + "    a Postgres crash with Patroni alive is restarted for up to master_start_timeout 60 s before a failover: loop_wait + master_start_timeout + loop_wait = 1m20s\n",
                output);
            (_, string json, _) = Cli.RunIn(dir, "explain", "patroni.yml", "--format", "json");
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            Assert.Equal(2, doc.RootElement.GetProperty("configurations")[0].GetProperty("windowRemarks").GetArrayLength());
            Assert.StartsWith("the Consul DCS deletes the key", doc.RootElement.GetProperty("configurations")[0].GetProperty("windowRemarks")[0].GetString());
        }

        [Fact]
        public void Explain_shows_each_setting_the_profile_the_window_and_the_repairs()
        {
            string dir = Cli.Scratch(("etcd.yaml", Bad), (".electionlint.yaml", "profile:\n  network: wan\n  maxFailover: 30s\n"));
            (int code, string output, _) = Cli.RunIn(dir, "explain", "etcd.yaml");
            Assert.Equal(0, code);
            Assert.Equal(
                "etcd.yaml:1:1: etcd\n"
                + "  profile: network wan, rttP99 200ms (assumed for a WAN), gcPauseP99 not set, maxFailover 30s — from .electionlint.yaml\n"
                + "  heartbeat-interval  100 ms  set at 1:21\n"
                + "  election-timeout    300 ms  set at 2:19\n"
                + "  worst-case failover window: 900ms (2 × election-timeout − heartbeat-interval + 2 × RTT)\n"
                + "  heartbeat: heartbeat-interval = 100 ms\n"
                + "  detection timeout: election-timeout = 300 ms\n"
                + "  pause budget: election-timeout = 300 ms\n"
                + "  ratio: election-timeout ÷ heartbeat-interval = 3.0×\n"
                + "  trade-off: no estimate (the system refuses this configuration: it never runs)\n"
                + "  rules:\n"
                + "    EL1003 heartbeat-interval 100 ms > 0 ms — passes\n"
                + "    EL1003 election-timeout 300 ms > 0 ms — passes\n"
                + "    EL1002 election-timeout 300 ms ≤ 50000 ms — passes (49700 ms to spare)\n"
                + "    EL1001 election-timeout ÷ heartbeat-interval = 3.0× ≥ 5.0× — fires\n"
                + "    EL2001 election-timeout ÷ heartbeat-interval = 3.0× ≥ 5.0× — not met, not reported: a limit the system enforces fires first; its repair accounts for the profile\n"
                + "    EL2002 election-timeout ÷ heartbeat-interval = 3.0× ≤ 10.0× — passes with 3.33× headroom\n"
                + "    EL2010 election-timeout 300 ms ≥ 2000 ms — not met by 1700 ms, not reported: a limit the system enforces fires first; its repair accounts for the profile\n"
                + "    EL2011 heartbeat-interval 100 ms ≥ 100 ms — passes with 1.0× headroom\n"
                + "    EL2030 failover window 900 ms ≤ 30000 ms — passes with 33.3× headroom (29100 ms to spare)\n"
                + "  EL1001 error: election-timeout 300 ms is 3.0× heartbeat-interval 100 ms; etcd refuses to start below 5× — set election-timeout to 2500 ms and heartbeat-interval to 250 ms\n"
                + "    repair: election-timeout = 2500, heartbeat-interval = 250\n"
                + "\n1 configuration found\n",
                output.Replace("\r", string.Empty));

            (code, output, _) = Cli.RunIn(dir, "explain", ".", "--format", "json");
            Assert.Equal(0, code);
            JsonElement c = JsonDocument.Parse(output).RootElement.GetProperty("configurations").EnumerateArray().Single();
            Assert.Equal(("etcd", "wan", true, ".electionlint.yaml"), (c.GetProperty("system").GetString(), c.GetProperty("profile").GetProperty("network").GetString(),
                c.GetProperty("profile").GetProperty("rttAssumed").GetBoolean(), c.GetProperty("profile").GetProperty("file").GetString()));
            Assert.Equal(new[] { "heartbeat-interval set 100 ms 1", "election-timeout set 300 ms 2" },
                c.GetProperty("settings").EnumerateArray().Select(s => $"{s.GetProperty("name").GetString()} {s.GetProperty("state").GetString()} {s.GetProperty("value").GetString()} {s.GetProperty("line").GetInt32()}"));
            Assert.Equal("2500", c.GetProperty("findings")[0].GetProperty("repairs")[0][0].GetProperty("text").GetString());
            JsonElement ratio = c.GetProperty("margins").EnumerateArray().Single(m => m.GetProperty("rule").GetString() == "EL2002");
            Assert.Equal(("guidance", "passes", 3.333m, "election-timeout ÷ heartbeat-interval = 3.0×", "≤ 10.0×"),
                (ratio.GetProperty("kind").GetString(), ratio.GetProperty("status").GetString(), ratio.GetProperty("headroom").GetDecimal(), ratio.GetProperty("actual").GetString(), ratio.GetProperty("required").GetString()));
        }

        [Fact]
        public void An_unknown_command_is_called_one()
        {
            (int code, _, string err) = Cli.Run("tnue", "samples");
            Assert.Equal(2, code);
            Assert.Equal("error: 'tnue' is not a command (lint, explain, tune, init, rules, help) nor a file or folder\nRun 'electionlint --help' for usage.", err.Trim().Replace("\r", string.Empty));
        }

        [Fact]
        public void Invalid_profile_exits_two_with_EL9002_at_its_position()
        {
            string dir = Cli.Scratch(("etcd.yaml", Good), (".electionlint.yaml", "profile:\n  rttP99: fast\n"));
            (int code, string output, _) = Cli.RunIn(dir);
            Assert.Equal(2, code);
            Assert.StartsWith(".electionlint.yaml:2:11: error EL9002: .electionlint.yaml is invalid: rttP99: invalid duration \"fast\"", output);
        }

        [Fact]
        public void Machine_formats_keep_stdout_clean_and_outputs_pair_with_formats()
        {
            string dir = Cli.Scratch(("etcd.yaml", Bad));
            (int code, string output, _) = Cli.RunIn(dir, "--format", "sarif", "--output", "out/result.sarif", "--format", "json");
            Assert.Equal(1, code);
            SarifValidator.Validate(File.ReadAllText(Path.Combine(dir, "out", "result.sarif")));
            JsonElement json = JsonDocument.Parse(output).RootElement;
            JsonElement d = Assert.Single(json.GetProperty("diagnostics").EnumerateArray());
            Assert.Equal("EL1001", d.GetProperty("rule").GetString());
            Assert.Equal(2, d.GetProperty("line").GetInt32());
            Assert.Equal(19, d.GetProperty("column").GetInt32());
            JsonElement change = Assert.Single(d.GetProperty("repairs")[0].EnumerateArray());
            Assert.Equal("election-timeout", change.GetProperty("setting").GetString());
            Assert.Equal("1000 ms", change.GetProperty("value").GetString());
            Assert.Equal("1000", change.GetProperty("text").GetString());
            Assert.True(change.GetProperty("present").GetBoolean());
            Assert.Equal("heartbeat-interval", d.GetProperty("repairs")[1][0].GetProperty("setting").GetString());
        }

        [Fact]
        public void Github_format_is_chosen_under_github_actions()
        {
            string dir = Cli.Scratch(("etcd.yaml", Bad));
            string? previous = Environment.GetEnvironmentVariable("GITHUB_ACTIONS");
            Environment.SetEnvironmentVariable("GITHUB_ACTIONS", "true");
            try
            {
                (_, string output, _) = Cli.RunIn(dir);
                Assert.StartsWith("::error file=etcd.yaml,line=2,col=19,endLine=2,endColumn=22,title=EL1001 etcd election timeout below 5× the heartbeat interval::election-timeout 300 ms is 3.0×", output);
            }
            finally
            {
                Environment.SetEnvironmentVariable("GITHUB_ACTIONS", previous);
            }
        }

        [Fact]
        public void Ignored_paths_and_skipped_folders_are_not_linted()
        {
            string dir = Cli.Scratch(("vendor/etcd.yaml", Bad), ("node_modules/x/etcd.yaml", Bad), ("bin/etcd.yaml", Bad), (".electionlint.yaml", "ignore: [\"vendor/**\"]\n"));
            (int code, string output, _) = Cli.RunIn(dir);
            Assert.Equal(0, code);
            Assert.Equal("0 files linted: 0 errors, 0 warnings, 0 infos\n", output);
        }

        [Fact]
        public void The_nearest_profile_applies()
        {
            string dir = Cli.Scratch(("wan/etcd.yaml", Good), ("wan/.electionlint.yaml", "profile: { network: wan }\n"), ("lan/etcd.yaml", Good));
            (_, string output, _) = Cli.RunIn(dir, "--format", "json");
            var diagnostics = JsonDocument.Parse(output).RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
            Assert.Equal("wan/etcd.yaml EL2010", string.Join(";", diagnostics.Select(d => d.GetProperty("file").GetString() + " " + d.GetProperty("rule").GetString())));
        }

        [Fact]
        public void Explicit_config_overrides_discovery()
        {
            string dir = Cli.Scratch(("etcd.yaml", Good), ("strict.yaml", "profile: { rttP99: 150ms }\n"));
            (_, string output, _) = Cli.RunIn(dir, "--config", "strict.yaml", "--format", "json");
            Assert.Contains("\"rule\": \"EL2010\"", output);
        }

        [Theory]
        [InlineData("text", "EL1001  error    etcd election timeout below 5× the heartbeat interval  [fix]")]
        [InlineData("markdown", "| [EL1001](docs/rules/EL1001.md) | error | etcd election timeout below 5× the heartbeat interval | etcd | yes |")]
        public void Rules_lists_the_catalogue(string format, string line)
        {
            (int code, string output, _) = Cli.Run("rules", "--format", format);
            Assert.Equal(0, code);
            Assert.Contains(line, output.Split('\n'));
        }

        [Fact]
        public void Rules_json_lists_every_rule()
        {
            (_, string output, _) = Cli.Run("rules", "--format", "json");
            Assert.Equal(RuleCatalogue.Rules.Count, JsonDocument.Parse(output).RootElement.GetArrayLength());
            Assert.Equal(48, RuleCatalogue.Rules.Count);
        }

        [Fact]
        public async System.Threading.Tasks.Task Fifos_and_devices_are_never_read_until_they_end()
        {
            // Review H1, H2, B4: a FIFO blocked forever; /dev/zero behind a link was read until memory ran out.
            string dir = Cli.Scratch(("etcd.yaml", Bad));
            foreach (string fifo in new[] { "pipe.yaml", ".electionlint.yaml" })
            {
                using Process mk = Process.Start(new ProcessStartInfo("mkfifo", Path.Combine(dir, fifo)))!;
                mk.WaitForExit();
            }

            File.CreateSymbolicLink(Path.Combine(dir, "zero.yaml"), "/dev/zero");
            var run = System.Threading.Tasks.Task.Run(() => Cli.RunIn(dir, "lint", ".", "--format", "json"));
            Assert.Same(run, await System.Threading.Tasks.Task.WhenAny(run, System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(60))));
            (int code, string output, _) = await run;
            Assert.Equal(2, code); // a profile that is no regular file is a profile error (SPEC §6: a clear message), not an absent profile
            Assert.Equal(
                new[] { "EL9002 .electionlint.yaml is invalid: not a regular file (a FIFO); ElectionLint does not read it" },
                JsonDocument.Parse(output).RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("rule").GetString() + " " + d.GetProperty("message").GetString()));

            File.Delete(Path.Combine(dir, ".electionlint.yaml"));
            (code, output, _) = Cli.RunIn(dir, "lint", ".", "--format", "json");
            Assert.Equal(1, code);
            Assert.Equal(
                new[] { "etcd.yaml EL1001", "pipe.yaml EL9004", "zero.yaml EL9004" },
                JsonDocument.Parse(output).RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("file").GetString() + " " + d.GetProperty("rule").GetString()));
        }

        [Fact]
        public void Links_are_measured_by_their_target_and_profile_errors_are_usage_errors()
        {
            // Review R2: a link to a 1.5 GB file was read whole before the size check; B5: a looping profile link crashed.
            string dir = Cli.Scratch(("etcd.yaml", Bad));
            using (FileStream big = File.Create(Path.Combine(dir, "big.bin")))
            {
                big.SetLength(11 * 1024 * 1024);
            }

            File.CreateSymbolicLink(Path.Combine(dir, "big.yaml"), Path.Combine(dir, "big.bin"));
            (int code, string output, _) = Cli.RunIn(dir, "lint", ".", "--format", "json");
            Assert.Equal(1, code);
            var messages = JsonDocument.Parse(output).RootElement.GetProperty("diagnostics").EnumerateArray()
                .Select(d => d.GetProperty("rule").GetString() + " " + d.GetProperty("message").GetString()).ToArray();
            Assert.Equal(new[] { "EL9004 file skipped: 11 MB is larger than the 10 MB limit", "EL1001" }, messages.Select(m => m.StartsWith("EL1001", StringComparison.Ordinal) ? "EL1001" : m));

            File.CreateSymbolicLink(Path.Combine(dir, ".electionlint.yaml"), Path.Combine(dir, ".electionlint.yaml"));
            (code, output, _) = Cli.RunIn(dir, "lint", "etcd.yaml");
            Assert.Equal(2, code);
            Assert.StartsWith(".electionlint.yaml:1:1: error EL9002: .electionlint.yaml is invalid: cannot be read (Too many levels of symbolic links", output);

            (code, _, string error) = Cli.RunIn(dir, "lint", "etcd.yaml", "--config", dir);
            Assert.Equal(2, code);
            Assert.Equal($"error: --config {dir}: a folder; name the profile file itself (for example {Path.Combine(dir, ".electionlint.yaml")})", error.Trim());
        }

        [Fact]
        public void A_value_with_a_line_break_keeps_the_one_line_format()
        {
            string dir = Cli.Scratch(("etcd.yaml", "heartbeat-interval: 100\nelection-timeout: \"30\\n0\\u001b[31m\"\n"));
            (_, string output, _) = Cli.RunIn(dir, "etcd.yaml");
            string first = output.Split('\n')[0];
            Assert.StartsWith("etcd.yaml:2:20: error EL1000: election-timeout value '30\\n0\\u001B[31m' cannot be parsed by etcd", first);
            Assert.DoesNotContain('\u001b', output);
        }

        [Fact]
        public void A_code_frame_shows_a_window_of_a_long_line()
        {
            // Review H5: the frame printed the whole (minified) line for every finding.
            string json = "{" + string.Join(",", Enumerable.Range(0, 400).Select(i => $"\"k{i}\": 1")) + ", \"lowerElectionTimeout\": 0}";
            string dir = Cli.Scratch(("appsettings.json", json));
            (_, string output, _) = Cli.RunIn(dir, "appsettings.json");
            string[] lines = output.Split('\n');
            Assert.Contains("EL1040", lines[0]);
            Assert.True(lines[1].Length < 200, lines[1]);
            Assert.EndsWith("\"lowerElectionTimeout\": 0}", lines[1]);
            Assert.Equal(lines[1].IndexOf("0}", StringComparison.Ordinal), lines[2].IndexOf('^'));
        }

        [Fact]
        public void Findings_per_file_are_capped()
        {
            // Review R4: 9.5 MB of "a: 1" gave 1.9 M EL9001 and 425 MB of output.
            string dir = Cli.Scratch(("dup.properties", "# session.timeout.ms\n" + string.Concat(Enumerable.Repeat("a=1\n", 2000))));
            (_, string output, _) = Cli.RunIn(dir, "--format", "json");
            var rules = JsonDocument.Parse(output).RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("rule").GetString()).ToList();
            Assert.Equal(501, rules.Count);
            Assert.Equal("EL9004", rules[^1]);
        }

        [Fact]
        public void An_internal_error_exits_3_with_one_line_and_no_stack()
        {
            // Review B6: System.CommandLine's default handler printed a stack and exited 1, like findings. A failure of the run
            // itself (here: standard output is a full device) is exit 3; an --output that cannot be written is a usage error.
            string dir = Cli.Scratch(("etcd.yaml", Bad));
            string dll = Path.Combine(AppContext.BaseDirectory, "electionlint.dll");
            var psi = new ProcessStartInfo("sh") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string a in new[] { "-c", $"dotnet \"{dll}\" lint . --format json \"$@\" > /dev/full", "sh" })
            {
                psi.ArgumentList.Add(a);
            }

            psi.Environment.Remove("ELECTIONLINT_DEBUG");
            using Process p = Process.Start(psi)!;
            p.StandardOutput.ReadToEnd();
            string[] stderr = p.StandardError.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            p.WaitForExit();
            Assert.Equal(3, p.ExitCode);
            Assert.StartsWith("electionlint: internal error: ", Assert.Single(stderr));

            psi.ArgumentList.Add("--verbose");

            (int code, _, string error) = Cli.RunIn(dir, "lint", ".", "--format", "json", "--output", "/proc/no-such-dir/out.json");
            Assert.Equal(2, code);
            Assert.StartsWith("error: --output /proc/no-such-dir/out.json: cannot be written (", error);
            using Process verbose = Process.Start(psi)!;
            verbose.StandardOutput.ReadToEnd();
            string[] stack = verbose.StandardError.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            verbose.WaitForExit();
            Assert.Equal(3, verbose.ExitCode);
            Assert.Contains(stack, l => l.TrimStart().StartsWith("at ElectionLint.", StringComparison.Ordinal));
        }

        [Fact]
        public void Help_version_quiet_and_colour_follow_the_usual_conventions()
        {
            (int code, string output, _) = Cli.Run("help");
            Assert.Equal(0, code);
            Assert.Contains("Usage:", output);
            Assert.Contains("lint", output);
            (code, output, _) = Cli.Run("help", "lint");
            Assert.Equal(0, code);
            Assert.Contains("--fail-level", output);
            (code, output, _) = Cli.Run("--version");
            Assert.Equal((0, "0.1.0"), (code, output.Trim()));

            string dir = Cli.Scratch(("etcd.yaml", Bad), ("ok/etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 1000\n"));
            (code, output, _) = Cli.RunIn(dir, "lint", ".", "etcd.yaml", "--quiet");
            Assert.Equal(1, code);
            Assert.Single(output.Split('\n'), l => l.Contains("EL1001", StringComparison.Ordinal)); // linted once
            Assert.DoesNotContain("linted:", output);
            (code, output, _) = Cli.RunIn(dir, "lint", "ok", "--quiet");
            Assert.Equal((0, string.Empty), (code, output));

            (_, output, _) = Cli.RunIn(dir, "lint", "etcd.yaml", "--color", "always");
            Assert.StartsWith("etcd.yaml:2:19: \u001b[1;31merror\u001b[0m \u001b[2mEL1001\u001b[0m: ", output);
            (_, output, _) = Cli.RunIn(dir, "lint", "etcd.yaml");
            Assert.DoesNotContain('\u001b', output); // not a terminal
            (_, output, _) = Cli.RunIn(dir, "lint", "etcd.yaml", "--color", "always", "--format", "json");
            Assert.DoesNotContain('\u001b', output);
        }

        [Fact]
        public void A_yml_profile_is_found_like_a_yaml_one()
        {
            string dir = Cli.Scratch(("etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 1000\n"), (".electionlint.yml", "profile:\n  network: wan\n"));
            (int code, string output, _) = Cli.RunIn(dir, "lint", ".", "--format", "json");
            Assert.Equal(1, code);
            Assert.Equal("EL2010", JsonDocument.Parse(output).RootElement.GetProperty("diagnostics")[0].GetProperty("rule").GetString());
        }

        [Fact]
        public void The_process_exits_with_the_code_and_prints_only_sarif()
        {
            string dir = Cli.Scratch(("etcd.yaml", Bad));
            string dll = Path.Combine(AppContext.BaseDirectory, "electionlint.dll");
            var psi = new ProcessStartInfo("dotnet", $"\"{dll}\" lint . --format sarif") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
            using Process p = Process.Start(psi)!;
            string stdout = p.StandardOutput.ReadToEnd();
            string stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.Equal(1, p.ExitCode);
            Assert.Equal(string.Empty, stderr);
            SarifValidator.Validate(stdout);
        }
    }
}
