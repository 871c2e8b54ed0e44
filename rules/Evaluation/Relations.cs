using System;
using System.Collections.Generic;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Model;

namespace ElectionLint.Rules.Evaluation
{
    /// <summary>Checks "left op factor × right" between quantities; the joint solver finds the repairs.</summary>
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

            var settings = new List<int>();
            Collect(left, settings);
            Collect(right, settings);
            int primary = Primary(ctx, settings);
            settings.Remove(primary);
            ctx.Add(RuleCatalogue.Get(ruleId), primary, settings.ToArray(), args, severity);
            return true;
        }

        /// <summary>The setting a finding points at: the first written number of the relation, left side first.</summary>
        private static int Primary(EvaluationContext ctx, List<int> settings)
        {
            int fallback = -1;
            foreach (int i in settings)
            {
                SettingDefinition s = ctx.System.Settings[i];
                if (s.Role == SettingRole.Switch || s.Role == SettingRole.Choice)
                {
                    continue;
                }

                if (!ctx.IsDefaultIndex(i))
                {
                    return i;
                }

                fallback = fallback < 0 ? i : fallback;
            }

            return fallback >= 0 ? fallback : settings.Count > 0 ? settings[0] : -1;
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
