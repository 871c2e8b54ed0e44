using System.Collections.Generic;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Model;

namespace ElectionLint.Rules.Evaluation
{
    /// <summary>A value that repairs a finding and raises no other finding.</summary>
    public sealed class SuggestedValue
    {
        internal SuggestedValue(SettingDefinition setting, decimal value, string? text, SettingOccurrence? occurrence, Repair from)
        {
            From = from;
            Setting = setting;
            Value = value;
            Text = text;
            Occurrence = occurrence;
        }

        public SettingDefinition Setting { get; }

        /// <summary>The repair this value satisfies.</summary>
        internal Repair From { get; }

        /// <summary>Nanoseconds for durations, the number otherwise.</summary>
        public decimal Value { get; }

        /// <summary>The value written in the occurrence's own format (etcd "1000", Kubernetes "6s"); null when it cannot be.</summary>
        public string? Text { get; }

        /// <summary>Where the value is written; null when the setting is unset and a fix has to add it.</summary>
        public SettingOccurrence? Occurrence { get; }

        public override string ToString() => $"{Setting.Id} = {Text ?? SettingValues.Display(Setting, Value)}";
    }

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

        /// <summary>Values that repair the finding, best first.</summary>
        public IReadOnlyList<SuggestedValue> Suggestions { get; internal set; } = new SuggestedValue[0];

        
        public override string ToString() => $"{RuleId} {RuleSeverityText.Name(Severity)}: {Message}";
    }

    /// <summary>Findings of one configuration and its failover window.</summary>
    public sealed class EvaluationResult
    {
        internal EvaluationResult(ConfigurationInstance instance, IReadOnlyList<Finding> findings, decimal? failoverWindow)
        {
            Instance = instance;
            Findings = findings;
            FailoverWindow = failoverWindow;
        }

        public ConfigurationInstance Instance { get; }

        public IReadOnlyList<Finding> Findings { get; }

        /// <summary>Worst-case failover window in nanoseconds (RTT counts 0 when unknown); null when a value is unknown.</summary>
        public decimal? FailoverWindow { get; }
    }
}
