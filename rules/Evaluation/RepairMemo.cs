using System.Collections.Generic;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Solving;

namespace ElectionLint.Rules.Evaluation
{
    /// <summary>
    /// What the solver found for a configuration, kept for the next configuration with the same settings: templated
    /// repositories and test suites write one configuration many times over, and each searched its repairs again. The key
    /// holds everything a search reads (values, text, names, formats, the component's defaults, the profile, the rules'
    /// severities) and nothing of where a value is written, so a repair found once is rebuilt on each configuration's own
    /// occurrences.
    /// </summary>
    internal static class RepairMemo
    {
        /// <summary>Configurations remembered at most; past that the memo starts again (a bound, not a policy).</summary>
        private const int Capacity = 128;

        private static readonly Dictionary<Key, Entry> Entries = new Dictionary<Key, Entry>();

        public static Entry For(ConfigurationInstance instance, EnvironmentProfile profile, IReadOnlyDictionary<string, RuleSeverity>? severities)
        {
            var key = new Key(instance, profile, severities);
            lock (Entries)
            {
                if (!Entries.TryGetValue(key, out Entry? entry))
                {
                    if (Entries.Count >= Capacity)
                    {
                        Entries.Clear();
                    }

                    Entries.Add(key, entry = new Entry());
                }

                return entry;
            }
        }

        /// <summary>Forgets every configuration (a benchmark that times the search, not its repeat).</summary>
        internal static void Clear()
        {
            lock (Entries)
            {
                Entries.Clear();
            }
        }

        /// <summary>The conflict and the repairs found for one configuration; each finding by its place among the kept ones.</summary>
        internal sealed class Entry
        {
            private bool _conflictKnown;
            private ProfileConflict? _conflict;
            private readonly Dictionary<int, StoredChange[][]> _plans = new Dictionary<int, StoredChange[][]>();

            public bool TryConflict(out ProfileConflict? conflict)
            {
                lock (this)
                {
                    conflict = _conflict;
                    return _conflictKnown;
                }
            }

            public void SetConflict(ProfileConflict? conflict)
            {
                lock (this)
                {
                    _conflict = conflict;
                    _conflictKnown = true;
                }
            }

            /// <summary>The repairs of the finding at <paramref name="ordinal"/>, on <paramref name="instance"/>'s occurrences.</summary>
            public bool TryPlans(int ordinal, ConfigurationInstance instance, out List<RepairPlan> plans)
            {
                StoredChange[][]? stored;
                lock (this)
                {
                    _plans.TryGetValue(ordinal, out stored);
                }

                plans = new List<RepairPlan>(stored?.Length ?? 0);
                if (stored == null)
                {
                    return false;
                }

                foreach (StoredChange[] plan in stored)
                {
                    var changes = new SettingChange[plan.Length];
                    for (int i = 0; i < plan.Length; i++)
                    {
                        StoredChange c = plan[i];
                        changes[i] = new SettingChange(instance.System.Settings[c.Index], c.Value, c.Text, instance[c.Index], c.Name, c.DisplayFormat);
                    }

                    plans.Add(new RepairPlan(changes));
                }

                return true;
            }

            public void SetPlans(int ordinal, ConfigurationInstance instance, List<RepairPlan> plans)
            {
                var stored = new StoredChange[plans.Count][];
                for (int p = 0; p < plans.Count; p++)
                {
                    IReadOnlyList<SettingChange> changes = plans[p].Changes;
                    stored[p] = new StoredChange[changes.Count];
                    for (int i = 0; i < changes.Count; i++)
                    {
                        SettingChange c = changes[i];
                        stored[p][i] = new StoredChange(instance.System.IndexOf(c.Setting.Id), c.Value, c.Text, c.Name, c.DisplayFormat);
                    }
                }

                lock (this)
                {
                    _plans[ordinal] = stored;
                }
            }
        }

        internal readonly struct StoredChange
        {
            public StoredChange(int index, decimal value, string text, string name, ValueFormat? displayFormat)
            {
                Index = index;
                Value = value;
                Text = text;
                Name = name;
                DisplayFormat = displayFormat;
            }

            public int Index { get; }

            public decimal Value { get; }

            public string Text { get; }

            public string Name { get; }

            public ValueFormat? DisplayFormat { get; }
        }

        /// <summary>One setting of a configuration as a search reads it: the occurrence's content, or the name it would be added as.</summary>
        internal readonly struct SettingContent : System.IEquatable<SettingContent>
        {
            public SettingContent(SettingOccurrence? o, string? addedName, bool hasDefault, decimal? componentDefault)
            {
                Written = o != null;
                State = o?.State ?? default;
                Number = o?.Value.Number ?? 0m;
                Text = o?.Value.Text;
                Raw = o?.Raw;
                Error = o?.Error;
                Name = o?.Name ?? addedName;
                Format = o?.Format ?? default;
                Unit = o?.UnitNanos;
                HasDefault = hasDefault;
                Default = componentDefault;
            }

            private bool Written { get; }

            private OccurrenceState State { get; }

            private decimal Number { get; }

            private string? Text { get; }

            private string? Raw { get; }

            private string? Error { get; }

            private string? Name { get; }

            private ValueFormat Format { get; }

            private long? Unit { get; }

            private bool HasDefault { get; }

            private decimal? Default { get; }

            public bool Equals(SettingContent o) =>
                Written == o.Written && State == o.State && Number == o.Number && Text == o.Text && Raw == o.Raw && Error == o.Error &&
                Name == o.Name && Format == o.Format && Unit == o.Unit && HasDefault == o.HasDefault && Default == o.Default;

            public override bool Equals(object? obj) => obj is SettingContent o && Equals(o);

            public override int GetHashCode()
            {
                unchecked
                {
                    int h = Written ? 1 : 0;
                    h = (h * 31) + (int)State;
                    h = (h * 31) + Number.GetHashCode();
                    h = (h * 31) + (Raw?.GetHashCode() ?? 0);
                    h = (h * 31) + (Name?.GetHashCode() ?? 0);
                    h = (h * 31) + (int)Format;
                    return (h * 31) + (Default?.GetHashCode() ?? 0);
                }
            }
        }

        internal sealed class Key : System.IEquatable<Key>
        {
            private readonly SystemDefinition _system;
            private readonly string? _variant;
            private readonly ValueFormat? _display;
            private readonly EnvironmentProfile _profile;
            private readonly IReadOnlyDictionary<string, RuleSeverity>? _severities;
            private readonly SettingContent[] _settings;
            private readonly (int Setting, string Name, string By)[] _conflicts;
            private readonly int _hash;

            public Key(ConfigurationInstance instance, EnvironmentProfile profile, IReadOnlyDictionary<string, RuleSeverity>? severities)
            {
                _system = instance.System;
                _variant = instance.Variant;
                _display = instance.DurationDisplay;
                _profile = profile;
                _severities = severities;
                _settings = instance.Contents();
                IReadOnlyList<(int Setting, object? Location, string Name, string By)> conflicts = instance.Conflicts;
                _conflicts = new (int, string, string)[conflicts.Count];
                for (int i = 0; i < conflicts.Count; i++)
                {
                    _conflicts[i] = (conflicts[i].Setting, conflicts[i].Name, conflicts[i].By);
                }

                unchecked
                {
                    int h = _system.GetHashCode();
                    h = (h * 31) + (_variant?.GetHashCode() ?? 0);
                    h = (h * 31) + profile.GetHashCode();
                    foreach (SettingContent s in _settings)
                    {
                        h = (h * 31) + s.GetHashCode();
                    }

                    _hash = (h * 31) + _conflicts.Length;
                }
            }

            public bool Equals(Key? other)
            {
                if (other == null || other._hash != _hash || !ReferenceEquals(other._system, _system) || other._variant != _variant ||
                    other._display != _display || !ReferenceEquals(other._severities, _severities) ||
                    other._settings.Length != _settings.Length || other._conflicts.Length != _conflicts.Length || !other._profile.Equals(_profile))
                {
                    return false;
                }

                for (int i = 0; i < _settings.Length; i++)
                {
                    if (!_settings[i].Equals(other._settings[i]))
                    {
                        return false;
                    }
                }

                for (int i = 0; i < _conflicts.Length; i++)
                {
                    if (_conflicts[i] != other._conflicts[i])
                    {
                        return false;
                    }
                }

                return true;
            }

            public override bool Equals(object? obj) => Equals(obj as Key);

            public override int GetHashCode() => _hash;
        }
    }
}
