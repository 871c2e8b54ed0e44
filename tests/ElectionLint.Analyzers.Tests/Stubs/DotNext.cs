// Shapes of dotNext src/cluster (RaftCluster.Configuration.cs, ElectionTimeout.cs, ClusterMemberConfiguration.cs).
using System;

namespace DotNext.Net.Cluster.Consensus.Raft
{
    public readonly struct ElectionTimeout
    {
        public required int LowerValue { get; init; }
        public required int UpperValue { get; init; }
    }

    public partial class RaftCluster
    {
        public abstract class NodeConfiguration
        {
            public int LowerElectionTimeout { get; init; } = 150;
            public int UpperElectionTimeout { get; init; } = 300;
            public double HeartbeatThreshold { get; init; } = 0.5;
            public TimeSpan RequestTimeout { get; init; }
        }

        public sealed class TcpConfiguration : NodeConfiguration
        {
            public TcpConfiguration(System.Net.EndPoint hostAddress) { }
        }
    }

    public class ClusterMemberConfiguration
    {
        public int LowerElectionTimeout { get; set; } = 150;
        public int UpperElectionTimeout { get; set; } = 300;
        public double HeartbeatThreshold { get; set; } = 0.5;
    }
}

namespace DotNext.Net.Cluster.Consensus.Raft.Http
{
    public class HttpClusterMemberConfiguration : ClusterMemberConfiguration { }
}
