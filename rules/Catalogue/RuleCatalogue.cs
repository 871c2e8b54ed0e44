using System.Collections.Generic;
using System.Linq;

namespace ElectionLint.Rules.Catalogue
{
    /// <summary>The single source of every ElectionLint rule.</summary>
    public static class RuleCatalogue
    {
        private const string All = "*";
        private const string E = RuleCategory.HardLimit;
        private const string T = RuleCategory.Tuning;
        private const string L = RuleCategory.Linter;

        // Profile-driven and ratio rules apply to every system that has the quantity they check.
        private static readonly string[] RatioSystems = { "etcd", "k8s-leader-election", "kafka-consumer", "kafka-broker-session", "dotnext-raft", "akka-lease", "custom" };

        private static readonly Rule[] Items =
        {
            new Rule("EL1000", "Value cannot be parsed by the system",
                "{setting} value '{raw}' cannot be parsed by {system}: {reason}",
                E, RuleSeverity.Error, new[] { All }, false,
                "The system reads this setting with its own parser (etcd wants integer milliseconds, Kubernetes a Go duration with a unit) and refuses this text at start-up."),
            new Rule("EL1001", "etcd election timeout below 5× the heartbeat interval",
                "{setting} {value} is {ratio}× {related} {relatedValue}; etcd refuses to start below 5× — {fix}",
                E, RuleSeverity.Error, new[] { "etcd" }, true,
                "etcd's Config.Validate rejects election-timeout < 5 × heartbeat-interval (exactly 5× is accepted)."),
            new Rule("EL1002", "etcd election timeout above 50000 ms",
                "{setting} {value} is above etcd's maximum of 50000 ms; etcd refuses to start — {fix}",
                E, RuleSeverity.Error, new[] { "etcd" }, true,
                "etcd's Config.Validate rejects election-timeout > 50000 ms (exactly 50000 ms is accepted)."),
            new Rule("EL1003", "etcd heartbeat interval or election timeout is 0",
                "{setting} is 0; etcd refuses to start (it must be > 0) — {fix}",
                E, RuleSeverity.Error, new[] { "etcd" }, true,
                "etcd's Config.Validate rejects a zero heartbeat-interval or election-timeout."),
            new Rule("EL1010", "Lease duration not greater than the renew deadline",
                "{setting} {value} is not greater than {related} {relatedValue}; {consequence} — {fix}",
                E, RuleSeverity.Error, new[] { "k8s-leader-election" }, true,
                "client-go's NewLeaderElector and the component-config validator reject leaseDuration <= renewDeadline; kubernetes-client/csharp accepts it and lets two leaders overlap."),
            new Rule("EL1011", "Renew deadline not greater than 1.2× the retry period",
                "{setting} {value} is not greater than 1.2 × {related} {relatedValue} = {limit}; {consequence} — {fix}",
                E, RuleSeverity.Error, new[] { "k8s-leader-election" }, true,
                "client-go's NewLeaderElector rejects renewDeadline <= JitterFactor (1.2) × retryPeriod."),
            new Rule("EL1012", "Leader-election duration not greater than zero",
                "{setting} {value} must be greater than zero; {consequence} — {fix}",
                E, RuleSeverity.Error, new[] { "k8s-leader-election" }, true,
                "client-go and the component-config validator reject a leaseDuration, renewDeadline or retryPeriod that is zero or negative."),
            new Rule("EL1020", "Kafka heartbeat interval not below the session timeout",
                "{setting} {value} is not below {related} {relatedValue}; {consequence} — {fix}",
                E, RuleSeverity.Error, new[] { "kafka-consumer" }, true,
                "The Java consumer throws \"Heartbeat must be set lower than the session timeout\"; librdkafka accepts it and the session expires between heartbeats."),
            new Rule("EL1021", "Kafka session timeout outside the broker's allowed range",
                "{setting} {value} is outside the broker's allowed range [{lower}, {upper}] (group.min/max.session.timeout.ms); the broker rejects the JoinGroup with INVALID_SESSION_TIMEOUT — {fix}",
                E, RuleSeverity.Error, new[] { "kafka-consumer" }, true,
                "The group coordinator rejects a session.timeout.ms outside [group.min.session.timeout.ms, group.max.session.timeout.ms] (6000–1800000 ms by default)."),
            new Rule("EL1022", "max.poll.interval.ms below session.timeout.ms (librdkafka)",
                "{setting} {value} is below {related} {relatedValue}; librdkafka refuses it (max.poll.interval.ms must be >= session.timeout.ms) — {fix}",
                E, RuleSeverity.Error, new[] { "kafka-consumer" }, true,
                "librdkafka's rd_kafka_conf_finalize rejects max.poll.interval.ms < session.timeout.ms for the classic protocol; Confluent.Kafka throws InvalidOperationException."),
            new Rule("EL1023", "Session settings with group.protocol=consumer (librdkafka)",
                "{setting} is set while group.protocol=consumer; librdkafka refuses it (the session is defined broker side) — remove {setting}",
                E, RuleSeverity.Error, new[] { "kafka-consumer" }, false,
                "librdkafka rejects session.timeout.ms and heartbeat.interval.ms under the KIP-848 consumer protocol."),
            new Rule("EL1030", "ZooKeeper session timeout clamped or bounds inverted",
                "{detail} — {fix}",
                E, RuleSeverity.Warning, new[] { "zookeeper" }, true,
                "ZooKeeper silently clamps a client session timeout into [minSessionTimeout, maxSessionTimeout] (2× and 20× tickTime by default) and refuses to start when minSessionTimeout > maxSessionTimeout (error)."),
            new Rule("EL1040", "DotNext election timeout range invalid",
                "{detail}; {consequence} — {fix}",
                E, RuleSeverity.Error, new[] { "dotnext-raft" }, true,
                "DotNext throws ArgumentOutOfRangeException for a non-positive election timeout, a HeartbeatThreshold outside (0, 1), or an upper timeout below the lower one (Random.Next at cluster construction)."),
            new Rule("EL1050", "Consul session TTL outside [10s, 24h]",
                "{setting} {value} is outside Consul's allowed range [10s, 24h]; the server rejects the session (\"Invalid Session TTL\") — {fix}",
                E, RuleSeverity.Error, new[] { "consul-session" }, true,
                "Consul's Session.Apply rejects a TTL that is not 0 and outside [session_ttl_min (10s), 24h]."),
            new Rule("EL1060", "Azure blob lease duration outside 15–60 s",
                "{setting} {value} is outside the 15–60 s range of a blob lease (or -1 for infinite); the service rejects the request — {fix}",
                E, RuleSeverity.Error, new[] { "azure-blob-lease" }, true,
                "Azure Storage accepts a lease duration of 15 to 60 seconds, or infinite; the SDK rounds to whole seconds and sends any negative value as infinite."),
            new Rule("EL1070", "Akka lease heartbeat interval not below half the timeout",
                "{setting} {value} is not below half of {related} {relatedValue}; {consequence} — {fix}",
                E, RuleSeverity.Error, new[] { "akka-lease" }, true,
                "Akka.Coordination's TimeoutSettings.Create throws \"heartbeat-interval must be less than half heartbeat-timeout\"."),
            new Rule("EL1080", "Orleans death-vote count invalid",
                "{detail}; Orleans refuses to start the silo (OrleansConfigurationException) — {fix}",
                E, RuleSeverity.Error, new[] { "orleans-membership" }, true,
                "Orleans' SiloClusteringValidator rejects NumVotesForDeathDeclaration > NumProbedSilos or <= 0 while liveness is enabled."),
            new Rule("EL2001", "Failure-detection timeout too short for the heartbeat",
                "{setting} {value} is only {ratio}× {related} {relatedValue}; {system} should tolerate at least {factor} missed heartbeats, or one slow round trip triggers a false election — {fix}",
                T, RuleSeverity.Warning, RatioSystems, true,
                "A failure detector that fires after fewer than the system's minimum number of heartbeats (5× for Raft-style systems, 3× for Kafka) turns a network hiccup into an election."),
            new Rule("EL2002", "Failure-detection timeout much longer than the heartbeat allows",
                "{setting} {value} is {ratio}× {related} {relatedValue}, above {factor}×; a real failure is detected later than the heartbeat allows — {fix}",
                T, RuleSeverity.Info, RatioSystems, true,
                "A detection timeout far above the recommended multiple of the heartbeat makes failover slower than needed, unless the profile (WAN, GC pauses) asks for it."),
            new Rule("EL2010", "Failure-detection timeout too short for the round trip",
                "{setting} {value} is below {limit} ({factor} × rttP99 {rtt}); a slow round trip looks like a failure and triggers a false election — {fix}",
                T, RuleSeverity.Warning, new[] { All }, true,
                "The detection timeout should exceed rttMultiplier (10) × the p99 round trip (etcd tuning guide; Raft's broadcastTime ≪ electionTimeout). `network: wan` without rttP99 assumes 200 ms."),
            new Rule("EL2011", "Heartbeat shorter than half the round trip",
                "{setting} {value} is below half of rttP99 {rtt}; heartbeats outrun the round trip and queue up — {fix}",
                T, RuleSeverity.Warning, new[] { All }, true,
                "etcd recommends a heartbeat interval of about 0.5–1.5× the round-trip time."),
            new Rule("EL2020", "Pause budget too small for GC pauses",
                "{setting} {value} is below {limit} ({factor} × gcPauseP99 {gc}); {consequence} — {fix}",
                T, RuleSeverity.Warning, new[] { All }, true,
                "A stop-the-world pause longer than the leader's pause budget (renewDeadline, election timeout, session timeout, …) loses leadership; the budget should exceed gcHeadroom (2) × the p99 pause."),
            new Rule("EL2030", "Worst-case failover window above the budget",
                "worst-case failover window {window} ({formula}) is above maxFailover {max} — {fix}",
                T, RuleSeverity.Warning, new[] { All }, true,
                "After a real failure the system is without a leader for up to the failover window; it should stay within the profile's maxFailover."),
            new Rule("EL2031", "No value satisfies the profile",
                "no configuration of {system} satisfies the profile: {collision} — {relax}",
                T, RuleSeverity.Warning, new[] { All }, false,
                "The stability bounds (WAN round trip, GC pauses) and the system's own limits ask for longer timeouts than the availability budget allows, whatever the settings; one finding names the constraints that collide instead of contradictory fixes."),
            new Rule("EL2040", "Randomised election range too narrow",
                "election timeout range {lower}–{upper} is too narrow ({reason}); candidates time out together and split votes become election storms — {fix}",
                T, RuleSeverity.Warning, new[] { "dotnext-raft", "custom" }, true,
                "Raft randomises election timeouts to avoid split votes; the upper bound should be at least 1.5× the lower (DotNext recommends 2×) and the spread at least 2 round trips."),
            new Rule("EL2050", "Lease duration not a whole number of seconds",
                "{setting} {value} is not a whole number of seconds; the lease record stores {stored} — {fix}",
                T, RuleSeverity.Warning, new[] { "k8s-leader-election" }, true,
                "The lease record stores LeaseDurationSeconds as an integer; client-go and kubernetes-client/csharp truncate the sub-second part."),
            new Rule("EL2051", "etcd election timeout not a multiple of the heartbeat",
                "{setting} {value} is not a multiple of {related} {relatedValue}; etcd counts whole ticks, so the effective election timeout is {effective} — {fix}",
                T, RuleSeverity.Info, new[] { "etcd" }, true,
                "etcd passes ElectionTicks = election-timeout / heartbeat-interval (integer division) to raft, rounding the timeout down to whole ticks."),
            new Rule("EL9001", "File cannot be parsed",
                "{reason}",
                L, RuleSeverity.Error, new[] { All }, false,
                "The file is not valid YAML, JSON or properties; nothing in it was checked."),
            new Rule("EL9002", "Invalid .electionlint.yaml",
                ".electionlint.yaml is invalid: {reason}",
                L, RuleSeverity.Error, new[] { All }, false,
                "The environment profile has an unknown key, a bad duration or an unknown rule id."),
            new Rule("EL9003", "Suppression names an unknown rule",
                "suppression comment names unknown rule '{id}'",
                L, RuleSeverity.Warning, new[] { All }, false,
                "An electionlint-disable comment names a rule id that does not exist, so it suppresses nothing."),
            new Rule("EL9004", "File skipped",
                "file skipped: {reason}",
                L, RuleSeverity.Info, new[] { All }, false,
                "The file was not linted (template syntax that does not parse, too large, binary); the reason says which."),
        };

        private static readonly Dictionary<string, Rule> ById = Items.ToDictionary(r => r.Id);

        /// <summary>Every rule, ordered by id.</summary>
        public static IReadOnlyList<Rule> Rules => Items;

        public static Rule Get(string id) => ById[id];

        public static bool TryGet(string id, out Rule rule) => ById.TryGetValue(id, out rule!);

        public static bool Exists(string id) => ById.ContainsKey(id);
    }
}
