using ElectionLint.Rules.Model;
using static ElectionLint.Rules.Systems.Define;

namespace ElectionLint.Rules.Systems
{
    /// <summary>
    /// Orleans ClusterMembershipOptions as of 10.4 (dotnet/orleans main after v10.2.2, read at e558829b; the options of
    /// Microsoft.Orleans.Core 10.4.2 have MinProbeTimeout, MaxProbeTimeout and EnableConnectionLivenessCheck, v10.2.2's none):
    /// SiloClusteringValidator checks ProbeTimeout, MinProbeTimeout and MaxProbeTimeout; probe timeouts adapt within them.
    /// Detection ≈ NumMissedProbesLimit × ProbeTimeout (SiloHealthMonitor).
    /// </summary>
    public static class OrleansMembership
    {
        public const string Id = "orleans-membership";
        public const string ProbeTimeout = "ProbeTimeout";
        public const string NumMissedProbesLimit = "NumMissedProbesLimit";
        public const string NumVotesForDeathDeclaration = "NumVotesForDeathDeclaration";
        public const string NumProbedSilos = "NumProbedSilos";
        public const string LivenessEnabled = "LivenessEnabled";
        public const string MinProbeTimeout = "MinProbeTimeout";
        public const string MaxProbeTimeout = "MaxProbeTimeout";

        /// <summary>SiloClusteringValidator.MaxSupportedTimeoutMilliseconds (uint.MaxValue - 1: a timer's limit).</summary>
        public const long MaxSupportedTimeoutMilliseconds = 4294967294;

        public static SystemDefinition Definition { get; } = new SystemDefinition(
            Id,
            "Orleans",
            TimeSpan(ProbeTimeout, SettingRole.Heartbeat, Sec(5)),
            Count(NumMissedProbesLimit, 3),
            Count(NumVotesForDeathDeclaration, 2),
            Count(NumProbedSilos, 10),
            Switch(LivenessEnabled, true),
            // ClusterMembershipOptions: MinProbeTimeout = ProbeTimeout / 2 and MaxProbeTimeout = 4 × ProbeTimeout unless set.
            new SettingDefinition(MinProbeTimeout, SettingRole.Timeout, ValueFormat.TimeSpan) { Default = new Quantity(MinProbeTimeout, T(0.5m, ProbeTimeout)), Granularity = 100m },
            new SettingDefinition(MaxProbeTimeout, SettingRole.Timeout, ValueFormat.TimeSpan) { Default = new Quantity(MaxProbeTimeout, T(4m, ProbeTimeout)), Granularity = 100m })
        {
            FalseFailover = "a healthy silo being declared dead",
            EnabledSetting = LivenessEnabled,
            Heartbeat = Q(ProbeTimeout),
            Detection = new Quantity("missed-probe window", T(1m, ProbeTimeout, NumMissedProbesLimit)),
            PauseBudget = new Quantity("missed-probe window", T(1m, ProbeTimeout, NumMissedProbesLimit)),
            // A silo that dies, dotnet/orleans@e558829b: each probe's timeout, and the period between probe starts, is the
            // adaptive estimate clamped to [MinProbeTimeout, MaxProbeTimeout] (SiloHealthMonitor.cs:208, :248-256, :275-297;
            // PhiAccrualFailureDetector.cs:57-65), indirect probes included. The next probe starts up to one period after the
            // last answer, the N-th failure (the last one indirect, :206) votes (ClusterHealthMonitor.cs:337-357), and a vote
            // is dropped while the connection received bytes within MaxProbeTimeout × N (:365-382,
            // ClusterMembershipOptionsExtensions.cs:8-9); that lapses N × MaxProbeTimeout after the dead silo's last bytes
            // and the next failed probe, at most one MaxProbeTimeout later, votes. Either way (N + 1) × MaxProbeTimeout,
            // 80 s by default; the table write and gossip after the votes are not counted.
            // A hung silo whose connection still delivers bytes (Connection.cs:302-308) is never voted dead while they
            // arrive within MaxProbeTimeout × N: no setting bounds that. (v10.2.2 had (N + 2) × ProbeTimeout.)
            Failover = new Quantity("failover window", T(1m, MaxProbeTimeout, NumMissedProbesLimit), T(1m, MaxProbeTimeout)),
            FailoverPrimary = ProbeTimeout,
            PauseConsequence = "the other silos vote the silo dead",
            Ranges = new[]
            {
                new RangeLimit("EL1080", NumVotesForDeathDeclaration, string.Empty)
                {
                    Min = 0m,
                    MinInclusive = false,
                    Detail = "{setting} {value} must be greater than 0",
                },
                Timeout(ProbeTimeout),
                Timeout(MinProbeTimeout),
                Timeout(MaxProbeTimeout),
            },
            Relations = new[]
            {
                new RelationLimit("EL1080", Q(NumVotesForDeathDeclaration), Comparison.AtMost, 1m, Q(NumProbedSilos), string.Empty)
                {
                    Detail = "{setting} {value} is greater than {related} {relatedValue}",
                },
                new RelationLimit("EL1080", Q(MaxProbeTimeout), Comparison.AtLeast, 1m, Q(MinProbeTimeout), string.Empty)
                {
                    EvenWhenDisabled = true,
                    Detail = "{setting} {value} is less than {related} {relatedValue}",
                },
                new RelationLimit("EL1080", Q(ProbeTimeout), Comparison.AtLeast, 1m, Q(MinProbeTimeout), string.Empty)
                {
                    EvenWhenDisabled = true,
                    Detail = "{setting} {value} is less than {related} {relatedValue}",
                },
                new RelationLimit("EL1080", Q(ProbeTimeout), Comparison.AtMost, 1m, Q(MaxProbeTimeout), string.Empty)
                {
                    EvenWhenDisabled = true,
                    Detail = "{setting} {value} is greater than {related} {relatedValue}",
                },
            },
        }.Bound();
    
        private static RangeLimit Timeout(string setting) => new RangeLimit("EL1080", setting, string.Empty)
        {
            Min = 0m,
            MinInclusive = false,
            Max = MaxSupportedTimeoutMilliseconds * 1_000_000m,
            Detail = "{setting} {value} must be greater than 0 and at most " + MaxSupportedTimeoutMilliseconds + " ms",
            // N5: dotnet/orleans@e558829b SiloClusteringValidator checks the probe timeouts before `if (LivenessEnabled)`.
            EvenWhenDisabled = true,
        };
    }
}
