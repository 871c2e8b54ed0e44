using System.Collections.Generic;
using System.Text;
using ElectionLint.Rules.Text;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;

namespace ElectionLint.Rules.Solving
{
    /// <summary>One setting's new value in a repair.</summary>
    public sealed class SettingChange
    {
        internal SettingChange(SettingDefinition setting, decimal value, string text, SettingOccurrence? occurrence, string name, ValueFormat? displayFormat = null)
        {
            _displayFormat = displayFormat;
            Setting = setting;
            Value = value;
            Text = text;
            Occurrence = occurrence;
            Name = name;
        }

        public SettingDefinition Setting { get; }

        /// <summary>Nanoseconds for durations, the number otherwise.</summary>
        public decimal Value { get; }

        /// <summary>The value in the source's own format (etcd "1000", Kubernetes "6s").</summary>
        public string Text { get; }

        /// <summary>Where the value is written; null when the setting is unset and the repair adds it.</summary>
        public SettingOccurrence? Occurrence { get; }

        /// <summary>The setting's name as written (or as the front end names it).</summary>
        public string Name { get; }

        private readonly ValueFormat? _displayFormat;

        /// <summary>The format given for a value the repair adds (null: the occurrence's or the setting's own).</summary>
        internal ValueFormat? DisplayFormat => _displayFormat;

        /// <summary>How messages show the value: "1000 ms", "2s"; a value the repair adds, as its configuration shows durations (C#: a TimeSpan).</summary>
        public string Display => SettingValues.Display(Occurrence?.Format ?? _displayFormat ?? Setting.Format, Setting.IsDuration, Value);

        public override string ToString() => Name + " = " + Text;
    }

    /// <summary>
    /// A repair: one or several settings changed together. Applied, it clears its finding and raises no finding that
    /// was not there before, every rule evaluated again.
    /// </summary>
    public sealed class RepairPlan
    {
        internal RepairPlan(IReadOnlyList<SettingChange> changes)
        {
            Changes = changes;
        }

        public IReadOnlyList<SettingChange> Changes { get; }

        private string? _description;

        /// <summary>"set leaseDuration to 2s, renewDeadline to 1s and retryPeriod to 300ms" (made once: plans are compared by it).</summary>
        public string Describe() => _description ??= Build();

        private string Build()
        {
            StringBuilder sb = StringBuilderCache.Acquire().Append("set ");
            for (int i = 0; i < Changes.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(i == Changes.Count - 1 ? " and " : ", ");
                }

                sb.Append(Changes[i].Name).Append(" to ").Append(Changes[i].Display);
            }

            return StringBuilderCache.ToStringAndRelease(sb);
        }

        public override string ToString() => Describe();
    }
}
