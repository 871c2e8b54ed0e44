using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ElectionLint.Config.Linting;
using Xunit;

namespace ElectionLint.Cli.Tests
{
    /// <summary>The robustness review's reproducers (review-2026-12, N1–N14), kept small under Regression/.</summary>
    [Collection("cli")]
    public class RobustnessTests
    {
        internal static string Case(string name) => Path.Combine(Cli.RepoRoot, "tests", "ElectionLint.Cli.Tests", "Regression", name);

        [Fact]
        public void N4_a_tab_in_a_configmaps_embedded_yaml_is_EL9001_at_the_tab()
        {
            (int code, string output, string err) = Cli.RunIn(Case("N4-configmap-tab"), "lint", "cm.yaml", "--format", "text");
            Assert.Equal(string.Empty, err);
            Assert.Equal(1, code);
            Assert.StartsWith("cm.yaml:5:5: error EL9001: data key 'etcd.conf.yml': YAML syntax error: a tab in indentation; YAML indents with spaces only\n", output);
        }

        [Fact]
        public void N5_an_elasticsearch_duration_past_a_long_is_EL1000_too_large()
        {
            (int code, string output, string err) = Cli.RunIn(Case("N5-elasticsearch-overflow"), "lint", "elasticsearch.yml", "--format", "text");
            Assert.Equal(string.Empty, err);
            Assert.Equal(1, code);
            Assert.StartsWith(
                "elasticsearch.yml:1:48: error EL1000: cluster.fault_detection.leader_check.interval value '99999999999999999h' cannot be parsed by Elasticsearch: \"99999999999999999h\" is too large\n",
                output);
        }

        [Fact]
        public void An_exception_while_linting_one_file_is_that_files_EL9004_and_the_report_completes()
        {
            string dir = Cli.Scratch(("a/etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 300\n"), ("b/etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 300\n"));
            string previous = Directory.GetCurrentDirectory();
            try
            {
                Directory.SetCurrentDirectory(dir);
                var stdout = new MemoryStream();
                var writer = new StreamWriter(stdout, new UTF8Encoding(false));
                var err = new StringWriter();
                var options = new LintOptions
                {
                    Paths = new[] { "a", "b" },
                    Formats = new[] { "json" },
                    LintFile = (file, doc, rel) => file.Contains(Path.DirectorySeparatorChar + "b" + Path.DirectorySeparatorChar) ? throw new IndexOutOfRangeException("a bug") : ConfigLinter.LintFile(file, doc, rel),
                };
                int code = LintRunner.Run(options, writer, err, stdout);
                writer.Flush();
                Assert.Equal(1, code);
                Assert.Equal(string.Empty, err.ToString());
                JsonElement findings = JsonDocument.Parse(Encoding.UTF8.GetString(stdout.ToArray())).RootElement.GetProperty("diagnostics");
                var seen = findings.EnumerateArray().Select(f => (f.GetProperty("file").GetString(), f.GetProperty("rule").GetString(), f.GetProperty("message").GetString())).ToList();
                Assert.Equal(2, seen.Count);
                Assert.Contains(("a/etcd.yaml", "EL1001"), seen.Select(s => (s.Item1, s.Item2)));
                Assert.Contains(("b/etcd.yaml", "EL9004", "file skipped: ElectionLint could not lint it (IndexOutOfRangeException)"), seen);
            }
            finally
            {
                Directory.SetCurrentDirectory(previous);
                Directory.Delete(dir, true);
            }
        }
        [Theory]
        [InlineData("--baseline", "", "error: --baseline needs a file name")]
        [InlineData("--stdin-filename", "", "error: --stdin-filename needs a file name")]
        [InlineData("--output", "etcd.yaml/x.json", "error: --output etcd.yaml/x.json: {0}/etcd.yaml is a file, not a folder")]
        [InlineData("--output", ".", "error: --output .: is a folder; name a file in it")]
        [InlineData("--write-baseline", "etcd.yaml/x.json", "error: --write-baseline etcd.yaml/x.json: {0}/etcd.yaml is a file, not a folder")]
        [InlineData("--write-baseline", ".", "error: --write-baseline .: is a folder; name a file in it")]
        public void N10_usage_mistakes_exit_2_with_a_message(string flag, string value, string message)
        {
            string dir = Cli.Scratch(("etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 300\n"));
            try
            {
                string[] args = flag == "--stdin-filename" ? new[] { "lint", "-", flag, value }
                    : flag == "--output" ? new[] { "lint", "etcd.yaml", "--format", "json", flag, value }
                    : new[] { "lint", "etcd.yaml", flag, value };
                (int code, string output, string err) = Cli.RunIn(dir, args);
                Assert.Equal(2, code);
                Assert.Equal(string.Empty, output);
                Assert.Equal(string.Format(message, dir) + Environment.NewLine, err);
                Assert.Equal(new[] { ".git", "etcd.yaml" }, Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void N9_a_device_or_fifo_as_baseline_is_refused_unread()
        {
            if (OperatingSystem.IsWindows())
            {
                return;
            }

            string dir = Cli.Scratch(("etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 300\n"));
            try
            {
                (int code, string output, string err) = Cli.RunIn(dir, "lint", "etcd.yaml", "--baseline", "/dev/zero");
                Assert.Equal(2, code);
                Assert.Equal(string.Empty, output);
                Assert.Equal("error: --baseline /dev/zero: not a regular file (a character device); ElectionLint does not read it" + Environment.NewLine, err);

                string fifo = MakeFifo(dir, "pipe.json");
                (code, _, err) = Cli.RunIn(dir, "lint", "etcd.yaml", "--baseline", fifo);
                Assert.Equal(2, code);
                Assert.Equal($"error: --baseline {fifo}: not a regular file (a FIFO); ElectionLint does not read it" + Environment.NewLine, err);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void A_device_or_fifo_named_or_found_is_one_EL9004_and_not_read()
        {
            if (OperatingSystem.IsWindows())
            {
                return;
            }

            string dir = Cli.Scratch(("etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 1000\n"));
            try
            {
                MakeFifo(dir, "pipe.yaml");
                File.CreateSymbolicLink(Path.Combine(dir, "zero.yaml"), "/dev/zero");
                (int code, string output, string err) = Cli.RunIn(dir, "lint", ".", "--format", "json", "--fail-level", "info");
                Assert.Equal(string.Empty, err);
                Assert.Equal(1, code);
                var seen = JsonDocument.Parse(output).RootElement.GetProperty("diagnostics").EnumerateArray()
                    .Select(d => d.GetProperty("file").GetString() + " " + d.GetProperty("rule").GetString() + " " + d.GetProperty("message").GetString()).ToArray();
                Assert.Equal(
                    new[]
                    {
                        "pipe.yaml EL9004 file skipped: not a regular file (a FIFO); ElectionLint does not read it",
                        "zero.yaml EL9004 file skipped: not a regular file (a character device); ElectionLint does not read it",
                    },
                    seen);

                (code, output, _) = Cli.RunIn(dir, "lint", "etcd.yaml", "--config", "pipe.yaml", "--quiet");
                Assert.Equal(2, code);
                Assert.StartsWith("pipe.yaml:1:1: error EL9002: pipe.yaml is invalid: not a regular file (a FIFO); ElectionLint does not read it\n", output);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void Files_that_name_no_setting_are_still_checked_for_encoding_and_suppression_comments()
        {
            // Such files are judged in reused buffers and let go; anything to report sends them down the full path.
            string dir = Cli.Scratch(("clean.yaml", "kind: Service\n"), ("note.yaml", "# electionlint-disable EL9999\nkind: Service\n"), ("bom.yaml", "\uFEFFkind: Service\n"));
            try
            {
                File.WriteAllBytes(Path.Combine(dir, "bad.yaml"), new byte[] { (byte)'a', (byte)':', (byte)' ', 0xC3, 0x28, (byte)'\n' });
                File.WriteAllBytes(Path.Combine(dir, "nul.yaml"), new byte[] { (byte)'a', 0, (byte)'\n' });
                File.WriteAllBytes(Path.Combine(dir, "utf16.yaml"), new byte[] { 0xFF, 0xFE, (byte)'a', 0 });
                (int code, string output, string err) = Cli.RunIn(dir, "lint", ".", "--format", "json", "--fail-level", "info");
                Assert.Equal(string.Empty, err);
                Assert.Equal(1, code);
                var seen = JsonDocument.Parse(output).RootElement.GetProperty("diagnostics").EnumerateArray()
                    .Select(d => d.GetProperty("file").GetString() + " " + d.GetProperty("rule").GetString()).ToArray();
                Assert.Equal(new[] { "bad.yaml EL9001", "note.yaml EL9003", "nul.yaml EL9004", "utf16.yaml EL9004" }, seen);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Theory]
        [InlineData("comment")]
        [InlineData("baseline")]
        [InlineData("profile")]
        public void N12_fix_never_writes_a_file_whose_EL9001_is_hidden(string how)
        {
            string text = (how == "comment" ? "# electionlint-disable-file EL9001\n" : string.Empty) + "heartbeat-interval: 100\nelection-timeout: 300\nelection-timeout: 300\n";
            string dir = how == "profile"
                ? Cli.Scratch(("etcd.yaml", text), (".electionlint.yaml", "rules:\n  EL9001: off\n"))
                : Cli.Scratch(("etcd.yaml", text));
            try
            {
                string[] extra = Array.Empty<string>();
                if (how == "baseline")
                {
                    Assert.Equal(0, Cli.RunIn(dir, "lint", "etcd.yaml", "--write-baseline", "base.json").Code);
                    string baseline = File.ReadAllText(Path.Combine(dir, "base.json"));
                    File.WriteAllText(Path.Combine(dir, "base.json"), string.Join("\n", baseline.Split('\n').Where(l => !l.Contains("\"EL1001\""))).Replace("},\n  ]", "}\n  ]"));
                    extra = new[] { "--baseline", "base.json" };
                }

                (int code, string output, string err) = Cli.RunIn(dir, new[] { "lint", "etcd.yaml", "--fix", "--quiet" }.Concat(extra).ToArray());
                Assert.Equal(text, File.ReadAllText(Path.Combine(dir, "etcd.yaml")));
                Assert.Equal(string.Empty, err);
                Assert.Equal(1, code);
                Assert.Contains("error EL1001: election-timeout 300 ms", output);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void Fix_removes_the_temporaries_a_killed_run_left_beside_its_files()
        {
            string dir = Cli.Scratch(("etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 300\n"), ("other.yaml", "a: 1\n"));
            try
            {
                File.WriteAllText(Path.Combine(dir, ".etcd.yaml.electionlint-fix"), "heartbeat-interval: 100\nelection-ti");
                File.WriteAllText(Path.Combine(dir, ".other.yaml.electionlint-fix"), "a:");
                File.WriteAllText(Path.Combine(dir, ".gone.yaml.electionlint-fix"), "not ours to judge: its file is gone");
                (int code, _, string err) = Cli.RunIn(dir, "lint", ".", "--fix", "--quiet");
                Assert.Equal(0, code);
                Assert.Equal("electionlint: fixed 1 value in etcd.yaml" + Environment.NewLine, err);
                Assert.Equal(
                    new[] { ".git", ".gone.yaml.electionlint-fix", "etcd.yaml", "other.yaml" },
                    Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void N7_a_chart_template_of_a_megabyte_of_blank_lines_does_not_stop_its_values_being_linted()
        {
            string dir = Cli.Scratch(
                ("chart/Chart.yaml", "apiVersion: v2\nname: demo\n"),
                ("chart/values.yaml", "leaderElection:\n  lease: 10s\n  renew: 10s\n"),
                ("chart/templates/t.yaml", new string('\n', 1024 * 1024 - 1)),
                ("chart/templates/dashes.yaml", string.Concat(Enumerable.Repeat("--a", 300_000))),
                ("chart/templates/d.yaml", "- --leader-elect-lease-duration={{ .Values.leaderElection.lease }}\n- --leader-elect-renew-deadline={{ .Values.leaderElection.renew }}\n"));
            try
            {
                (int code, string output, string err) = Cli.RunIn(dir, "lint", "chart/values.yaml", "--quiet");
                Assert.Equal(string.Empty, err);
                Assert.Equal(1, code);
                Assert.StartsWith("chart/values.yaml:2:10: error EL1010: leaderElection.lease 10s is not greater than leaderElection.renew 10s;", output);
                Assert.Contains("chart/templates/d.yaml:1:3: note: the template that passes this value on", output);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void N13_a_kept_finding_found_after_the_limit_still_gets_its_repair()
        {
            // The ConfigMap's embedded file is evaluated after the 600 documents that follow it, but reported first.
            string text = "kind: ConfigMap\ndata:\n  etcd.conf.yml: |\n    heartbeat-interval: 100\n    election-timeout: 300\n" +
                string.Concat(Enumerable.Repeat("---\nheartbeat-interval: 100\nelection-timeout: 300\n", 600));
            string dir = Cli.Scratch(("etcd.yaml", text));
            try
            {
                (int code, string output, _) = Cli.RunIn(dir, "lint", "etcd.yaml", "--format", "json");
                Assert.Equal(1, code);
                JsonElement[] diagnostics = JsonDocument.Parse(output).RootElement.GetProperty("diagnostics").EnumerateArray().ToArray();
                Assert.Equal(501, diagnostics.Length);
                Assert.Equal(5, diagnostics[0].GetProperty("line").GetInt32());
                Assert.EndsWith("— set election-timeout to 1000 ms", diagnostics[0].GetProperty("message").GetString());
                Assert.Equal("1000", diagnostics[0].GetProperty("repairs")[0][0].GetProperty("text").GetString());
                Assert.All(diagnostics.Take(500), d => Assert.NotEqual(0, d.GetProperty("repairs").GetArrayLength()));
                Assert.Equal("file partly reported: 101 more findings in this file are not shown (at most 500 per file)", diagnostics[500].GetProperty("message").GetString());
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void N1_an_803_byte_spring_alias_bomb_is_linted_without_expanding_it()
        {
            (int code, string output, string err) = Cli.RunIn(Case("N1-spring-alias-bomb"), "lint", "application.yml");
            Assert.Equal(string.Empty, err);
            Assert.Equal(0, code);
            Assert.Equal("1 file linted: 0 errors, 0 warnings, 0 infos\n", output);
        }

        [Fact]
        public void N2_elasticsearch_duplicate_keys_through_aliases_are_reported_once_each()
        {
            (int code, string output, string err) = Cli.RunIn(Case("N2-elasticsearch-alias-dupkeys"), "lint", "elasticsearch.yml", "--format", "json");
            Assert.Equal(string.Empty, err);
            Assert.Equal(1, code);
            JsonElement[] diagnostics = JsonDocument.Parse(output).RootElement.GetProperty("diagnostics").EnumerateArray().ToArray();
            Assert.Equal(501, diagnostics.Length);
            Assert.Equal("duplicate key 'interval' (first defined on line 1); YAML requires unique keys and Go's YAML decoders (Kubernetes, etcd) reject the file", diagnostics[0].GetProperty("message").GetString());
            Assert.Equal("file partly reported: 697 more findings in this file are not shown (at most 500 per file)", diagnostics[500].GetProperty("message").GetString());
        }

        [Fact]
        public void N8_a_profile_with_a_half_megabyte_glob_and_thousands_of_globs_still_ignores_and_lints()
        {
            string globs = string.Join(", ", Enumerable.Range(0, 20_000).Select(i => $"\"**/x{i}/**\""));
            string dir = Cli.Scratch(
                (".electionlint.yaml", $"ignore: [\"**/{new string('x', 500_000)}\", {globs}, \"vendor/**\"]\n"),
                ("vendor/etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 300\n"),
                ("x7/etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 300\n"),
                ("deploy/etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 300\n"));
            try
            {
                (int code, string output, string err) = Cli.RunIn(dir, "lint", ".", "--format", "json");
                Assert.Equal(string.Empty, err);
                Assert.Equal(1, code);
                Assert.Equal(
                    new[] { "deploy/etcd.yaml EL1001" },
                    JsonDocument.Parse(output).RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("file").GetString() + " " + d.GetProperty("rule").GetString()));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Theory]
        [InlineData("etcd.yaml", "heartbeat-interval: 100\n", "a: 1\n")]
        [InlineData("server.properties", "broker.heartbeat.interval.ms=3000\n", "a=1\n")]
        [InlineData("appsettings.json", "{\"RaftCluster\": {\"heartbeatThreshold\": 0.5}", ", \"a\": 1")]
        public void R4_past_ten_thousand_duplicate_keys_are_counted_not_built(string name, string head, string line)
        {
            string text = head + string.Concat(Enumerable.Repeat(line, 20_001)) + (name.EndsWith(".json", StringComparison.Ordinal) ? "}\n" : string.Empty);
            FileResult r = ConfigLinter.Lint(new Config.Source.SourceText("/r4/" + name, text), Rules.Profile.ProfileDocument.Empty, name);
            Assert.Equal(Config.Documents.ProblemList.MaxKept, r.Parsed!.Problems.Count);
            Assert.Equal(20_000 - Config.Documents.ProblemList.MaxKept, r.Parsed.OmittedProblems);
            Assert.Equal(ConfigLinter.MaxDiagnosticsPerFile + 1, r.Diagnostics.Count);
            Assert.All(r.Diagnostics.Take(ConfigLinter.MaxDiagnosticsPerFile), d => Assert.Equal("EL9001", d.RuleId));
            Assert.Equal("file partly reported: 19500 more findings in this file are not shown (at most 500 per file)", r.Diagnostics[^1].Message);
        }

        private static string MakeFifo(string dir, string name)
        {
            string path = Path.Combine(dir, name);
            using var mkfifo = System.Diagnostics.Process.Start("mkfifo", path);
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
            return path;
        }
    }
}
