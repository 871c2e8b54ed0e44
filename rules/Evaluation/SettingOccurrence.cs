using ElectionLint.Rules.Model;

namespace ElectionLint.Rules.Evaluation
{
    public enum OccurrenceState
    {
        /// <summary>The value is known.</summary>
        Set,

        /// <summary>The setting is present but its value cannot be known statically; relations with it are skipped.</summary>
        Unknown,

        /// <summary>The system cannot parse the text (EL1000); relations with it are skipped.</summary>
        Invalid,
    }

    /// <summary>One setting as a front end found it, with an opaque source location.</summary>
    public sealed class SettingOccurrence
    {
        internal SettingOccurrence(SettingDefinition setting, OccurrenceState state, SettingValue value, string? raw, string? error, object? location, string? name, ValueFormat format, long? unitNanos)
        {
            Setting = setting;
            State = state;
            Value = value;
            Raw = raw;
            Error = error;
            Location = location;
            Name = name;
            Format = format;
            UnitNanos = unitNanos;
        }

        public SettingDefinition Setting { get; }

        public OccurrenceState State { get; }

        public SettingValue Value { get; }

        /// <summary>The text as written, when the front end read text.</summary>
        public string? Raw { get; }

        /// <summary>Why the text cannot be parsed (<see cref="OccurrenceState.Invalid"/>).</summary>
        public string? Error { get; }

        /// <summary>The front end's location of the value (a span); the engine never looks inside.</summary>
        public object? Location { get; }

        /// <summary>The name as written (<c>ETCD_ELECTION_TIMEOUT</c>, <c>--election-timeout</c>); messages use it.</summary>
        public string? Name { get; }

        /// <summary>The format the value was written in; suggested values are written back in it.</summary>
        public ValueFormat Format { get; }

        /// <summary>The unit of bare numbers, for flexible durations.</summary>
        public long? UnitNanos { get; }

        public string DisplayName => Name ?? Setting.Id;
    }
}
