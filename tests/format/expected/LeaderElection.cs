using System;
using k8s.LeaderElection;

namespace Sample
{
    public static class LeaderElection
    {
        private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);

        public static void Configure(ILock @lock)
        {
            // EL1010: the lease expires no later than the renew deadline.
            var a = new LeaderElectionConfig(@lock) { LeaseDuration = Lease, RenewDeadline = TimeSpan.FromSeconds(10) };

            // EL1011: renewDeadline within client-go's jitter of the retry period.
            var b = new LeaderElectionConfig(@lock);
            b.RenewDeadline = TimeSpan.FromSeconds(10);

            // EL1012: zero.
            var c = new LeaderElectionConfig(@lock) { RetryPeriod = TimeSpan.FromSeconds(2) };

            // EL2001 (info): the leader gives up after 2 renewal attempts (renewDeadline ÷ retryPeriod).
            var d = new LeaderElectionConfig(@lock) { LeaseDuration = TimeSpan.FromSeconds(8), RenewDeadline = TimeSpan.FromSeconds(4) };

            // No EL2002 for client-go: a long lease costs failover time, which EL2030 judges against a maxFailover.
            var e = new LeaderElectionConfig(@lock) { LeaseDuration = TimeSpan.FromMinutes(1) };

            // EL2050: not whole seconds.
            var f = new LeaderElectionConfig(@lock) { LeaseDuration = TimeSpan.FromMilliseconds(15000) };
        }
    }
}
