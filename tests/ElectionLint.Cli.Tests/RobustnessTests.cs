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
    }
}
