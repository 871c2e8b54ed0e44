using System.IO;
using System.Linq;
using ElectionLint.Config.ProfileFile;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Timing;
using Xunit;

namespace ElectionLint.Config.Tests
{
    public class SuppressionAndProfileTests
    {
        private const string Bad = "heartbeat-interval: 100\nelection-timeout: 300\n";

        [Theory]
        [InlineData("heartbeat-interval: 100\nelection-timeout: 300 # electionlint-disable-line EL1001 -- lab\n")]
        [InlineData("heartbeat-interval: 100\n# electionlint-disable-next-line EL1001\nelection-timeout: 300\n")]
        [InlineData("# electionlint-disable-file EL1001 -- generated\nheartbeat-interval: 100\nelection-timeout: 300\n")]
        [InlineData("heartbeat-interval: 100\nelection-timeout: 300 # electionlint-disable-line\n")]
        public void Suppression_comments_silence_a_rule(string yaml)
        {
            Assert.Empty(Lint.Text("e.yaml", yaml));
        }

        private const string ThreeEtcds = "heartbeat-interval: 100\nelection-timeout: 300\n---\n{0}\nheartbeat-interval: 100\nelection-timeout: 300\n{1}\n---\nheartbeat-interval: 100\nelection-timeout: 300\n";

        // First use D14: yamllint's and eslint's block form was ignored without a word.
        [Theory]
        [InlineData("# electionlint-disable EL1001 -- lab cluster", "# electionlint-enable EL1001", "2:19 EL1001,10:19 EL1001")]
        [InlineData("# electionlint-disable", "# electionlint-enable", "2:19 EL1001,10:19 EL1001")]
        [InlineData("# electionlint-disable", "", "2:19 EL1001")]
        [InlineData("# electionlint-disable", "# electionlint-enable EL1001", "2:19 EL1001,10:19 EL1001")]
        [InlineData("# electionlint-disable EL1001 EL2001", "# electionlint-enable EL2001", "2:19 EL1001")]
        [InlineData("# electionlint-disable EL2001", "# electionlint-enable", "2:19 EL1001,6:19 EL1001,10:19 EL1001")]
        public void Block_directives_silence_the_lines_between_them(string disable, string enable, string expected)
        {
            Assert.Equal(expected.Split(','), Lint.Where(Lint.Text("e.yaml", string.Format(System.Globalization.CultureInfo.InvariantCulture, ThreeEtcds, disable, enable))));
        }

        [Fact]
        public void Suppressing_another_rule_does_not_silence_this_one()
        {
            Assert.Equal(new[] { "3:19 EL1001" }, Lint.Where(Lint.Text("e.yaml", "heartbeat-interval: 100\n# electionlint-disable-next-line EL2001\nelection-timeout: 300\n")));
        }

        [Fact]
        public void Unknown_rule_in_a_suppression_is_EL9003_at_the_id()
        {
            var d = Lint.Text("e.yaml", "heartbeat-interval: 100 # electionlint-disable-line EL1234\n");
            Assert.Equal(new[] { "1:53 EL9003" }, Lint.Where(d));
            Assert.Equal("suppression comment names unknown rule 'EL1234'", d[0].Message);
        }

        [Fact]
        public void Properties_and_json_comments_suppress_too()
        {
            Assert.Empty(Lint.Text("c.properties", "# electionlint-disable-next-line EL1021\nsession.timeout.ms=3000\n"));
            Assert.Empty(Lint.Text("appsettings.json", "{\n  // electionlint-disable-next-line EL1040\n  \"upperElectionTimeout\": 100\n}"));
        }

        [Fact]
        public void Profile_loads_every_key_of_the_spec()
        {
            const string yaml = @"profile:
  network: wan
  rttP99: 10ms
  gcPauseP99: 300ms
  maxFailover: 5s
  gcHeadroom: 2
  rttMultiplier: 10
  rttP50: 1.5ms
  rttP999: 40ms
  gcPauseP50: 20ms
  gcPauseP999: 900ms
  gcPausesPerHour: 0
  packetLoss: 0.001
  maxFalseElectionsPerYear: 0.5
  kafkaBroker:
    groupMinSessionTimeout: 6s
    groupMaxSessionTimeout: 30m
overrides:
  - paths: [""clusters/eu-us/**""]
    profile: { network: wan, rttP99: 150ms, rttP50: 60ms, rttP999: 400ms, packetLoss: 0.01 }
rules:
  EL2002: off
ignore: [""vendor/**""]
bindings:
  - system: custom
    csharp:
      type: MyCompany.Raft.RaftOptions
      settings: { HeartbeatMs: ""heartbeat:ms"", ElectionTimeout: ""electionTimeout"" }
    yaml:
      match: { kind: MyRaftCluster }
      settings: { spec.raft.heartbeatMs: ""heartbeat:ms"", spec.raft.electionTimeout: ""electionTimeout"" }
";
            LoadedProfile p = ProfileLoader.Load(".electionlint.yaml", yaml);
            Assert.Empty(p.Problems);
            Assert.Equal(Duration.FromMilliseconds(10), p.Document.Profile.RttP99);
            Assert.Equal(Duration.FromSeconds(1800), p.Document.Profile.KafkaGroupMaxSessionTimeout);
            Assert.Equal(Duration.FromMilliseconds(150), p.Document.ProfileFor("clusters/eu-us/x.yaml").RttP99);
            Assert.Equal(new Duration(1_500_000), p.Document.Profile.RttP50);
            Assert.Equal(Duration.FromMilliseconds(40), p.Document.Profile.RttP999);
            Assert.Equal(Duration.FromMilliseconds(20), p.Document.Profile.GcPauseP50);
            Assert.Equal(Duration.FromMilliseconds(900), p.Document.Profile.GcPauseP999);
            Assert.Equal(0m, p.Document.Profile.GcPausesPerHour);
            Assert.Equal(0.001m, p.Document.Profile.PacketLoss);
            Assert.Equal(0.5m, p.Document.Profile.MaxFalseElectionsPerYear);
            Assert.Equal(0.01m, p.Document.ProfileFor("clusters/eu-us/x.yaml").PacketLoss);
            Assert.Equal(0.5m, p.Document.ProfileFor("clusters/eu-us/x.yaml").MaxFalseElectionsPerYear);
            Assert.Equal(Duration.FromMilliseconds(60), p.Document.ProfileFor("clusters/eu-us/x.yaml").RttP50);
            Assert.Equal(Duration.FromMilliseconds(400), p.Document.ProfileFor("clusters/eu-us/x.yaml").RttP999);
            Assert.Equal(Duration.FromMilliseconds(900), p.Document.ProfileFor("clusters/eu-us/x.yaml").GcPauseP999);
            Assert.Equal(RuleSeverity.Off, p.Document.RuleSeverities["EL2002"]);
            Assert.True(p.Document.IsIgnored("vendor/a.yaml"));
            var b = Assert.Single(p.Document.Bindings);
            Assert.Equal("MyCompany.Raft.RaftOptions", b.CSharpType);
            Assert.Equal(new[] { "HeartbeatMs=heartbeat:ms", "ElectionTimeout=electionTimeout:" }, b.CSharpSettings.Select(s => $"{s.Source}={s.Role}:{s.Unit}"));
        }

        [Theory]
        [InlineData("profile:\n  netwrok: wan\n", "2:3", "unknown key 'netwrok' in profile (expected one of network, rttP99, gcPauseP99, maxFailover, gcHeadroom, rttMultiplier, headroom, kafkaBroker, rttP50, rttP999, gcPauseP50, gcPauseP999, gcPausesPerHour, packetLoss, maxFalseElectionsPerYear)")]
        [InlineData("profile:\n  rttP99: 10\n", "2:11", "rttP99: \"10\" has no unit (write e.g. \"10ms\" or \"10s\")")]
        [InlineData("rules:\n  EL9999: off\n", "2:3", "unknown rule id 'EL9999'")]
        [InlineData("rules:\n  EL2001: loud\n", "2:11", "severity of EL2001 must be off, info, warning or error")]
        [InlineData("profile:\n  network: moon\n", "2:12", "network must be lan or wan, not 'moon'")]
        [InlineData("bindings:\n  - system: zab\n", "2:13", "a binding needs a known system (etcd, k8s-leader-election, kafka-consumer, kafka-kraft-controller, kafka-broker-session, kafka-group-coordinator, zookeeper, zookeeper-ensemble, dotnext-raft, orleans-membership, consul-session, azure-blob-lease, akka-lease, patroni, redis-sentinel, mongodb-replica-set, elasticsearch, hashicorp-raft, custom)")]
        [InlineData("profile: [\n", "2:1", "YAML syntax error: a value is missing, or a bracket or quote is not closed (While parsing a node, did not find expected node content.)")]
        // Review, observation 8: wrong types were accepted silently.
        [InlineData("profile:\n  network: [wan]\n", "2:12", "network must be lan or wan")]
        [InlineData("profile:\n  kafkaBroker: 5\n", "2:16", "kafkaBroker is a mapping of groupMinSessionTimeout and groupMaxSessionTimeout")]
        [InlineData("profile:\n  rttP99: [1]\n", "2:11", "rttP99 is a duration such as 150ms or 5s")]
        [InlineData("profile:\n  gcHeadroom: {a: 1}\n", "2:15", "gcHeadroom is a positive number")]
        [InlineData("bindings:\n  - system: custom\n    csharp: 5\n", "3:13", "csharp is a mapping with type and settings")]
        [InlineData("bindings:\n  - system: custom\n    csharp:\n      settings: {Hb: 'heartbeat:ms:extra'}\n", "4:22", "'heartbeat:ms:extra' has more than one ':'; write setting or setting:unit")]
        [InlineData("bindings:\n  - system: custom\n    yaml:\n      match: {kind: [A]}\n      settings: {hb: heartbeat}\n", "4:21", "match values are strings; 'kind' is not")]
        [InlineData("profile:\n  network: wan\n---\nprofile:\n  network: lan\n", "4:1", "a profile is one YAML document; remove the second one or merge it into the first")]
        // Issue #27: the distributions written by init --from-metrics / --gc-log.
        [InlineData("profile:\n  rttP50: 30ms\n  rttP99: 10ms\n", "3:11", "rttP99 10ms is below rttP50 30ms; a higher percentile cannot be shorter")]
        [InlineData("profile:\n  rttP99: 10ms\n  rttP999: 9ms\n", "3:12", "rttP999 9ms is below rttP99 10ms; a higher percentile cannot be shorter")]
        [InlineData("profile:\n  gcPauseP50: 40ms\n  gcPauseP999: 30ms\n", "3:16", "gcPauseP999 30ms is below gcPauseP50 40ms; a higher percentile cannot be shorter")]
        [InlineData("profile:\n  gcPauseP99: 5ms\n  gcPauseP50: 6ms\n", "2:15", "gcPauseP99 5ms is below gcPauseP50 6ms; a higher percentile cannot be shorter")]
        [InlineData("profile:\n  gcPausesPerHour: -1\n", "2:20", "gcPausesPerHour must be a non-negative number, not '-1'")]
        // Issue #25: the margin recommended values keep; below 1 it would recommend values that fail.
        [InlineData("profile:\n  headroom: 0.9\n", "2:13", "headroom must be at least 1, not '0.9'")]
        [InlineData("profile:\n  headroom: none\n", "2:13", "headroom must be a positive number, not 'none'")]
        [InlineData("profile:\n  rttP999: 40\n", "2:12", "rttP999: \"40\" has no unit (write e.g. \"40ms\" or \"40s\")")]
        [InlineData("profile:\n  gcPauseP50: [1ms]\n", "2:15", "gcPauseP50 is a duration such as 150ms or 5s")]
        // Issue #26: the trade-off model's loss and target.
        [InlineData("profile:\n  packetLoss: 1\n", "2:15", "packetLoss must be a fraction from 0 up to (not including) 1, such as 0.001 for 0.1 %, not '1'")]
        [InlineData("profile:\n  packetLoss: 1%\n", "2:15", "packetLoss must be a fraction from 0 up to (not including) 1, such as 0.001 for 0.1 %, not '1%'")]
        [InlineData("profile:\n  packetLoss: -0.1\n", "2:15", "packetLoss must be a fraction from 0 up to (not including) 1, such as 0.001 for 0.1 %, not '-0.1'")]
        [InlineData("profile:\n  packetLoss: [0]\n", "2:15", "packetLoss is a fraction from 0 up to (not including) 1")]
        [InlineData("profile:\n  maxFalseElectionsPerYear: 0\n", "2:29", "maxFalseElectionsPerYear must be a positive number, not '0'")]
        [InlineData("profile:\n  maxFalseElectionsPerYear: often\n", "2:29", "maxFalseElectionsPerYear must be a positive number, not 'often'")]
        public void Invalid_profile_is_EL9002_with_a_position(string yaml, string at, string message)
        {
            var p = ProfileLoader.Load(".electionlint.yaml", yaml).Problems.First();
            Assert.Equal("EL9002", p.RuleId);
            Assert.Equal(at, $"{p.Span.StartLine}:{p.Span.StartColumn}");
            Assert.Equal(message, p.Message);
        }

        [Fact]
        public void Profile_problems_come_in_the_files_order()
        {
            var problems = ProfileLoader.Load(".electionlint.yaml", "rules:\n  EL9999: off\nprofile:\n  gcPause: 1s\n  rttP99: 300 ms\n").Problems;
            Assert.Equal(new[] { 2, 4, 5 }, problems.Select(p => p.Span.StartLine));
        }

        [Fact]
        public void Rule_severity_from_the_profile_applies_to_config_findings()
        {
            Assert.Equal(RuleSeverity.Warning, Lint.Text("e.yaml", Bad, "rules:\n  EL1001: warning\n").Single().Severity);
            Assert.Empty(Lint.Text("e.yaml", Bad, "rules:\n  EL1001: off\n"));
        }

        [Fact]
        public void The_profile_reference_names_every_key_and_rule_pages_cite_only_what_is_in_the_repository()
        {
            string repo = Directory.GetParent(typeof(SuppressionAndProfileTests).Assembly.Location)!.FullName;
            while (!File.Exists(Path.Combine(repo, "Linter.sln")))
            {
                repo = Path.GetDirectoryName(repo)!;
            }

            string reference = File.ReadAllText(Path.Combine(repo, "docs", "profile.md"));
            Assert.All(ProfileLoader.TopKeys.Concat(ProfileLoader.ProfileKeys), key => Assert.Contains("`" + key, reference));
            Assert.All(Directory.GetFiles(Path.Combine(repo, "docs", "rules"), "*.md"), page => Assert.DoesNotContain("SPEC", File.ReadAllText(page)));
        }
    }
}
