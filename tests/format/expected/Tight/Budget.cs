using System;
using Orleans.Configuration;

namespace Sample.Tight
{
    /// <summary>Under the Tight/** profile: a WAN (150 ms p99 RTT) with a 1 s availability budget.</summary>
    public static class Budget
    {
        public static void Configure()
        {
            // EL2031: the round trip needs a missed-probe window of at least 1.5 s, the budget allows 1 s.
            var o = new ClusterMembershipOptions { ProbeTimeout = TimeSpan.FromMilliseconds(500), NumMissedProbesLimit = 2 };
        }
    }
}
