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
            }

            if (m.Get("loop_wait") is not ScalarNode && !(m.Get("ttl") is ScalarNode && m.Get("retry_timeout") is ScalarNode))
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
        }
    }
}
