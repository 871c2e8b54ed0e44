using DotNext.Net.Cluster.Consensus.Raft;

namespace Sample
{
    public static class Raft
    {
        public static void Configure()
        {
            var a = new RaftCluster.TcpConfiguration(new System.Net.IPEndPoint(0, 3262)) { UpperElectionTimeout = 300 }; // EL1040
            var b = new ElectionTimeout { LowerValue = 150, UpperValue = 300 };                                         // EL2040
        }
    }
}
