using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ElectionLint.Cli.Metrics;
using Xunit;

namespace ElectionLint.Cli.Tests
{
    /// <summary>Issue #27: histogram_quantile as Prometheus computes it, the exposition reader, and init --from-metrics.</summary>
    [Collection("cli")]
    public class MetricsTests
    {
        private static Bucket[] B(params double[] boundAndCount) =>
            Enumerable.Range(0, boundAndCount.Length / 2).Select(i => new Bucket(boundAndCount[2 * i], boundAndCount[(2 * i) + 1])).ToArray();

        [Theory]
        // Linear inside the bucket: rank 0.5 × 100 = 50 falls in (0.1, 0.2] holding 40 of 10..50 → 0.1 + 0.1 × 40/40.
        [InlineData(0.5, 0.2, false, new[] { 0.1, 10, 0.2, 50, 0.4, 90, double.PositiveInfinity, 100 })]
        [InlineData(0.3, 0.15, false, new[] { 0.1, 10, 0.2, 50, 0.4, 90, double.PositiveInfinity, 100 })]
        // The lowest bucket is interpolated from 0: rank 5 of 10 in (0, 0.1].
        [InlineData(0.05, 0.05, false, new[] { 0.1, 10, 0.2, 50, 0.4, 90, double.PositiveInfinity, 100 })]
        // In the +Inf bucket: the second-highest bound.
        [InlineData(0.95, 0.4, true, new[] { 0.1, 10, 0.2, 50, 0.4, 90, double.PositiveInfinity, 100 })]
        // A lowest bound ≤ 0 is returned as it is.
        [InlineData(0.05, -1, false, new[] { -1, 10, 0.2, 50, double.PositiveInfinity, 100 })]
        // Monotonicity: the decreasing 0.4 bucket (40 < 50) is raised to 50, so the rank 60 of 100 lands in (0.4, 0.8] with 50 → 0.4 + 0.4 × 10/50.
        [InlineData(0.6, 0.48, false, new[] { 0.1, 10, 0.2, 50, 0.4, 40, 0.8, 100, double.PositiveInfinity, 100 })]
        // Buckets out of order and with equal bounds: sorted, and the equal ones summed (0.2: 20 + 30).
        [InlineData(0.5, 0.2, false, new[] { double.PositiveInfinity, 100, 0.2, 20, 0.1, 10, 0.2, 30, 0.4, 90 })]
        // A relative difference below 1e-12 is ignored: 50 and 50 + 1e-11 are one count.
        [InlineData(0.5, 0.2, false, new[] { 0.1, 10, 0.2, 50, 0.4, 50.00000000001, double.PositiveInfinity, 100 })]
        public void Bucket_quantile_follows_prometheus(double q, double expected, bool inInf, double[] buckets)
        {
            (double value, bool inf) = BucketQuantile.Compute(q, B(buckets));
            Assert.Equal(expected, value, 12);
            Assert.Equal(inInf, inf);
        }

        [Fact]
        public void Bucket_quantile_special_cases_are_those_of_prometheus()
        {
            Assert.True(double.IsNaN(BucketQuantile.Compute(0.5, B(0.1, 10, 0.2, 20)).Value)); // no +Inf bucket
            Assert.True(double.IsNaN(BucketQuantile.Compute(0.5, B(double.PositiveInfinity, 10)).Value)); // one bucket
            Assert.True(double.IsNaN(BucketQuantile.Compute(0.5, B(0.1, 0, double.PositiveInfinity, 0)).Value)); // no observations
            Assert.Equal(double.NegativeInfinity, BucketQuantile.Compute(-0.1, B(0.1, 1, double.PositiveInfinity, 1)).Value);
            Assert.Equal(double.PositiveInfinity, BucketQuantile.Compute(1.1, B(0.1, 1, double.PositiveInfinity, 1)).Value);
        }

        [Fact]
        public void Exposition_reads_labels_escapes_timestamps_and_exemplars()
        {
            (List<Sample> samples, string? error) = Exposition.Parse(
                "# HELP x y\n# TYPE a histogram\na_bucket{le=\"+Inf\",path=\"C:\\\\x \\\"q\\\"\"} 3 1795845600000\nb 1.5e-3\nc_total{a=\"1\",} 7 # {trace_id=\"k\"} 1 1.0\n# EOF\n");
            Assert.Null(error);
            Assert.Equal(3, samples.Count);
            Assert.Equal("C:\\x \"q\"", samples[0].Label("path"));
            Assert.Equal(double.PositiveInfinity, Exposition.TryValue(samples[0].Label("le")!, out double le) ? le : 0);
            Assert.Equal(1795845600000, samples[0].TimestampMs);
            Assert.Equal(0.0015, samples[1].Value);
            Assert.Equal(7, samples[2].Value);
            Assert.Equal("line 2: a label value is not closed", Exposition.Parse("ok 1\nbad{a=\"1} 2\n").Error);
            Assert.Equal("line 1: a sample is name{labels} value [timestamp]", Exposition.Parse("x one\n").Error);
        }

        private static string Data(string name) => Path.Combine(Cli.RepoRoot, "tests", "metrics", name);

        /// <summary>A scratch folder with copies of the recorded scrapes, their file times set to when they were scraped.</summary>
        private static string WithScrapes(params (string Name, string Utc)[] files)
        {
            string dir = Cli.Scratch();
            foreach ((string name, string utc) in files)
            {
                string to = Path.Combine(dir, name);
                File.Copy(Data(name), to);
                File.SetLastWriteTimeUtc(to, DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal));
            }

            return dir;
        }

        [Fact]
        public void Init_from_an_etcd_scrape_and_a_micrometer_scrape_writes_the_golden_profile()
        {
            string dir = WithScrapes(("etcd-0.prom", "2026-12-01T10:00:00Z"), ("app-micrometer.prom", "2026-12-03T09:30:00Z"));
            (int code, string output, string err) = Cli.RunIn(dir, "init", "--from-metrics", "etcd-0.prom", "app-micrometer.prom");
            Assert.Equal((0, "wrote .electionlint.yaml\n", string.Empty), (code, output.Replace("\r", string.Empty), err));
            string profile = File.ReadAllText(Path.Combine(dir, ".electionlint.yaml"));
            CliTests.MatchGolden("init-from-metrics.yaml", profile);
            // histogram_quantile over both peers' buckets summed, as Prometheus computes it (tests/prometheus/run.sh asks a real one).
            Assert.Contains("histogram_quantile(0.5) over 2 peers summed = 0.0007789140317719773 s", profile);
            Assert.Contains("histogram_quantile(0.99) over 2 peers summed = 0.00315238505994997 s", profile);
            Assert.Contains("\n  rttP50: 779us\n", profile);
            Assert.Contains("\n  rttP99: 3.153ms\n", profile);
            Directory.Delete(dir, recursive: true);
        }

        [Fact]
        public void A_value_given_on_the_command_line_is_kept_and_the_measurement_named_above_it()
        {
            string dir = WithScrapes(("etcd-0.prom", "2026-12-01T10:00:00Z"));
            (int code, _, string err) = Cli.RunIn(dir, "init", "--from-metrics", "etcd-0.prom", "--rtt-p99", "10ms");
            Assert.Equal((0, string.Empty), (code, err));
            string profile = File.ReadAllText(Path.Combine(dir, ".electionlint.yaml"));
            Assert.Contains(
                "  # rttP99: the command line's value is kept; 3.153ms was measured from etcd-0.prom: etcd_network_peer_round_trip_time_seconds histogram_quantile(0.99) over 2 peers summed = 0.00315238505994997 s; 136800 round trips since the process started, 3d4h before it was scraped 2026-12-01 10:00 UTC (the file's time)\n" +
                "  rttP99: 10ms\n",
                profile);
            Assert.Single(profile.Split('\n'), l => l.StartsWith("  rttP99:", StringComparison.Ordinal));
            (code, string report, _) = Cli.RunIn(dir, "lint", "--profile-report");
            Assert.Equal(0, code);
            Assert.Contains("\n    rttP99                    10ms      assumed: declared without a provenance comment\n", report.Replace("\r", string.Empty));
            Directory.Delete(dir, recursive: true);
        }

        [Fact]
        public void Too_few_round_trips_leave_the_percentile_out_and_say_why()
        {
            string dir = Cli.Scratch(("few.prom",
                "etcd_network_peer_round_trip_time_seconds_bucket{To=\"a\",le=\"0.001\"} 40\n" +
                "etcd_network_peer_round_trip_time_seconds_bucket{To=\"a\",le=\"0.002\"} 90\n" +
                "etcd_network_peer_round_trip_time_seconds_bucket{To=\"a\",le=\"+Inf\"} 99\n" +
                "process_uptime_seconds 3600\n"));
            File.SetLastWriteTimeUtc(Path.Combine(dir, "few.prom"), new DateTime(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc));
            (int code, _, string err) = Cli.RunIn(dir, "init", "--from-metrics", "few.prom");
            Assert.Equal((0, string.Empty), (code, err));
            string profile = File.ReadAllText(Path.Combine(dir, ".electionlint.yaml"));
            Assert.Contains(
                "  # rttP50: measured from few.prom: etcd_network_peer_round_trip_time_seconds histogram_quantile(0.5) over 1 peer summed = 0.00119 s; 99 round trips since the process started, 1h0m before it was scraped 2026-12-02 08:00 UTC (the file's time)\n" +
                "  rttP50: 1.19ms\n" +
                "  # rttP99: not written: few.prom: etcd_network_peer_round_trip_time_seconds: 99 round trips since the process started, 1h0m before it was scraped 2026-12-02 08:00 UTC (the file's time); a p99 needs at least 100\n" +
                "  # rttP999: not written: few.prom: etcd_network_peer_round_trip_time_seconds: 99 round trips since the process started, 1h0m before it was scraped 2026-12-02 08:00 UTC (the file's time); a p99.9 needs at least 1000\n",
                profile);
            Assert.Contains("  # rttP99: 5ms   # p99 round trip between members\n", profile);
            Directory.Delete(dir, recursive: true);
        }

        [Fact]
        public void A_percentile_in_the_inf_bucket_is_not_written()
        {
            string dir = Cli.Scratch(("slow.prom",
                "jvm_gc_pause_seconds_bucket{le=\"0.1\"} 50\njvm_gc_pause_seconds_bucket{le=\"+Inf\"} 200\njvm_gc_pause_seconds_count 200\nprocess_uptime_seconds 7200\n"));
            (int code, _, string err) = Cli.RunIn(dir, "init", "--from-metrics", "slow.prom");
            Assert.Equal((0, string.Empty), (code, err));
            string profile = File.ReadAllText(Path.Combine(dir, ".electionlint.yaml"));
            Assert.Contains("  # gcPauseP50: not written: slow.prom: jvm_gc_pause_seconds: the p50 is above the highest bucket bound 0.1 s, which histogram_quantile gives as a lower bound only\n", profile);
            Assert.Contains("\n  gcPausesPerHour: 100\n", profile);
            Directory.Delete(dir, recursive: true);
        }

        [Fact]
        public void Java_client_and_dotnet_counters_give_pauses_per_hour_without_concurrent_cycles()
        {
            string dir = Cli.Scratch(
                ("kafka.prom",
                    "jvm_gc_collection_seconds_count{gc=\"G1 Young Generation\",} 1195.0\njvm_gc_collection_seconds_count{gc=\"G1 Old Generation\",} 5.0\n" +
                    "jvm_gc_collection_seconds_count{gc=\"G1 Concurrent GC\",} 300.0\njvm_gc_collection_seconds_sum{gc=\"G1 Young Generation\",} 21.3\n" +
                    "process_uptime_seconds 36000\n"),
                ("api.prom",
                    "dotnet_gc_collections_total{gc_heap_generation=\"gen0\"} 900\ndotnet_gc_collections_total{gc_heap_generation=\"gen1\"} 80\n" +
                    "dotnet_gc_collections_total{gc_heap_generation=\"gen2\"} 20\ndotnet_gc_pause_time_seconds_total 4.2\nprocess_uptime_seconds 18000\n"));
            (int code, _, string err) = Cli.RunIn(dir, "init", "--from-metrics", "kafka.prom", "api.prom");
            Assert.Equal((0, string.Empty), (code, err));
            string profile = File.ReadAllText(Path.Combine(dir, ".electionlint.yaml"));
            Assert.Contains(
                "  # gcPausesPerHour: measured from api.prom: dotnet_gc_collections_total (.NET's System.Runtime meter): 1000 pauses since the process started, 5h0m before it was scraped",
                profile);
            Assert.Contains("  #   also 120 from kafka.prom: jvm_gc_collection_seconds_count (the Prometheus Java client): 1200 pauses since the process started, 10h0m before", profile);
            Assert.Contains("\n  gcPausesPerHour: 200\n", profile);
            // Counts and totals give a mean, which is said as the reason why no percentile is written.
            Assert.Contains("  # gcPauseP99: not written: kafka.prom: jvm_gc_collection_seconds has counts and sums only: its mean pause 0.01775 s is no percentile\n", profile);
            Assert.Contains("  # gcPauseP99: not written: api.prom: dotnet_gc_pause_time_seconds_total is a total: its mean pause 0.0042 s per collection is no percentile\n", profile);
            Assert.DoesNotContain("\n  gcPauseP", profile);
            Directory.Delete(dir, recursive: true);
        }

        [Fact]
        public void Micrometer_without_buckets_gives_a_rate_and_says_why_no_percentile()
        {
            string dir = Cli.Scratch(("boot.prom",
                "jvm_gc_pause_seconds_count{action=\"end of minor GC\",gc=\"G1 Young Generation\"} 400\n" +
                "jvm_gc_pause_seconds_sum{action=\"end of minor GC\",gc=\"G1 Young Generation\"} 4.4\n" +
                "jvm_gc_pause_seconds_max{action=\"end of minor GC\",gc=\"G1 Young Generation\"} 0.031\nprocess_uptime_seconds 7200\n"));
            (int code, _, string err) = Cli.RunIn(dir, "init", "--from-metrics", "boot.prom");
            Assert.Equal((0, string.Empty), (code, err));
            string profile = File.ReadAllText(Path.Combine(dir, ".electionlint.yaml"));
            Assert.Contains(
                "  # gcPauseP50: not written: boot.prom: jvm_gc_pause_seconds has no buckets (Micrometer writes them with management.metrics.distribution.percentiles-histogram.jvm.gc.pause=true): " +
                "its mean pause 0.011 s and its _max 0.031 s, the largest pause of the last few minutes, are no percentile\n",
                profile);
            Assert.Contains("\n  gcPausesPerHour: 200\n", profile);
            Directory.Delete(dir, recursive: true);
        }

        [Fact]
        public void A_kafka_consumers_heartbeat_round_trip_maximum_is_named_as_a_bound_not_written()
        {
            string dir = Cli.Scratch(("consumer.prom",
                "# TYPE kafka_consumer_coordinator_heartbeat_response_time_max gauge\n" +
                "kafka_consumer_coordinator_heartbeat_response_time_max{client_id=\"consumer-orders-1\",kafka_version=\"3.7.0\"} 14.0\n" +
                "kafka_consumer_coordinator_heartbeat_response_time_max{client_id=\"consumer-orders-2\",kafka_version=\"3.7.0\"} NaN\n"));
            (int code, _, string err) = Cli.RunIn(dir, "init", "--from-metrics", "consumer.prom");
            Assert.Equal((0, string.Empty), (code, err));
            string profile = File.ReadAllText(Path.Combine(dir, ".electionlint.yaml"));
            Assert.Contains(
                "  # rttP99: not written: consumer.prom: kafka_consumer_coordinator_heartbeat_response_time_max = 14 ms, the longest heartbeat round trip of the consumer's last metrics window (about a minute): a bound, not a percentile\n",
                profile);
            Assert.Contains("  # rttP99: 5ms   # p99 round trip between members\n", profile);
            Directory.Delete(dir, recursive: true);
        }

        [Fact]
        public void An_infinite_or_negative_measurement_is_named_and_never_written()
        {
            string dir = Cli.Scratch(("bad.prom",
                "go_gc_duration_seconds{quantile=\"0.5\"} 0.001\ngo_gc_duration_seconds{quantile=\"1\"} +Inf\ngo_gc_duration_seconds_count 300\n" +
                "jvm_gc_pause_seconds_bucket{le=\"0.1\"} -5\njvm_gc_pause_seconds_bucket{le=\"0.2\"} -5\njvm_gc_pause_seconds_bucket{le=\"+Inf\"} 20\nprocess_uptime_seconds 3600\n"));
            (int code, _, string err) = Cli.RunIn(dir, "init", "--from-metrics", "bad.prom");
            Assert.Equal((0, string.Empty), (code, err));
            string profile = File.ReadAllText(Path.Combine(dir, ".electionlint.yaml"));
            Assert.Contains(": Infinity is no plausible duration\n", profile);
            Assert.DoesNotContain("\n  gcPauseP99:", profile);
            Assert.Contains("\n  gcPauseP50: 1ms\n", profile);
            Directory.Delete(dir, recursive: true);
        }

        [Theory]
        [InlineData("7d", 604800)]
        [InlineData("1h30m", 5400)]
        [InlineData("90s", 90)]
        [InlineData("1w2d", 777600)]
        [InlineData("500ms", 0.5)]
        public void Since_is_a_promql_duration(string text, double seconds) => Assert.Equal(seconds, PrometheusSource.Seconds(text));

        [Theory]
        [InlineData("--since", "7 days", "error: --since 7 days: not a PromQL duration such as 7d, 12h or 30m")]
        [InlineData("--prometheus", "localhost:9090", "error: --prometheus localhost:9090: not an http(s) URL")]
        public void A_bad_server_option_is_a_usage_error(string option, string value, string message)
        {
            string dir = Cli.Scratch();
            string[] args = option == "--since"
                ? new[] { "init", "--prometheus", "http://127.0.0.1:1", "--since", value }
                : new[] { "init", "--prometheus", value };
            (int code, _, string err) = Cli.RunIn(dir, args);
            Assert.Equal((2, message), (code, err.Trim()));
            Directory.Delete(dir, recursive: true);
        }

        [Theory]
        [InlineData("--since", "1d")]
        [InlineData("--match", "job=\"etcd\"")]
        public void Since_and_match_go_with_prometheus(string option, string value)
        {
            string dir = Cli.Scratch();
            (int code, _, string err) = Cli.RunIn(dir, "init", option, value);
            Assert.Equal((2, "error: --since and --match go with --prometheus\nRun 'electionlint --help' for usage."), (code, err.Trim().Replace("\r", string.Empty)));
            Directory.Delete(dir, recursive: true);
        }

        [Fact]
        public void A_server_that_cannot_be_reached_is_a_usage_error_and_writes_nothing()
        {
            string dir = Cli.Scratch();
            (int code, _, string err) = Cli.RunIn(dir, "init", "--prometheus", "http://127.0.0.1:1");
            Assert.Equal(2, code);
            Assert.StartsWith("error: http://127.0.0.1:1: cannot be reached (", err);
            Assert.False(File.Exists(Path.Combine(dir, ".electionlint.yaml")));
            Directory.Delete(dir, recursive: true);
        }

        [Theory]
        [InlineData("missing.prom", "error: missing.prom: no such file")]
        [InlineData("bad.prom", "error: bad.prom: not a Prometheus text exposition: line 2: labels are separated by commas and closed by }")]
        [InlineData("other.prom", "error: other.prom: holds none of the metrics electionlint reads (docs/profile.md lists them)")]
        public void An_unreadable_source_is_a_usage_error_and_writes_nothing(string file, string message)
        {
            string dir = Cli.Scratch(("bad.prom", "up 1\nhttp_requests_total{code=\"200\" x} 1\n"), ("other.prom", "up 1\n"));
            (int code, _, string err) = Cli.RunIn(dir, "init", "--from-metrics", file);
            Assert.Equal((2, message), (code, err.Trim()));
            Assert.False(File.Exists(Path.Combine(dir, ".electionlint.yaml")));
            Directory.Delete(dir, recursive: true);
        }
    }
}
