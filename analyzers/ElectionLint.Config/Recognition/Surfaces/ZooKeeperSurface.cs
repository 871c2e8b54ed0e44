using System.Collections.Generic;
using ElectionLint.Rules.Systems;

namespace ElectionLint.Config.Recognition.Surfaces
{
    /// <summary>ZooKeeper: zoo.cfg keys, and the images' variables (ZOO_* official and Bitnami, ZOOKEEPER_* Confluent, ZK_* Helm incubator).</summary>
    public static class ZooKeeperSurface
    {
        /// <summary>Keys that make a mapping a ZooKeeper configuration when tickTime is present too.</summary>
        public static readonly string[] Companions = { "initLimit", "syncLimit", "dataDir", "clientPort", "minSessionTimeout", "maxSessionTimeout", "maxClientCnxns" };

        public static IEnumerable<SurfaceName> Names { get; } = Build();

        private static IEnumerable<SurfaceName> Build()
        {
            var names = new List<SurfaceName>
            {
                new SurfaceName(ZooKeeper.Id, ZooKeeper.TickTime, SurfaceKind.Key, "tickTime"),
                new SurfaceName(ZooKeeper.Id, ZooKeeper.MinSessionTimeout, SurfaceKind.Key, "minSessionTimeout"),
                new SurfaceName(ZooKeeper.Id, ZooKeeper.MaxSessionTimeout, SurfaceKind.Key, "maxSessionTimeout"),
            };
            foreach (string prefix in new[] { "ZOO_", "ZOOKEEPER_", "ZK_" })
            {
                names.Add(new SurfaceName(ZooKeeper.Id, ZooKeeper.TickTime, SurfaceKind.Env, prefix + "TICK_TIME"));
                names.Add(new SurfaceName(ZooKeeper.Id, ZooKeeper.MinSessionTimeout, SurfaceKind.Env, prefix + "MIN_SESSION_TIMEOUT"));
                names.Add(new SurfaceName(ZooKeeper.Id, ZooKeeper.MaxSessionTimeout, SurfaceKind.Env, prefix + "MAX_SESSION_TIMEOUT"));
            }

            return names;
        }
    }
}
