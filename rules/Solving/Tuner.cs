using System.Collections.Generic;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Profile;

namespace ElectionLint.Rules.Solving
{
    /// <summary>A configuration tuned to a profile: what changed, and the evaluation before and after.</summary>
    public sealed class TuneResult
    {
        internal TuneResult(EvaluationResult before, EvaluationResult after, IReadOnlyList<SettingChange> changes, IReadOnlyList<decimal?> values, IReadOnlyList<decimal?> originalValues)
        {
            OriginalValues = originalValues;
            Values = values;
            Before = before;
            After = after;
            Changes = changes;
        }

        public EvaluationResult Before { get; }

        /// <summary>The tuned configuration evaluated again: its findings are what no repair could clear.</summary>
        public EvaluationResult After { get; }

        /// <summary>One change per setting, in setting order; the occurrence is the original one (null: the setting is added).</summary>
        public IReadOnlyList<SettingChange> Changes { get; }

        /// <summary>Settings with no default that tuning from scratch had to choose a value for (setting indexes).</summary>
        public IReadOnlyList<int> Chosen { get; internal set; } = new int[0];

        /// <summary>Every setting's value after tuning, by setting index (written, changed or defaulted); null when unknown.</summary>
        public IReadOnlyList<decimal?> Values { get; }

        /// <summary>Every setting's value before tuning, by setting index (written or defaulted); null when unknown.</summary>
        public IReadOnlyList<decimal?> OriginalValues { get; }

        /// <summary>Why no configuration satisfies the profile, when none does.</summary>
        public ProfileConflict? Conflict => After.Conflict ?? Before.Conflict;
    }

    /// <summary>
    /// Tunes one configuration: applies the first repair of the first repairable finding, evaluates again, and repeats.
    /// A repair clears its finding and raises none, so each step removes at least one finding and the loop ends.
    /// </summary>
    public static class Tuner
    {
        /// <summary>
        /// Tunes a system from nothing written: its defaults, and for a setting with no default (Consul's TTL, a ZooKeeper
        /// client's session timeout) the smallest value its own lower limits allow, as the starting point.
        /// </summary>
        public static TuneResult FromScratch(SystemDefinition system, string? variant = null, EnvironmentProfile? profile = null)
        {
            var instance = new ConfigurationInstance(system, null, variant);
            EvaluationContext ctx = Evaluator.Run(instance, profile ?? EnvironmentProfile.Default);
            var chosen = new List<(int Index, decimal Value)>();
            if (!ctx.Enabled)
            {
                // Tuned as it is used: a switch off by default (a ZooKeeper ensemble is one with a server list) is on.
                chosen.Add((system.IndexOf(system.EnabledSetting!), 1m));
                instance = instance.With(chosen);
                ctx = Evaluator.Run(instance, profile ?? EnvironmentProfile.Default);
            }

            if (ctx.Enabled)
            {
                SystemModel model = SystemModel.Build(ctx, null);
                for (int i = 0; i < system.Settings.Count; i++)
                {
                    if (ctx.ValueAt(i) == null && SystemModel.IsNumeric(system.Settings[i]) && LowerLimit(ctx, model, system.Settings[i]) is decimal v)
                    {
                        chosen.Add((i, v));
                    }
                }
            }

            TuneResult result = Tune(chosen.Count > 0 ? instance.With(chosen) : instance, profile);
            result.Chosen = chosen.ConvertAll(c => c.Index);
            return result;
        }

        /// <summary>The smallest value the system's hard limits allow a setting, from the values known; null when none bounds it.</summary>
        private static decimal? LowerLimit(EvaluationContext ctx, SystemModel model, SettingDefinition s)
        {
            decimal? bound = null;
            foreach (ModelConstraint c in model.Constraints)
            {
                if (c.Kind != ConstraintKind.Hard || c.Left.SingleSetting != s.Id || c.Op is not (Comparison.AtLeast or Comparison.Greater) || ctx.Eval(c.Right) is not decimal right || right <= 0m)
                {
                    // Positivity says nothing about a sensible size.
                    continue;
                }

                decimal b = c.Factor * right;
                if (c.Op == Comparison.Greater)
                {
                    b += s.Granularity > 0m ? s.Granularity : 1m;
                }

                bound = bound == null || b > bound.Value ? b : bound;
            }

            return bound is decimal v && v > 0m ? v : (decimal?)null;
        }

        public static TuneResult Tune(ConfigurationInstance instance, EnvironmentProfile? profile = null, IReadOnlyDictionary<string, RuleSeverity>? severities = null)
        {
            EvaluationResult before = Evaluator.Evaluate(instance, profile, severities);
            EvaluationResult current = before;
            ConfigurationInstance tuned = instance;
            var repaired = new HashSet<int>();
            int steps = 0;
            while (current.Findings.Count > 0 && steps++ <= instance.System.Settings.Count + current.Findings.Count)
            {
                RepairPlan? plan = null;
                foreach (Finding f in current.Findings)
                {
                    if (f.Repairs.Count > 0)
                    {
                        plan = f.Repairs[0];
                        break;
                    }
                }

                if (plan == null)
                {
                    break;
                }

                var changes = new List<(int, decimal)>();
                foreach (SettingChange c in plan.Changes)
                {
                    changes.Add((c.Setting.Index, c.Value));
                }

                ConfigurationInstance next = tuned.With(changes);
                EvaluationResult evaluated = Evaluator.Evaluate(next, profile, severities);
                if (evaluated.Findings.Count >= current.Findings.Count)
                {
                    break; // never expected of a verified repair; stop rather than loop
                }

                tuned = next;
                current = evaluated;
                foreach ((int i, _) in changes)
                {
                    repaired.Add(i);
                }
            }

            // What changed: the settings a repair set whose value differs (a default that follows another setting is not written).
            EvaluationContext original = Evaluator.Run(instance, profile ?? EnvironmentProfile.Default);
            EvaluationContext final = Evaluator.Run(tuned, profile ?? EnvironmentProfile.Default);
            int n = instance.System.Settings.Count;
            var finalValues = new decimal?[n];
            var originalValues = new decimal?[n];
            var result = new List<SettingChange>();
            for (int i = 0; i < n; i++)
            {
                finalValues[i] = final.ValueAt(i);
                originalValues[i] = original.ValueAt(i);
                if (repaired.Contains(i) && finalValues[i] is decimal v && originalValues[i] != v)
                {
                    SettingDefinition s = instance.System.Settings[i];
                    SettingOccurrence? o = instance[i];
                    string? text = SettingValues.Write(v, o?.Format ?? s.Format, o?.UnitNanos);
                    result.Add(new SettingChange(s, v, text ?? SettingValues.Display(s, v), o, instance.NameOf(i), instance.FormatFor(s)));
                }
            }

            return new TuneResult(before, current, result, finalValues, originalValues);
        }
    }
}
