// Shapes of confluent-kafka-dotnet src/Confluent.Kafka/Config.cs and Config_gen.cs.
using System.Collections;
using System.Collections.Generic;

namespace Confluent.Kafka
{
    public enum GroupProtocol { Classic, Consumer }

    public class Config : IEnumerable<KeyValuePair<string, string>>
    {
        protected IDictionary<string, string> properties = new Dictionary<string, string>();
        public void Set(string key, string val) { properties[key] = val; }
        public string Get(string key) => properties[key];
        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => properties.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => properties.GetEnumerator();
    }

    public class ClientConfig : Config
    {
        public string? BootstrapServers { get; set; }
    }

    public class ConsumerConfig : ClientConfig
    {
        public string? GroupId { get; set; }
        public int? SessionTimeoutMs { get; set; }
        public int? HeartbeatIntervalMs { get; set; }
        public int? MaxPollIntervalMs { get; set; }
        public GroupProtocol? GroupProtocol { get; set; }
    }
}
