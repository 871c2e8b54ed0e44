using System;
using k8s.LeaderElection;

namespace Sample.Wan
{
    /// <summary>Under the WAN profile of .electionlint.yaml (Wan/**): 150 ms p99 RTT, 400 ms p99 GC pause, 20 s budget.</summary>
    public static class CrossRegion
    {
        public static void Configure(ILock @lock)
        {
            // EL2010: a 1.2 s lease is below 10 × rttP99.
            var a = new LeaderElectionConfig(@lock) { LeaseDuration = TimeSpan.FromMilliseconds(2000), RenewDeadline = TimeSpan.FromSeconds(1), RetryPeriod = TimeSpan.FromMilliseconds(200) };

            // EL2011: a 50 ms retry period outruns the 150 ms round trip.
            var b = new LeaderElectionConfig(@lock) { LeaseDuration = TimeSpan.FromSeconds(2), RenewDeadline = TimeSpan.FromSeconds(1), RetryPeriod = TimeSpan.FromMilliseconds(100) };

            // EL2020: a 600 ms renew deadline is below 2 × the 400 ms pause.
            var c = new LeaderElectionConfig(@lock) { LeaseDuration = TimeSpan.FromSeconds(5), RenewDeadline = TimeSpan.FromMilliseconds(1000), RetryPeriod = TimeSpan.FromMilliseconds(400) };

            // EL2030: 30 s lease + 4.4 × 2 s retry = 38.8 s without a leader.
            var d = new LeaderElectionConfig(@lock) { LeaseDuration = TimeSpan.FromSeconds(11) };
        }
    }
}
