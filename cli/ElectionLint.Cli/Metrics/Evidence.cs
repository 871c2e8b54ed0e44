using System;
using System.Globalization;

namespace ElectionLint.Cli.Metrics
{
    /// <summary>The profile keys that measurements write.</summary>
    internal static class MeasuredKeys
    {
        public const string RttP50 = "rttP50";
        public const string RttP99 = "rttP99";
        public const string RttP999 = "rttP999";
        public const string GcPauseP50 = "gcPauseP50";
        public const string GcPauseP99 = "gcPauseP99";
        public const string GcPauseP999 = "gcPauseP999";
        public const string GcPausesPerHour = "gcPausesPerHour";

        public static readonly string[] All = { RttP50, RttP99, RttP999, GcPauseP50, GcPauseP99, GcPauseP999, GcPausesPerHour };

        public static bool IsDuration(string key) => key != GcPausesPerHour;
    }

    /// <summary>
    /// One measurement for one profile key: <see cref="Value"/> is seconds (durations) or pauses per hour, or null
    /// when the source had too little to say (then <see cref="Detail"/> says why).
    /// </summary>
    internal sealed record Evidence(string Key, double? Value, string Source, string Detail);

    /// <summary>How the evidence prints numbers.</summary>
    internal static class Numbers
    {
        /// <summary>Shortest round-trip decimal, without an exponent (as Prometheus' API prints floats).</summary>
        public static string Float(double v)
        {
            string r = v.ToString("R", CultureInfo.InvariantCulture);
            if (r.Contains('E') && decimal.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d))
            {
                return d.ToString(CultureInfo.InvariantCulture);
            }

            return r;
        }

        public static string Count(double v) => Math.Round(v).ToString("0", CultureInfo.InvariantCulture);

        public static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

        /// <summary>To the second: a server's evaluation time, which the same query can be asked at again.</summary>
        public static string UtcSeconds(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

        /// <summary>A span of time, coarse: 3d4h, 5h12m, 14m, 40s.</summary>
        public static string Span(double seconds)
        {
            var t = TimeSpan.FromSeconds(Math.Max(0, seconds));
            if (t.TotalDays >= 1)
            {
                return $"{(int)t.TotalDays}d{t.Hours}h";
            }

            if (t.TotalHours >= 1)
            {
                return $"{(int)t.TotalHours}h{t.Minutes}m";
            }

            if (t.TotalMinutes >= 1)
            {
                return $"{(int)t.TotalMinutes}m{t.Seconds}s";
            }

            return $"{(int)t.TotalSeconds}s";
        }

        /// <summary>A percentile's name: 0.5 → p50, 0.99 → p99, 0.999 → p99.9.</summary>
        public static string Percentile(double q) => "p" + (q * 100).ToString("0.###", CultureInfo.InvariantCulture);

        /// <summary>Samples a percentile needs: at least 1/(1−q) (p50: 2, p99: 100, p99.9: 1000), so it is not just the largest.</summary>
        public static long Needed(double q) => (long)Math.Ceiling(Math.Round(1 / (1 - q), 6));
    }
}
