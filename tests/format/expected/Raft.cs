using System.Net;
using DotNext.Net.Cluster.Consensus.Raft;
using DotNext.Net.Cluster.Consensus.Raft.Membership;

namespace Sample
{
    public static class Raft
    {
        public static void Configure(IClusterConfigurationStorage<EndPoint> storage)
        {
            var a = new RaftCluster.TcpConfiguration(new IPEndPoint(0, 3262)) { ConfigurationStorage = storage, UpperElectionTimeout = 300 }; // EL1040
            var b = new ElectionTimeout { LowerValue = 150, UpperValue = 300 };                                         // EL2040
        }
    }
}
