using System.Collections.Generic;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Timing;

namespace ElectionLint.Rules.Evaluation
{
    /// <summary>One configuration of one system as a front end found it: the settings present, each with a location.</summary>
    public sealed class ConfigurationInstance
    {
        private readonly SettingOccurrence?[] _occurrences;
        private string?[]? _names;
        private List<(int Setting, object? Location, string Name, string By)>? _conflicts;
        private Dictionary<int, decimal?>? _defaults;

        public ConfigurationInstance(SystemDefinition system, object? anchor = null, string? variant = null)
        {
            System = system;
            Anchor = anchor;
            Variant = variant;
            _occurrences = new SettingOccurrence?[system.Settings.Count];
        }

        public SystemDefinition System { get; }

        /// <summary>Where findings about unset settings point (the object creation, the <c>leaderElection:</c> key).</summary>
        public object? Anchor { get; }

        /// <summary>Which implementation reads the settings, when it matters (see <see cref="SystemDefinition.Variants"/>).</summary>
        public string? Variant { get; }

        /// <summary>
        /// How the surface writes durations, when it is not the system's own syntax (C#: <see cref="ValueFormat.TimeSpan"/> for
        /// TimeSpan members, <see cref="ValueFormat.IntegerSeconds"/> for types of integer milliseconds): messages show
        /// defaults, computed values and values set as text durations this way, never as a Go duration. Null: each setting's own.
        /// </summary>
        public ValueFormat? DurationDisplay { get; set; }

        /// <summary>The format a message shows <paramref name="s"/> in when no occurrence says otherwise.</summary>
        public ValueFormat FormatFor(SettingDefinition s) => s.IsDuration && DurationDisplay is ValueFormat f && IsTextDuration(s.Format) ? f : s.Format;

        private static bool IsTextDuration(ValueFormat f) =>
            f == ValueFormat.GoDuration || f == ValueFormat.TimeSpan || f == ValueFormat.HoconDuration || f == ValueFormat.FlexibleDuration ||
            f == ValueFormat.ElasticTimeValue || f == ValueFormat.SpringDuration;

        public SettingOccurrence? this[int index] => _occurrences[index];

        public SettingOccurrence? this[string settingId] => _occurrences[System.IndexOf(settingId)];

        /// <summary>How messages name a setting that is not written (C#: the property name, RetryPeriod).</summary>
        public ConfigurationInstance Name(string settingId, string name)
        {
            _names ??= new string?[_occurrences.Length];
            _names[System.IndexOf(settingId)] = name;
            return this;
        }

        /// <summary>The name for messages: as written, as declared with <see cref="Name"/>, or the setting id.</summary>
        public string NameOf(int index) => _occurrences[index]?.Name ?? _names?[index] ?? System.Settings[index].Id;

        /// <summary>A known value (C# constants, already-typed values).</summary>
        public ConfigurationInstance Set(string settingId, SettingValue value, object? location = null, string? name = null)
        {
            SettingDefinition s = System.Settings[System.IndexOf(settingId)];
            _occurrences[s.Index] = new SettingOccurrence(s, OccurrenceState.Set, value, null, null, location, name, FormatFor(s), null);
            return this;
        }

        public ConfigurationInstance Set(string settingId, Duration value, object? location = null, string? name = null) =>
            Set(settingId, SettingValue.Of(value), location, name);

        /// <summary>Text as written; parsed with the system's format (or <paramref name="format"/>), EL1000 when it cannot be.</summary>
        public ConfigurationInstance SetText(string settingId, string raw, object? location = null, string? name = null, ValueFormat? format = null, long? unitNanos = null)
        {
            SettingDefinition s = System.Settings[System.IndexOf(settingId)];
            ValueFormat f = format ?? s.Format;
            ParseResult<SettingValue> r = SettingValues.Parse(f, raw, unitNanos);
            _occurrences[s.Index] = r.Value is SettingValue v
                ? new SettingOccurrence(s, OccurrenceState.Set, v, raw, null, location, name, f, unitNanos)
                : new SettingOccurrence(s, OccurrenceState.Invalid, default, raw, r.Error, location, name, f, unitNanos);
            return this;
        }

        /// <summary>Text the system cannot read, with the reason (EL1000), when the front end knows better than the format (etcd reads a quoted YAML number as a string).</summary>
        public ConfigurationInstance SetInvalid(string settingId, string raw, string reason, object? location = null, string? name = null)
        {
            SettingDefinition s = System.Settings[System.IndexOf(settingId)];
            _occurrences[s.Index] = new SettingOccurrence(s, OccurrenceState.Invalid, default, raw, reason, location, name, s.Format, null);
            return this;
        }

        /// <summary>Present, but the value is not known statically: relations with it are skipped, never guessed.</summary>
        public ConfigurationInstance SetUnknown(string settingId, object? location = null, string? name = null)
        {
            SettingDefinition s = System.Settings[System.IndexOf(settingId)];
            _occurrences[s.Index] = new SettingOccurrence(s, OccurrenceState.Unknown, default, null, null, location, name, s.Format, null);
            return this;
        }

        /// <summary>
        /// The default of an unwritten setting in this component when it differs from the system's (cert-manager's 60s lease);
        /// null when the component's default is not known, so nothing that depends on it is judged.
        /// </summary>
        public ConfigurationInstance Default(string settingId, decimal? value)
        {
            (_defaults ??= new Dictionary<int, decimal?>())[System.IndexOf(settingId)] = value;
            return this;
        }

        /// <summary>True with the component's default when <see cref="Default"/> set one (null: unknown).</summary>
        public bool TryGetDefault(int index, out decimal? value)
        {
            value = null;
            return _defaults != null && _defaults.TryGetValue(index, out value);
        }

        /// <summary>Settings written twice where the system refuses that (etcd: a flag and its ETCD_* variable).</summary>
        public IReadOnlyList<(int Setting, object? Location, string Name, string By)> Conflicts => _conflicts ?? (IReadOnlyList<(int, object?, string, string)>)global::System.Array.Empty<(int, object?, string, string)>();

        /// <summary>Records that <paramref name="name"/> (at <paramref name="location"/>) is also given as <paramref name="by"/>.</summary>
        public ConfigurationInstance Conflict(string settingId, object? location, string name, string by)
        {
            (_conflicts ??= new List<(int, object?, string, string)>()).Add((System.IndexOf(settingId), location, name, by));
            return this;
        }

        /// <summary>Each setting as a repair search reads it, without locations (<see cref="RepairMemo"/>'s key).</summary>
        internal RepairMemo.SettingContent[] Contents()
        {
            var contents = new RepairMemo.SettingContent[_occurrences.Length];
            for (int i = 0; i < contents.Length; i++)
            {
                bool has = TryGetDefault(i, out decimal? d);
                contents[i] = new RepairMemo.SettingContent(_occurrences[i], _names?[i], has, d);
            }

            return contents;
        }

        /// <summary>A copy with settings replaced by known values (used to verify repairs).</summary>
        internal ConfigurationInstance With(IEnumerable<(int Index, decimal Value)> changes)
        {
            var copy = new ConfigurationInstance(System, Anchor, Variant) { _names = _names, _conflicts = _conflicts, _defaults = _defaults, DurationDisplay = DurationDisplay };
            _occurrences.CopyTo(copy._occurrences, 0);
            foreach ((int index, decimal value) in changes)
            {
                SettingOccurrence? old = _occurrences[index];
                SettingDefinition s = System.Settings[index];
                copy._occurrences[index] = new SettingOccurrence(s, OccurrenceState.Set, SettingValue.Of(value), null, null, old?.Location, old?.Name, old?.Format ?? FormatFor(s), old?.UnitNanos);
            }

            return copy;
        }
    }
}
