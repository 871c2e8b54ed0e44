using System.Collections.Generic;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Systems;

namespace ElectionLint.Config.Recognition.Surfaces
{
    /// <summary>etcd: config-file keys, flags (--heartbeat-interval) and ETCD_* variables (pkg/flags FlagToEnv).</summary>
    public static class EtcdSurface
    {
        public static IEnumerable<SurfaceName> Names { get; } = new[]
        {
            new SurfaceName(Etcd.Id, Etcd.HeartbeatInterval, SurfaceKind.Key, "heartbeat-interval"),
            new SurfaceName(Etcd.Id, Etcd.ElectionTimeout, SurfaceKind.Key, "election-timeout"),
            new SurfaceName(Etcd.Id, Etcd.HeartbeatInterval, SurfaceKind.Flag, "heartbeat-interval"),
            new SurfaceName(Etcd.Id, Etcd.ElectionTimeout, SurfaceKind.Flag, "election-timeout"),
            new SurfaceName(Etcd.Id, Etcd.HeartbeatInterval, SurfaceKind.Env, "ETCD_HEARTBEAT_INTERVAL"),
            new SurfaceName(Etcd.Id, Etcd.ElectionTimeout, SurfaceKind.Env, "ETCD_ELECTION_TIMEOUT"),
        };
    }
}
