using System.Collections.Generic;
using ElectionLint.Rules.Systems;

namespace ElectionLint.Config.Recognition.Surfaces
{
    /// <summary>Orleans ClusterMembershipOptions bound from configuration (keys ignore case; TimeSpan text).</summary>
    public static class OrleansSurface
    {
        public const string System = OrleansMembership.Id;

        /// <summary>Section names under which the options are bound.</summary>
        public static readonly string[] Sections = { "ClusterMembership", "ClusterMembershipOptions" };

        public static IEnumerable<SurfaceName> Names { get; } = new[]
        {
            new SurfaceName(System, OrleansMembership.ProbeTimeout, SurfaceKind.Key, "ProbeTimeout"),
            new SurfaceName(System, OrleansMembership.NumMissedProbesLimit, SurfaceKind.Key, "NumMissedProbesLimit"),
            new SurfaceName(System, OrleansMembership.NumVotesForDeathDeclaration, SurfaceKind.Key, "NumVotesForDeathDeclaration"),
            new SurfaceName(System, OrleansMembership.NumProbedSilos, SurfaceKind.Key, "NumProbedSilos"),
            new SurfaceName(System, OrleansMembership.LivenessEnabled, SurfaceKind.Key, "LivenessEnabled"),
            new SurfaceName(System, OrleansMembership.MinProbeTimeout, SurfaceKind.Key, "MinProbeTimeout"),
            new SurfaceName(System, OrleansMembership.MaxProbeTimeout, SurfaceKind.Key, "MaxProbeTimeout"),
        };
    }
}
