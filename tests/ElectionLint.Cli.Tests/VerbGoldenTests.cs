using System.IO;
using Xunit;

namespace ElectionLint.Cli.Tests
{
    /// <summary>The text and JSON of explain and init, whole, on the bundled sample (tune's are in <see cref="TuneTests"/>).</summary>
    [Collection("cli")]
    public class VerbGoldenTests
    {
        [Fact]
        public void Explain_on_the_sample_matches_the_golden_files()
        {
            (int code, string output, string err) = Cli.Run("explain", "samples/config-repo");
            Assert.Equal((0, string.Empty), (code, err));
            CliTests.MatchGolden("explain-sample.txt", output);
            (code, output, err) = Cli.Run("explain", "samples/config-repo", "--format", "json");
            Assert.Equal((0, string.Empty), (code, err));
            CliTests.MatchGolden("explain-sample.json", output);
        }

        [Fact]
        public void Init_writes_the_golden_profile()
        {
            string dir = Cli.Scratch(
                ("etcd/etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 1000\n"),
                ("kafka/consumer.properties", "session.timeout.ms=45000\nheartbeat.interval.ms=3000\n"),
                ("zk/zoo.cfg", "tickTime=2000\n"));
            (int code, string output, string err) = Cli.RunIn(dir, "init", "--network", "wan", "--gc-pause-p99", "400ms");
            Assert.Equal((0, "wrote .electionlint.yaml\n", string.Empty), (code, output.Replace("\r", string.Empty), err));
            CliTests.MatchGolden("init-wan.yaml", File.ReadAllText(Path.Combine(dir, ".electionlint.yaml")));
            Directory.Delete(dir, recursive: true);
        }
    }
}
