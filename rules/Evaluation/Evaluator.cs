using System.Collections.Generic;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Solving;

namespace ElectionLint.Rules.Evaluation
{
    /// <summary>Evaluates one configuration under a profile.</summary>
    public static class Evaluator
    {
        /// <param name="instance">The settings a front end found.</param>
        /// <param name="profile">The environment; the default profile is a LAN with nothing declared.</param>
        /// <param name="severities">Per-rule severities from the profile document; <see cref="RuleSeverity.Off"/> drops a rule.</param>
        /// <param name="suggest">Compute repairs (each one is verified by evaluating every rule again).</param>
        public static EvaluationResult Evaluate(
            ConfigurationInstance instance,
            EnvironmentProfile? profile = null,
            IReadOnlyDictionary<string, RuleSeverity>? severities = null,
            bool suggest = true)
        {
            EnvironmentProfile p = profile ?? EnvironmentProfile.Default;
            EvaluationContext ctx = Run(instance, p);
            decimal? window = Window(ctx);
            if (ctx.Findings.Count == 0)
            {
                return new EvaluationResult(instance, new Finding[0], window, null);
            }

            // A configuration with no finding is itself proof that the profile can be met, so the joint model is only solved here.
            JointSolver? solver = null;
            ProfileConflict? conflict = null;
            bool checkConflict = ctx.Enabled && IsOn("EL2031", severities) && AsksAnything(p);
            try
            {
                solver = suggest || checkConflict ? new JointSolver(ctx, severities) : null;
                conflict = checkConflict ? solver!.FindConflict() : null;
            }
            catch (System.ArithmeticException)
            {
                // A value beyond what the model can represent: no claim about the profile rather than a wrong one.
            }

            if (conflict != null)
            {
                ctx.Findings.RemoveAll(f => System.Array.IndexOf(JointSolver.ReplacedByConflict, f.Rule.Id) >= 0);
                var args = new Dictionary<string, string> { ["collision"] = conflict.Collision, ["relax"] = conflict.Relax };
                ctx.Add(RuleCatalogue.Get("EL2031"), conflict.Primary, conflict.Related, args, null);
            }

            var kept = new List<PendingFinding>(ctx.Findings.Count);
            var before = new HashSet<(string, int)>();
            foreach (PendingFinding f in ctx.Findings)
            {
                if (Severity(f, severities) != RuleSeverity.Off)
                {
                    kept.Add(f);
                    before.Add((f.Rule.Id, f.Primary));
                }
            }

            if (suggest && solver != null)
            {
                foreach (PendingFinding f in kept)
                {
                    if (f.Rule.Fixable)
                    {
                        try
                        {
                            f.Plans.AddRange(solver.FindRepairs(f, kept, before, conflict));
                        }
                        catch (System.ArithmeticException)
                        {
                            // Values beyond the model's range get no repair, never a wrong one.
                        }
                    }
                }
            }

            var findings = new List<Finding>(kept.Count);
            foreach (PendingFinding f in kept)
            {
                findings.Add(Finalize(ctx, f, Severity(f, severities), conflict != null, suggest));
            }

            return new EvaluationResult(instance, findings, window, conflict);
        }

        /// <summary>Rule ids and primary settings that fire, without messages (for verifying repairs).</summary>
        internal static List<(string Rule, int Setting)> Keys(ConfigurationInstance instance, EnvironmentProfile profile, IReadOnlyDictionary<string, RuleSeverity>? severities, ProfileConflict? conflict)
        {
            EvaluationContext ctx = Run(instance, profile);
            var keys = new List<(string, int)>(ctx.Findings.Count + 1);
            foreach (PendingFinding f in ctx.Findings)
            {
                if (Severity(f, severities) != RuleSeverity.Off && (conflict == null || System.Array.IndexOf(JointSolver.ReplacedByConflict, f.Rule.Id) < 0))
                {
                    keys.Add((f.Rule.Id, f.Primary));
                }
            }

            if (conflict != null)
            {
                keys.Add(("EL2031", conflict.Primary));
            }

            return keys;
        }

        internal static EvaluationContext Run(ConfigurationInstance instance, EnvironmentProfile profile)
        {
            var ctx = new EvaluationContext(instance, profile);
            HardLimitChecks.CheckParse(ctx);
            if (!ctx.Enabled)
            {
                HardLimitChecks.Run(ctx, disabled: true);
                return ctx;
            }

            if (instance.System.TimingInactive?.Invoke(ctx) == true)
            {
                foreach (SystemCheck check in instance.System.HardChecks)
                {
                    HardLimitChecks.Guarded(ctx, check);
                }
            }
            else
            {
                HardLimitChecks.Run(ctx);
                TuningChecks.Run(ctx);
            }

            return ctx;
        }

        /// <summary>Each system's defaults satisfy its own rules, so only a profile that adds bounds can make it infeasible.</summary>
        private static bool AsksAnything(EnvironmentProfile p) =>
            p.EffectiveRtt != null || p.GcPauseP99 != null || p.MaxFailover != null || p.KafkaGroupMinSessionTimeout != null || p.KafkaGroupMaxSessionTimeout != null;

        private static decimal? Window(EvaluationContext ctx)
        {
            try
            {
                return ctx.Eval(ctx.System.Failover, rttAsZero: true);
            }
            catch (System.ArithmeticException)
            {
                return null; // beyond decimal's range: unknown
            }
        }

        /// <summary>False when the profile's rules: section switches the rule off.</summary>
        internal static bool IsOn(string rule, IReadOnlyDictionary<string, RuleSeverity>? severities) =>
            severities == null || !severities.TryGetValue(rule, out RuleSeverity s) || s != RuleSeverity.Off;

        private static RuleSeverity Severity(PendingFinding f, IReadOnlyDictionary<string, RuleSeverity>? severities) =>
            severities != null && severities.TryGetValue(f.Rule.Id, out RuleSeverity s) ? s : f.Severity ?? f.Rule.DefaultSeverity;

        private static Finding Finalize(EvaluationContext ctx, PendingFinding f, RuleSeverity severity, bool conflict, bool suggest)
        {
            f.Args["fix"] = f.Plans.Count > 0
                ? f.Plans[0].Describe() + ctx.System.RepairNote?.Resolve(ctx.Variant)
                : conflict ? "no change clears it within this profile (see EL2031)" : suggest ? "no change was found that keeps every other rule satisfied" : "no repair was computed";
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
            return new Finding(f.Rule, severity, message, setting, primary, related, f.Location ?? primary?.Location ?? instance.Anchor, usesDefault)
            {
                Repairs = f.Plans,
            };
        }
    }
}
