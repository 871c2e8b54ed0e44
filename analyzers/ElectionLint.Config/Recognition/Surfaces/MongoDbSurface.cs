using System.Collections.Generic;
using ElectionLint.Config.Documents;
using ElectionLint.Rules.Systems;

namespace ElectionLint.Config.Recognition.Surfaces
{
    /// <summary>
    /// MongoDB replica-set settings as a document holds them: the <c>settings</c> of an rs.initiate / rs.reconfig document in
    /// YAML or JSON, or the Bitnami chart's <c>replicaSetConfigurationSettings.configuration</c>. The names are MongoDB's own.
    /// </summary>
    public static class MongoDbSurface
    {
        public static IEnumerable<SurfaceName> Names { get; } = new[]
        {
            new SurfaceName(MongoDbReplicaSet.Id, MongoDbReplicaSet.HeartbeatInterval, SurfaceKind.Key, MongoDbReplicaSet.HeartbeatInterval),
            new SurfaceName(MongoDbReplicaSet.Id, MongoDbReplicaSet.HeartbeatTimeout, SurfaceKind.Key, MongoDbReplicaSet.HeartbeatTimeout),
            new SurfaceName(MongoDbReplicaSet.Id, MongoDbReplicaSet.ElectionTimeout, SurfaceKind.Key, MongoDbReplicaSet.ElectionTimeout),
        };

        /// <summary>The catch-up settings (N10): read for their limits and the window, but no tune snippet writes them.</summary>
        public static IEnumerable<SurfaceName> CatchUpNames { get; } = new[]
        {
            new SurfaceName(MongoDbReplicaSet.Id, MongoDbReplicaSet.CatchUpTimeout, SurfaceKind.Key, MongoDbReplicaSet.CatchUpTimeout),
            new SurfaceName(MongoDbReplicaSet.Id, MongoDbReplicaSet.CatchUpTakeoverDelay, SurfaceKind.Key, MongoDbReplicaSet.CatchUpTakeoverDelay),
        };

        // Read for every mapping of every document: an array, walked without an enumerator.
        private static readonly SurfaceName[] Read = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Concat(Names, CatchUpNames));

        internal static void Recognize(RecognitionContext ctx, MappingNode m)
        {
            Scope? scope = null;
            foreach (SurfaceName n in Read)
            {
                if (m.Entry(n.Name) is MappingEntry e && e.Value is ScalarNode)
                {
                    scope ??= ctx.NewScope(MongoDbReplicaSet.Id, e.Key.Span);
                    ctx.AddKey(scope, n, e);
                }
            }
        }
    }
}
