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

        /// <summary>
        /// The images' ensemble variables: INIT_LIMIT and SYNC_LIMIT, and the server list (ZOOKEEPER_SERVERS "a:2888:3888;b:…",
        /// ZOO_SERVERS "server.1=a:2888:3888;2181 server.2=…" or Bitnami's "a:2888:3888,b:…"), which makes a container an ensemble
        /// member when it names two or more voting servers. They count only beside the image's TICK_TIME (their trigger word).
        /// </summary>
        public static IEnumerable<SurfaceName> EnsembleNames { get; } = new[]
        {
            new SurfaceName(ZooKeeperEnsemble.Id, ZooKeeperEnsemble.Distributed, SurfaceKind.Env, "ZOO_SERVERS"),
            new SurfaceName(ZooKeeperEnsemble.Id, ZooKeeperEnsemble.Distributed, SurfaceKind.Env, "ZOOKEEPER_SERVERS"),
            new SurfaceName(ZooKeeperEnsemble.Id, ZooKeeperEnsemble.InitLimit, SurfaceKind.Env, "ZOO_INIT_LIMIT"),
            new SurfaceName(ZooKeeperEnsemble.Id, ZooKeeperEnsemble.InitLimit, SurfaceKind.Env, "ZOOKEEPER_INIT_LIMIT"),
            new SurfaceName(ZooKeeperEnsemble.Id, ZooKeeperEnsemble.InitLimit, SurfaceKind.Env, "ZK_INIT_LIMIT"),
            new SurfaceName(ZooKeeperEnsemble.Id, ZooKeeperEnsemble.SyncLimit, SurfaceKind.Env, "ZOO_SYNC_LIMIT"),
            new SurfaceName(ZooKeeperEnsemble.Id, ZooKeeperEnsemble.SyncLimit, SurfaceKind.Env, "ZOOKEEPER_SYNC_LIMIT"),
            new SurfaceName(ZooKeeperEnsemble.Id, ZooKeeperEnsemble.SyncLimit, SurfaceKind.Env, "ZK_SYNC_LIMIT"),
        };

        /// <summary>How many voting servers a server-list variable names (observers do not vote).</summary>
        public static int VotingServers(string list)
        {
            int count = 0;
            foreach (string item in list.Split(new[] { ';', ',', ' ', '\t', '\n' }, System.StringSplitOptions.RemoveEmptyEntries))
            {
                // "server.1=host:2888:3888;2181" splits into "server.1=host:2888:3888" and "2181"; a bare client port is not a server.
                if (item.IndexOf(':') > 0 && item.IndexOf(":observer", System.StringComparison.OrdinalIgnoreCase) < 0)
                {
                    count++;
                }
            }

            return count;
        }

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
