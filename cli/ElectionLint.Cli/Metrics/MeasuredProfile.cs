using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ElectionLint.Rules.Timing;

namespace ElectionLint.Cli.Metrics
{
    /// <summary>
    /// The measured keys of a profile, each with a comment saying where its number came from. Where sources disagree the
    /// larger number (the conservative one) is written and the others are named; a key nothing could measure is left out
    /// with the reason.
    /// </summary>
    internal static class MeasuredProfile
    {
        /// <summary>Marks a measured key's comment, so that reports can tell measured values from assumed ones.</summary>
        public const string Marker = "measured";

        /// <summary>Profile lines (indented two spaces) for every key with evidence, in <see cref="MeasuredKeys.All"/> order.</summary>
        public static string Lines(IReadOnlyList<Evidence> input, IReadOnlyDictionary<string, string> given)
        {
            // A corrupt source can say NaN, ∞ or a negative count: such a number is named, never written.
            List<Evidence> evidence = input.Select(e => e.Value is double v && !Plausible(e.Key, v)
                ? e with { Value = null, Detail = $"{e.Detail}: {Numbers.Float(v)} is no plausible {(MeasuredKeys.IsDuration(e.Key) ? "duration" : "rate")}" }
                : e).ToList();
            var chosen = new Dictionary<string, (double Value, Evidence From)>();
            foreach (string key in MeasuredKeys.All)
            {
                if (evidence.Where(e => e.Key == key && e.Value != null).OrderByDescending(e => e.Value).FirstOrDefault() is Evidence best)
                {
                    chosen[key] = (best.Value!.Value, best);
                }
            }

            var sb = new StringBuilder();
            foreach (string key in MeasuredKeys.All)
            {
                List<Evidence> values = evidence.Where(e => e.Key == key && e.Value != null).ToList();
                if (given.TryGetValue(key, out string? flag))
                {
                    foreach (Evidence e in values)
                    {
                        sb.Append($"  # {key}: the command line's value is kept; {Format(key, e.Value!.Value)} was measured from {e.Source}: {e.Detail}\n");
                    }

                    sb.Append($"  {key}: {flag}\n");
                    continue;
                }

                if (!chosen.TryGetValue(key, out var pick))
                {
                    foreach (Evidence e in evidence.Where(e => e.Key == key).Distinct())
                    {
                        sb.Append($"  # {key}: not written: {e.Source}: {e.Detail}\n");
                    }

                    continue;
                }

                string value = Format(key, pick.Value);
                sb.Append($"  # {key}: {Marker} from {pick.From.Source}: {pick.From.Detail}\n");
                List<Evidence> others = values.Where(e => !ReferenceEquals(e, pick.From)).ToList();
                if (others.Any(e => Format(key, e.Value!.Value) != value))
                {
                    foreach (Evidence e in others)
                    {
                        sb.Append($"  #   also {Format(key, e.Value!.Value)} from {e.Source}: {e.Detail}\n");
                    }

                    sb.Append("  #   the sources disagree: the larger value is kept (the conservative reading)\n");
                }

                if (Lower(key) is string lower && chosen.TryGetValue(lower, out var below) && below.Value > pick.Value)
                {
                    value = Format(key, below.Value);
                    sb.Append($"  #   raised to {lower}'s {value}: another source's lower percentile is longer, and a higher percentile cannot be shorter\n");
                    chosen[key] = (below.Value, pick.From);
                }

                sb.Append($"  {key}: {value}\n");
            }

            return sb.ToString();
        }

        /// <summary>A duration rounded up to the microsecond (never below the measurement), or pauses per hour rounded up to 0.1.</summary>
        public static string Format(string key, double value)
        {
            if (MeasuredKeys.IsDuration(key))
            {
                long micros = (long)Math.Ceiling(Math.Round(value * 1e6, 6));
                return DurationFormat.Go(new Duration(micros * 1000)).Replace("µs", "us");
            }

            return (Math.Ceiling(Math.Round(value * 10, 6)) / 10).ToString("0.#", CultureInfo.InvariantCulture);
        }

        /// <summary>Finite, not negative, and a duration under a day (a rate under a million an hour).</summary>
        private static bool Plausible(string key, double v) => double.IsFinite(v) && v >= 0 && v < (MeasuredKeys.IsDuration(key) ? 86400 : 1e6);

        private static string? Lower(string key) => key switch
        {
            MeasuredKeys.RttP99 => MeasuredKeys.RttP50,
            MeasuredKeys.RttP999 => MeasuredKeys.RttP99,
            MeasuredKeys.GcPauseP99 => MeasuredKeys.GcPauseP50,
            MeasuredKeys.GcPauseP999 => MeasuredKeys.GcPauseP99,
            _ => null,
        };
    }
}
