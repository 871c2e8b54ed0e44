using System.Collections.Generic;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using static ElectionLint.Rules.Systems.Define;

namespace ElectionLint.Rules.Systems
{
    /// <summary>etcd: heartbeat-interval and election-timeout, integer milliseconds (server/embed/config.go).</summary>
    public static class Etcd
    {
        public const string Id = "etcd";
        public const string HeartbeatInterval = "heartbeat-interval";
        public const string ElectionTimeout = "election-timeout";
        public const long MaxElectionMs = 50000;

        public static SystemDefinition Definition { get; } = new SystemDefinition(
            Id,
            "etcd",
            UnsignedMs(HeartbeatInterval, SettingRole.Heartbeat, 100),
            new SettingDefinition(ElectionTimeout, SettingRole.Timeout, ValueFormat.UnsignedMilliseconds)
            {
                Default = Quantity.Constant(Ms(1000)),
                Granularity = 1_000_000m,
                Maximum = (decimal)uint.MaxValue * 1_000_000m,
                StepOf = HeartbeatInterval,
                StepRule = "EL2051",
            })
        {
            Heartbeat = Q(HeartbeatInterval),
            Detection = Q(ElectionTimeout),
            PauseBudget = Q(ElectionTimeout),
            // etcd-io/raft@cdfbeed3 raft.go tickElection: a follower campaigns after randomizedElectionTimeout ticks of one heartbeat
            // interval, at most 2E − 1 with E = election / heartbeat (rounded down): at most 2 × election − heartbeat after the
            // leader's last heartbeat. Then one pre-vote and one vote round trip.
            Failover = new Quantity("failover window", T(2m, ElectionTimeout), T(-1m, HeartbeatInterval), Rtt(2m)),
            FailoverPrimary = ElectionTimeout,
            MinRatio = 5m,
            MaxRatio = 10m,
            RecommendedRatio = 10m,
            PauseConsequence = "followers start an election",
            Ranges = new[]
            {
                new RangeLimit("EL1003", HeartbeatInterval, "etcd refuses to start") { Min = 0m, MinInclusive = false },
                new RangeLimit("EL1003", ElectionTimeout, "etcd refuses to start") { Min = 0m, MinInclusive = false },
                new RangeLimit("EL1002", ElectionTimeout, "etcd refuses to start") { Max = MaxElectionMs * 1_000_000m },
            },
            Relations = new[]
            {
                // Validate(): 5*TickMs > ElectionMs is rejected; exactly 5× is accepted.
                new RelationLimit("EL1001", Q(ElectionTimeout), Comparison.AtLeast, 5m, Q(HeartbeatInterval), "etcd refuses to start below 5×"),
            },
            TuningChecks = new SystemCheck[] { WholeTicks },
        }.Bound();

        /// <summary>EL2051: ElectionTicks = ElectionMs / TickMs (integer division) rounds the timeout down.</summary>
        private static void WholeTicks(EvaluationContext ctx)
        {
            if (!ctx.TryGet(HeartbeatInterval, out decimal hb) || !ctx.TryGet(ElectionTimeout, out decimal el) || hb <= 0m || el <= 0m || el % hb == 0m)
            {
                return;
            }

            if (el < 5m * hb || el > MaxElectionMs * 1_000_000m)
            {
                return; // a hard limit already fires
            }

            decimal effective = decimal.Floor(el / hb) * hb;
            var args = new Dictionary<string, string>
            {
                ["related"] = ctx.Name(HeartbeatInterval),
                ["relatedValue"] = ctx.Show(HeartbeatInterval),
                ["effective"] = ctx.ShowValue(ElectionTimeout, effective),
            };
            ctx.Report("EL2051", ElectionTimeout, new[] { HeartbeatInterval }, args);
        }
    }
}
