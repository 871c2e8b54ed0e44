using System.Collections.Generic;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Model;

namespace ElectionLint.Rules.Evaluation
{
    /// <summary>One rule that fired on one configuration.</summary>
    public sealed class Finding
    {
        internal Finding(Rule rule, RuleSeverity severity, string message, SettingDefinition? primary, SettingOccurrence? primaryOccurrence, IReadOnlyList<SettingOccurrence> related, object? location, bool usesDefault)
        {
            Rule = rule;
            Severity = severity;
            Message = message;
            Setting = primary;
            PrimaryOccurrence = primaryOccurrence;
            Related = related;
            Location = location;
            UsesDefault = usesDefault;
        }

        public Rule Rule { get; }

        public string RuleId => Rule.Id;

        public RuleSeverity Severity { get; }

        public string Message { get; }

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

        /// <summary>Repairs, best first: each clears the finding and raises no new one when applied.</summary>
        public IReadOnlyList<Solving.RepairPlan> Repairs { get; internal set; } = new Solving.RepairPlan[0];

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
    }
}
