using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ElectionLint.Cli.Metrics
{
    /// <summary>One sample of a Prometheus text exposition: name, labels, value and optional timestamp (ms).</summary>
    internal sealed class Sample
    {
        public Sample(string name, IReadOnlyList<KeyValuePair<string, string>> labels, double value, long? timestampMs = null)
        {
            Name = name;
            Labels = labels;
            Value = value;
            TimestampMs = timestampMs;
        }

        public string Name { get; }

        public IReadOnlyList<KeyValuePair<string, string>> Labels { get; }

        public double Value { get; }

        public long? TimestampMs { get; }

        public string? Label(string key)
        {
            foreach (var kv in Labels)
            {
                if (kv.Key == key)
                {
                    return kv.Value;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Reads the Prometheus text exposition format 0.0.4 (what /metrics serves) and OpenMetrics text
    /// (<c># EOF</c>, exemplars after <c> # </c>). Comments and TYPE/HELP lines are skipped.
    /// </summary>
    internal static class Exposition
    {
        /// <summary>The samples, or the first malformed line (1-based) and why.</summary>
        public static (List<Sample> Samples, string? Error) Parse(string text)
        {
            var samples = new List<Sample>();
            int lineNo = 0;
            foreach (string raw in text.Split('\n'))
            {
                lineNo++;
                string line = raw.TrimEnd('\r').Trim();
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                string? error = ParseLine(line, out Sample? s);
                if (error != null)
                {
                    return (samples, $"line {lineNo}: {error}");
                }

                samples.Add(s!);
            }

            return (samples, null);
        }

        private static string? ParseLine(string line, out Sample? sample)
        {
            sample = null;
            int i = 0;
            while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] == '_' || line[i] == ':'))
            {
                i++;
            }

            if (i == 0 || char.IsAsciiDigit(line[0]))
            {
                return "a sample starts with a metric name";
            }

            string name = line.Substring(0, i);
            var labels = new List<KeyValuePair<string, string>>();
            if (i < line.Length && line[i] == '{')
            {
                i++;
                while (true)
                {
                    while (i < line.Length && line[i] == ' ')
                    {
                        i++;
                    }

                    if (i < line.Length && line[i] == '}')
                    {
                        i++;
                        break;
                    }

                    int start = i;
                    while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] == '_'))
                    {
                        i++;
                    }

                    if (i == start || i >= line.Length || line[i] != '=' || i + 1 >= line.Length || line[i + 1] != '"')
                    {
                        return "a label is written name=\"value\"";
                    }

                    string key = line.Substring(start, i - start);
                    i += 2;
                    var value = new StringBuilder();
                    while (i < line.Length && line[i] != '"')
                    {
                        if (line[i] == '\\' && i + 1 < line.Length)
                        {
                            i++;
                            value.Append(line[i] == 'n' ? '\n' : line[i]);
                        }
                        else
                        {
                            value.Append(line[i]);
                        }

                        i++;
                    }

                    if (i >= line.Length)
                    {
                        return "a label value is not closed";
                    }

                    i++;
                    labels.Add(new KeyValuePair<string, string>(key, value.ToString()));
                    while (i < line.Length && line[i] == ' ')
                    {
                        i++;
                    }

                    if (i < line.Length && line[i] == ',')
                    {
                        i++;
                    }
                    else if (i >= line.Length || line[i] != '}')
                    {
                        return "labels are separated by commas and closed by }";
                    }
                }
            }

            string rest = line.Substring(i);
            int exemplar = rest.IndexOf(" # ", StringComparison.Ordinal);
            if (exemplar >= 0)
            {
                rest = rest.Substring(0, exemplar);
            }

            string[] parts = rest.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || parts.Length > 2 || !TryValue(parts[0], out double v))
            {
                return "a sample is name{labels} value [timestamp]";
            }

            long? ts = null;
            if (parts.Length == 2)
            {
                if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double t))
                {
                    return "the timestamp is not a number";
                }

                // OpenMetrics writes seconds with a fraction; the 0.0.4 format writes integer milliseconds.
                ts = parts[1].Contains('.') ? (long)(t * 1000) : (long)t;
            }

            sample = new Sample(name, labels, v, ts);
            return null;
        }

        /// <summary>A sample value or an <c>le</c>/<c>quantile</c> label: a float, +Inf, -Inf or NaN.</summary>
        public static bool TryValue(string s, out double v)
        {
            switch (s)
            {
                case "+Inf":
                case "Inf":
                case "+inf":
                    v = double.PositiveInfinity;
                    return true;
                case "-Inf":
                case "-inf":
                    v = double.NegativeInfinity;
                    return true;
                case "NaN":
                    v = double.NaN;
                    return true;
                default:
                    return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v);
            }
        }
    }
}
