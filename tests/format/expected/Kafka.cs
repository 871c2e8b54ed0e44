using Confluent.Kafka;

namespace Sample
{
    public static class Kafka
    {
        public static void Configure()
        {
            var a = new ConsumerConfig { HeartbeatIntervalMs = 3000 };                       // EL1020
            var b = new ConsumerConfig { SessionTimeoutMs = 45000, HeartbeatIntervalMs = 1000 }; // EL1021
            var c = new ConsumerConfig { MaxPollIntervalMs = 300000 };                           // EL1022
            var d = new ConsumerConfig { GroupProtocol = GroupProtocol.Consumer, SessionTimeoutMs = 45000 }; // EL1023
            var e = new ConsumerConfig();
            e.Set("session.timeout.ms", "45s");                                                 // EL1000
        }
    }
}
