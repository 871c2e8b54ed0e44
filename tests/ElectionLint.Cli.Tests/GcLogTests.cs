using System.IO;
using System.Linq;
using System.Text;
using ElectionLint.Cli.Metrics;
using Xunit;

namespace ElectionLint.Cli.Tests
{
    /// <summary>Issue #27: pause percentiles and pauses per hour from JVM unified GC logs and Go gctrace output.</summary>
    [Collection("cli")]
    public class GcLogTests
    {
        [Fact]
        public void Jvm_pause_lines_give_nearest_rank_percentiles_and_a_rate_over_the_logs_time_span()
        {
            var log = new StringBuilder("[2026-12-02T04:00:00.000+0000][0.010s][info][gc] Using G1\n");
            for (int i = 1; i <= 200; i++)
            {
                // Pauses of 1 … 200 ms, one a minute, with the start lines -Xlog:gc* adds (they carry no duration).
                string at = $"[2026-12-02T{4 + (i / 60):00}:{i % 60:00}:00.000+0000][{i * 60}.000s][info]";
                log.Append($"{at}[gc,start] GC({i}) Pause Young (Normal) (G1 Evacuation Pause)\n");
                log.Append($"{at}[gc] GC({i}) Pause {(i == 150 ? "Full (System.gc())" : i == 100 ? "Remark" : "Young (Normal) (G1 Evacuation Pause)")} 80M->40M(256M) {i}.000ms\n");
                log.Append($"{at}[gc] GC({i}) Concurrent Mark Cycle 900.5ms\n");
            }

            (var found, string? error) = GcLogReader.Read("gc.log", log.ToString());
            Assert.Null(error);
            Assert.Equal(
                new[]
                {
                    "gcPauseP50 0.1 p50 of 200 pauses (JVM \"Pause\" lines), the 100th shortest = 0.1 s, over 3h20m of log from 2026-12-02 04:00 UTC",
                    "gcPauseP99 0.198 p99 of 200 pauses (JVM \"Pause\" lines), the 198th shortest = 0.198 s, over 3h20m of log from 2026-12-02 04:00 UTC",
                    "gcPauseP999 - 200 pauses (JVM \"Pause\" lines) over 3h20m of log from 2026-12-02 04:00 UTC; a p99.9 needs at least 1000",
                    "gcPausesPerHour 60 200 pauses (JVM \"Pause\" lines) over 3h20m of log from 2026-12-02 04:00 UTC",
                },
                found.Select(e => $"{e.Key} {(e.Value is double v ? Numbers.Float(System.Math.Round(v, 9)) : "-")} {e.Detail}"));
        }

        [Fact]
        public void Go_gctrace_cycles_pause_for_both_stop_the_world_phases_over_the_process_uptime()
        {
            string log = string.Concat(Enumerable.Range(1, 4).Select(i =>
                $"gc {i} @{i * 900}.5s 1%: 0.0{i}0+2.5+0.{i}00 ms clock, 0.1+0.2/0.3/0.4+0.5 ms cpu, 4->4->1 MB, 5 MB goal, 0 MB stacks, 0 MB globals, 8 P\n"));
            (var found, string? error) = GcLogReader.Read("trace.log", "GODEBUG=gctrace=1 ./etcd\n" + log);
            Assert.Null(error);
            Assert.Equal(
                new[]
                {
                    "gcPauseP50 0.00022 p50 of 4 pauses (Go gctrace cycles), the 2nd shortest = 0.00022 s, over 45m0s of log (process uptime)",
                    "gcPauseP99 - 4 pauses (Go gctrace cycles) over 45m0s of log (process uptime); a p99 needs at least 100",
                    "gcPauseP999 - 4 pauses (Go gctrace cycles) over 45m0s of log (process uptime); a p99.9 needs at least 1000",
                    "gcPausesPerHour 5.333333333 4 pauses (Go gctrace cycles) over 45m0s of log (process uptime)",
                },
                found.Select(e => $"{e.Key} {(e.Value is double v ? Numbers.Float(System.Math.Round(v, 9)) : "-")} {e.Detail}"));
        }

        [Fact]
        public void Init_from_a_jvm_gc_log_writes_the_golden_profile()
        {
            string dir = Cli.Scratch();
            File.Copy(Path.Combine(Cli.RepoRoot, "tests", "metrics", "kafka-gc.log"), Path.Combine(dir, "kafka-gc.log"));
            (int code, string output, string err) = Cli.RunIn(dir, "init", "--gc-log", "kafka-gc.log");
            Assert.Equal((0, "wrote .electionlint.yaml\n", string.Empty), (code, output.Replace("\r", string.Empty), err));
            CliTests.MatchGolden("init-from-gc-log.yaml", File.ReadAllText(Path.Combine(dir, ".electionlint.yaml")));
            Directory.Delete(dir, recursive: true);
        }

        [Fact]
        public void A_log_without_pauses_is_a_usage_error()
        {
            string dir = Cli.Scratch(("app.log", "[0.010s][info][gc] Using G1\nstarted\n"));
            (int code, _, string err) = Cli.RunIn(dir, "init", "--gc-log", "app.log");
            Assert.Equal((2, "error: app.log: holds no JVM unified-logging \"Pause\" line (-Xlog:gc) and no Go gctrace line (GODEBUG=gctrace=1)"), (code, err.Trim()));
            Assert.False(File.Exists(Path.Combine(dir, ".electionlint.yaml")));
            Directory.Delete(dir, recursive: true);
        }
    }
}
