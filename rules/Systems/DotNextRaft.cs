using System.Collections.Generic;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using static ElectionLint.Rules.Systems.Define;

namespace ElectionLint.Rules.Systems
{
    /// <summary>
    /// DotNext Raft (RaftCluster.NodeConfiguration, ElectionTimeout, ClusterMemberConfiguration). The heartbeat is
    /// LowerElectionTimeout × HeartbeatThreshold; followers draw their timeout uniformly in [lower, upper].
    /// </summary>
    public static class DotNextRaft
    {
        public const string Id = "dotnext-raft";
        public const string LowerElectionTimeout = "lowerElectionTimeout";
        public const string UpperElectionTimeout = "upperElectionTimeout";
        public const string HeartbeatThreshold = "heartbeatThreshold";

        /// <summary>RaftCluster.NodeConfiguration and ElectionTimeout: HeartbeatThreshold must be in (0, 1).</summary>
        public const string Node = "node";

        /// <summary>ASP.NET Core ClusterMemberConfiguration: HeartbeatThreshold only needs to be &gt; 0.</summary>
        public const string AspNet = "aspnet";

        public static SystemDefinition Definition { get; } = new SystemDefinition(
            Id,
            "DotNext",
            Int32Ms(LowerElectionTimeout, SettingRole.Timeout, 150),
            Int32Ms(UpperElectionTimeout, SettingRole.Timeout, 300),
            new SettingDefinition(HeartbeatThreshold, SettingRole.Fraction, ValueFormat.Decimal) { Default = Constant(0.5m), Granularity = 0m })
        {
            Heartbeat = new Quantity("heartbeat period", T(1m, LowerElectionTimeout, HeartbeatThreshold)),
            Detection = Q(LowerElectionTimeout),
            // Followers draw their timeout with Random.Next(lower, upper + 1) (ElectionTimeout.RandomTimeout): a leader stalled past
            // `lower` lets the fastest follower start an election; the slowest waits `upper`, then one vote round (≈ 2 RTT).
            PauseBudget = Q(LowerElectionTimeout),
            Failover = new Quantity("failover window", T(1m, UpperElectionTimeout), Rtt(2m)),
            FailoverPrimary = UpperElectionTimeout,
            MinRatio = 2m,
            MaxRatio = 10m,
            RandomRange = (LowerElectionTimeout, UpperElectionTimeout),
            RecommendedRangeFactor = 2m,
            PauseConsequence = "followers start an election",
            Variants = new[] { Node, AspNet },
            Ranges = new[]
            {
                new RangeLimit("EL1040", LowerElectionTimeout, "DotNext throws ArgumentOutOfRangeException")
                {
                    Min = 0m,
                    MinInclusive = false,
                    Detail = "{setting} {value} must be greater than zero",
                },
                new RangeLimit("EL1040", UpperElectionTimeout, "DotNext throws ArgumentOutOfRangeException")
                {
                    Min = 0m,
                    MinInclusive = false,
                    // ElectionTimeout.UpperValue rejects int.MaxValue (it computes UpperValue + 1).
                    Max = ((decimal)int.MaxValue - 1m) * 1_000_000m,
                    Detail = "{setting} {value} must be greater than zero and less than int.MaxValue",
                },
                new RangeLimit("EL1040", HeartbeatThreshold, "DotNext throws ArgumentOutOfRangeException")
                {
                    Min = 0m,
                    MinInclusive = false,
                    Max = 1m,
                    MaxInclusive = false,
                    Detail = "{setting} {value} is outside (0, 1)",
                    OnlyVariants = new string?[] { Node, null },
                },
                new RangeLimit("EL1040", HeartbeatThreshold, "DotNext throws ArgumentOutOfRangeException")
                {
                    Min = 0m,
                    MinInclusive = false,
                    Detail = "{setting} {value} must be greater than zero",
                    OnlyVariants = new[] { AspNet },
                },
            },
            HardChecks = new SystemCheck[] { UpperBelowLower },
            SolverRelations = new[]
            {
                new RelationLimit("EL1040", Q(UpperElectionTimeout), Comparison.AtLeast, 1m, Q(LowerElectionTimeout), "DotNext throws ArgumentOutOfRangeException"),
            },
        }.Bound();

        /// <summary>EL1040: Random.Next(lower, upper + 1) throws when upper &lt; lower − 1; upper = lower − 1 silently fixes the timeout.</summary>
        private static void UpperBelowLower(EvaluationContext ctx)
        {
            if (!ctx.TryGet(LowerElectionTimeout, out decimal lower) || !ctx.TryGet(UpperElectionTimeout, out decimal upper) || upper >= lower || lower <= 0m || upper <= 0m)
            {
                return;
            }

            bool throws = upper < lower - 1_000_000m;
            var args = new Dictionary<string, string>
            {
                ["detail"] = $"{ctx.Name(UpperElectionTimeout)} {ctx.Show(UpperElectionTimeout)} is below {ctx.Name(LowerElectionTimeout)} {ctx.Show(LowerElectionTimeout)}",
                ["consequence"] = throws
                    ? "DotNext throws ArgumentOutOfRangeException when the cluster is constructed (Random.Next)"
                    : "DotNext silently uses a fixed election timeout, so split votes repeat",
            };
            ctx.Report("EL1040", UpperElectionTimeout, new[] { LowerElectionTimeout }, args);
        }
    }
}
