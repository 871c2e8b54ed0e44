using ElectionLint.Rules.Model;
using static ElectionLint.Rules.Systems.Define;

namespace ElectionLint.Rules.Systems
{
    /// <summary>KRaft broker registration lease (server/config/KRaftConfigs.java). No validators.</summary>
    public static class KafkaBrokerSession
    {
        public const string Id = "kafka-broker-session";
        public const string HeartbeatInterval = "broker.heartbeat.interval.ms";
        public const string SessionTimeout = "broker.session.timeout.ms";

        public static SystemDefinition Definition { get; } = new SystemDefinition(
            Id,
            "the KRaft broker lease",
            Int32Ms(HeartbeatInterval, SettingRole.Heartbeat, 2000),
            Int32Ms(SessionTimeout, SettingRole.Timeout, 9000))
        {
            FalseFailover = "the broker being fenced",
            Heartbeat = Q(HeartbeatInterval),
            Detection = Q(SessionTimeout),
            // BrokerHeartbeatManager.hasValidSession: lastContactNs + sessionTimeoutNs >= now, so a broker is fenced one session
            // after its last heartbeat, whether it crashed or stalled.
            PauseBudget = Q(SessionTimeout),
            // apache/kafka@d79bd502 QuorumController.maybeFenceStaleBrokerPeriodNs: the fencing task runs every session / 8, so
            // a dead broker is fenced up to 1.125 sessions after its last heartbeat.
            Failover = new Quantity("failover window", T(1.125m, SessionTimeout)),
            FailoverPrimary = SessionTimeout,
            MinRatio = 3m,
            RatioConsequence = "the controller fences the broker after fewer than {factor} missed heartbeats, so one slow round trip fences a live broker",
            RecommendedRatio = 3m,
            PauseConsequence = "the controller fences the broker",
            // BrokerHeartbeatManager.hasValidSession: lastContactNs + sessionTimeoutNs >= now never holds for a session of 0 or less.
            Ranges = new[]
            {
                KafkaKraftController.Positive(SessionTimeout, "the broker can never hold a session and is fenced at once"),
                KafkaKraftController.Positive(HeartbeatInterval, "the broker heartbeats without pause and floods the controller"),
            },
        }.Bound();
    }
}
