using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace ElectionLint.Cli.Metrics
{
    /// <summary>
    /// Stop-the-world pauses from a GC log: JVM unified logging (<c>-Xlog:gc</c>: "Pause Young", "Pause Full",
    /// "Pause Remark", … lines that end with the pause in ms) or Go's <c>GODEBUG=gctrace=1</c> output (per cycle the
    /// two stop-the-world phases of "a+b+c ms clock", a + c, as the runtime's PauseNs records a cycle).
    /// Percentiles are nearest-rank: the ⌈q·n⌉-th shortest pause, a pause that happened.
    /// </summary>
    internal static partial class GcLogReader
    {
        // [2026-12-02T10:15:32.123+0000][12.345s][info][gc] GC(12) Pause Young (Normal) (G1 Evacuation Pause) 512M->128M(1024M) 12.345ms
        [GeneratedRegex(@"\bPause [A-Z].*?(?<ms>\d+(?:\.\d+)?)ms\s*$")]
        private static partial Regex JvmPause();

        [GeneratedRegex(@"^\[(?<time>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d{4}|Z)?)\]")]
        private static partial Regex JvmTime();

        [GeneratedRegex(@"\[(?<up>\d+(?:\.\d+)?)(?<unit>s|ms)\]")]
        private static partial Regex JvmUptime();

        // gc 12 @3.456s 2%: 0.015+0.55+0.003 ms clock, …
        [GeneratedRegex(@"^gc \d+ @(?<at>\d+(?:\.\d+)?)s \d+%: (?<stw1>\d+(?:\.\d+)?)\+(?<conc>\d+(?:\.\d+)?)\+(?<stw2>\d+(?:\.\d+)?) ms clock")]
        private static partial Regex GoTrace();

        public static (List<Evidence> Evidence, string? Error) Read(string source, string text)
        {
            var pauses = new List<double>();
            DateTimeOffset? firstTime = null, lastTime = null;
            double? firstUp = null, lastUp = null;
            string kind = string.Empty;
            foreach (string raw in text.Split('\n'))
            {
                string line = raw.TrimEnd('\r');
                if (GoTrace().Match(line) is { Success: true } g)
                {
                    kind = "Go gctrace cycles";
                    pauses.Add((D(g.Groups["stw1"].Value) + D(g.Groups["stw2"].Value)) / 1000);
                    firstUp ??= D(g.Groups["at"].Value);
                    lastUp = D(g.Groups["at"].Value);
                    continue;
                }

                if (!line.StartsWith('['))
                {
                    continue;
                }

                if (JvmTime().Match(line) is { Success: true } t && TryTime(t.Groups["time"].Value, out DateTimeOffset at))
                {
                    firstTime ??= at;
                    lastTime = at;
                }

                if (JvmUptime().Match(line) is { Success: true } u)
                {
                    double up = D(u.Groups["up"].Value) / (u.Groups["unit"].Value == "ms" ? 1000 : 1);
                    firstUp ??= up;
                    lastUp = up;
                }

                if (JvmPause().Match(line) is { Success: true } p)
                {
                    kind = "JVM \"Pause\" lines";
                    pauses.Add(D(p.Groups["ms"].Value) / 1000);
                }
            }

            if (pauses.Count == 0)
            {
                return (new List<Evidence>(), "holds no JVM unified-logging \"Pause\" line (-Xlog:gc) and no Go gctrace line (GODEBUG=gctrace=1)");
            }

            double? span = firstTime != null && lastTime != null && lastTime > firstTime ? (lastTime.Value - firstTime.Value).TotalSeconds
                : firstUp != null && lastUp > firstUp ? lastUp - firstUp : null;
            string over = span is double s
                ? $"over {Numbers.Span(s)} of log" + (firstTime != null ? $" from {Numbers.Utc(firstTime.Value)}" : " (process uptime)")
                : "in a log without a time span";
            pauses.Sort();
            int n = pauses.Count;
            var found = new List<Evidence>();
            foreach ((double q, string key) in new[] { (0.5, MeasuredKeys.GcPauseP50), (0.99, MeasuredKeys.GcPauseP99), (0.999, MeasuredKeys.GcPauseP999) })
            {
                string p = Numbers.Percentile(q);
                if (n < Numbers.Needed(q))
                {
                    found.Add(new Evidence(key, null, source, $"{n} pauses ({kind}) {over}; a {p} needs at least {Numbers.Needed(q)}"));
                    continue;
                }

                int rank = (int)Math.Ceiling(Math.Round(q * n, 9));
                double v = pauses[rank - 1];
                found.Add(new Evidence(key, v, source, $"{p} of {n} pauses ({kind}), the {Ordinal(rank)} shortest = {Numbers.Float(v)} s, {over}"));
            }

            found.Add(span is double seconds
                ? new Evidence(MeasuredKeys.GcPausesPerHour, n / (seconds / 3600), source, $"{n} pauses ({kind}) {over}")
                : new Evidence(MeasuredKeys.GcPausesPerHour, null, source, $"{n} pauses ({kind}) {over}, so no rate"));
            return (found, null);
        }

        /// <summary>The time decoration; HotSpot writes the zone as +0000 (no colon).</summary>
        private static bool TryTime(string text, out DateTimeOffset at)
        {
            if (text.Length > 5 && (text[^5] == '+' || text[^5] == '-'))
            {
                text = text.Substring(0, text.Length - 2) + ":" + text.Substring(text.Length - 2);
            }

            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);
        }

        private static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

        private static string Ordinal(int n) => n + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
    }
}
