using System.IO;
using Xunit;

namespace ElectionLint.Cli.Tests
{
    /// <summary>What a first use found silent or wrong (review 2026-12 first-use.md, D5, D11, D13, D15).</summary>
    [Collection("cli")]
    public class FirstUseTests
    {
        private const string Bad = "heartbeat-interval: 100\nelection-timeout: 300\n";

        [Fact]
        public void A_named_file_that_the_profile_ignores_gets_a_line_saying_so()
        {
            string dir = Cli.Scratch(("vendor/etcd.yaml", Bad), (".electionlint.yaml", "ignore: [\"vendor/**\"]\n"));
            (int code, string output, string err) = Cli.RunIn(dir, "lint", "vendor/etcd.yaml");
            Assert.Equal(0, code);
            Assert.Equal("0 files linted: 0 errors, 0 warnings, 0 infos\n", output);
            Assert.Equal("electionlint: vendor/etcd.yaml is not linted: .electionlint.yaml ignores it (ignore: \"vendor/**\")\n", err);

            (code, output, err) = Cli.RunIn(dir, "explain", "vendor/etcd.yaml");
            Assert.Equal(0, code);
            Assert.Equal("electionlint: vendor/etcd.yaml is not linted: .electionlint.yaml ignores it (ignore: \"vendor/**\")\n", err);

            // Walking the folder skips it quietly, as every linter's ignore list does.
            (_, _, err) = Cli.RunIn(dir, "lint", ".");
            Assert.Equal(string.Empty, err);
        }

        [Fact]
        public void A_named_file_that_is_no_config_file_and_does_not_parse_is_an_info()
        {
            string dir = Cli.Scratch(("README.md", "# Heartbeats\n\nSet `heartbeat-interval: 100` and election-timeout: 1000.\n- a\nb: c\n"));
            (int code, string output, _) = Cli.RunIn(dir, "lint", "README.md");
            Assert.Equal(0, code);
            Assert.StartsWith("README.md:3:51: info EL9004: file skipped: not a config file by its name, and it does not parse as YAML (", output);
        }
    }
}
