using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ElectionLint.Cli.Metrics
{
    /// <summary>
    /// Counters and histograms of one source (a saved scrape of one process, or a server's answers over a window)
    /// and the span they accumulated over.
    /// </summary>
    internal sealed class Scrape
    {
        public Scrape(string source, IReadOnlyList<Sample> samples, double? windowSeconds, string window)
        {
            Source = source;
            Samples = samples;
            WindowSeconds = windowSeconds;
            Window = window;
        }

        public string Source { get; }

        public IReadOnlyList<Sample> Samples { get; }

        /// <summary>How long the counters counted; null when unknown (then no rate is written).</summary>
        public double? WindowSeconds { get; }

        /// <summary>The span in words, e.g. "since the process started (3d4h before the scrape of 2026-12-01 10:00 UTC)".</summary>
        public string Window { get; }

        /// <summary>For a server: Prometheus' own histogram_quantile for a family and quantile, which then is the value written.</summary>
        public Func<string, double, double?>? ServerQuantile { get; init; }

        /// <summary>For a server: the span each counter's samples cover in the window, and its words, by sample name.</summary>
        public IReadOnlyDictionary<string, (double Seconds, string Words)>? Spans { get; init; }

        /// <summary>A server's answers: the Go summary's quantiles are their largest over the window.</summary>
        public bool FromServer { get; init; }

        /// <summary>A saved scrape: its counters count since the process started, read from process_uptime_seconds or process_start_time_seconds.</summary>
        public static Scrape FromFile(string source, IReadOnlyList<Sample> samples, DateTimeOffset fileTime)
        {
            long? stamp = samples.Where(s => s.TimestampMs != null).Select(s => s.TimestampMs).Max();
            DateTimeOffset at = stamp is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : fileTime;
            string when = $"scraped {Numbers.Utc(at)}{(stamp == null ? " (the file's time)" : string.Empty)}";
            if (samples.FirstOrDefault(s => s.Name == "process_uptime_seconds") is Sample up && up.Value > 0)
            {
                return new Scrape(source, samples, up.Value, $"since the process started, {Numbers.Span(up.Value)} before it was {when}");
            }

            if (samples.FirstOrDefault(s => s.Name == "process_start_time_seconds") is Sample start && start.Value > 0)
            {
                double seconds = (at - DateTimeOffset.FromUnixTimeMilliseconds((long)(start.Value * 1000))).TotalSeconds;
                if (seconds > 0)
                {
                    return new Scrape(source, samples, seconds, $"since the process started, {Numbers.Span(seconds)} before it was {when}");
                }
            }

            return new Scrape(source, samples, null, $"since the process started (when is not in the scrape), {when}");
        }
    }

    /// <summary>Reads round trips and GC pauses out of a scrape, as evidence for profile keys.</summary>
    internal static class ScrapeReader
    {
        private static readonly (double Q, string Rtt, string Gc)[] Quantiles =
        {
            (0.5, MeasuredKeys.RttP50, MeasuredKeys.GcPauseP50),
            (0.99, MeasuredKeys.RttP99, MeasuredKeys.GcPauseP99),
            (0.999, MeasuredKeys.RttP999, MeasuredKeys.GcPauseP999),
        };

        /// <summary>etcd's peer round-trip histogram (one series per peer, label To).</summary>
        public const string EtcdRtt = "etcd_network_peer_round_trip_time_seconds";

        /// <summary>The Go client's GC summary (debug.ReadGCStats: quantiles of the last 256 pauses at most).</summary>
        public const string GoGc = "go_gc_duration_seconds";

        /// <summary>Pause histograms: Micrometer's jvm.gc.pause timer (with percentiles-histogram), prometheus-net.DotNetRuntime's dotnet_gc_pause_seconds.</summary>
        public static readonly string[] GcHistograms = { "jvm_gc_pause_seconds", "dotnet_gc_pause_seconds" };

        /// <summary>
        /// Counters of stop-the-world pauses: a sample name, the label that must (or must not) match, and who exposes it.
        /// jvm_gc_collection_seconds (Prometheus Java client) has one series per collector MXBean; the ZGC/Shenandoah
        /// "Cycles" and G1 "Concurrent GC" beans count concurrent cycles, not pauses. prometheus-net's
        /// dotnet_collection_count_total is GC.CollectionCount(generation), so generation 0 counts every collection.
        /// </summary>
        public static readonly CountFamily[] GcCounts =
        {
            new CountFamily("go_gc_duration_seconds_count", null, null, false, "the Go client"),
            new CountFamily("jvm_gc_pause_seconds_count", null, null, false, "Micrometer"),
            new CountFamily("jvm_gc_collection_seconds_count", "gc", ".*(Cycles|Concurrent).*", true, "the Prometheus Java client"),
            new CountFamily("dotnet_gc_collections_total", null, null, false, ".NET's System.Runtime meter"),
            new CountFamily("dotnet_collection_count_total", "generation", "0", false, "prometheus-net"),
            new CountFamily("dotnet_gc_pause_seconds_count", null, null, false, "prometheus-net.DotNetRuntime"),
        };

        /// <summary>
        /// A Kafka consumer's heartbeat-response-time-max (ms): the longest heartbeat round trip to the group coordinator
        /// in the client's metrics window (about a minute), as Micrometer's KafkaClientMetrics and the JMX exporter name it.
        /// </summary>
        public static readonly string[] KafkaHeartbeatMax =
        {
            "kafka_consumer_coordinator_heartbeat_response_time_max",
            "kafka_consumer_consumer_coordinator_metrics_heartbeat_response_time_max",
        };

        internal sealed record CountFamily(string Name, string? Label, string? Pattern, bool Exclude, string Who)
        {
            public bool Matches(Sample s) => s.Name == Name && LabelsMatch(s);

            /// <summary>The label condition alone, for the family's other samples (_sum).</summary>
            public bool LabelsMatch(Sample s)
            {
                if (Label == null)
                {
                    return true;
                }

                bool match = Regex.IsMatch(s.Label(Label) ?? string.Empty, "^(?:" + Pattern + ")$");
                return Exclude ? !match : match;
            }

            /// <summary>The PromQL selector of the same samples.</summary>
            public string Selector(string matchers)
            {
                string own = Label == null ? string.Empty : $"{Label}{(Exclude ? "!~" : "=~")}\"{Pattern}\"";
                string all = string.Join(",", new[] { own, matchers }.Where(x => x.Length > 0));
                return all.Length == 0 ? Name : $"{Name}{{{all}}}";
            }
        }

        public static List<Evidence> Read(Scrape scrape)
        {
            var found = new List<Evidence>();
            Histogram(scrape, EtcdRtt, "round trips", q => q.Rtt, "To", "peer", found);
            foreach (string family in GcHistograms)
            {
                Histogram(scrape, family, "pauses", q => q.Gc, null, null, found);
            }

            GoSummary(scrape, found);
            KafkaHeartbeat(scrape, found);
            Means(scrape, found);
            Rates(scrape, found);
            return found;
        }

        /// <summary>The buckets of a family summed over every other label, by <c>le</c>.</summary>
        public static List<Bucket> Buckets(IEnumerable<Sample> samples, string family)
        {
            var byLe = new Dictionary<double, double>();
            foreach (Sample s in samples)
            {
                if (s.Name == family + "_bucket" && s.Label("le") is string le && Exposition.TryValue(le, out double bound) && !double.IsNaN(bound))
                {
                    byLe[bound] = (byLe.TryGetValue(bound, out double c) ? c : 0) + s.Value;
                }
            }

            return byLe.Select(kv => new Bucket(kv.Key, kv.Value)).ToList();
        }

        private static void Histogram(Scrape scrape, string family, string what, Func<(double Q, string Rtt, string Gc), string> key, string? groupLabel, string? groupName, List<Evidence> into)
        {
            List<Bucket> buckets = Buckets(scrape.Samples, family);
            if (buckets.Count == 0)
            {
                return;
            }

            Bucket? inf = buckets.Where(b => double.IsPositiveInfinity(b.UpperBound)).Select(b => (Bucket?)b).FirstOrDefault();
            double n = inf?.Count ?? 0;
            string summed = string.Empty;
            if (groupLabel != null)
            {
                int groups = scrape.Samples.Where(s => s.Name == family + "_bucket").Select(s => s.Label(groupLabel)).Distinct().Count();
                summed = $" over {groups} {groupName}{(groups == 1 ? string.Empty : "s")} summed";
            }

            double top = buckets.Where(b => !double.IsPositiveInfinity(b.UpperBound)).Select(b => b.UpperBound).DefaultIfEmpty(double.NaN).Max();
            foreach (var q in Quantiles)
            {
                string p = Numbers.Percentile(q.Q);
                string k = key(q);
                if (inf == null)
                {
                    into.Add(new Evidence(k, null, scrape.Source, $"{family} has no +Inf bucket"));
                    continue;
                }

                if (n < Numbers.Needed(q.Q))
                {
                    into.Add(new Evidence(k, null, scrape.Source, $"{family}: {Numbers.Count(n)} {what} {scrape.Window}; a {p} needs at least {Numbers.Needed(q.Q)}"));
                    continue;
                }

                (double value, bool inInf) = BucketQuantile.Compute(q.Q, buckets);
                if (inInf)
                {
                    into.Add(new Evidence(k, null, scrape.Source, $"{family}: the {p} is above the highest bucket bound {Numbers.Float(top)} s, which histogram_quantile gives as a lower bound only"));
                    continue;
                }

                if (double.IsNaN(value))
                {
                    into.Add(new Evidence(k, null, scrape.Source, $"{family}: histogram_quantile({Numbers.Float(q.Q)}) is NaN"));
                    continue;
                }

                string how = $"{family} histogram_quantile({Numbers.Float(q.Q)}){summed} = {Numbers.Float(value)} s; {Numbers.Count(n)} {what} {scrape.Window}";
                if (scrape.ServerQuantile?.Invoke(family, q.Q) is double server)
                {
                    how += $"; Prometheus' own histogram_quantile = {Numbers.Float(server)} s";
                    value = server;
                }

                into.Add(new Evidence(k, value, scrape.Source, how));
            }
        }

        private static void GoSummary(Scrape scrape, List<Evidence> into)
        {
            double? Quantile(string q) => scrape.Samples.Where(s => s.Name == GoGc && s.Label("quantile") == q && !double.IsNaN(s.Value)).Select(s => (double?)s.Value).Max();
            double? count = scrape.Samples.Where(s => s.Name == GoGc + "_count").Select(s => (double?)s.Value).Max();
            if (count is not double n || Quantile("1") is not double max)
            {
                return;
            }

            // runtime/debug.ReadGCStats takes its quantiles over the pause history, which keeps the last 256 pauses.
            double recent = scrape.FromServer ? n : Math.Min(n, 256);
            string total = $"{Numbers.Count(n)} pauses {scrape.Window}";
            string recentPauses = $"the last {Numbers.Count(recent)} pauses (the Go runtime keeps 256)";
            if (Quantile("0.5") is double median && recent >= Numbers.Needed(0.5))
            {
                into.Add(new Evidence(MeasuredKeys.GcPauseP50, median, scrape.Source, scrape.FromServer
                    ? $"max_over_time({GoGc}{{quantile=\"0.5\"}}) = {Numbers.Float(median)} s: the largest median of recent pauses a scrape saw; {total}"
                    : $"{GoGc}{{quantile=\"0.5\"}} = {Numbers.Float(median)} s: the median of {recentPauses}; {total}"));
            }

            if (recent >= Numbers.Needed(0.99))
            {
                into.Add(new Evidence(MeasuredKeys.GcPauseP99, max, scrape.Source, scrape.FromServer
                    ? $"max_over_time({GoGc}{{quantile=\"1\"}}) = {Numbers.Float(max)} s: the summary's top quantile is the largest recent pause, so this is the longest pause the scrapes saw, at least the p99; {total}"
                    : $"{GoGc}{{quantile=\"1\"}} = {Numbers.Float(max)} s: the summary's top quantile is the largest of {recentPauses}, so at least their p99; {total}"));
            }
            else
            {
                into.Add(new Evidence(MeasuredKeys.GcPauseP99, null, scrape.Source, $"{GoGc}: {(scrape.FromServer ? total : recentPauses + "; " + total)}; a p99 needs at least 100"));
            }

            into.Add(new Evidence(MeasuredKeys.GcPauseP999, null, scrape.Source, $"{GoGc} has no p99.9: its quantiles are 0, 0.25, 0.5, 0.75 and the recent maximum"));
        }

        /// <summary>
        /// Pause metrics without a distribution: a mean (and Micrometer's recent maximum) is said, as the reason why no
        /// percentile is written from them.
        /// </summary>
        private static void Means(Scrape scrape, List<Evidence> into)
        {
            double Sum(string name, CountFamily? filter = null) => scrape.Samples.Where(s => s.Name == name && (filter == null || filter.LabelsMatch(s))).Sum(s => s.Value);
            bool Has(string name) => scrape.Samples.Any(s => s.Name == name);
            var notes = new List<string>();
            if (Has("jvm_gc_pause_seconds_count") && !Has("jvm_gc_pause_seconds_bucket"))
            {
                double max = scrape.Samples.Where(s => s.Name == "jvm_gc_pause_seconds_max").Select(s => s.Value).DefaultIfEmpty(double.NaN).Max();
                notes.Add($"jvm_gc_pause_seconds has no buckets (Micrometer writes them with management.metrics.distribution.percentiles-histogram.jvm.gc.pause=true): " +
                    $"its mean {Mean(Sum("jvm_gc_pause_seconds_sum"), Sum("jvm_gc_pause_seconds_count"))}" +
                    (double.IsNaN(max) ? string.Empty : $" and its _max {Numbers.Float(max)} s, the largest pause of the last few minutes,") + " are no percentile");
            }

            CountFamily javaClient = GcCounts.First(f => f.Name == "jvm_gc_collection_seconds_count");
            if (Has(javaClient.Name))
            {
                notes.Add($"jvm_gc_collection_seconds has counts and sums only: its mean {Mean(Sum("jvm_gc_collection_seconds_sum", javaClient), Sum(javaClient.Name, javaClient))} is no percentile");
            }

            if (Has("dotnet_gc_pause_time_seconds_total") && Has("dotnet_gc_collections_total"))
            {
                notes.Add($"dotnet_gc_pause_time_seconds_total is a total: its mean {Mean(Sum("dotnet_gc_pause_time_seconds_total"), Sum("dotnet_gc_collections_total"))} per collection is no percentile");
            }

            foreach (string note in notes)
            {
                foreach (string key in new[] { MeasuredKeys.GcPauseP50, MeasuredKeys.GcPauseP99, MeasuredKeys.GcPauseP999 })
                {
                    into.Add(new Evidence(key, null, scrape.Source, note));
                }
            }
        }

        /// <summary>A maximum over a moment bounds a round trip but is no percentile: it is said, not written.</summary>
        private static void KafkaHeartbeat(Scrape scrape, List<Evidence> into)
        {
            foreach (string name in KafkaHeartbeatMax)
            {
                double max = scrape.Samples.Where(s => s.Name == name && double.IsFinite(s.Value) && s.Value >= 0).Select(s => s.Value).DefaultIfEmpty(double.NaN).Max();
                if (double.IsNaN(max))
                {
                    continue;
                }

                string what = scrape.FromServer
                    ? $"max_over_time({name}) = {Numbers.Float(max)} ms, the longest heartbeat round trip a Kafka consumer reported {scrape.Window}"
                    : $"{name} = {Numbers.Float(max)} ms, the longest heartbeat round trip of the consumer's last metrics window (about a minute)";
                into.Add(new Evidence(MeasuredKeys.RttP99, null, scrape.Source, what + ": a bound, not a percentile"));
            }
        }

        private static string Mean(double sum, double count) => count > 0 ? $"pause {Numbers.Float(Math.Round(sum / count, 9))} s" : "pause is unknown (no pauses)";

        private static void Rates(Scrape scrape, List<Evidence> into)
        {
            foreach (CountFamily f in GcCounts)
            {
                List<Sample> matching = scrape.Samples.Where(f.Matches).ToList();
                if (matching.Count == 0)
                {
                    continue;
                }

                double n = matching.Sum(s => s.Value);
                (double? seconds, string window) = scrape.Spans != null && scrape.Spans.TryGetValue(f.Name, out var span)
                    ? (span.Seconds, span.Words)
                    : (scrape.WindowSeconds, scrape.Window);
                if (seconds is not double sec || sec <= 0)
                {
                    into.Add(new Evidence(MeasuredKeys.GcPausesPerHour, null, scrape.Source, $"{f.Name}: {Numbers.Count(n)} pauses {window}, so no rate"));
                    continue;
                }

                into.Add(new Evidence(MeasuredKeys.GcPausesPerHour, n / (sec / 3600), scrape.Source, $"{f.Name} ({f.Who}): {Numbers.Count(n)} pauses {window}"));
            }
        }
    }
}
