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
            // Flags and variables go through Go's flag.Uint: strconv.ParseUint(s, 0, 64).
            new SurfaceName(Etcd.Id, Etcd.HeartbeatInterval, SurfaceKind.Flag, "heartbeat-interval", ValueFormat.GoUintMilliseconds),
            new SurfaceName(Etcd.Id, Etcd.ElectionTimeout, SurfaceKind.Flag, "election-timeout", ValueFormat.GoUintMilliseconds),
            new SurfaceName(Etcd.Id, Etcd.HeartbeatInterval, SurfaceKind.Env, "ETCD_HEARTBEAT_INTERVAL", ValueFormat.GoUintMilliseconds),
            new SurfaceName(Etcd.Id, Etcd.ElectionTimeout, SurfaceKind.Env, "ETCD_ELECTION_TIMEOUT", ValueFormat.GoUintMilliseconds),
        };
    }
}
