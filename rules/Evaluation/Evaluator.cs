using System.Collections.Generic;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Profile;

namespace ElectionLint.Rules.Evaluation
{
    /// <summary>Evaluates one configuration under a profile.</summary>
    public static class Evaluator
    {
        /// <param name="instance">The settings a front end found.</param>
        /// <param name="profile">The environment; the default profile is a LAN with nothing declared.</param>
        /// <param name="severities">Per-rule severities from the profile document; <see cref="RuleSeverity.Off"/> drops a rule.</param>
        /// <param name="suggest">Compute suggested values (each one is verified by evaluating again).</param>
        public static EvaluationResult Evaluate(
            ConfigurationInstance instance,
            EnvironmentProfile? profile = null,
            IReadOnlyDictionary<string, RuleSeverity>? severities = null,
            bool suggest = true)
        {
            EnvironmentProfile p = profile ?? EnvironmentProfile.Default;
            EvaluationContext ctx = Run(instance, p);
            decimal? window = ctx.Eval(instance.System.Failover, rttAsZero: true);
            if (ctx.Findings.Count == 0)
            {
                return new EvaluationResult(instance, new Finding[0], window);
            }

            var kept = new List<PendingFinding>(ctx.Findings.Count);
            foreach (PendingFinding f in ctx.Findings)
            {
                if (Severity(f, severities) != RuleSeverity.Off)
                {
                    kept.Add(f);
                }
            }

            if (suggest)
            {
                Suggestions.Compute(instance, p, severities, kept);
            }

            var findings = new List<Finding>(kept.Count);
            foreach (PendingFinding f in kept)
            {
                findings.Add(Finalize(ctx, f, Severity(f, severities), suggest));
            }

            return new EvaluationResult(instance, findings, window);
        }

        /// <summary>Rule ids and primary settings that fire, without messages (for verifying suggestions).</summary>
        internal static List<(string Rule, int Setting)> Keys(ConfigurationInstance instance, EnvironmentProfile profile, IReadOnlyDictionary<string, RuleSeverity>? severities)
        {
            EvaluationContext ctx = Run(instance, profile);
            var keys = new List<(string, int)>(ctx.Findings.Count);
            foreach (PendingFinding f in ctx.Findings)
            {
                if (Severity(f, severities) != RuleSeverity.Off)
                {
                    keys.Add((f.Rule.Id, f.Primary));
                }
            }

            return keys;
        }

        private static EvaluationContext Run(ConfigurationInstance instance, EnvironmentProfile profile)
        {
            var ctx = new EvaluationContext(instance, profile);
            HardLimitChecks.CheckParse(ctx);
            if (!ctx.Enabled)
            {
                return ctx;
            }

            if (instance.System.TimingInactive?.Invoke(ctx) == true)
            {
                foreach (SystemCheck check in instance.System.HardChecks)
                {
                    check(ctx);
                }
            }
            else
            {
                HardLimitChecks.Run(ctx);
                TuningChecks.Run(ctx);
            }

            return ctx;
        }

        private static RuleSeverity Severity(PendingFinding f, IReadOnlyDictionary<string, RuleSeverity>? severities) =>
            severities != null && severities.TryGetValue(f.Rule.Id, out RuleSeverity s) ? s : f.Severity ?? f.Rule.DefaultSeverity;

        private static Finding Finalize(EvaluationContext ctx, PendingFinding f, RuleSeverity severity, bool suggested)
        {
            f.Args["fix"] = FixText(ctx, f, suggested);
            string message = MessageTemplate.Format(f.Rule.MessageTemplate, f.Args);
            ConfigurationInstance instance = ctx.Instance;
            SettingOccurrence? primary = f.Primary >= 0 ? instance[f.Primary] : null;
            var related = new List<SettingOccurrence>();
            bool usesDefault = f.Primary >= 0 && ctx.IsDefaultIndex(f.Primary);
            foreach (int r in f.Related)
            {
                usesDefault |= ctx.IsDefaultIndex(r);
                if (instance[r] is SettingOccurrence o)
                {
                    related.Add(o);
                }
            }

            SettingDefinition? setting = f.Primary >= 0 ? ctx.System.Settings[f.Primary] : null;
            return new Finding(f.Rule, severity, message, setting, primary, related, primary?.Location ?? instance.Anchor, usesDefault)
            {
                Suggestions = f.Suggestions,
            };
        }

        private static string FixText(EvaluationContext ctx, PendingFinding f, bool suggested)
        {
            var parts = new List<string>(1);
            foreach (Repair r in f.Repairs)
            {
                if (parts.Count == 1)
                {
                    break; // the message names the primary repair; every verified one is in Suggestions
                }

                // With suggestions computed, name only repairs that a verified value satisfies.
                if (suggested && f.Rule.Fixable && !f.Suggestions.Exists(s => s.From == r))
                {
                    continue;
                }

                string name = ctx.Name(r.Setting.Id);
                decimal g = r.Setting.Granularity;
                decimal b = r.Bound;
                bool exact = g == 0m ? decimal.Round(b, 6) == b : b % g == 0m;
                if (!exact)
                {
                    b = Suggestions.RoundToStep(Suggestions.RoundSignificant(b, 3, r.Direction), r.Setting, r.Direction);
                }

                string shown = SettingValues.Display(r.Setting, b);
                string phrase = r.Direction == Direction.Up && r.Bound <= 0m
                    ? $"set {name} to a positive value" + (r.Setting.Default?.SingleSetting == null && r.Setting.Default?.Terms.Count == 1 && r.Setting.Default.Terms[0].Setting == null
                        ? $" (the default is {SettingValues.Display(r.Setting, r.Setting.Default.Terms[0].Coefficient)})"
                        : string.Empty)
                    : r.Direction == Direction.Up
                    ? (exact && !r.Inclusive ? $"set {name} above {shown}" : $"set {name} to at least {shown}")
                    : (exact && !r.Inclusive ? $"set {name} below {shown}" : $"set {name} to at most {shown}");
                if (r.Recommended is decimal rec)
                {
                    foreach (SuggestedValue s in f.Suggestions)
                    {
                        if (s.Setting == r.Setting && s.Value == Suggestions.RoundToStep(rec, r.Setting, r.Direction))
                        {
                            phrase += $" ({SettingValues.Display(r.Setting, s.Value)} recommended)";
                            break;
                        }
                    }
                }

                parts.Add(phrase);
            }

            return parts.Count == 0 ? "no single value clears it: change the related settings together" : parts[0];
        }
    }
}
