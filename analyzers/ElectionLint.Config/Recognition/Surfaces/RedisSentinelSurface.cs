using System.Collections.Generic;
using ElectionLint.Config.Documents;
using ElectionLint.Rules.Systems;

namespace ElectionLint.Config.Recognition.Surfaces
{
    /// <summary>
    /// Redis and Valkey Sentinel: the Bitnami redis and valkey charts' <c>sentinel.downAfterMilliseconds</c> and
    /// <c>sentinel.failoverTimeout</c>, the Bitnami images' REDIS_SENTINEL_* and VALKEY_SENTINEL_* variables, and
    /// sentinel.conf's <c>sentinel down-after-milliseconds &lt;master&gt; &lt;ms&gt;</c> directives (read per master).
    /// </summary>
    public static class RedisSentinelSurface
    {
        public static IEnumerable<SurfaceName> Names { get; } = new[]
        {
            new SurfaceName(RedisSentinel.Id, RedisSentinel.DownAfter, SurfaceKind.Key, "downAfterMilliseconds"),
            new SurfaceName(RedisSentinel.Id, RedisSentinel.FailoverTimeout, SurfaceKind.Key, "failoverTimeout"),
            new SurfaceName(RedisSentinel.Id, RedisSentinel.DownAfter, SurfaceKind.Env, "REDIS_SENTINEL_DOWN_AFTER_MILLISECONDS"),
            new SurfaceName(RedisSentinel.Id, RedisSentinel.FailoverTimeout, SurfaceKind.Env, "REDIS_SENTINEL_FAILOVER_TIMEOUT"),
            new SurfaceName(RedisSentinel.Id, RedisSentinel.DownAfter, SurfaceKind.Env, "VALKEY_SENTINEL_DOWN_AFTER_MILLISECONDS"),
            new SurfaceName(RedisSentinel.Id, RedisSentinel.FailoverTimeout, SurfaceKind.Env, "VALKEY_SENTINEL_FAILOVER_TIMEOUT"),
        };

        /// <summary>The directives of sentinel.conf, by their first word after "sentinel".</summary>
        public static IEnumerable<SurfaceName> Directives { get; } = new[]
        {
            new SurfaceName(RedisSentinel.Id, RedisSentinel.DownAfter, SurfaceKind.Key, RedisSentinel.DownAfter),
            new SurfaceName(RedisSentinel.Id, RedisSentinel.FailoverTimeout, SurfaceKind.Key, RedisSentinel.FailoverTimeout),
        };

        /// <summary>sentinel.conf, as <see cref="Documents.SentinelConfReader"/> groups it: one configuration per master.</summary>
        internal static void RecognizeConf(RecognitionContext ctx, Node root)
        {
            if (root is not MappingNode masters)
            {
                return;
            }

            foreach (MappingEntry master in masters.Entries)
            {
                RecognizeMaster(ctx, master);
            }
        }

        /// <summary>One monitored master of sentinel.conf and its directives: one scope.</summary>
        internal static void RecognizeMaster(RecognitionContext ctx, MappingEntry master)
        {
            if (master.Value is not MappingNode options)
            {
                return;
            }

            Scope? scope = null;
            foreach (SurfaceName n in Directives)
            {
                if (options.Entry(n.Name) is MappingEntry e)
                {
                    scope ??= ctx.NewScope(RedisSentinel.Id, master.Key.Span);
                    ctx.AddKey(scope, n, e);
                }
            }
        }

        /// <summary>
        /// The block under a <c>sentinel:</c> key (the Bitnami charts) or a RedisSentinel resource's
        /// <c>redisSentinelConfig:</c> (OT-CONTAINER-KIT operator): failoverTimeout alone is too common a word, so
        /// downAfterMilliseconds must be there. A key of that name elsewhere in a values tree is not Sentinel's, and an empty
        /// value (<c>""</c>, null) is unset: what runs is the template's or the operator's default.
        /// </summary>
        internal static void Recognize(RecognitionContext ctx, MappingNode parent)
        {
            foreach (MappingEntry block in parent.Entries)
            {
                if ((block.KeyText == "sentinel" || block.KeyText == "redisSentinelConfig") && block.Value is MappingNode m)
                {
                    RecognizeBlock(ctx, m);
                    if (block.KeyText == "sentinel" && m.Entry("customConfig") is MappingEntry custom && custom.Value is SequenceNode lines)
                    {
                        RecognizeCustomConfig(ctx, custom, lines);
                    }
                }
            }
        }

        /// <summary>
        /// A RedisFailover's <c>spec.sentinel.customConfig</c> (spotahome/redis-operator @ 632aa3da): each "parameter value"
        /// line is sent as <c>SENTINEL SET mymaster parameter value</c> (service/redis/client.go SetCustomSentinelConfig,
        /// getConfigParameters), which takes a whole number only (sentinel.c getLongLongFromObject, ≤ 0 refused). A directive
        /// the list leaves out keeps the sentinel.conf the operator generates (service/generator.go: down-after 1000,
        /// failover-timeout 3000); with no list at all the operator sets 5000 / 10000 (api defaults.go), nothing written here.
        /// </summary>
        private static void RecognizeCustomConfig(RecognitionContext ctx, MappingEntry custom, SequenceNode lines)
        {
            Scope? scope = null;
            foreach (Node item in lines.Items)
            {
                if (item is not ScalarNode line)
                {
                    continue;
                }

                string text = line.Value.Trim();
                int space = text.IndexOf(' ');
                string parameter = space > 0 ? text.Substring(0, space) : text;
                foreach (SurfaceName n in Directives)
                {
                    if (space > 0 && parameter == n.Name)
                    {
                        if (scope == null)
                        {
                            scope = ctx.NewScope(RedisSentinel.Id, custom.Key.Span);
                            scope.Default(RedisSentinel.DownAfter, 1000m * Rules.Timing.Duration.NanosPerMillisecond);
                            scope.Default(RedisSentinel.FailoverTimeout, 3000m * Rules.Timing.Duration.NanosPerMillisecond);
                        }

                        string raw = text.Substring(space + 1).Trim();
                        var name = ctx.Locate(line, parameter);
                        scope.Add(n.Setting, raw, new SettingLocation(ctx.Locate(line, raw), name), parameter, Rules.Model.ValueFormat.Int32Milliseconds);
                    }
                }
            }

            if (scope != null)
            {
                ctx.Consumed.Add(lines);
            }
        }

        private static void RecognizeBlock(RecognitionContext ctx, MappingNode m)
        {
            if (m.Get("downAfterMilliseconds") is not ScalarNode)
            {
                return;
            }

            Scope? scope = null;
            foreach (SurfaceName n in Names)
            {
                if (n.Kind == SurfaceKind.Key && m.Entry(n.Name) is MappingEntry e && e.Value is ScalarNode v && !v.IsNull && v.Value.Length > 0)
                {
                    scope ??= ctx.NewScope(RedisSentinel.Id, e.Key.Span);
                    ctx.AddKey(scope, n, e);
                }
            }
        }
    }
}
