using System.Collections.Generic;
namespace ElectionLint.Rules.Model
{
    /// <summary>What a setting is for in the failover model.</summary>
    public enum SettingRole
    {
        Heartbeat,
        Timeout,
        Count,
        Fraction,
        Switch,
        Choice,
    }

    /// <summary>One setting of a system: its id (also the role name in bindings), format, default and limits.</summary>
    public sealed class SettingDefinition
    {
        public SettingDefinition(string id, SettingRole role, ValueFormat format)
        {
            Id = id;
            Role = role;
            Format = format;
        }

        /// <summary>The name the system's documentation uses, e.g. <c>election-timeout</c>.</summary>
        public string Id { get; }

        public SettingRole Role { get; }

        /// <summary>How the system reads the setting's text.</summary>
        public ValueFormat Format { get; }

        /// <summary>Position in <see cref="SystemDefinition.Settings"/>; set when the system is built.</summary>
        public int Index { get; internal set; }

        /// <summary>The system's default: a constant or a multiple of other settings (ZooKeeper's 2 × tickTime). Null: no default.</summary>
        public Quantity? Default { get; init; }

        /// <summary>True for time settings (values in nanoseconds).</summary>
        public bool IsDuration => Role == SettingRole.Heartbeat || Role == SettingRole.Timeout;

        /// <summary>The smallest step the system can represent, in the value's unit (1 ms for integer milliseconds).</summary>
        public decimal Granularity { get; init; } = 1m;

        /// <summary>The largest value the system's type holds (int.MaxValue ms for Kafka).</summary>
        public decimal? Maximum { get; init; }

        /// <summary>A value that means "not in use" (Consul TTL 0); such a value takes part in no relation.</summary>
        public decimal? NoneValue { get; init; }

        /// <summary>A value that means "use the default" (ZooKeeper's -1 session bounds): it is read as if unwritten.</summary>
        public decimal? DefaultSentinel { get; init; }

        /// <summary>Variants in which <see cref="DefaultSentinel"/> means the default (Nomad's raft_multiplier 0); null for all.</summary>
        public IReadOnlyCollection<string?>? DefaultSentinelVariants { get; init; }

        /// <summary>Values below zero mean "infinite" (Azure lease -1); they take part in no relation.</summary>
        public bool NegativeMeansInfinite { get; init; }

        /// <summary>What a repair aims at when the value is refused and the default is no value (zoo_sample.cfg's syncLimit 5).</summary>
        public decimal? RepairHint { get; init; }

        /// <summary>0 is a legal value (Consul's LockDelay); otherwise a repair never writes 0.</summary>
        public bool ZeroAllowed { get; init; }

        /// <summary>A step a tuning rule asks values to be on (a lease record's whole seconds); see <see cref="StepRule"/>.</summary>
        public decimal? Step { get; init; }

        /// <summary>A setting whose value this one should be a whole multiple of (etcd counts whole heartbeat ticks).</summary>
        public string? StepOf { get; init; }

        /// <summary>The rule that reports a value off <see cref="Step"/> or <see cref="StepOf"/> (EL2050, EL2051).</summary>
        public string? StepRule { get; init; }

        /// <summary>
        /// False for a setting that is no timing knob: no repair, tune or trade-off search changes it, and the model takes it as
        /// written (MongoDB's catchUpTimeoutMillis, whose -1 means no limit). Its limits are still checked.
        /// </summary>
        public bool Tunable { get; init; } = true;

        public override string ToString() => Id;
    }
}
