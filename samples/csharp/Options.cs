using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Sample
{
    public static class Options
    {
        // appsettings.json sets Kafka:HeartbeatIntervalMs; the finding (EL1020) is on that value in the JSON file.
        public static void AddKafka(IServiceCollection services, IConfiguration configuration)
        {
            services.Configure<ConsumerConfig>(configuration.GetSection("Kafka"));
            services.Configure<ConsumerConfig>(o => o.GroupId = "orders");
        }

        // Two calls for one options type are one configuration: the heartbeat is judged against the session timeout set in the other.
        public static void AddAudit(IServiceCollection services)
        {
            services.Configure<ConsumerConfig>("audit", o => o.SessionTimeoutMs = 150000);
            services.Configure<ConsumerConfig>("audit", o => o.HeartbeatIntervalMs = 50000);
        }
    }
}
