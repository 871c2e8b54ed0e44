using System.Collections.Generic;
using ElectionLint.Rules.Systems;

namespace ElectionLint.Config.Recognition.Surfaces
{
    /// <summary>DotNext cluster members bound from configuration (HttpClusterMemberConfiguration; keys ignore case).</summary>
    public static class DotNextSurface
    {
        public const string System = DotNextRaft.Id;

        public static IEnumerable<SurfaceName> Names { get; } = new[]
        {
            new SurfaceName(System, DotNextRaft.LowerElectionTimeout, SurfaceKind.Key, "lowerElectionTimeout"),
            new SurfaceName(System, DotNextRaft.UpperElectionTimeout, SurfaceKind.Key, "upperElectionTimeout"),
            new SurfaceName(System, DotNextRaft.HeartbeatThreshold, SurfaceKind.Key, "heartbeatThreshold"),
        };
    }
}
