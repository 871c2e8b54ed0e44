using System.IO;
using System.Text;
using System.Text.Json;
using Xunit;

namespace ElectionLint.Cli.Tests
{
    /// <summary><c>helm template . | electionlint lint -</c>: standard input, named by --stdin-filename.</summary>
    [Collection("cli")]
    public class StdinTests
    {
        private static readonly byte[] Bad = Encoding.UTF8.GetBytes("heartbeat-interval: 100\nelection-timeout: 300\n");

        [Fact]
        public void Standard_input_is_linted_as_YAML_named_stdin_yaml()
        {
            string dir = Cli.Scratch();
            (int code, string output, string err) = Cli.RunWithInput(dir, Bad, "lint", "-", "--quiet");
            Assert.Equal((1, string.Empty), (code, err));
            Assert.StartsWith("stdin.yaml:2:19: error EL1001: election-timeout 300 ms is 3.0× heartbeat-interval 100 ms", output);
        }

        [Fact]
        public void The_name_gives_the_format_the_profile_and_the_report_path()
        {
            string dir = Cli.Scratch(("wan/.electionlint.yaml", "profile:\n  network: wan\n  rttP99: 150ms\n"));
            byte[] zoo = Encoding.UTF8.GetBytes("tickTime=2000\nminSessionTimeout=50000\nmaxSessionTimeout=40000\n");
            (int code, string output, _) = Cli.RunWithInput(dir, zoo, "-", "--stdin-filename", "wan/zoo.cfg", "--format", "json");
            Assert.Equal(1, code);
            JsonElement d = JsonDocument.Parse(output).RootElement.GetProperty("diagnostics")[0];
            Assert.Equal(("wan/zoo.cfg", "EL1030", 2), (d.GetProperty("file").GetString(), d.GetProperty("rule").GetString(), d.GetProperty("line").GetInt32()));

            // The profile beside the name applies: 1000 ms is below 10 × 150 ms there.
            byte[] etcd = Encoding.UTF8.GetBytes("heartbeat-interval: 100\nelection-timeout: 1000\n");
            Assert.Equal(0, Cli.RunWithInput(dir, etcd, "lint", "-", "--stdin-filename", "etcd.yaml").Code);
            (code, output, _) = Cli.RunWithInput(dir, etcd, "lint", "-", "--stdin-filename", "wan/etcd.yaml", "--quiet");
            Assert.Equal(1, code);
            Assert.StartsWith("wan/etcd.yaml:2:19: warning EL2010", output);
        }

        [Fact]
        public void Standard_input_and_files_are_linted_together()
        {
            string dir = Cli.Scratch(("a.yaml", "heartbeat-interval: 100\nelection-timeout: 300\n"));
            (int code, string output, _) = Cli.RunWithInput(dir, Bad, "lint", "a.yaml", "-", "--stdin-filename", "b.yaml");
            Assert.Equal(1, code);
            Assert.Contains("a.yaml:2:19: error EL1001", output);
            Assert.Contains("b.yaml:2:19: error EL1001", output);
            Assert.Contains("2 files linted: 2 errors", output);
        }

        [Fact]
        public void Input_over_the_size_limit_is_EL9004_and_nothing_hangs()
        {
            string dir = Cli.Scratch();
            var big = new byte[(10 * 1024 * 1024) + 100];
            (int code, string output, _) = Cli.RunWithInput(dir, big, "lint", "-", "--quiet");
            Assert.Equal(0, code); // EL9004 is info: a skipped input is said, not failed
            Assert.Contains("stdin.yaml:1:1: info EL9004: file skipped: ", output);
        }

        [Theory]
        [InlineData(new[] { "lint", "-", "--fix" }, "error: --fix writes files; it cannot fix standard input (lint the file itself)")]
        [InlineData(new[] { "lint", ".", "--stdin-filename", "a.yaml" }, "error: --stdin-filename names standard input; give '-' as the path too")]
        public void Misuse_is_a_usage_error(string[] args, string message)
        {
            (int code, _, string err) = Cli.RunWithInput(Cli.Scratch(), Bad, args);
            Assert.Equal((2, message), (code, err.Trim()));
        }
    }
}
