using System.Collections.Generic;
using ElectionLint.Config.Documents;
using ElectionLint.Rules.Systems;

namespace ElectionLint.Config.Recognition.Surfaces
{
    /// <summary>
    /// Patroni's dynamic configuration: <c>bootstrap.dcs</c> of patroni.yml, a <c>patronictl edit-config</c> file, the
    /// postgres-operator's <c>spec.patroni</c>. Patroni reads no variable for these. <c>ttl</c> alone is too common a word:
    /// a mapping counts when it has <c>loop_wait</c>, or <c>ttl</c> and <c>retry_timeout</c> together.
    /// </summary>
    public static class PatroniSurface
    {
        public static IEnumerable<SurfaceName> Names { get; } = new[]
        {
            new SurfaceName(Patroni.Id, Patroni.Ttl, SurfaceKind.Key, "ttl"),
            new SurfaceName(Patroni.Id, Patroni.LoopWait, SurfaceKind.Key, "loop_wait"),
            new SurfaceName(Patroni.Id, Patroni.RetryTimeout, SurfaceKind.Key, "retry_timeout"),
        };

        /// <summary>
        /// Crunchy PGO and Percona's <c>spec.patroni</c>: the operator writes ttl from leaderLeaseDurationSeconds and loop_wait from
        /// syncPeriodSeconds over <c>dynamicConfiguration</c>, whose retry_timeout it keeps (internal/patroni/config.go
        /// DynamicConfiguration; CRD defaults 30 and 10).
        /// </summary>
        public static IEnumerable<SurfaceName> OperatorNames { get; } = new[]
        {
            new SurfaceName(Patroni.Id, Patroni.Ttl, SurfaceKind.Key, "leaderLeaseDurationSeconds"),
            new SurfaceName(Patroni.Id, Patroni.LoopWait, SurfaceKind.Key, "syncPeriodSeconds"),
        };

        /// <summary>
        /// N14: patroni.yml's local <c>watchdog</c> section (patroni/patroni @ a4a6dc02 watchdog/base.py WatchdogConfig; local
        /// only: config.py _build_effective_configuration takes <c>watchdog</c> from the local file). Read beside the file's
        /// bootstrap.dcs, whose ttl and loop_wait set the watchdog's timeout; no tune snippet writes it.
        /// </summary>
        public static IEnumerable<SurfaceName> WatchdogNames { get; } = new[]
        {
            new SurfaceName(Patroni.Id, Patroni.WatchdogMode, SurfaceKind.Key, "mode"),
            new SurfaceName(Patroni.Id, Patroni.SafetyMargin, SurfaceKind.Key, "safety_margin"),
        };

        /// <summary>A <c>patroni:</c> block in the operators' shape; its dynamicConfiguration is read here, not as a file of its own.</summary>
        internal static void RecognizeOperator(RecognitionContext ctx, MappingEntry block)
        {
            if (block.Value is not MappingNode m || (m.Get("leaderLeaseDurationSeconds") == null && m.Get("syncPeriodSeconds") == null))
            {
                return;
            }

            Scope scope = ctx.NewScope(Patroni.Id, block.Key.Span);
            foreach (SurfaceName n in OperatorNames)
            {
                if (m.Entry(n.Name) is MappingEntry e && e.Value is ScalarNode)
                {
                    ctx.AddKey(scope, n, e);
                }
            }

            if (m.Get("dynamicConfiguration") is MappingNode dynamic)
            {
                ctx.Consumed.Add(dynamic); // its ttl and loop_wait are overwritten by the operator
                if (dynamic.Entry("retry_timeout") is MappingEntry retry && retry.Value is ScalarNode)
                {
                    ctx.AddKey(scope, new SurfaceName(Patroni.Id, Patroni.RetryTimeout, SurfaceKind.Key, "retry_timeout"), retry);
                }
            }
        }

        internal static void Recognize(RecognitionContext ctx, MappingNode m)
        {
            // patroni.yml's own top level is visited before its children: remember which mapping is bootstrap.dcs.
            if (m.Get("bootstrap") is MappingNode bootstrap && bootstrap.Get("dcs") is MappingNode dcs)
            {
                ctx.PatroniBootstrap.Add(dcs);
                if (DcsSection(m) is MappingEntry dcsType)
                {
                    ctx.PatroniDcs[dcs] = dcsType;
                }

                if (m.Entry("watchdog") is MappingEntry watchdog && watchdog.Value is MappingNode)
                {
                    if (HoldsTiming(dcs))
                    {
                        ctx.PatroniWatchdog[dcs] = watchdog; // read with the dcs scope when the walk reaches it
                    }
                    else
                    {
                        // bootstrap.dcs without ttl or loop_wait gives a new cluster Patroni's defaults, which the watchdog uses.
                        Scope own = ctx.NewScope(Patroni.Id, watchdog.Key.Span, Patroni.BootstrapDcs);
                        AddWatchdog(ctx, own, watchdog);
                    }
                }
            }

            if (!HoldsTiming(m))
            {
                return;
            }

            // The top level of patroni.yml (restapi:, scope:) is the local configuration: Patroni ignores ttl, loop_wait and
            // retry_timeout there, because the dynamic configuration already holds them (config.py _build_effective_configuration).
            if (m.Get("restapi") != null || m.Get("scope") != null)
            {
                return;
            }

            Scope? scope = null;
            foreach (SurfaceName n in Names)
            {
                if (m.Entry(n.Name) is MappingEntry e && e.Value is ScalarNode)
                {
                    scope ??= ctx.NewScope(Patroni.Id, e.Key.Span, ctx.PatroniBootstrap.Contains(m) ? Patroni.BootstrapDcs : null);
                    ctx.AddKey(scope, n, e);
                }
            }

            if (scope == null)
            {
                return;
            }

            // global_config.py @ a4a6dc02:183-184: master_start_timeout is read only when primary_start_timeout is absent.
            if ((m.Entry("primary_start_timeout") ?? m.Entry("master_start_timeout")) is MappingEntry start && start.Value is ScalarNode startValue)
            {
                scope.Add(Patroni.PrimaryStartTimeout, startValue, ctx.Text, start.KeyText, start.Key.Span);
            }

            if (ctx.PatroniWatchdog.TryGetValue(m, out MappingEntry? watchdogEntry))
            {
                AddWatchdog(ctx, scope, watchdogEntry);
            }

            if (ctx.PatroniDcs.TryGetValue(m, out MappingEntry? dcsEntry))
            {
                scope.Add(Patroni.Dcs, dcsEntry.KeyText, new SettingLocation(dcsEntry.Key.Span, dcsEntry.Key.Span), Patroni.Dcs);
            }
        }

        /// <summary>
        /// The DCS Patroni uses: dcs/__init__.py @ a4a6dc02 get_dcs takes the first module, in pkgutil's sorted order, whose
        /// name is a section of the configuration.
        /// </summary>
        private static MappingEntry? DcsSection(MappingNode m)
        {
            foreach (string name in new[] { "consul", "etcd", "etcd3", "exhibitor", "kubernetes", "raft", "zookeeper" })
            {
                if (m.Entry(name) is MappingEntry e && e.Value is MappingNode)
                {
                    return e;
                }
            }

            return null;
        }

        private static bool HoldsTiming(MappingNode m) => m.Get("loop_wait") is ScalarNode || (m.Get("ttl") is ScalarNode && m.Get("retry_timeout") is ScalarNode);

        /// <summary>watchdog.mode and watchdog.safety_margin, named so in messages.</summary>
        private static void AddWatchdog(RecognitionContext ctx, Scope scope, MappingEntry watchdog)
        {
            var block = (MappingNode)watchdog.Value;
            foreach (SurfaceName n in WatchdogNames)
            {
                if (block.Entry(n.Name) is MappingEntry e && e.Value is ScalarNode value)
                {
                    scope.Add(n.Setting, value, ctx.Text, n.Setting, e.Key.Span, n.Format);
                }
            }
        }
    }
}
