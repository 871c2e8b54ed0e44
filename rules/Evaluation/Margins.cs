using System.Collections.Generic;
using System.Globalization;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Solving;

namespace ElectionLint.Rules.Evaluation
{
    public enum MarginStatus
    {
        /// <summary>The values meet the constraint.</summary>
        Passes,

        /// <summary>The values break it and its rule is reported.</summary>
        Fires,

        /// <summary>The values break it, but the rule is not reported (the reason says why).</summary>
        NotReported,

        /// <summary>A value it needs is unknown: no claim.</summary>
        Unknown,
    }

    /// <summary>One constraint of a configuration's model with the values it sees: why a rule passed or fired, and by how much.</summary>
    public sealed class RuleMargin
    {
        internal RuleMargin(string ruleId, ConstraintKind kind, string constraint, MarginStatus status, string? actual, string? required, decimal? headroom, string? slack, string? reason, bool upper = false)
        {
            Upper = upper;
            RuleId = ruleId;
            Kind = kind;
            Constraint = constraint;
            Status = status;
            Actual = actual;
            Required = required;
            Headroom = headroom;
            Slack = slack;
            Reason = reason;
        }

        public string RuleId { get; }

        /// <summary>An upper bound (≤, &lt;): a broken one is over by the slack, not short of it.</summary>
        public bool Upper { get; }

        public ConstraintKind Kind { get; }

        /// <summary>The constraint as messages name it: "election-timeout ≥ 10 × rttP99 150ms".</summary>
        public string Constraint { get; }

        public MarginStatus Status { get; }

        /// <summary>What the configuration has: "1s", or a ratio "10.0×".</summary>
        public string? Actual { get; }

        /// <summary>What the constraint asks: "≥ 1.5s", "≥ 5×".</summary>
        public string? Required { get; }

        /// <summary>How many times over the bound the value is on the safe side (passing constraints with a positive bound).</summary>
        public decimal? Headroom { get; }

        /// <summary>The distance to the bound: the slack when it passes, the shortfall when it does not.</summary>
        public string? Slack { get; }

        /// <summary>Why a broken constraint is not reported.</summary>
        public string? Reason { get; }

        /// <summary>"EL2001 ratio 10.0× ≥ 5× — passes with 2.0× headroom".</summary>
        public string Summary
        {
            get
            {
                string values = Actual != null ? $"{Actual} {Required}" : Constraint;
                switch (Status)
                {
                    case MarginStatus.Passes:
                        return $"{RuleId} {values} — passes" + (Headroom is decimal h && h < 100m ? $" with {Format(h)}× headroom" : string.Empty) + (Slack != null ? $" ({Slack} to spare)" : string.Empty);
                    case MarginStatus.Fires:
                        return $"{RuleId} {values} — fires" + (Slack != null ? $", {(Upper ? "over" : "short")} by {Slack}" : string.Empty);
                    case MarginStatus.NotReported:
                        return $"{RuleId} {values} — not met" + (Slack != null ? $" by {Slack}" : string.Empty) + $", not reported: {Reason}";
                    default:
                        return $"{RuleId} {Constraint} — not checked: a value it needs is unknown";
                }
            }
        }

        public static string Format(decimal ratio) =>
            decimal.Round(ratio, ratio < 10m ? 2 : 1).ToString(ratio < 10m ? "0.0#" : "0.0", CultureInfo.InvariantCulture);
    }

    /// <summary>A quantity the rules reason about: "detection timeout = election-timeout = 1000 ms".</summary>
    public sealed class DerivedQuantity
    {
        internal DerivedQuantity(string label, string formula, string? value)
        {
            Label = label;
            Formula = formula;
            Value = value;
        }

        /// <summary>"heartbeat", "detection timeout", "pause budget", "failover window" or "ratio".</summary>
        public string Label { get; }

        /// <summary>How it is computed from the settings.</summary>
        public string Formula { get; }

        /// <summary>Its value; null when a value it needs is unknown.</summary>
        public string? Value { get; }

        public override string ToString() => $"{Label}: {Formula} = {Value ?? "unknown"}";
    }

    /// <summary>The margin of every constraint in a configuration's model (the constraints the checks and the solver share).</summary>
    public static class Margins
    {
        /// <param name="result">An evaluation of the configuration under the same profile and severities.</param>
        public static IReadOnlyList<RuleMargin> Of(EvaluationResult result, EnvironmentProfile? profile = null, IReadOnlyDictionary<string, RuleSeverity>? severities = null)
        {
            var margins = new List<RuleMargin>();
            EnvironmentProfile p = profile ?? EnvironmentProfile.Default;
            EvaluationContext ctx = Evaluator.Run(result.Instance, p);
            if (!ctx.Enabled)
            {
                return margins;
            }

            bool hardFires = ctx.InHardFinding(ctx.System.Detection) || ctx.InHardFinding(ctx.System.Heartbeat) || ctx.InHardFinding(ctx.System.PauseBudget);
            var reported = new HashSet<string>();
            foreach (Finding f in result.Findings)
            {
                reported.Add(f.RuleId);
            }

            SystemModel model;
            try
            {
                model = SystemModel.Build(ctx, severities);
            }
            catch (System.ArithmeticException)
            {
                return margins;
            }

            foreach (ModelConstraint c in model.Constraints)
            {
                if (c.Kind == ConstraintKind.Implicit || c.IsStepFloor || c.IsHeadroom)
                {
                    continue;
                }

                try
                {
                    margins.Add(Measure(ctx, c, reported, hardFires, result.Conflict != null));
                }
                catch (System.ArithmeticException)
                {
                    margins.Add(new RuleMargin(c.RuleId, c.Kind, c.Text, MarginStatus.Unknown, null, null, null, null, null));
                }
            }

            return margins;
        }

        /// <summary>The heartbeat, detection timeout, pause budget, failover window and detection ÷ heartbeat of a configuration.</summary>
        public static IReadOnlyList<DerivedQuantity> Derived(EvaluationResult result, EnvironmentProfile? profile = null)
        {
            var list = new List<DerivedQuantity>();
            EvaluationContext ctx = Evaluator.Run(result.Instance, profile ?? EnvironmentProfile.Default);
            SystemDefinition sys = ctx.System;
            void Add(string label, Quantity? q, bool rttAsZero = false)
            {
                if (q == null)
                {
                    return;
                }

                string formula = (q.SingleSetting is string single ? ctx.Name(single) : q.Formula()) + (ctx.UncountedNote(q) is string note ? "; " + note : string.Empty);
                decimal? v = null;
                try
                {
                    v = ctx.Eval(q, rttAsZero);
                }
                catch (System.ArithmeticException)
                {
                }

                list.Add(new DerivedQuantity(label, formula, v is decimal d ? ctx.ShowQuantityValue(q, d) : null));
            }

            Add("heartbeat", sys.Heartbeat);
            Add("detection timeout", sys.Detection);
            Add("pause budget", sys.PauseBudget);
            Add("failover window", ctx.Failover, rttAsZero: true);
            if (sys.Heartbeat != null && sys.RatioQuantity is Quantity ratioOf)
            {
                decimal? h = ctx.Eval(sys.Heartbeat), d = ctx.Eval(ratioOf);
                if ((h == null || d == null) && Relations.TryCancel(sys, ratioOf, sys.Heartbeat, ctx.IsUnknown, out Quantity dr, out Quantity hr, out _))
                {
                    h = ctx.Eval(hr); // a factor not known in both divided out: DotNext's ratio is 1 ÷ HeartbeatThreshold whatever the timeout
                    d = ctx.Eval(dr);
                }
                list.Add(new DerivedQuantity("ratio", $"{ctx.QuantityName(ratioOf)} ÷ {ctx.QuantityName(sys.Heartbeat)}",
                    h is decimal hv && d is decimal dv && hv > 0m ? RuleMargin.Format(dv / hv) + "×" : null));
            }

            return list;
        }

        private static RuleMargin Measure(EvaluationContext ctx, ModelConstraint c, HashSet<string> reported, bool hardFires, bool conflict)
        {
            decimal? left = ctx.Eval(c.Left, c.RttAsZero), right = ctx.Eval(c.Right, c.RttAsZero);
            bool cancelled = false;
            if ((left == null || right == null) && Relations.TryCancel(ctx.System, c.Left, c.Right, ctx.IsUnknown, out Quantity l, out Quantity r, out _))
            {
                // Only their ratio is known (a factor not known on both sides divided out): the margin is the ratio's.
                left = ctx.Eval(l, c.RttAsZero);
                right = ctx.Eval(r, c.RttAsZero);
                cancelled = true;
            }

            if (left == null || right == null || (cancelled && (right.Value <= 0m || c.Factor == 1m)))
            {
                return new RuleMargin(c.RuleId, c.Kind, c.Text, MarginStatus.Unknown, null, null, null, null, null);
            }

            decimal bound = c.Factor * right.Value;
            bool met = c.Op switch
            {
                Comparison.Greater => left.Value > bound,
                Comparison.AtLeast => left.Value >= bound,
                Comparison.Less => left.Value < bound,
                _ => left.Value <= bound,
            };
            bool lower = c.Op is Comparison.Greater or Comparison.AtLeast;
            string op = SystemModel.Symbol(c.Op);
            string actual, required;
            decimal? headroom = null;
            string? slack = null;
            bool ratio = c.Factor != 1m && !IsConstant(c.Right);
            if (ratio && right.Value > 0m)
            {
                // Two settings against each other: the ratio is what people tune.
                actual = $"{ctx.QuantityName(c.Left)} ÷ {ctx.QuantityName(c.Right)} = {RuleMargin.Format(left.Value / right.Value)}×";
                required = $"{op} {RuleMargin.Format(c.Factor)}×";
            }
            else
            {
                actual = $"{ctx.QuantityName(c.Left)} {ctx.ShowQuantityValue(c.Left, left.Value)}";
                required = $"{op} {ctx.ShowQuantityValue(c.Left, bound)}";
            }

            decimal distance = lower ? left.Value - bound : bound - left.Value;
            if (distance != 0m && bound != 0m)
            {
                slack = ctx.ShowQuantityValue(c.Left, distance < 0m ? -distance : distance);
            }

            if (met && bound > 0m && left.Value > 0m)
            {
                headroom = lower ? left.Value / bound : bound / left.Value;
            }

            if (ratio)
            {
                slack = null; // a ratio's distance in time units says little
            }

            if (met)
            {
                return new RuleMargin(c.RuleId, c.Kind, c.Text, MarginStatus.Passes, actual, required, headroom, slack, null, !lower);
            }

            if (reported.Contains(c.RuleId))
            {
                return new RuleMargin(c.RuleId, c.Kind, c.Text, MarginStatus.Fires, actual, required, null, slack, null, !lower);
            }

            return new RuleMargin(c.RuleId, c.Kind, c.Text, MarginStatus.NotReported, actual, required, null, slack, WhyNot(ctx, c, hardFires, conflict, reported), !lower);
        }

        private static string WhyNot(EvaluationContext ctx, ModelConstraint c, bool hardFires, bool conflict, HashSet<string> reported)
        {
            SystemDefinition sys = ctx.System;
            if (conflict && System.Array.IndexOf(JointSolver.ReplacedByConflict, c.RuleId) >= 0 && reported.Contains("EL2031"))
            {
                return "EL2031 stands for it (no values satisfy the profile)";
            }

            if (c.Kind != ConstraintKind.Hard && hardFires)
            {
                return "a limit the system enforces fires first; its repair accounts for the profile";
            }

            if ((c.RuleId == "EL2001" || c.RuleId == "EL2002") && sys.Heartbeat != null && sys.RatioQuantity != null && ctx.AllDefaulted(sys.Heartbeat, sys.RatioQuantity))
            {
                return "both values are the component's own defaults";
            }

            if (c.RuleId == "EL2002")
            {
                return "the profile asks for a timeout this long";
            }

            return "switched off, or another rule on the same values is reported first";
        }

        private static bool IsConstant(Quantity q)
        {
            foreach (Term t in q.TermArray)
            {
                if (t.Setting != null || t.Multiplier != null)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
