using ElectionLint.Rules.Timing;

namespace ElectionLint.Rules.Profile
{
    /// <summary>
    /// The environment the timeouts must fit. Every unset value switches its rules off, except that
    /// <c>network: wan</c> without <c>rttP99</c> assumes a 200 ms p99 round trip.
    /// </summary>
    public sealed record EnvironmentProfile
    {
        public static readonly Duration WanDefaultRtt = Duration.FromMilliseconds(200);
        public const decimal DefaultGcHeadroom = 2m;
        public const decimal DefaultRttMultiplier = 10m;
        public const decimal DefaultHeadroom = 1.25m;
        public static readonly Duration DefaultKafkaGroupMinSessionTimeout = Duration.FromMilliseconds(6000);
        public static readonly Duration DefaultKafkaGroupMaxSessionTimeout = Duration.FromMilliseconds(1_800_000);

        /// <summary>The profile with nothing declared: a LAN.</summary>
        public static EnvironmentProfile Default { get; } = new EnvironmentProfile();

        public NetworkKind? Network { get; init; }

        public Duration? RttP99 { get; init; }

        public Duration? GcPauseP99 { get; init; }

        public Duration? MaxFailover { get; init; }

        public decimal? GcHeadroom { get; init; }

        public decimal? RttMultiplier { get; init; }

        /// <summary>The margin a recommended value leaves on the RTT and GC rules it had to meet (≥ 1).</summary>
        public decimal? Headroom { get; init; }

        public Duration? KafkaGroupMinSessionTimeout { get; init; }

        public Duration? KafkaGroupMaxSessionTimeout { get; init; }

        // The distributions below drive the trade-off model (rules/TradeOff); `init --from-metrics` and `--gc-log` write them.

        /// <summary>Median round trip between members.</summary>
        public Duration? RttP50 { get; init; }

        /// <summary>p99.9 round trip between members.</summary>
        public Duration? RttP999 { get; init; }

        /// <summary>Median stop-the-world pause.</summary>
        public Duration? GcPauseP50 { get; init; }

        /// <summary>p99.9 stop-the-world pause.</summary>
        public Duration? GcPauseP999 { get; init; }

        /// <summary>Stop-the-world pauses per hour.</summary>
        public decimal? GcPausesPerHour { get; init; }

        /// <summary>Fraction of messages lost on a link, 0 ≤ it &lt; 1 (the trade-off model).</summary>
        public decimal? PacketLoss { get; init; }

        /// <summary>The false elections a year the operator accepts: <c>tune</c>'s target.</summary>
        public decimal? MaxFalseElectionsPerYear { get; init; }

        /// <summary>The round trip the rules use: the declared one, or 200 ms on a WAN, or none.</summary>
        public Duration? EffectiveRtt => RttP99 ?? (Network == NetworkKind.Wan ? WanDefaultRtt : (Duration?)null);

        /// <summary>True when the round trip is the WAN assumption rather than a declared value.</summary>
        public bool RttAssumed => RttP99 == null && Network == NetworkKind.Wan;

        public decimal EffectiveGcHeadroom => GcHeadroom ?? DefaultGcHeadroom;

        public decimal EffectiveRttMultiplier => RttMultiplier ?? DefaultRttMultiplier;

        public decimal EffectiveHeadroom => Headroom ?? DefaultHeadroom;

        public Duration EffectiveKafkaGroupMinSessionTimeout => KafkaGroupMinSessionTimeout ?? DefaultKafkaGroupMinSessionTimeout;

        public Duration EffectiveKafkaGroupMaxSessionTimeout => KafkaGroupMaxSessionTimeout ?? DefaultKafkaGroupMaxSessionTimeout;

        /// <summary>This profile with every value <paramref name="other"/> declares taking its place.</summary>
        public EnvironmentProfile MergedWith(EnvironmentProfile other) => new EnvironmentProfile
        {
            Network = other.Network ?? Network,
            RttP99 = other.RttP99 ?? RttP99,
            GcPauseP99 = other.GcPauseP99 ?? GcPauseP99,
            MaxFailover = other.MaxFailover ?? MaxFailover,
            GcHeadroom = other.GcHeadroom ?? GcHeadroom,
            RttMultiplier = other.RttMultiplier ?? RttMultiplier,
            Headroom = other.Headroom ?? Headroom,
            KafkaGroupMinSessionTimeout = other.KafkaGroupMinSessionTimeout ?? KafkaGroupMinSessionTimeout,
            KafkaGroupMaxSessionTimeout = other.KafkaGroupMaxSessionTimeout ?? KafkaGroupMaxSessionTimeout,
            RttP50 = other.RttP50 ?? RttP50,
            RttP999 = other.RttP999 ?? RttP999,
            GcPauseP50 = other.GcPauseP50 ?? GcPauseP50,
            GcPauseP999 = other.GcPauseP999 ?? GcPauseP999,
            GcPausesPerHour = other.GcPausesPerHour ?? GcPausesPerHour,
            PacketLoss = other.PacketLoss ?? PacketLoss,
            MaxFalseElectionsPerYear = other.MaxFalseElectionsPerYear ?? MaxFalseElectionsPerYear,
        };
    }
}
