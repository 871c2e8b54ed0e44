using System;
using System.Collections.Generic;
using ElectionLint.Rules.Model;

namespace ElectionLint.Rules.Evaluation
{
    /// <summary>EL1xxx: what the system itself refuses or silently changes.</summary>
    internal static class HardLimitChecks
    {
        /// <param name="disabled">The system's switch is off: only the limits checked even then.</param>
        public static void Run(EvaluationContext ctx, bool disabled = false)
        {
            SystemDefinition system = ctx.System;
            var refused = new bool[system.Settings.Count];
            IReadOnlyList<RangeLimit> ranges = system.Ranges;
            for (int r = 0; r < ranges.Count; r++)
            {
                RangeLimit range = ranges[r];
                try
                {
                    // One range finding a setting: Sentinel's 0 is refused (EL1092), not also too short for a promotion (EL1098).
                    if ((!disabled || range.EvenWhenDisabled) && range.AppliesTo(ctx.Variant) && !refused[system.IndexOf(range.Setting)] && CheckRange(ctx, range))
                    {
                        refused[system.IndexOf(range.Setting)] = true;
                    }
                }
                catch (ArithmeticException)
                {
                    // A value too large to compare with: unknown to this check.
                }
            }

            IReadOnlyList<RelationLimit> relations = system.Relations;
            for (int r = 0; r < relations.Count; r++)
            {
                RelationLimit rel = relations[r];
                // A value the system refuses on its own (0, out of range) gets no relation findings on top.
                if ((disabled && !rel.EvenWhenDisabled) || !rel.AppliesTo(ctx.Variant) || Touches(rel.Left, refused) || Touches(rel.Right, refused))
                {
                    continue;
                }

                try
                {
                    Relations.Check(ctx, rel.RuleId, rel.Left, rel.Comparison, rel.Factor, rel.Right, null, rel.SeverityFor(ctx.Variant), rel.Detail, extraWithState: ConsequenceArgs, state: rel);
                }
                catch (ArithmeticException)
                {
                    // A product beyond decimal's range: the relation is unknown, never guessed.
                }
            }

            if (disabled)
            {
                return;
            }

            IReadOnlyList<SystemCheck> checks = system.HardChecks;
            for (int c = 0; c < checks.Count; c++)
            {
                Guarded(ctx, checks[c]);
            }
        }

        /// <summary>Runs a check; arithmetic beyond decimal's range (1e28 fractions, 292-year durations × counts) leaves it silent.</summary>
        public static void Guarded(EvaluationContext ctx, SystemCheck check)
        {
            try
            {
                check(ctx);
            }
            catch (ArithmeticException)
            {
                // Unknown to this check: no diagnostic rather than a crash.
            }
        }

        private static readonly Func<EvaluationContext, object, Dictionary<string, string>> ConsequenceArgs =
            (c, s) => new Dictionary<string, string> { ["consequence"] = ((RelationLimit)s).Consequence.Resolve(c.Variant) };

        /// <summary>Unparsable text (EL1000) and settings written twice (EL1004), reported whether or not the system is switched on.</summary>
        public static void CheckParse(EvaluationContext ctx)
        {
            ConfigurationInstance instance = ctx.Instance;
            foreach ((int setting, object? location, string name, string by) in instance.Conflicts)
            {
                string id = ctx.System.Settings[setting].Id;
                ctx.Report("EL1004", id, new string[0], new Dictionary<string, string> { ["setting"] = name, ["by"] = by });
                ctx.Findings[ctx.Findings.Count - 1].Location = location;
            }

            for (int i = 0; i < ctx.System.Settings.Count; i++)
            {
                SettingOccurrence? o = instance[i];
                if (o == null || o.State != OccurrenceState.Invalid)
                {
                    continue;
                }

                var args = new Dictionary<string, string>
                {
                    ["raw"] = MessageTemplate.Quote(o.Raw ?? string.Empty),
                    ["reason"] = MessageTemplate.Quote(o.Error ?? "invalid value", 300),
                };
                ctx.Report("EL1000", o.Setting.Id, new string[0], args);
            }
        }

        private static bool Touches(Quantity q, bool[] flagged)
        {
            foreach (Term t in q.TermArray)
            {
                if ((t.SettingIndex >= 0 && flagged[t.SettingIndex]) || (t.MultiplierIndex >= 0 && flagged[t.MultiplierIndex]))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool CheckRange(EvaluationContext ctx, RangeLimit range)
        {
            if (!ctx.TryGet(range.Setting, out decimal v) || ctx.FollowsAnotherSetting(range.Setting) || (range.When != null && !range.When(ctx)))
            {
                return false; // an unwritten value derived from another setting is refused through that one
            }

            decimal? min = range.Min ?? range.MinFromProfile?.Invoke(ctx.Profile);
            decimal? max = range.Max ?? range.MaxFromProfile?.Invoke(ctx.Profile);
            bool below = min is decimal lo && (range.MinInclusive ? v < lo : v <= lo);
            bool above = max is decimal hi && (range.MaxInclusive ? v > hi : v >= hi);
            if (!below && !above)
            {
                return false;
            }

            var args = new Dictionary<string, string>
            {
                ["consequence"] = range.Consequence.Resolve(ctx.Variant),
                ["lower"] = min is decimal a ? ctx.ShowValue(range.Setting, a) : "—",
                ["upper"] = max is decimal b ? ctx.ShowValue(range.Setting, b) : "—",
                ["setting"] = ctx.Name(range.Setting),
                ["value"] = ctx.Show(range.Setting),
            };
            if (range.Detail != null)
            {
                args["detail"] = MessageTemplate.Format(range.Detail, args);
            }

            if (range.Fix != null)
            {
                args[Evaluator.FixWhenNoRepair] = MessageTemplate.Format(range.Fix, args);
            }

            ctx.Report(range.RuleId, range.Setting, new string[0], args);
            return true;
        }
    }
}
