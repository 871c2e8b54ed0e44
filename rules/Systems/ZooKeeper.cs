using System.Collections.Generic;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using static ElectionLint.Rules.Systems.Define;

namespace ElectionLint.Rules.Systems
{
    /// <summary>
    /// ZooKeeper sessions (QuorumPeerConfig.java, ZooKeeperServer.java). tickTime defaults to 3000 ms in code
    /// (ZooKeeperServer.DEFAULT_TICK_TIME); the 2000 of zoo_sample.cfg is only a sample.
    /// </summary>
    public static class ZooKeeper
    {
        public const string Id = "zookeeper";
        public const string TickTime = "tickTime";
        public const string MinSessionTimeout = "minSessionTimeout";
        public const string MaxSessionTimeout = "maxSessionTimeout";

        /// <summary>The session timeout a client asks for (it is negotiated into [min, max]).</summary>
        public const string SessionTimeout = "sessionTimeout";

        public static SystemDefinition Definition { get; } = new SystemDefinition(
            Id,
            "ZooKeeper",
            Int32Ms(TickTime, SettingRole.Heartbeat, 3000),
            WithDefault(Int32Ms(MinSessionTimeout, SettingRole.Timeout, null), 2m),
            WithDefault(Int32Ms(MaxSessionTimeout, SettingRole.Timeout, null), 20m),
            Int32Ms(SessionTimeout, SettingRole.Timeout, null))
        {
            FalseFailover = "an expired session",
            Heartbeat = Q(TickTime),
            Detection = Q(SessionTimeout),
            // The server expires a session sessionTimeout after the client's last ping (SessionTrackerImpl) and deletes its
            // ephemeral nodes; the timeout used is the clamped one, which EL1030 keeps equal to the requested one.
            PauseBudget = Q(SessionTimeout),
            // ExpiryQueue.update (apache/zookeeper@53a78e36) files a session under roundToNextInterval(now + timeout), buckets
            // of tickTime: it expires up to one tick after sessionTimeout.
            Failover = new Quantity("failover window", T(1m, SessionTimeout), T(1m, TickTime)),
            FailoverPrimary = SessionTimeout,
            PauseConsequence = "the session expires and its ephemeral nodes (locks, leadership) are deleted",
            Relations = new[]
            {
                new RelationLimit("EL1030", Q(MinSessionTimeout), Comparison.AtMost, 1m, Q(MaxSessionTimeout), "ZooKeeper refuses to start (minSessionTimeout must not be larger than maxSessionTimeout)")
                {
                    Detail = "{setting} {value} is larger than {related} {relatedValue}; {consequence}",
                    Severity = RuleSeverity.Error,
                },
            },
            HardChecks = new SystemCheck[] { TickTimeSet, Clamped },
            SolverRelations = new[]
            {
                new RelationLimit("EL1030", Q(SessionTimeout), Comparison.AtLeast, 1m, Q(MinSessionTimeout), "ZooKeeper clamps it") { Source = "ZooKeeper's clamp" },
                new RelationLimit("EL1031", Q(TickTime), Comparison.Greater, 1m, Constant(0m), "ZooKeeper refuses to start") { Source = "ZooKeeper's tickTime" },
                new RelationLimit("EL1030", Q(SessionTimeout), Comparison.AtMost, 1m, Q(MaxSessionTimeout), "ZooKeeper clamps it") { Source = "ZooKeeper's clamp" },
            },
        }.Bound();

        private static SettingDefinition WithDefault(SettingDefinition s, decimal ticks) => new SettingDefinition(s.Id, s.Role, s.Format)
        {
            Default = new Quantity(s.Id, new Term(ticks, TickTime)),
            Granularity = s.Granularity,
            Maximum = s.Maximum,
            DefaultSentinel = -1_000_000m, // -1 means "2 × / 20 × tickTime" (ZooKeeperServer.getMin/MaxSessionTimeout)
        };

        /// <summary>EL1031: QuorumPeerConfig.parseProperties throws "tickTime is not set" for 0.</summary>
        private static void TickTimeSet(EvaluationContext ctx)
        {
            if (ctx.IsSet(TickTime) && ctx.TryGet(TickTime, out decimal tick) && tick == 0m)
            {
                ctx.Report("EL1031", TickTime, new string[0], new Dictionary<string, string>());
            }
        }

        /// <summary>EL1030 (warning): a requested session timeout outside [min, max] is silently clamped.</summary>
        private static void Clamped(EvaluationContext ctx)
        {
            if (!ctx.TryGet(SessionTimeout, out decimal session) || !ctx.TryGet(MinSessionTimeout, out decimal min) || !ctx.TryGet(MaxSessionTimeout, out decimal max) || min > max)
            {
                return;
            }

            if (session >= min && session <= max)
            {
                return;
            }

            bool below = session < min;
            decimal clamped = below ? min : max;
            var args = new Dictionary<string, string>
            {
                ["detail"] = $"{ctx.Name(SessionTimeout)} {ctx.Show(SessionTimeout)} is outside [{ctx.Show(MinSessionTimeout)}, {ctx.Show(MaxSessionTimeout)}]; ZooKeeper silently clamps it to {ctx.ShowValue(SessionTimeout, clamped)}",
            };
            ctx.Report("EL1030", SessionTimeout, new[] { below ? MinSessionTimeout : MaxSessionTimeout }, args);
        }
    }
}
