using System;
using System.Threading.Tasks;
using Akka.Coordination;
using Azure.Storage.Blobs.Specialized;
using Consul;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Sample
{
    public static class Coordination
    {
        public static async Task Configure(IServiceCollection services, BlobLeaseClient lease)
        {
            var session = new SessionEntry { Name = "leader", TTL = TimeSpan.FromSeconds(10) };              // EL1050
            await lease.AcquireAsync(TimeSpan.FromSeconds(60));                                               // EL1060
            var akka = new TimeoutSettings(TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(5)); // EL1070
            services.Configure<ClusterMembershipOptions>(o =>
            {
                o.NumProbedSilos = 3;
                o.NumVotesForDeathDeclaration = 2;                                                            // EL1080
            });
        }
    }
}
