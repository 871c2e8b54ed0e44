using System;
using System.Collections.Generic;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Model;

namespace ElectionLint.Rules.Evaluation
{
    /// <summary>Checks "left op factor × right" between quantities and solves it for each setting to find repairs.</summary>
    internal static class Relations
    {
        public static bool Holds(decimal left, Comparison op, decimal right) => op switch
        {
            Comparison.Greater => left > right,
            Comparison.AtLeast => left >= right,
            Comparison.Less => left < right,
            _ => left <= right,
        };

        /// <summary>Reports <paramref name="ruleId"/> when the relation is known and broken; returns whether it fired.</summary>
        public static bool Check(
            EvaluationContext ctx,
            string ruleId,
            Quantity left,
            Comparison op,
            decimal factor,
            Quantity right,
            Func<Dictionary<string, string>>? extra = null,
            decimal? recommendedFactor = null,
            RuleSeverity? severity = null,
            string? detail = null,
            bool rttAsZero = false,
            Func<EvaluationContext, object, Dictionary<string, string>>? extraWithState = null,
            object? state = null)
        {
            left.Bind(ctx.System);
            right.Bind(ctx.System);
            decimal? l = ctx.Eval(left, rttAsZero);
            decimal? r = ctx.Eval(right, rttAsZero);
            if (l == null || r == null || Holds(l.Value, op, factor * r.Value))
            {
                return false;
            }

            Dictionary<string, string> args = extra?.Invoke() ?? (extraWithState != null && state != null ? extraWithState(ctx, state) : null) ?? new Dictionary<string, string>();
            SetDefault(args, "setting", ctx.QuantityName(left));
            SetDefault(args, "value", ctx.ShowQuantity(left, l.Value));
            SetDefault(args, "related", ctx.QuantityName(right));
            SetDefault(args, "relatedValue", ctx.ShowQuantity(right, r.Value));
            SetDefault(args, "ratio", EvaluationContext.Ratio(l.Value, r.Value));
            SetDefault(args, "factor", Timing.DurationFormat.Number(factor));
            SetDefault(args, "limit", ctx.ShowQuantityValue(left, factor * r.Value));
            if (detail != null)
            {
                args["detail"] = MessageTemplate.Format(detail, args);
            }

            List<Repair> repairs = Solve(ctx, left, op, factor, right, recommendedFactor, rttAsZero);
            var settings = new List<int>();
            Collect(left, settings);
            Collect(right, settings);
            int primary = repairs.Count > 0 ? repairs[0].Setting.Index : settings.Count > 0 ? settings[0] : -1;
            settings.Remove(primary);
            ctx.Add(RuleCatalogue.Get(ruleId), primary, settings.ToArray(), args, repairs.ToArray(), severity);
            return true;
        }

        /// <summary>For each setting of the relation, the bound that makes it hold with every other value fixed; written settings first.</summary>
        public static List<Repair> Solve(EvaluationContext ctx, Quantity left, Comparison op, decimal factor, Quantity right, decimal? recommendedFactor, bool rttAsZero)
        {
            var indexes = new List<int>();
            Collect(left, indexes);
            Collect(right, indexes);
            var written = new List<Repair>();
            var defaulted = new List<Repair>();
            foreach (int x in indexes)
            {
                SettingDefinition s = ctx.System.Settings[x];
                if (s.Role == SettingRole.Switch || s.Role == SettingRole.Choice)
                {
                    continue;
                }

                Repair? repair = SolveFor(ctx, x, left, op, factor, right, recommendedFactor, rttAsZero);
                if (repair != null)
                {
                    (ctx.IsDefaultIndex(x) ? defaulted : written).Add(repair);
                }
            }

            written.AddRange(defaulted);
            return written;
        }

        private static Repair? SolveFor(EvaluationContext ctx, int x, Quantity left, Comparison op, decimal factor, Quantity right, decimal? recommendedFactor, bool rttAsZero)
        {
            decimal? bound = Bound(ctx, x, left, factor, right, rttAsZero, out decimal c);
            if (bound == null)
            {
                return null;
            }

            bool greater = op == Comparison.Greater || op == Comparison.AtLeast;
            bool up = greater ? c > 0 : c < 0;
            bool inclusive = op == Comparison.AtLeast || op == Comparison.AtMost;
            if (!up && bound.Value <= 0m)
            {
                return null;
            }

            decimal? recommended = recommendedFactor is decimal rf ? Bound(ctx, x, left, rf, right, rttAsZero, out _) : null;
            if (recommended is decimal rec && (up ? rec < bound.Value : rec > bound.Value))
            {
                recommended = null;
            }

            return new Repair(ctx.System.Settings[x], up ? Direction.Up : Direction.Down, bound.Value, inclusive, recommended);
        }

        private static decimal? Bound(EvaluationContext ctx, int x, Quantity left, decimal factor, Quantity right, bool rttAsZero, out decimal c)
        {
            c = 0m;
            var ll = ctx.Linear(left, x, rttAsZero);
            var rl = ctx.Linear(right, x, rttAsZero);
            if (ll == null || rl == null)
            {
                return null;
            }

            c = ll.Value.A - (factor * rl.Value.A);
            decimal k = ll.Value.B - (factor * rl.Value.B);
            if (c == 0m)
            {
                return null;
            }

            // Durations are whole nanoseconds; a factor such as 1/3 leaves noise far below that.
            decimal bound = -k / c;
            return ctx.System.Settings[x].IsDuration ? decimal.Round(bound, 3) : decimal.Round(bound, 12);
        }

        private static void Collect(Quantity q, List<int> into)
        {
            foreach (Term t in q.Terms)
            {
                if (t.SettingIndex >= 0 && !into.Contains(t.SettingIndex))
                {
                    into.Add(t.SettingIndex);
                }

                if (t.MultiplierIndex >= 0 && !into.Contains(t.MultiplierIndex))
                {
                    into.Add(t.MultiplierIndex);
                }
            }
        }

        private static void SetDefault(Dictionary<string, string> args, string key, string value)
        {
            if (!args.ContainsKey(key))
            {
                args[key] = value;
            }
        }
    }
}
