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
            List<int>? cancelled = null;
            Quantity reducedLeft = left, reducedRight = right;
            if ((l == null || r == null) && TryCancel(ctx.System, left, right, ctx.IsUnknown, out reducedLeft, out reducedRight, out cancelled))
            {
                l = ctx.Eval(reducedLeft, rttAsZero);
                r = ctx.Eval(reducedRight, rttAsZero);
            }

            if (l == null || r == null || Holds(l.Value, op, factor == 1m ? r.Value : factor * r.Value))
            {
                return false;
            }

            Dictionary<string, string> args = extra?.Invoke() ?? (extraWithState != null && state != null ? extraWithState(ctx, state) : null) ?? new Dictionary<string, string>(12);
            SetDefault(args, "setting", ctx.QuantityName(left));
            SetDefault(args, "related", ctx.QuantityName(right));
            SetDefault(args, "ratio", EvaluationContext.Ratio(l.Value, r.Value));
            SetDefault(args, "factor", Timing.DurationFormat.Number(factor));
            if (cancelled == null)
            {
                SetDefault(args, "value", ctx.ShowQuantity(left, l.Value));
                SetDefault(args, "relatedValue", ctx.ShowQuantity(right, r.Value));
                SetDefault(args, "limit", ctx.ShowQuantityValue(left, factor * r.Value));
            }
            else
            {
                // The values themselves are not known, only their ratio: each side shows what it is made of.
                SetDefault(args, "value", Symbolic(ctx, left, cancelled));
                SetDefault(args, "relatedValue", Symbolic(ctx, right, cancelled));
                SetDefault(args, "limit", (factor == 1m ? string.Empty : Timing.DurationFormat.Number(factor) + " × ") + Symbolic(ctx, right, cancelled));
            }

            if (detail != null)
            {
                args["detail"] = MessageTemplate.Format(detail, args);
            }

            // The finding points at a value that decides it: with a factor divided out, at what is left of the relation.
            var settings = new List<int>();
            reducedLeft.CollectSettings(settings);
            reducedRight.CollectSettings(settings);
            int primary = Primary(ctx, settings);
            settings.Remove(primary);
            foreach (int c in cancelled ?? new List<int>())
            {
                if (c != primary && !settings.Contains(c))
                {
                    settings.Add(c);
                }
            }

            ctx.Add(RuleCatalogue.Get(ruleId), primary, settings.ToArray(), args, severity);
            return true;
        }

        /// <summary>
        /// Two products that share a factor whose value is not known (DotNext: LowerElectionTimeout against the heartbeat
        /// LowerElectionTimeout × HeartbeatThreshold): how they compare does not depend on it, so the relation is decided on
        /// what is left once it is divided out of both sides (left ÷ right = 1 ÷ HeartbeatThreshold). Only a factor that every
        /// value the system accepts keeps positive is divided out, so the comparison keeps its direction: a duration, count or
        /// fraction with no value that means none, infinite or the default, and not allowed to be 0.
        /// </summary>
        /// <param name="unknown">Whether a setting's value is not known (and may be divided out).</param>
        /// <param name="cancelled">The settings divided out, one entry per factor.</param>
        internal static bool TryCancel(SystemDefinition sys, Quantity left, Quantity right, Func<int, bool> unknown, out Quantity reducedLeft, out Quantity reducedRight, out List<int> cancelled)
        {
            reducedLeft = left;
            reducedRight = right;
            cancelled = new List<int>();
            if (left.Terms.Count != 1 || right.Terms.Count != 1 || left.Terms[0].Cap != null || right.Terms[0].Cap != null)
            {
                return false;
            }

            List<int> l = Factors(left.Terms[0]), r = Factors(right.Terms[0]);
            foreach (int f in l.ToArray())
            {
                if (r.Contains(f) && unknown(f) && AlwaysPositive(sys.Settings[f]))
                {
                    l.Remove(f);
                    r.Remove(f);
                    cancelled.Add(f);
                }
            }

            if (cancelled.Count == 0)
            {
                return false;
            }

            reducedLeft = Reduced(sys, left, l);
            reducedRight = Reduced(sys, right, r);
            return true;
        }

        private static bool AlwaysPositive(SettingDefinition s) =>
            s.Role != SettingRole.Switch && s.Role != SettingRole.Choice && !s.ZeroAllowed && s.NoneValue == null && !s.NegativeMeansInfinite && s.DefaultSentinel == null;

        private static List<int> Factors(Term t)
        {
            var list = new List<int>(2);
            if (t.SettingIndex >= 0)
            {
                list.Add(t.SettingIndex);
            }

            if (t.MultiplierIndex >= 0)
            {
                list.Add(t.MultiplierIndex);
            }

            return list;
        }

        private static Quantity Reduced(SystemDefinition sys, Quantity q, List<int> factors)
        {
            Term t = q.Terms[0];
            string? setting = factors.Count > 0 ? sys.Settings[factors[0]].Id : null;
            string? multiplier = factors.Count > 1 ? sys.Settings[factors[1]].Id : null;
            return new Quantity(q.Name, new Term(t.Coefficient, setting, multiplier, t.Rtt)).Bound(sys);
        }

        /// <summary>A side whose value is not known, as what it is made of: "(unknown)" for the unknown setting itself, else "(LowerElectionTimeout × 0.9)".</summary>
        private static string Symbolic(EvaluationContext ctx, Quantity q, List<int> cancelled)
        {
            Term t = q.Terms[0];
            if (q.SingleSetting != null)
            {
                return ctx.ShowIndex(t.SettingIndex);
            }

            var parts = new List<string>();
            if (t.Coefficient != 1m)
            {
                parts.Add(Timing.DurationFormat.Number(t.Coefficient));
            }

            foreach (int f in Factors(t))
            {
                parts.Add(cancelled.Contains(f) ? ctx.Name(ctx.System.Settings[f].Id) : ctx.ShowIndex(f));
            }

            if (t.Rtt)
            {
                parts.Add("RTT");
            }

            return "(" + string.Join(" × ", parts) + ")";
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

        private static void SetDefault(Dictionary<string, string> args, string key, string value)
        {
            if (!args.ContainsKey(key))
            {
                args[key] = value;
            }
        }
    }
}
