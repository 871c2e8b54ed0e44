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

        internal static void Recognize(RecognitionContext ctx, MappingNode m)
        {
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
                    scope ??= ctx.NewScope(Patroni.Id, e.Key.Span);
                    ctx.AddKey(scope, n, e);
                }
            }
        }
    }
}
