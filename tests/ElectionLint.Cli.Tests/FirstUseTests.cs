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

        [Fact]
        public void Fix_through_a_symbolic_link_writes_the_file_it_names_and_keeps_the_link()
        {
            string dir = Cli.Scratch(("real/etcd.yaml", Bad));
            string link = Path.Combine(dir, "etcd.yaml");
            File.CreateSymbolicLink(link, Path.Combine("real", "etcd.yaml"));
            (_, _, string err) = Cli.RunIn(dir, "lint", "--fix", "etcd.yaml");
            Assert.Equal("electionlint: fixed 1 value in etcd.yaml\n", err);
            Assert.Equal(Path.Combine("real", "etcd.yaml"), new FileInfo(link).LinkTarget);
            Assert.Equal("heartbeat-interval: 100\nelection-timeout: 1000\n", File.ReadAllText(Path.Combine(dir, "real", "etcd.yaml")));
        }

        [Theory]
        [InlineData("error: unknown option '--bogus'", "lint", "--bogus")]
        [InlineData("error: unknown option '-x'", "lint", "-x")]
        [InlineData("error: '-' (standard input) is read by lint only; name the file here", "explain", "-")]
        [InlineData("error: '-' (standard input) is read by lint only; name the file here", "tune", "-")]
        public void Usage_mistakes_are_named_for_what_they_are(string message, params string[] args)
        {
            (int code, _, string err) = Cli.Run(args);
            Assert.Equal(2, code);
            Assert.Equal(message + "\nRun 'electionlint --help' for usage.\n", err);
        }

        [Fact]
        public void An_empty_folder_says_what_it_looks_for_and_help_for_nothing_is_a_usage_error()
        {
            string dir = Cli.Scratch(("notes.txt", "heartbeat"));
            (int code, string output, string err) = Cli.RunIn(dir, "lint", ".");
            Assert.Equal(0, code);
            Assert.Equal("0 files linted: 0 errors, 0 warnings, 0 infos\n", output);
            Assert.StartsWith("electionlint: no config file found: it lints *.yaml, *.yml, *.json, *.properties, *.cfg, *.hcl and *sentinel*.conf files", err);

            (code, _, err) = Cli.Run("help", "bogus");
            Assert.Equal(2, code);
            Assert.StartsWith("error: no help for 'bogus'", err);
        }

        [Theory]
        [InlineData("Renew deadline not greater than 1.2× the retry period", "RenewDeadlineNotGreaterThan1Point2TimesTheRetryPeriod")]
        [InlineData("Patroni loop_wait + 2 × retry_timeout above ttl", "PatroniLoopWaitPlus2TimesRetryTimeoutAboveTtl")]
        [InlineData("etcd election timeout below 5× the heartbeat interval", "EtcdElectionTimeoutBelow5TimesTheHeartbeatInterval")]
        [InlineData("Kafka broker's session range. Next", "KafkaBrokersSessionRangeNext")]
        public void Sarif_rule_names_keep_the_numbers_of_the_title(string title, string name)
        {
            Assert.Equal(name, Output.SarifFormatter.Name(title));
        }
    }
}
