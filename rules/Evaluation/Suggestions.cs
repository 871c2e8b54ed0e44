using System.Collections.Generic;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Timing;

namespace ElectionLint.Rules.Evaluation
{
    /// <summary>
    /// Turns repairs into values a person would write (1000 ms, 6s) and keeps only those that, evaluated again,
    /// clear the finding and raise no finding that was not there before.
    /// </summary>
    internal static class Suggestions
    {
        private static readonly decimal[] Mantissas = { 1m, 1.2m, 1.5m, 2m, 2.5m, 3m, 4m, 5m, 6m, 8m };
        private const int MaxCandidates = 48;

        public static void Compute(ConfigurationInstance instance, EnvironmentProfile profile, IReadOnlyDictionary<string, RuleSeverity>? severities, List<PendingFinding> findings)
        {
            var before = new HashSet<(string, int)>();
            foreach (PendingFinding f in findings)
            {
                before.Add((f.Rule.Id, f.Primary));
            }

            foreach (PendingFinding f in findings)
            {
                if (!f.Rule.Fixable)
                {
                    continue;
                }

                foreach (Repair r in f.Repairs)
                {
                    SuggestedValue? s = Find(instance, profile, severities, f, r, before);
                    if (s != null)
                    {
                        f.Suggestions.Add(s);
                    }
                }
            }
        }

        public static decimal RoundToStep(decimal value, SettingDefinition s, Direction direction)
        {
            decimal g = s.Granularity;
            if (g == 0m || value % g == 0m)
            {
                return value;
            }

            return direction == Direction.Up ? decimal.Ceiling(value / g) * g : decimal.Floor(value / g) * g;
        }

        private static SuggestedValue? Find(ConfigurationInstance instance, EnvironmentProfile profile, IReadOnlyDictionary<string, RuleSeverity>? severities, PendingFinding f, Repair r, HashSet<(string, int)> before)
        {
            SettingDefinition s = r.Setting;
            SettingOccurrence? occurrence = instance[s.Index];
            foreach (decimal candidate in Candidates(r))
            {
                if (s.Maximum is decimal max && candidate > max)
                {
                    continue;
                }

                string? text = occurrence != null ? SettingValues.Write(candidate, occurrence.Format, occurrence.UnitNanos) : SettingValues.Write(candidate, s.Format);
                if (occurrence != null && text == null)
                {
                    continue; // not writable in the author's format
                }

                List<(string Rule, int Setting)> after = Evaluator.Keys(instance.With(s.Index, candidate), profile, severities);
                bool clean = true;
                foreach ((string Rule, int Setting) key in after)
                {
                    if ((key.Rule == f.Rule.Id && key.Setting == f.Primary) || !before.Contains(key) || key.Setting == s.Index)
                    {
                        clean = false;
                        break;
                    }
                }

                if (clean)
                {
                    return new SuggestedValue(s, candidate, text, occurrence, r);
                }
            }

            return null;
        }

        /// <summary>Rounds to <paramref name="digits"/> significant digits, up or down.</summary>
        public static decimal RoundSignificant(decimal value, int digits, Direction direction)
        {
            if (value <= 0m)
            {
                return value;
            }

            decimal scale = 1m;
            while (value / scale >= Pow(digits))
            {
                scale *= 10m;
            }

            while (value / scale < Pow(digits - 1) && scale > 0.000000000001m)
            {
                scale /= 10m;
            }

            decimal units = value / scale;
            units = direction == Direction.Up ? decimal.Ceiling(units) : decimal.Floor(units);
            return units * scale;
        }

        private static decimal Pow(int digits)
        {
            decimal p = 1m;
            for (int i = 0; i < digits; i++)
            {
                p *= 10m;
            }

            return p;
        }

        private static int SignificantDigits(decimal value)
        {
            string digits = Timing.DurationFormat.Number(value).Replace(".", string.Empty).Replace("-", string.Empty).Trim('0');
            return digits.Length;
        }

        private static IEnumerable<decimal> Candidates(Repair r)
        {
            SettingDefinition s = r.Setting;
            bool up = r.Direction == Direction.Up;
            decimal bound = r.Bound;
            decimal? recommended = r.Recommended;
            if (up && bound <= 0m && recommended == null && s.Default != null && s.Default.Terms.Count == 1 && s.Default.Terms[0].Setting == null)
            {
                recommended = s.Default.Terms[0].Coefficient; // "must be > 0": the system's default is the natural repair
            }

            if (recommended is decimal rec)
            {
                yield return RoundToStep(rec, s, r.Direction);
            }

            // The bound itself when it is already a round number (16s, 6000 ms).
            decimal atBound = RoundToStep(bound, s, r.Direction);
            if (atBound > 0m && SignificantDigits(atBound) <= 2)
            {
                yield return atBound;
            }

            if (s.Role == SettingRole.Count)
            {
                decimal start = up ? decimal.Ceiling(bound) : decimal.Floor(bound);
                for (int i = 0; i < MaxCandidates; i++)
                {
                    decimal v = up ? start + i : start - i;
                    if (v <= 0m)
                    {
                        yield break;
                    }

                    yield return v;
                }

                yield break;
            }

            // Nice numbers (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k) on the right side of the bound.
            decimal floor = s.IsDuration ? Duration.NanosPerMicrosecond : 0.001m;
            decimal origin = bound > floor ? bound : floor;
            decimal decade = 1m;
            decimal limit = s.IsDuration ? (decimal)long.MaxValue : 1_000_000m;
            if (s.IsDuration)
            {
                while (decade * 10m <= origin)
                {
                    decade *= 10m;
                }
            }
            else
            {
                decade = 0.001m;
                while (decade * 10m <= origin)
                {
                    decade *= 10m;
                }
            }

            if (!up)
            {
                decade *= 10m;
            }

            int produced = 0;
            while (produced < MaxCandidates && decade >= floor / 10m && decade <= limit)
            {
                for (int k = 0; k < Mantissas.Length; k++)
                {
                    decimal m = up ? Mantissas[k] : Mantissas[Mantissas.Length - 1 - k];
                    decimal v = m * decade;
                    bool side = up ? v >= bound : v <= bound;
                    bool onStep = s.Granularity == 0m || v % s.Granularity == 0m;
                    if (side && onStep && v > 0m)
                    {
                        produced++;
                        yield return v;
                    }
                }

                decade = up ? decade * 10m : decade / 10m;
            }
        }
    }
}
