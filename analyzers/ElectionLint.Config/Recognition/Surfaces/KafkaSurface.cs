using System.Collections.Generic;
using ElectionLint.Rules.Systems;

namespace ElectionLint.Config.Recognition.Surfaces
{
    /// <summary>
    /// Kafka properties (server.properties, consumer properties, Strimzi spec.kafka.config) and the environment
    /// variables of Bitnami (KAFKA_CFG_*: '_' → '.', lower-case) and the Apache/Confluent images (KAFKA_*: '___' → '-', '__' → '_', '_' → '.').
    /// </summary>
    public static class KafkaSurface
    {
        private static readonly Dictionary<string, SurfaceName> ByProperty = new Dictionary<string, SurfaceName>();

        public static IEnumerable<SurfaceName> Names { get; } = new[]
        {
            Key(KafkaConsumer.Id, KafkaConsumer.SessionTimeout),
            Key(KafkaConsumer.Id, KafkaConsumer.HeartbeatInterval),
            Key(KafkaConsumer.Id, KafkaConsumer.MaxPollInterval),
            Key(KafkaConsumer.Id, KafkaConsumer.GroupProtocol),
            Key(KafkaKraftController.Id, KafkaKraftController.ElectionTimeout),
            Key(KafkaKraftController.Id, KafkaKraftController.FetchTimeout),
            Key(KafkaKraftController.Id, KafkaKraftController.ElectionBackoffMax),
            Key(KafkaBrokerSession.Id, KafkaBrokerSession.HeartbeatInterval),
            Key(KafkaBrokerSession.Id, KafkaBrokerSession.SessionTimeout),
            Key(KafkaGroupCoordinator.Id, KafkaGroupCoordinator.SessionTimeout),
            Key(KafkaGroupCoordinator.Id, KafkaGroupCoordinator.MinSessionTimeout),
            Key(KafkaGroupCoordinator.Id, KafkaGroupCoordinator.MaxSessionTimeout),
            Key(KafkaGroupCoordinator.Id, KafkaGroupCoordinator.HeartbeatInterval),
            Key(KafkaGroupCoordinator.Id, KafkaGroupCoordinator.MinHeartbeatInterval),
            Key(KafkaGroupCoordinator.Id, KafkaGroupCoordinator.MaxHeartbeatInterval),
        };

        /// <summary>
        /// Confluent.Kafka's ConsumerConfig properties bound from .NET configuration (appsettings.json; keys ignore case), which
        /// set the librdkafka properties of the same meaning (ConsumerConfig.SessionTimeoutMs → "session.timeout.ms").
        /// </summary>
        public static IEnumerable<SurfaceName> ConfluentNames { get; } = new[]
        {
            new SurfaceName(KafkaConsumer.Id, KafkaConsumer.SessionTimeout, SurfaceKind.Key, "SessionTimeoutMs"),
            new SurfaceName(KafkaConsumer.Id, KafkaConsumer.HeartbeatInterval, SurfaceKind.Key, "HeartbeatIntervalMs"),
            new SurfaceName(KafkaConsumer.Id, KafkaConsumer.MaxPollInterval, SurfaceKind.Key, "MaxPollIntervalMs"),
            new SurfaceName(KafkaConsumer.Id, KafkaConsumer.GroupProtocol, SurfaceKind.Key, "GroupProtocol"),
        };

        /// <summary>
        /// A configuration read from such a section (the only librdkafka one a config file gives). In a C# build the timing
        /// analyzer judges it with the code that binds it (a Configure that sets SessionTimeoutMs), so the config-file
        /// analyzer leaves it alone: alone, it would take the defaults for what the code sets.
        /// </summary>
        public static bool IsConfluentSection(Rules.Evaluation.ConfigurationInstance instance) =>
            instance.System.Id == KafkaConsumer.Id && instance.Variant == KafkaConsumer.Librdkafka;

        /// <summary>A ConsumerConfig section names its group or brokers: "SessionTimeoutMs" alone is no proof of Kafka.</summary>
        public static readonly string[] ConfluentMarkers = { "GroupId", "BootstrapServers" };

        /// <summary>The property a KAFKA_* variable sets, when it is one of the timing properties.</summary>
        public static SurfaceName? FromEnv(string name)
        {
            string? property = null;
            if (name.StartsWith("KAFKA_CFG_", System.StringComparison.Ordinal))
            {
                property = name.Substring("KAFKA_CFG_".Length).Replace('_', '.').ToLowerInvariant();
            }
            else if (name.StartsWith("KAFKA_", System.StringComparison.Ordinal))
            {
                property = name.Substring("KAFKA_".Length).ToLowerInvariant().Replace("___", "-").Replace("__", "\u0001").Replace('_', '.').Replace('\u0001', '_');
            }

            if (property == null)
            {
                return null;
            }

            lock (ByProperty)
            {
                if (ByProperty.Count == 0)
                {
                    foreach (SurfaceName n in Names)
                    {
                        ByProperty[n.Name] = n;
                    }
                }

                return ByProperty.TryGetValue(property, out SurfaceName? key) ? new SurfaceName(key.System, key.Setting, SurfaceKind.Env, name) : null;
            }
        }

        private static SurfaceName Key(string system, string setting) => new SurfaceName(system, setting, SurfaceKind.Key, setting);
    }
}
