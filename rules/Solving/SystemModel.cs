using System.Collections.Generic;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Timing;

namespace ElectionLint.Rules.Solving
{
    /// <summary>
    /// Every constraint that bears on one configuration under one profile, as relations between quantities: the
    /// system's ranges and relations, the ratio bounds, the WAN and GC floors, the failover budget and the randomised
    /// range. Made from the system's declared data, the same data the checks read.
    /// </summary>
    public sealed class SystemModel
    {
        private SystemModel(EvaluationContext context, List<ModelConstraint> constraints)
        {
            Context = context;
            Constraints = constraints;
        }

        public EvaluationContext Context { get; }

        public IReadOnlyList<ModelConstraint> Constraints { get; }

        public SystemDefinition System => Context.System;

        internal static SystemModel Build(EvaluationContext ctx, IReadOnlyDictionary<string, RuleSeverity>? severities) =>
            new SystemModel(ctx, Make(ctx, severities, withText: true));

        /// <summary>The constraints; without <paramref name="withText"/> they hold no text (nor the context it is made from), to be shared.</summary>
        internal static List<ModelConstraint> Make(EvaluationContext ctx, IReadOnlyDictionary<string, RuleSeverity>? severities, bool withText)
        {
            SystemDefinition sys = ctx.System;
            EnvironmentProfile profile = ctx.Profile;
            var list = new List<ModelConstraint>();
            bool On(string rule) => Evaluator.IsOn(rule, severities);
            string Name(string setting) => ctx.Name(setting);
            string QName(Quantity q) => ctx.QuantityName(q);
            System.Func<string>? T(System.Func<string> text) => withText ? text : null;

            // What every value people write obeys.
            foreach (SettingDefinition s in sys.Settings)
            {
                if (!IsNumeric(s) || !s.Tunable)
                {
                    continue; // a setting no repair changes is taken as written (MongoDB's catch-up -1)
                }

                Quantity q = Quantity.Of(s.Id).Bound(sys);
                list.Add(new ModelConstraint("", ConstraintKind.Implicit, q, s.ZeroAllowed ? Comparison.AtLeast : Comparison.Greater, 1m, Zero, T(() => Name(s.Id) + " > 0")));
                if (s.Step is decimal step && s.StepRule != null && On(s.StepRule))
                {
                    // A positive multiple of the step is at least one step (the smallest lease record is 1 s).
                    list.Add(new ModelConstraint(s.StepRule, ConstraintKind.Tuning, q, Comparison.AtLeast, 1m, Constant(step),
                        T(() => $"{Name(s.Id)} ≥ {SettingValues.Display(s, step)} (whole steps, {s.StepRule})")) { IsStepFloor = true });
                }

                if (s.Maximum is decimal typeMax)
                {
                    list.Add(new ModelConstraint("", ConstraintKind.Implicit, q, Comparison.AtMost, 1m, Constant(typeMax), T(() => Name(s.Id) + " within its type")));
                }
            }

            foreach (RangeLimit r in Concat(sys.Ranges, sys.SolverRanges))
            {
                if (!r.AppliesTo(ctx.Variant) || !On(r.RuleId))
                {
                    continue;
                }

                Quantity q = Quantity.Of(r.Setting).Bound(sys);
                SettingDefinition s = sys.Settings[sys.IndexOf(r.Setting)];
                string source = r.Source ?? sys.DisplayName + "'s limit";
                if ((r.Min ?? r.MinFromProfile?.Invoke(profile)) is decimal min)
                {
                    list.Add(new ModelConstraint(r.RuleId, ConstraintKind.Hard, q, r.MinInclusive ? Comparison.AtLeast : Comparison.Greater, 1m, Constant(min),
                        T(() => $"{Name(r.Setting)} {(r.MinInclusive ? "≥" : ">")} {SettingValues.Display(s, min)} ({source})")));
                }

                if ((r.Max ?? r.MaxFromProfile?.Invoke(profile)) is decimal rangeMax)
                {
                    list.Add(new ModelConstraint(r.RuleId, ConstraintKind.Hard, q, r.MaxInclusive ? Comparison.AtMost : Comparison.Less, 1m, Constant(rangeMax),
                        T(() => $"{Name(r.Setting)} {(r.MaxInclusive ? "≤" : "<")} {SettingValues.Display(s, rangeMax)} ({source})")));
                }
            }

            foreach (RelationLimit r in Concat(sys.Relations, sys.SolverRelations))
            {
                if (!r.AppliesTo(ctx.Variant) || !On(r.RuleId))
                {
                    continue;
                }

                list.Add(new ModelConstraint(r.RuleId, ConstraintKind.Hard, r.Left, r.Comparison, r.Factor, r.Right,
                    T(() => $"{QName(r.Left)} {Symbol(r.Comparison)} {Times(r.Factor)}{QName(r.Right)} ({r.Source ?? sys.DisplayName + "'s limit"})")));
            }

            if (sys.TimingInactive?.Invoke(ctx) == true)
            {
                return list;
            }

            Duration? rtt = profile.EffectiveRtt;
            string rttText = rtt is Duration d ? "rttP99 " + d + (profile.RttAssumed ? " (assumed for network: wan)" : string.Empty) : string.Empty;
            if (sys.Heartbeat != null && sys.RatioQuantity != null)
            {
                if (sys.MinRatio is decimal minRatio && On("EL2001"))
                {
                    list.Add(new ModelConstraint("EL2001", ConstraintKind.Tuning, sys.RatioQuantity, sys.MinRatioExclusive ? Comparison.Greater : Comparison.AtLeast, minRatio, sys.Heartbeat,
                        T(() => $"{QName(sys.RatioQuantity)} ≥ {Times(minRatio)}{QName(sys.Heartbeat)} (at least {DurationFormat.Number(minRatio)} heartbeats)")));
                }

                if (sys.MaxRatio is decimal maxRatio && On("EL2002"))
                {
                    list.Add(new ModelConstraint("EL2002", ConstraintKind.Soft, sys.RatioQuantity, Comparison.AtMost, maxRatio, sys.Heartbeat,
                        T(() => $"{QName(sys.RatioQuantity)} ≤ {Times(maxRatio)}{QName(sys.Heartbeat)}")));
                }
            }

            // Each profile floor twice: the rule, and the rule × headroom as a soft constraint that repairs keep where they can,
            // so a recommended value is not left on the bound a p99 moving by a millisecond would break.
            decimal margin = profile.EffectiveHeadroom;
            void Floor(string rule, Quantity q, decimal factor, Duration floor, System.Func<string> text, string source)
            {
                list.Add(new ModelConstraint(rule, ConstraintKind.Tuning, q, Comparison.AtLeast, factor, Constant(floor.Nanoseconds), T(text)) { ProfileSource = source });
                if (margin > 1m && factor <= decimal.MaxValue / margin)
                {
                    list.Add(new ModelConstraint(rule, ConstraintKind.Soft, q, Comparison.AtLeast, factor * margin, Constant(floor.Nanoseconds),
                        T(() => $"{text()} with {DurationFormat.Number(margin)}× headroom")) { ProfileSource = source, IsHeadroom = true });
                }
            }

            if (rtt is Duration r1 && sys.Detection != null && On("EL2010"))
            {
                decimal m = profile.EffectiveRttMultiplier;
                Floor("EL2010", sys.Detection, m, r1, () => $"{QName(sys.Detection)} ≥ {Times(m)}{rttText}", "rtt");
            }

            if (rtt is Duration r2 && sys.Heartbeat != null && On("EL2011"))
            {
                Floor("EL2011", sys.Heartbeat, 0.5m, r2, () => $"{QName(sys.Heartbeat)} ≥ half of {rttText}", "rtt");
            }

            if (profile.GcPauseP99 is Duration gc && sys.PauseBudget != null && On("EL2020"))
            {
                decimal h = profile.EffectiveGcHeadroom;
                Floor("EL2020", sys.PauseBudget, h, gc, () => $"{QName(sys.PauseBudget)} ≥ {Times(h)}gcPauseP99 {gc}", "gc");
            }

            if (profile.MaxFailover is Duration max && ctx.Failover is Quantity failover && On("EL2030"))
            {
                list.Add(new ModelConstraint("EL2030", ConstraintKind.Tuning, failover, Comparison.AtMost, 1m, Constant(max.Nanoseconds),
                    T(() => $"the worst-case failover window ({ctx.FormulaOf(failover)}) ≤ maxFailover {max}"), rttAsZero: true));
            }

            if (sys.RandomRange is (string lower, string upper) && On("EL2040"))
            {
                Quantity lo = Quantity.Of(lower).Bound(sys), up = Quantity.Of(upper).Bound(sys);
                list.Add(new ModelConstraint("EL2040", ConstraintKind.Tuning, up, Comparison.AtLeast, 1.5m, lo, T(() => $"{Name(upper)} ≥ 1.5 × {Name(lower)} (a randomised range wide enough)")));
                if (rtt is Duration r3)
                {
                    var right = new Quantity("lower + 2 × RTT", new Term(1m, lower), new Term(2m * r3.Nanoseconds)).Bound(sys);
                    list.Add(new ModelConstraint("EL2040", ConstraintKind.Tuning, up, Comparison.AtLeast, 1m, right, T(() => $"{Name(upper)} − {Name(lower)} ≥ 2 × {rttText}")) { ProfileSource = "rtt" });
                }
            }

            return list;
        }

        /// <summary>Settings a model can vary: durations, counts and fractions (not switches or words).</summary>
        public static bool IsNumeric(SettingDefinition s) => s.Role != SettingRole.Switch && s.Role != SettingRole.Choice;

        internal static string Symbol(Comparison c) => c switch
        {
            Comparison.Greater => ">",
            Comparison.AtLeast => "≥",
            Comparison.Less => "<",
            _ => "≤",
        };

        private static readonly Quantity Zero = new Quantity("0", new Term(0m));

        private static Quantity Constant(decimal value) => new Quantity(DurationFormat.Number(value), new Term(value));

        private static string Times(decimal factor) => factor == 1m ? string.Empty : DurationFormat.Number(factor) + " × ";

        private static IEnumerable<T> Concat<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
        {
            foreach (T x in a)
            {
                yield return x;
            }

            foreach (T x in b)
            {
                yield return x;
            }
        }
    }
}
