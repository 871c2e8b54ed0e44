using System.Collections.Generic;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using static ElectionLint.Rules.Systems.Define;

namespace ElectionLint.Rules.Systems
{
    /// <summary>Kafka consumer group membership (Java client, librdkafka / Confluent.Kafka).</summary>
    public static class KafkaConsumer
    {
        public const string Id = "kafka-consumer";
        public const string HeartbeatInterval = "heartbeat.interval.ms";
        public const string SessionTimeout = "session.timeout.ms";
        public const string MaxPollInterval = "max.poll.interval.ms";
        public const string GroupProtocol = "group.protocol";

        /// <summary>The Java client: enforces heartbeat &lt; session.</summary>
        public const string Java = "java";

        /// <summary>librdkafka and Confluent.Kafka: enforce max.poll ≥ session and reject session settings under group.protocol=consumer.</summary>
        public const string Librdkafka = "librdkafka";

        public static SystemDefinition Definition { get; } = new SystemDefinition(
            Id,
            "the Kafka consumer",
            Int32Ms(HeartbeatInterval, SettingRole.Heartbeat, 3000),
            Int32Ms(SessionTimeout, SettingRole.Timeout, 45000),
            Int32Ms(MaxPollInterval, SettingRole.Timeout, 300000),
            new SettingDefinition(GroupProtocol, SettingRole.Choice, ValueFormat.Text))
        {
            FalseFailover = "a rebalance",
            Heartbeat = Q(HeartbeatInterval),
            Detection = Q(SessionTimeout),
            // The group coordinator expires a member session.timeout.ms after its last heartbeat and rebalances; a process-wide
            // pause stops the heartbeat thread too, so the session is also the pause budget.
            PauseBudget = Q(SessionTimeout),
            // The other members learn of the rebalance from their next heartbeat's REBALANCE_IN_PROGRESS (AbstractCoordinator
            // HeartbeatThread): up to heartbeat.interval.ms after the session expires.
            Failover = new Quantity("failover window", T(1m, SessionTimeout), T(1m, HeartbeatInterval)),
            FailoverPrimary = SessionTimeout,
            MinRatio = 3m,
            RatioConsequence = "the broker removes the member and rebalances the group after fewer than {factor} missed heartbeats, so one slow round trip costs a rebalance",
            RecommendedRatio = 3m,
            PauseConsequence = "the broker removes the member and rebalances the group",
            Variants = new[] { Java, Librdkafka },
            Ranges = new[]
            {
                // librdkafka rdkafka_conf.c: session.timeout.ms and heartbeat.interval.ms 1..3600000, max.poll.interval.ms 1..86400000.
                ClientRange(SessionTimeout, 3_600_000m, Librdkafka),
                ClientRange(HeartbeatInterval, 3_600_000m, Librdkafka),
                ClientRange(MaxPollInterval, 86_400_000m, Librdkafka),
                // The Java ConsumerConfig: max.poll.interval.ms atLeast(1); session and heartbeat have no validator.
                ClientRange(MaxPollInterval, null, Java, null),
                new RangeLimit("EL1021", SessionTimeout, "the broker rejects the JoinGroup with INVALID_SESSION_TIMEOUT")
                {
                    Source = "the broker's group.min/max.session.timeout.ms",
                    MinFromProfile = p => p.EffectiveKafkaGroupMinSessionTimeout.Nanoseconds,
                    MaxFromProfile = p => p.EffectiveKafkaGroupMaxSessionTimeout.Nanoseconds,
                },
            },
            Relations = new[]
            {
                new RelationLimit("EL1020", Q(HeartbeatInterval), Comparison.Less, 1m, Q(SessionTimeout),
                    new VariantText("the Java consumer refuses it (\"Heartbeat must be set lower than the session timeout\"); librdkafka accepts it and the session expires between heartbeats")
                        .For(Java, "the Java consumer refuses it (\"Heartbeat must be set lower than the session timeout\")")
                        .For(Librdkafka, "librdkafka accepts it, but the session expires between heartbeats and the group rebalances forever"))
                {
                    AcceptedBy = new[] { Librdkafka }, // Confluent.Kafka starts with it: a warning there
                },
                new RelationLimit("EL1022", Q(MaxPollInterval), Comparison.AtLeast, 1m, Q(SessionTimeout), "librdkafka refuses it")
                {
                    OnlyVariants = new[] { Librdkafka },
                },
            },
            HardChecks = new SystemCheck[] { ConsumerProtocol },
            TimingInactive = UsesConsumerProtocol,
        }.Bound();

        private static RangeLimit ClientRange(string setting, decimal? maxMs, params string?[] variants) =>
            new RangeLimit("EL1024", setting, new VariantText("the consumer refuses it")
                .For(Librdkafka, "librdkafka refuses it (\"value is outside allowed range\"); Confluent.Kafka throws")
                .For(Java, "the Java consumer refuses it (ConfigException)"))
            {
                Min = 1_000_000m,
                Max = maxMs * 1_000_000m,
                OnlyVariants = variants,
            };

        /// <summary>True when group.protocol=consumer: the session is broker-side and the client's timing settings do not apply.</summary>
        public static bool UsesConsumerProtocol(EvaluationContext ctx) =>
            string.Equals(ctx.Text(GroupProtocol), "consumer", System.StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// EL1023: under group.protocol=consumer librdkafka (rd_kafka_conf_finalize) and the Java consumer from Kafka 4.0
        /// (ConsumerConfig.checkUnsupportedConfigsPostProcess) refuse session.timeout.ms and heartbeat.interval.ms.
        /// </summary>
        private static void ConsumerProtocol(EvaluationContext ctx)
        {
            if (!UsesConsumerProtocol(ctx))
            {
                return;
            }

            string consequence = ctx.Variant == Librdkafka ? "librdkafka refuses it"
                : ctx.Variant == Java ? "the Java consumer refuses it from Kafka 4.0 (\"cannot be set when group.protocol=CONSUMER\"); older clients ignore it"
                : "librdkafka and the Java consumer from Kafka 4.0 refuse it";
            foreach (string setting in new[] { SessionTimeout, HeartbeatInterval })
            {
                if (ctx.Instance[setting] != null)
                {
                    ctx.Report("EL1023", setting, new[] { GroupProtocol }, new Dictionary<string, string> { ["consequence"] = consequence });
                }
            }

            // N16: the session is the brokers' now. Their defaults (GroupCoordinatorConfig: group.consumer.session.timeout.ms
            // 45000, group.consumer.heartbeat.interval.ms 5000) bound the window as in KafkaGroupCoordinator.
            decimal window = (BrokerSessionMs + BrokerHeartbeatMs) * Timing.Duration.NanosPerMillisecond;
            if (ctx.Profile.MaxFailover is Timing.Duration max && window > max.Nanoseconds)
            {
                ctx.Report("EL2030", GroupProtocol, new string[0], new Dictionary<string, string>
                {
                    ["window"] = ctx.ShowComputed(window),
                    ["formula"] = $"the brokers' {KafkaGroupCoordinator.SessionTimeout} {BrokerSessionMs} ms + {KafkaGroupCoordinator.HeartbeatInterval} {BrokerHeartbeatMs} ms, their defaults, under group.protocol=consumer; set them on the brokers",
                    ["max"] = max.ToString(),
                });
            }
        }

        private const decimal BrokerSessionMs = 45000m;

        private const decimal BrokerHeartbeatMs = 5000m;
    }
}
