using System;
using System.Collections.Generic;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Profile;

namespace ElectionLint.Rules.Model
{
    public enum Comparison
    {
        /// <summary>left &gt; factor × right.</summary>
        Greater,

        /// <summary>left ≥ factor × right.</summary>
        AtLeast,

        /// <summary>left &lt; factor × right.</summary>
        Less,

        /// <summary>left ≤ factor × right.</summary>
        AtMost,
    }

    /// <summary>Text that depends on the instance's variant (client-go vs kubernetes-client/csharp, Java vs librdkafka).</summary>
    public sealed class VariantText
    {
        private readonly Dictionary<string, string> _byVariant = new Dictionary<string, string>(StringComparer.Ordinal);

        public VariantText(string text)
        {
            Default = text;
        }

        public string Default { get; }

        public VariantText For(string variant, string text)
        {
            _byVariant[variant] = text;
            return this;
        }

        public string Resolve(string? variant) => variant != null && _byVariant.TryGetValue(variant, out string? t) ? t : Default;

        public static implicit operator VariantText(string text) => new VariantText(text);

        /// <summary>True when <paramref name="only"/> is null (every variant) or names <paramref name="variant"/>.</summary>
        internal static bool Includes(IReadOnlyCollection<string?>? only, string? variant)
        {
            if (only == null)
            {
                return true;
            }

            if (only is IReadOnlyList<string?> list)
            {
                for (int i = 0; i < list.Count; i++)
                {
                    if (list[i] == variant)
                    {
                        return true;
                    }
                }

                return false;
            }

            foreach (string? v in only)
            {
                if (v == variant)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>A hard relation the system enforces: left (&gt; | ≥) factor × right.</summary>
    public sealed class RelationLimit
    {
        public RelationLimit(string ruleId, Quantity left, Comparison comparison, decimal factor, Quantity right, VariantText consequence)
        {
            RuleId = ruleId;
            Left = left;
            Comparison = comparison;
            Factor = factor;
            Right = right;
            Consequence = consequence;
        }

        public string RuleId { get; }

        public Quantity Left { get; }

        public Comparison Comparison { get; }

        public decimal Factor { get; }

        public Quantity Right { get; }

        public VariantText Consequence { get; }

        /// <summary>Fills {detail} for rules whose template starts with it.</summary>
        public string? Detail { get; init; }

        /// <summary>Who enforces it, as an explanation names it ("the broker's group.min.session.timeout.ms"); default "{system}'s limit".</summary>
        public string? Source { get; init; }

        /// <summary>Checked even when the system's switch is off (Orleans validates probe timeouts with liveness disabled).</summary>
        public bool EvenWhenDisabled { get; init; }

        /// <summary>Variants the system enforces this in; null for all.</summary>
        public IReadOnlyCollection<string?>? OnlyVariants { get; init; }

        public bool AppliesTo(string? variant) => VariantText.Includes(OnlyVariants, variant);

        /// <summary>A severity other than the rule's default (ZooKeeper's min &gt; max is an error under a warning rule).</summary>
        public Catalogue.RuleSeverity? Severity { get; init; }

        /// <summary>
        /// Variants (clients) that accept the value without refusing or changing it: there the finding is a warning, since
        /// the value runs as written (kubernetes-client/csharp validates nothing, librdkafka starts with any heartbeat).
        /// </summary>
        public IReadOnlyCollection<string?>? AcceptedBy { get; init; }

        /// <summary>The severity for <paramref name="variant"/>: a warning where that client accepts the value, else <see cref="Severity"/>.</summary>
        public Catalogue.RuleSeverity? SeverityFor(string? variant) =>
            AcceptedBy != null && VariantText.Includes(AcceptedBy, variant) ? Catalogue.RuleSeverity.Warning : Severity;
    }

    /// <summary>A range the system enforces on one setting; bounds may come from the profile (Kafka broker bounds).</summary>
    public sealed class RangeLimit
    {
        public RangeLimit(string ruleId, string setting, VariantText consequence)
        {
            RuleId = ruleId;
            Setting = setting;
            Consequence = consequence;
        }

        public string RuleId { get; }

        public string Setting { get; }

        public VariantText Consequence { get; }

        public decimal? Min { get; init; }

        public bool MinInclusive { get; init; } = true;

        public decimal? Max { get; init; }

        public bool MaxInclusive { get; init; } = true;

        public Func<EnvironmentProfile, decimal?>? MinFromProfile { get; init; }

        public Func<EnvironmentProfile, decimal?>? MaxFromProfile { get; init; }

        /// <summary>Fills {detail} for rules whose template starts with it.</summary>
        public string? Detail { get; init; }

        /// <summary>Who enforces it, as an explanation names it ("the broker's group.min.session.timeout.ms"); default "{system}'s limit".</summary>
        public string? Source { get; init; }

        /// <summary>Checked even when the system's switch is off (Orleans validates probe timeouts with liveness disabled).</summary>
        public bool EvenWhenDisabled { get; init; }

        /// <summary>Checked only when this holds (Sentinel's promotion check leaves a value atoi misreads to EL1097).</summary>
        public Func<EvaluationContext, bool>? When { get; init; }

        /// <summary>Fills {fix} when no repair is computed: the values the system accepts for a setting no repair changes.</summary>
        public string? Fix { get; init; }

        public IReadOnlyCollection<string?>? OnlyVariants { get; init; }

        public bool AppliesTo(string? variant) => VariantText.Includes(OnlyVariants, variant);
    }

    /// <summary>A check that does not fit a relation or a range (Kafka's group.protocol, Azure's rounding, etcd's ticks).</summary>
    public delegate void SystemCheck(EvaluationContext context);
}
