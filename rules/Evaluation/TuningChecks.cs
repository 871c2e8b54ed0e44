using System.Collections.Generic;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Timing;

namespace ElectionLint.Rules.Evaluation
{
    /// <summary>EL2xxx: failover speed against stability, under the environment profile.</summary>
    internal static class TuningChecks
    {
        public static void Run(EvaluationContext ctx)
        {
            SystemDefinition sys = ctx.System;
            bool hard = ctx.InHardFinding(sys.Detection) || ctx.InHardFinding(sys.Heartbeat) || ctx.InHardFinding(sys.PauseBudget);

            // Settings the system already refuses get no tuning advice on top: their fix accounts for the profile.
            if (!hard)
            {
                HardLimitChecks.Guarded(ctx, CheckRatio);
                HardLimitChecks.Guarded(ctx, CheckRoundTrip);
                HardLimitChecks.Guarded(ctx, CheckGcHeadroom);
                HardLimitChecks.Guarded(ctx, CheckFailover);
                HardLimitChecks.Guarded(ctx, CheckHeartbeatVersusRtt);
                HardLimitChecks.Guarded(ctx, CheckRandomRange);
            }

            IReadOnlyList<SystemCheck> checks = sys.TuningChecks;
            for (int c = 0; c < checks.Count; c++)
            {
                HardLimitChecks.Guarded(ctx, checks[c]);
            }
        }

        /// <summary>EL2001 / EL2002: the system's ratio quantity ÷ heartbeat within the system's bounds.</summary>
        private static void CheckRatio(EvaluationContext ctx)
        {
            SystemDefinition sys = ctx.System;
            Quantity? ratioOf = sys.RatioQuantity;
            if (sys.Heartbeat == null || ratioOf == null || ctx.AllDefaulted(sys.Heartbeat, ratioOf))
            {
                return; // the component's own defaults: their ratio is its authors' choice, not the user's
            }

            if (sys.MinRatio is decimal min &&
                Relations.Check(ctx, "EL2001", ratioOf, sys.MinRatioExclusive ? Comparison.Greater : Comparison.AtLeast, min, sys.Heartbeat, severity: sys.RatioSeverity, extraWithState: RatioConsequence, state: ratioOf))
            {
                return;
            }

            if (sys.MaxRatio is decimal max)
            {
                decimal? detection = ctx.Eval(sys.Detection);
                decimal? asked = ProfileLowerBound(ctx);
                if (asked != null && (detection == null || detection.Value <= asked.Value))
                {
                    return; // the profile asks for a timeout this long, or may (the timeout is not known)
                }

                // Info only: a lax ratio slows failover, and EL2030 says so where the profile sets a budget it breaks.
                Relations.Check(ctx, "EL2002", ratioOf, Comparison.AtMost, max, sys.Heartbeat);
            }
        }

        /// <summary>EL2001's arguments: how many heartbeats fit, and the system's consequence (made only for a finding).</summary>
        private static readonly System.Func<EvaluationContext, object, Dictionary<string, string>> RatioConsequence = (ctx, state) =>
        {
            SystemDefinition sys = ctx.System;
            var ratioOf = (Quantity)state;
            decimal? left = ctx.Eval(ratioOf), hb = ctx.Eval(sys.Heartbeat);
            var args = new Dictionary<string, string>(12)
            {
                ["attempts"] = left is decimal l && hb is decimal h && h > 0m ? decimal.Ceiling(l / h).ToString(System.Globalization.CultureInfo.InvariantCulture) : "?",
                ["setting"] = ctx.QuantityName(ratioOf),
                ["related"] = ctx.QuantityName(sys.Heartbeat!),
                ["factor"] = DurationFormat.Number(sys.MinRatio ?? 0m),
                ["system"] = sys.DisplayName,
                ["falseFailover"] = sys.FalseFailover,
            };
            args["consequence"] = MessageTemplate.Format(sys.RatioConsequence ?? DefaultConsequence, args);
            return args;
        };

        private const string DefaultConsequence = "{system} should tolerate at least {factor} missed heartbeats, or one slow round trip triggers {falseFailover}";

        /// <summary>EL2010: detection timeout at least rttMultiplier × rttP99.</summary>
        private static void CheckRoundTrip(EvaluationContext ctx)
        {
            Duration? rtt = ctx.Profile.EffectiveRtt;
            if (rtt == null || ctx.System.Detection == null)
            {
                return;
            }

            Relations.Check(ctx, "EL2010", ctx.System.Detection, Comparison.AtLeast, ctx.Profile.EffectiveRttMultiplier, RttQuantity.For(rtt.Value.Nanoseconds), extraWithState: RttArgs, state: ctx);
        }

        /// <summary>EL2011: heartbeat at least half the round trip.</summary>
        private static void CheckHeartbeatVersusRtt(EvaluationContext ctx)
        {
            Duration? rtt = ctx.Profile.EffectiveRtt;
            if (rtt == null || ctx.System.Heartbeat == null || ctx.InHardFinding(ctx.System.Heartbeat))
            {
                return;
            }

            Relations.Check(ctx, "EL2011", ctx.System.Heartbeat, Comparison.AtLeast, 0.5m, RttQuantity.For(rtt.Value.Nanoseconds), extraWithState: RttArgs, state: ctx);
        }

        /// <summary>EL2020: the pause budget exceeds gcHeadroom × gcPauseP99.</summary>
        private static void CheckGcHeadroom(EvaluationContext ctx)
        {
            Duration? gc = ctx.Profile.GcPauseP99;
            Quantity? budget = ctx.System.PauseBudget;
            decimal? value = ctx.Eval(budget);
            if (gc == null || budget == null || value == null)
            {
                return;
            }

            Relations.Check(ctx, "EL2020", budget, Comparison.AtLeast, ctx.Profile.EffectiveGcHeadroom, GcQuantity.For(gc.Value.Nanoseconds), extraWithState: GcArgs, state: budget);
        }

        /// <summary>EL2020's arguments (made only for a finding): the pause, and what it does to the budget.</summary>
        private static readonly System.Func<EvaluationContext, object, Dictionary<string, string>> GcArgs = (ctx, state) =>
        {
            Duration gc = ctx.Profile.GcPauseP99!.Value;
            decimal value = ctx.Eval((Quantity)state)!.Value;
            return new Dictionary<string, string>(12)
            {
                ["gc"] = gc.ToString(),
                ["consequence"] = value <= gc.Nanoseconds
                    ? $"{ctx.System.DisplayName} will lose leadership on a p99 pause ({ctx.System.PauseConsequence})"
                    : $"a p99 pause uses {decimal.Round(gc.Nanoseconds * 100m / value)}% of it, so a slightly longer one means {ctx.System.PauseConsequence}",
            };
        };

        private static readonly System.Func<EvaluationContext, object, Dictionary<string, string>> RttArgs = (ctx, _) =>
            new Dictionary<string, string> { ["rtt"] = RttText(ctx) };

        private static readonly ConstantQuantity RttQuantity = new ConstantQuantity("rttP99");
        private static readonly ConstantQuantity GcQuantity = new ConstantQuantity("gcPauseP99");
        private static readonly ConstantQuantity MaxFailoverQuantity = new ConstantQuantity("maxFailover");

        /// <summary>A profile value as a constant quantity; the last one made is kept, so a run under one profile makes one.</summary>
        private sealed class ConstantQuantity
        {
            private readonly string _name;
            private Quantity? _last;

            public ConstantQuantity(string name) => _name = name;

            public Quantity For(decimal value)
            {
                Quantity? q = _last;
                if (q == null || q.TermArray[0].Coefficient != value)
                {
                    _last = q = new Quantity(_name, new Term(value));
                }

                return q;
            }
        }

        /// <summary>EL2030: the worst-case failover window within maxFailover.</summary>
        private static void CheckFailover(EvaluationContext ctx)
        {
            Duration? max = ctx.Profile.MaxFailover;
            Quantity? failover = ctx.Failover;
            if (max == null || failover == null || ctx.InHardFinding(failover))
            {
                return; // a value the system refuses or caps (Consul's lock delay) makes the window meaningless until fixed
            }

            decimal? window = ctx.Eval(failover, rttAsZero: true);
            if (window == null)
            {
                return;
            }

            Relations.Check(ctx, "EL2030", failover, Comparison.AtMost, 1m, MaxFailoverQuantity.For(max.Value.Nanoseconds), rttAsZero: true, extraWithState: FailoverArgs, state: failover);
        }

        /// <summary>EL2030's arguments (made only for a finding): the window, its formula and the budget.</summary>
        private static readonly System.Func<EvaluationContext, object, Dictionary<string, string>> FailoverArgs = (ctx, state) =>
        {
            var failover = (Quantity)state;
            return new Dictionary<string, string>(12)
            {
                ["window"] = ctx.ShowComputed(ctx.Eval(failover, rttAsZero: true)!.Value),
                ["formula"] = ctx.FormulaOf(failover) + (ctx.Profile.EffectiveRtt == null && HasRtt(failover) ? ", RTT unknown and counted as 0" : string.Empty) +
                    (ctx.UncountedNote(failover) is string uncounted ? "; " + uncounted : string.Empty),
                ["max"] = ctx.Profile.MaxFailover!.Value.ToString(),
            };
        };

        /// <summary>EL2040: the randomised range is wide enough to avoid split votes.</summary>
        private static void CheckRandomRange(EvaluationContext ctx)
        {
            if (ctx.System.RandomRange is not (string lowerId, string upperId))
            {
                return;
            }

            if (ctx.TryGet(lowerId, out decimal lower) && ctx.TryGet(upperId, out decimal upper))
            {
                CheckRandomRange(ctx, lowerId, upperId, lower, upper);
            }
        }

        /// <summary>EL2040 on known values (apart, so the clean path of a system with no range makes no closure).</summary>
        private static void CheckRandomRange(EvaluationContext ctx, string lowerId, string upperId, decimal lower, decimal upper)
        {
            Dictionary<string, string> Args(string reason) => new Dictionary<string, string>(12)
            {
                ["lower"] = ctx.ShowValue(lowerId, lower),
                ["upper"] = ctx.ShowValue(upperId, upper),
                ["setting"] = ctx.Name(upperId),
                ["reason"] = reason,
            };
            if (upper < 1.5m * lower)
            {
                Relations.Check(ctx, "EL2040", Quantity.Of(upperId), Comparison.AtLeast, 1.5m, Quantity.Of(lowerId),
                    () => Args($"{ctx.Name(upperId)} is {EvaluationContext.Ratio(upper, lower)}× {ctx.Name(lowerId)}, below 1.5×"));
                return;
            }

            if (ctx.Profile.EffectiveRtt is Duration rtt && upper - lower < 2m * rtt.Nanoseconds)
            {
                var right = new Quantity("lower + 2 × RTT", new Term(1m, lowerId), new Term(2m, rtt: true));
                Relations.Check(ctx, "EL2040", Quantity.Of(upperId), Comparison.AtLeast, 1m, right,
                    () => Args($"a spread of {ctx.ShowValue(upperId, upper - lower)} is less than 2 × rttP99 {RttText(ctx)}"));
            }
        }

        /// <summary>The largest lower bound the profile puts on the detection timeout (round trip, GC pause).</summary>
        private static decimal? ProfileLowerBound(EvaluationContext ctx)
        {
            decimal? bound = null;
            if (ctx.Profile.EffectiveRtt is Duration rtt)
            {
                bound = ctx.Profile.EffectiveRttMultiplier * rtt.Nanoseconds;
            }

            if (ctx.Profile.GcPauseP99 is Duration gc && ctx.System.PauseBudget != null)
            {
                decimal g = ctx.Profile.EffectiveGcHeadroom * gc.Nanoseconds;
                bound = bound == null || g > bound.Value ? g : bound;
            }

            return bound;
        }

        private static string RttText(EvaluationContext ctx) =>
            ctx.Profile.EffectiveRtt!.Value + (ctx.Profile.RttAssumed ? ", assumed for network: wan" : string.Empty);

        private static bool HasRtt(Quantity q)
        {
            foreach (Term t in q.TermArray)
            {
                if (t.Rtt)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
