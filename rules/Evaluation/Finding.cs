using System.Collections.Generic;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Model;

namespace ElectionLint.Rules.Evaluation
{
    /// <summary>One rule that fired on one configuration.</summary>
    public sealed class Finding
    {
        internal Finding(Rule rule, RuleSeverity severity, string message, SettingDefinition? primary, SettingOccurrence? primaryOccurrence, IReadOnlyList<SettingOccurrence> related, object? location, bool usesDefault)
            : this(rule, severity, (System.Func<(List<Solving.RepairPlan>, string)>?)null, primary, primaryOccurrence, related, location, usesDefault)
        {
            _message = message;
            _repairs = new Solving.RepairPlan[0];
        }

        /// <summary>A finding whose repairs, and the message that names the first, are found when first read.</summary>
        internal Finding(Rule rule, RuleSeverity severity, System.Func<(List<Solving.RepairPlan>, string)>? repair, SettingDefinition? primary, SettingOccurrence? primaryOccurrence, IReadOnlyList<SettingOccurrence> related, object? location, bool usesDefault)
        {
            Rule = rule;
            Severity = severity;
            _repair = repair;
            Setting = primary;
            PrimaryOccurrence = primaryOccurrence;
            Related = related;
            Location = location;
            UsesDefault = usesDefault;
        }

        public Rule Rule { get; }

        public string RuleId => Rule.Id;

        public RuleSeverity Severity { get; }

        /// <summary>The rule's message; for a fixable rule it names the first repair (found when first read).</summary>
        public string Message
        {
            get
            {
                Complete();
                return _message!;
            }
        }

        private System.Func<(List<Solving.RepairPlan>, string)>? _repair;
        private volatile string? _message;
        private IReadOnlyList<Solving.RepairPlan>? _repairs;

        /// <summary>The setting the finding is about (null for instance-wide findings such as EL2030 without a primary).</summary>
        public SettingDefinition? Setting { get; }

        /// <summary>The occurrence of <see cref="Setting"/>, when it is written.</summary>
        public SettingOccurrence? PrimaryOccurrence { get; }

        /// <summary>The other written settings of the relation (second locations).</summary>
        public IReadOnlyList<SettingOccurrence> Related { get; }

        /// <summary>The primary occurrence's location, or the instance's anchor.</summary>
        public object? Location { get; }

        /// <summary>True when a system default took part in the relation that fired.</summary>
        public bool UsesDefault { get; }

        /// <summary>Repairs, best first: each clears the finding and raises no new one when applied (found when first read).</summary>
        public IReadOnlyList<Solving.RepairPlan> Repairs
        {
            get
            {
                Complete();
                return _repairs!;
            }
        }

        /// <summary>Whether the repairs have been looked for (or were never asked for).</summary>
        public bool RepairsFound => _message != null;

        private void Complete()
        {
            if (_message != null)
            {
                return;
            }

            // The evaluation's repair search takes one finding at a time; a second reader waits there and gets the same.
            System.Func<(List<Solving.RepairPlan>, string)>? repair = System.Threading.Volatile.Read(ref _repair);
            if (repair == null)
            {
                return; // another reader finished meanwhile (the message is set before the search is let go)
            }

            (List<Solving.RepairPlan> plans, string message) = repair();
            _repairs = plans;
            _message = message;
            // A kept result no longer holds the evaluation's solver and model alive.
            System.Threading.Volatile.Write(ref _repair, null);
        }

        public override string ToString() => $"{RuleId} {RuleSeverityText.Name(Severity)}: {Message}";
    }

    /// <summary>Findings of one configuration and its failover window.</summary>
    public sealed class EvaluationResult
    {
        internal EvaluationResult(ConfigurationInstance instance, IReadOnlyList<Finding> findings, decimal? failoverWindow, Solving.ProfileConflict? conflict)
        {
            Instance = instance;
            Findings = findings;
            FailoverWindow = failoverWindow;
            Conflict = conflict;
        }

        /// <summary>Why no configuration satisfies the profile (EL2031); null when one does or nothing was found.</summary>
        public Solving.ProfileConflict? Conflict { get; }

        public ConfigurationInstance Instance { get; }

        public IReadOnlyList<Finding> Findings { get; }

        /// <summary>Worst-case failover window in nanoseconds (RTT counts 0 when unknown); null when a value is unknown.</summary>
        public decimal? FailoverWindow { get; }

        /// <summary>What the window leaves out ("catch-up not counted: catchUpTimeoutMillis -1 ms (default) sets no limit"); null when nothing.</summary>
        public string? FailoverNote { get; internal init; }

        /// <summary>What the window does not say for this configuration (<see cref="Model.SystemDefinition.WindowRemarks"/>).</summary>
        public IReadOnlyList<string> WindowRemarks { get; internal init; } = new string[0];
    }
}
