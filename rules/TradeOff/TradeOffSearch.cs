using System;
using System.Collections.Generic;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Systems;

namespace ElectionLint.Rules.TradeOff
{
    /// <summary>One configuration on the curve: its timing values and what the model says it costs.</summary>
    public sealed class TradeOffPoint
    {
        internal TradeOffPoint(ConfigurationInstance instance, double scale, TradeOffEstimate estimate, IReadOnlyList<(SettingDefinition Setting, decimal Value)> values)
        {
            Instance = instance;
            Scale = scale;
            Estimate = estimate;
            Values = values;
        }

        public ConfigurationInstance Instance { get; }

        /// <summary>The factor applied to the base configuration's timers.</summary>
        public double Scale { get; }

        public TradeOffEstimate Estimate { get; }

        /// <summary>The timing settings scaled, with their values (nanoseconds for durations).</summary>
        public IReadOnlyList<(SettingDefinition Setting, decimal Value)> Values { get; }
    }

    /// <summary>The candidates of one system under one profile, and the pick within the budget.</summary>
    public sealed class TradeOffCurve
    {
        internal TradeOffCurve(double budget, IReadOnlyList<TradeOffPoint> candidates, TradeOffPoint? recommended, bool withinBudget)
        {
            Budget = budget;
            Candidates = candidates;
            Recommended = recommended;
            WithinBudget = withinBudget;
        }

        public double Budget { get; }

        /// <summary>Every candidate the system accepts (no hard-limit finding), by scale.</summary>
        public IReadOnlyList<TradeOffPoint> Candidates { get; }

        /// <summary>
        /// The shortest expected failover within the budget (and, when the profile declares maxFailover, whose worst case fits
        /// it); the fewest false elections when none is within them.
        /// </summary>
        public TradeOffPoint? Recommended { get; }

        public bool WithinBudget { get; }
    }

    /// <summary>
    /// tune's evidence-based pick: the base configuration's timers all scaled by one factor (so their ratios, which the
    /// system's rules and defaults fix, are kept), from 1/8 to 8 times in steps of 2^(1/4); hashicorp/raft's one multiplier,
    /// 1 to 10. Candidates the system refuses (a hard-limit finding, EL1xxx) are left out.
    /// </summary>
    public static class TradeOffSearch
    {
        /// <summary>The target when neither the profile nor the command line gives one: one false election a year.</summary>
        public const double DefaultBudget = 1;

        public static double BudgetOf(EnvironmentProfile profile, double? given) => given ?? (profile.MaxFalseElectionsPerYear is decimal m ? (double)m : DefaultBudget);

        /// <summary>The point for <paramref name="instance"/> as it is, or null when the model has no estimate for it or the
        /// system refuses it (a refused configuration never runs, so it has no rate or failover time).</summary>
        public static TradeOffPoint? Point(ConfigurationInstance instance, EnvironmentProfile profile) =>
            !Refused(instance, profile) && TradeOffModel.Estimate(instance, profile) is TradeOffEstimate e ? new TradeOffPoint(instance, 1, e, new (SettingDefinition, decimal)[0]) : null;

        public static TradeOffCurve? Search(ConfigurationInstance baseInstance, EnvironmentProfile profile, double budget)
        {
            var ctx = new EvaluationContext(baseInstance, profile);
            if (!ctx.Enabled || TradeOffModel.For(ctx) == null)
            {
                return null;
            }

            SystemDefinition system = baseInstance.System;
            var scaled = new List<(SettingDefinition Setting, decimal Base)>();
            foreach (SettingDefinition s in system.Settings)
            {
                bool scales = system.Id == HashiCorpRaft.Id ? s.Id == HashiCorpRaft.Multiplier : s.IsDuration && s.Tunable;
                if (scales && ctx.TryGet(s.Id, out decimal v) && v > 0m)
                {
                    scaled.Add((s, v));
                }
            }

            if (scaled.Count == 0)
            {
                return null;
            }

            var factors = new List<double>();
            if (system.Id == HashiCorpRaft.Id)
            {
                for (int m = 1; m <= HashiCorpRaft.MaxMultiplier; m++)
                {
                    factors.Add(m / (double)scaled[0].Base);
                }
            }
            else
            {
                for (int i = -12; i <= 12; i++)
                {
                    factors.Add(Math.Pow(2, i / 4.0));
                }
            }

            var candidates = new List<TradeOffPoint>();
            foreach (double f in factors)
            {
                var changes = new List<(int, decimal)>();
                var values = new List<(SettingDefinition, decimal)>();
                foreach ((SettingDefinition s, decimal b) in scaled)
                {
                    decimal v = Round(s, b * (decimal)f);
                    changes.Add((s.Index, v));
                    values.Add((s, v));
                }

                ConfigurationInstance candidate = baseInstance.With(changes);
                if (Refused(candidate, profile) || TradeOffModel.Estimate(candidate, profile) is not TradeOffEstimate e)
                {
                    continue;
                }

                candidates.Add(new TradeOffPoint(candidate, f, e, values));
            }

            // With maxFailover declared, the pick's worst case must also fit it (EL2030's bound).
            double maxFailover = profile.MaxFailover is Timing.Duration cap ? (double)cap.Nanoseconds / 1e9 : double.PositiveInfinity;
            TradeOffPoint? best = null, fewest = null;
            foreach (TradeOffPoint p in candidates)
            {
                if (p.Estimate.FalseElectionsPerYear <= budget && p.Estimate.FailoverWorst <= maxFailover && (best == null || p.Estimate.FailoverExpected < best.Estimate.FailoverExpected))
                {
                    best = p;
                }

                if (fewest == null || p.Estimate.FalseElectionsPerYear < fewest.Estimate.FalseElectionsPerYear)
                {
                    fewest = p;
                }
            }

            return new TradeOffCurve(budget, candidates, best ?? fewest, best != null);
        }

        /// <summary>
        /// Whole milliseconds below 1 s, tenths of a second below 10 s, whole seconds above, or the setting's own step
        /// (client-go's leaseDuration is stored in whole seconds), never finer than the setting takes; counts to whole numbers.
        /// </summary>
        private static decimal Round(SettingDefinition s, decimal v)
        {
            if (!s.IsDuration)
            {
                return Math.Max(1m, decimal.Round(v));
            }

            decimal unit = s.Step is decimal step ? Math.Max(step, 1_000_000m)
                : v < 1_000_000_000m ? 1_000_000m : v < 10_000_000_000m ? 100_000_000m : 1_000_000_000m;
            unit = Math.Max(unit, s.Granularity); // MongoDB's heartbeatTimeoutSecs takes whole seconds
            return Math.Max(unit, decimal.Round(v / unit) * unit);
        }

        /// <summary>True when the system itself refuses the values (a hard-limit finding).</summary>
        internal static bool Refused(ConfigurationInstance instance, EnvironmentProfile profile)
        {
            EvaluationContext ctx = Evaluator.Run(instance, profile);
            foreach (PendingFinding f in ctx.Findings)
            {
                if (f.Rule.Category == RuleCategory.HardLimit)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
