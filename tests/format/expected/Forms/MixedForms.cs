using System;
using Confluent.Kafka;
using k8s.LeaderElection;
using static System.TimeSpan;

namespace Sample.Forms
{
    /// <summary>CRLF line ends and a UTF-8 BOM, and values in the forms people write: a fix keeps each of them.</summary>
    public static class MixedForms
    {
        private static readonly TimeSpan Shared = FromSeconds(10);

        public static TimeSpan Twice => Shared;

        public static void Configure(ILock @lock)
        {
            // EL1010: a TimeSpan constructor stays a constructor.
            var a = new LeaderElectionConfig(@lock) { LeaseDuration = new TimeSpan(0, 0, 15) };

            // EL1010: using static, and a comment inside the value.
            var b = new LeaderElectionConfig(@lock) { LeaseDuration = FromSeconds(15 /* seconds */) };

            // EL1021 with digit separators, EL1022 as a product, EL1021 through a cast.
            var c = new ConsumerConfig { SessionTimeoutMs = 45_000 };
            var d = new ConsumerConfig { MaxPollIntervalMs = 300 * 1000 };
            var e = new ConsumerConfig();
            e.SessionTimeoutMs = (int?)45000;

            // EL1010 on a value used elsewhere: the renew deadline is added after the trailing comment.
            var f = new LeaderElectionConfig(@lock)
            {
                LeaseDuration = Shared, // shared with the other services
                RenewDeadline = TimeSpan.FromSeconds(8)
            };
        }
    }
}
