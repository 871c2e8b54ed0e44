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
                return new EvaluationResult(instance, System.Array.Empty<Finding>(), window, null) { FailoverNote = ctx.UncountedNote(ctx.Failover), WindowRemarks = ctx.WindowRemarks() };
            }

            // A configuration with no finding is itself proof that the profile can be met, so the joint model is only solved here.
            JointSolver? solver = null;
            ProfileConflict? conflict = null;
            bool checkConflict = ctx.Enabled && IsOn("EL2031", severities) && AsksAnything(p);
            // The same settings under the same profile were searched before (a templated repository): the same answers.
            RepairMemo.Entry? memo = checkConflict || suggest ? RepairMemo.For(instance, p, severities) : null;
            bool solverTried = false;
            if (checkConflict && !memo!.TryConflict(out conflict))
            {
                solverTried = true;
                try
                {
                    solver = new JointSolver(ctx, severities);
                    conflict = solver.FindConflict();
                    memo.SetConflict(conflict);
                }
                catch (System.ArithmeticException)
                {
                    // A value beyond what the model can represent: no claim about the profile rather than a wrong one.
                }
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

            // Repairs (and the messages that name them) are made when a finding's Message or Repairs is first read.
            Repairs? repairs = suggest ? new Repairs(ctx, severities, solver, solverTried, kept, before, conflict, memo) : null;
            var findings = new List<Finding>(kept.Count);
            foreach (PendingFinding f in kept)
            {
                findings.Add(Finalize(ctx, f, Severity(f, severities), conflict != null, repairs));
            }

            return new EvaluationResult(instance, findings, window, conflict) { FailoverNote = ctx.UncountedNote(ctx.Failover), WindowRemarks = ctx.WindowRemarks() };
        }

        /// <summary>What one evaluation's findings need to find their repairs on demand; one at a time (the solver is not shared).</summary>
        internal sealed class Repairs
        {
            private readonly EvaluationContext _ctx;
            private readonly IReadOnlyDictionary<string, RuleSeverity>? _severities;
            private readonly List<PendingFinding> _kept;
            private readonly HashSet<(string, int)> _before;
            private readonly ProfileConflict? _conflict;
            private readonly RepairMemo.Entry? _memo;
            private JointSolver? _solver;
            private bool _tried;

            public Repairs(EvaluationContext ctx, IReadOnlyDictionary<string, RuleSeverity>? severities, JointSolver? solver, bool tried, List<PendingFinding> kept, HashSet<(string, int)> before, ProfileConflict? conflict, RepairMemo.Entry? memo)
            {
                _memo = memo;
                _ctx = ctx;
                _severities = severities;
                _solver = solver;
                _tried = tried;
                _kept = kept;
                _before = before;
                _conflict = conflict;
            }

            /// <summary>The finding's repairs, best first, and its message naming the first.</summary>
            public (List<RepairPlan> Plans, string Message) Make(PendingFinding f)
            {
                lock (this)
                {
                    int ordinal = f.Rule.Fixable && f.Plans.Count == 0 && _memo != null ? _kept.IndexOf(f) : -1;
                    if (ordinal >= 0 && _memo!.TryPlans(ordinal, _ctx.Instance, out List<RepairPlan> known))
                    {
                        f.Plans.AddRange(known);
                        return (f.Plans, Message(f, _conflict != null, suggest: true, _ctx.System.RepairNote?.Resolve(_ctx.Variant)));
                    }

                    if (!_tried)
                    {
                        _tried = true;
                        try
                        {
                            _solver = new JointSolver(_ctx, _severities);
                        }
                        catch (System.ArithmeticException)
                        {
                            // A value beyond what the model can represent: no repairs rather than wrong ones.
                        }
                    }

                    if (f.Rule.Fixable && _solver != null && f.Plans.Count == 0)
                    {
                        try
                        {
                            f.Plans.AddRange(_solver.FindRepairs(f, _kept, _before, _conflict));
                            if (ordinal >= 0)
                            {
                                _memo!.SetPlans(ordinal, _ctx.Instance, f.Plans);
                            }
                        }
                        catch (System.ArithmeticException)
                        {
                            // Values beyond the model's range get no repair, never a wrong one.
                        }
                    }

                    return (f.Plans, Message(f, _conflict != null, suggest: true, _ctx.System.RepairNote?.Resolve(_ctx.Variant)));
                }
            }
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
                return ctx.Eval(ctx.Failover, rttAsZero: true);
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

        private static Finding Finalize(EvaluationContext ctx, PendingFinding f, RuleSeverity severity, bool conflict, Repairs? repairs)
        {
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
            object? location = f.Location ?? primary?.Location ?? instance.Anchor;
            return repairs != null
                ? new Finding(f.Rule, severity, () => repairs.Make(f), setting, primary, related, location, usesDefault)
                : new Finding(f.Rule, severity, Message(f, conflict, suggest: false, ctx.System.RepairNote?.Resolve(ctx.Variant)), setting, primary, related, location, usesDefault);
        }

        /// <summary>A finding's argument that fills {fix} when no repair is computed (<see cref="RangeLimit.Fix"/>).</summary>
        internal const string FixWhenNoRepair = "fixWhenNoRepair";

        /// <param name="note">Said after the repair: where it takes effect (<see cref="SystemDefinition.RepairNote"/>).</param>
        private static string Message(PendingFinding f, bool conflict, bool suggest, string? note)
        {
            f.Args["fix"] = f.Plans.Count > 0
                ? f.Plans[0].Describe() + note
                : f.Args.TryGetValue(FixWhenNoRepair, out string? own) ? own
                : conflict ? "no change clears it within this profile (see EL2031)" : suggest ? "no change was found that keeps every other rule satisfied" : "no repair was computed";
            return MessageTemplate.Format(f.Rule.MessageTemplate, f.Args);
        }
    }
}
