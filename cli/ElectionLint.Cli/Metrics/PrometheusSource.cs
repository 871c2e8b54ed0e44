using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace ElectionLint.Cli.Metrics
{
    /// <summary>
    /// The same evidence as a saved scrape, asked of a Prometheus server over its HTTP API (/api/v1/query, one evaluation
    /// time for every query): histogram buckets as <c>sum by (le) (increase(…[window]))</c> and Prometheus' own
    /// <c>histogram_quantile(q, sum by (le) (rate(…[window])))</c> as the value written; the Go summary's quantiles as their
    /// <c>max_over_time</c>; pause counters as the busiest process's <c>increase</c> over the span its samples cover.
    /// </summary>
    internal sealed class PrometheusSource
    {
        private readonly HttpClient _http;
        private readonly string _base;
        private readonly string _time;
        private readonly string _window;
        private readonly string _match;

        private PrometheusSource(HttpClient http, string baseUrl, DateTimeOffset now, string window, string match)
        {
            _http = http;
            _base = baseUrl.TrimEnd('/');
            _time = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            _window = window;
            _match = match;
        }

        /// <summary>A PromQL duration (7d, 12h, 1h30m, 90s) in seconds; null when it is not one.</summary>
        public static double? Seconds(string window)
        {
            Match m = Regex.Match(window, @"^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$");
            if (!m.Success || window.Length == 0)
            {
                return null;
            }

            double[] unit = { 365 * 86400, 7 * 86400, 86400, 3600, 60, 1, 0.001 };
            double total = 0;
            for (int i = 0; i < unit.Length; i++)
            {
                if (m.Groups[i + 1].Success)
                {
                    total += double.Parse(m.Groups[i + 1].Value, CultureInfo.InvariantCulture) * unit[i];
                }
            }

            return total > 0 ? total : null;
        }

        public static (Scrape? Scrape, string? Error) Read(string baseUrl, string window, string? match, DateTimeOffset now)
        {
            if (Seconds(window) is not double windowSeconds)
            {
                return (null, $"--since {window}: not a PromQL duration such as 7d, 12h or 30m");
            }

            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out Uri? uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                return (null, $"--prometheus {baseUrl}: not an http(s) URL");
            }

            now = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()); // a whole second, written in the comments
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var source = new PrometheusSource(http, baseUrl, now, window, (match ?? string.Empty).Trim().Trim('{', '}'));
            try
            {
                return (source.Collect(windowSeconds, now), null);
            }
            catch (PrometheusException e)
            {
                return (null, $"{baseUrl}: {e.Message}");
            }
        }

        private Scrape Collect(double windowSeconds, DateTimeOffset now)
        {
            var samples = new List<Sample>();
            // By peer as well, so that the evidence can say how many peers were summed.
            samples.AddRange(Query($"sum by (le, To) (increase({Sel(ScrapeReader.EtcdRtt + "_bucket")}[{_window}]))", ScrapeReader.EtcdRtt + "_bucket"));
            foreach (string family in ScrapeReader.GcHistograms)
            {
                samples.AddRange(Query($"sum by (le) (increase({Sel(family + "_bucket")}[{_window}]))", family + "_bucket"));
            }

            samples.AddRange(Query($"max by (quantile) (max_over_time({Sel(ScrapeReader.GoGc)}[{_window}]))", ScrapeReader.GoGc));
            foreach (string name in ScrapeReader.KafkaHeartbeatMax)
            {
                samples.AddRange(Query($"max(max_over_time({Sel(name)}[{_window}]))", name));
            }

            var spans = new Dictionary<string, (double, string)>(StringComparer.Ordinal);
            foreach (ScrapeReader.CountFamily f in ScrapeReader.GcCounts)
            {
                string sel = f.Selector(_match);
                List<Sample> count = Query($"max(sum by (job, instance) (increase({sel}[{_window}])))", f.Name);
                if (count.Count == 0)
                {
                    continue;
                }

                // increase() covers the samples in the window, which may start later than the window does.
                double step = Math.Max(1, windowSeconds / 1000);
                string stepText = step.ToString("0", CultureInfo.InvariantCulture) + "s";
                double? first = Value($"min(min_over_time(timestamp({sel})[{_window}:{stepText}]))");
                double? last = Value($"max(timestamp({sel}))");
                double start = Math.Max(first ?? 0, now.ToUnixTimeSeconds() - windowSeconds);
                if (last is double end && end > start)
                {
                    spans[f.Name] = (end - start, $"in the {Numbers.Span(end - start)} of samples of the last {_window} to {Numbers.UtcSeconds(now)} (the busiest process)");
                }

                samples.AddRange(count);
            }

            // Prometheus' own answer for every histogram it has, asked now: the client is gone when the reader runs.
            var quantiles = new Dictionary<(string, double), double?>();
            foreach (string family in ScrapeReader.GcHistograms.Prepend(ScrapeReader.EtcdRtt))
            {
                if (samples.Any(s => s.Name == family + "_bucket"))
                {
                    foreach (double q in new[] { 0.5, 0.99, 0.999 })
                    {
                        quantiles[(family, q)] = Value($"histogram_quantile({Numbers.Float(q)}, sum by (le) (rate({Sel(family + "_bucket")}[{_window}])))");
                    }
                }
            }

            return new Scrape(_base, samples, null, $"in the last {_window} to {Numbers.UtcSeconds(now)}")
            {
                FromServer = true,
                Spans = spans,
                ServerQuantile = (family, q) => quantiles.TryGetValue((family, q), out double? v) ? v : null,
            };
        }

        private string Sel(string name) => _match.Length == 0 ? name : $"{name}{{{_match}}}";

        private double? Value(string promql) => Query(promql, "value").Select(s => (double?)s.Value).FirstOrDefault(v => v is double d && !double.IsNaN(d));

        /// <summary>An instant query's vector, as samples named <paramref name="name"/> with the result's labels.</summary>
        private List<Sample> Query(string promql, string name)
        {
            string url = $"{_base}/api/v1/query?query={Uri.EscapeDataString(promql)}&time={_time}";
            HttpResponseMessage response;
            string body;
            try
            {
                response = _http.GetAsync(url).GetAwaiter().GetResult();
                body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is HttpRequestException || e is TaskCanceledException)
            {
                throw new PrometheusException("cannot be reached (" + e.Message + ")");
            }

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(body);
            }
            catch (JsonException)
            {
                throw new PrometheusException($"answered HTTP {(int)response.StatusCode} without the JSON of the Prometheus API (is it a Prometheus server?)");
            }

            using (doc)
            {
                JsonElement root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out JsonElement status) || status.GetString() != "success")
                {
                    string error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out JsonElement e) ? e.GetString() ?? string.Empty : "no status";
                    throw new PrometheusException($"refused the query {promql}: {error}");
                }

                var samples = new List<Sample>();
                JsonElement data = root.GetProperty("data");
                if (data.GetProperty("resultType").GetString() != "vector")
                {
                    return samples;
                }

                foreach (JsonElement r in data.GetProperty("result").EnumerateArray())
                {
                    var labels = new List<KeyValuePair<string, string>>();
                    foreach (JsonProperty l in r.GetProperty("metric").EnumerateObject())
                    {
                        if (l.Name != "__name__")
                        {
                            labels.Add(new KeyValuePair<string, string>(l.Name, l.Value.GetString() ?? string.Empty));
                        }
                    }

                    JsonElement value = r.GetProperty("value");
                    if (Exposition.TryValue(value[1].GetString() ?? string.Empty, out double v))
                    {
                        samples.Add(new Sample(name, labels, v));
                    }
                }

                return samples;
            }
        }

        private sealed class PrometheusException : Exception
        {
            public PrometheusException(string message)
                : base(message)
            {
            }
        }
    }
}
