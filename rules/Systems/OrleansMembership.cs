using ElectionLint.Rules.Model;
using static ElectionLint.Rules.Systems.Define;

namespace ElectionLint.Rules.Systems
{
    /// <summary>Orleans ClusterMembershipOptions (v10.2.2). Detection ≈ NumMissedProbesLimit × ProbeTimeout (SiloHealthMonitor).</summary>
    public static class OrleansMembership
    {
        public const string Id = "orleans-membership";
        public const string ProbeTimeout = "ProbeTimeout";
        public const string NumMissedProbesLimit = "NumMissedProbesLimit";
        public const string NumVotesForDeathDeclaration = "NumVotesForDeathDeclaration";
        public const string NumProbedSilos = "NumProbedSilos";
        public const string LivenessEnabled = "LivenessEnabled";

        public static SystemDefinition Definition { get; } = new SystemDefinition(
            Id,
            "Orleans",
            TimeSpan(ProbeTimeout, SettingRole.Heartbeat, Sec(5)),
            Count(NumMissedProbesLimit, 3),
            Count(NumVotesForDeathDeclaration, 2),
            Count(NumProbedSilos, 10),
            Switch(LivenessEnabled, true))
        {
            EnabledSetting = LivenessEnabled,
            Heartbeat = Q(ProbeTimeout),
            Detection = new Quantity("missed-probe window", T(1m, ProbeTimeout, NumMissedProbesLimit)),
            PauseBudget = new Quantity("missed-probe window", T(1m, ProbeTimeout, NumMissedProbesLimit)),
            // SiloHealthMonitor.Run (v10.2.2): the first probe waits up to one ProbeTimeout, each missed direct probe costs one,
            // and the last of NumMissedProbesLimit goes indirect with twice the timeout: (N + 2) × ProbeTimeout before the vote.
            Failover = new Quantity("failover window", T(1m, ProbeTimeout, NumMissedProbesLimit), T(2m, ProbeTimeout)),
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
            },
            Relations = new[]
            {
                new RelationLimit("EL1080", Q(NumVotesForDeathDeclaration), Comparison.AtMost, 1m, Q(NumProbedSilos), string.Empty)
                {
                    Detail = "{setting} {value} is greater than {related} {relatedValue}",
                },
            },
        }.Bound();
    }
}
