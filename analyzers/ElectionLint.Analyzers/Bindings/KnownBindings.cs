using ElectionLint.Rules.Systems;

namespace ElectionLint.Analyzers.Bindings
{
    /// <summary>The libraries' options types, by metadata name (ElectionLint references none of them).</summary>
    public static class KnownBindings
    {
        public static TypeBinding[] Types { get; } =
        {
            // kubernetes-client/csharp: src/KubernetesClient/LeaderElection/LeaderElectionConfig.cs
            new TypeBinding("k8s.LeaderElection.LeaderElectionConfig", KubernetesLeaderElection.Id, KubernetesLeaderElection.CSharp,
                new MemberBinding("LeaseDuration", KubernetesLeaderElection.LeaseDuration, ValueKind.TimeSpan),
                new MemberBinding("RenewDeadline", KubernetesLeaderElection.RenewDeadline, ValueKind.TimeSpan),
                new MemberBinding("RetryPeriod", KubernetesLeaderElection.RetryPeriod, ValueKind.TimeSpan))
            {
                IncludeSubclasses = true,
            },

            // confluent-kafka-dotnet: Config_gen.cs (int? milliseconds; ClientConfig.Set(key, value))
            new TypeBinding("Confluent.Kafka.ConsumerConfig", KafkaConsumer.Id, KafkaConsumer.Librdkafka,
                new MemberBinding("SessionTimeoutMs", KafkaConsumer.SessionTimeout, ValueKind.Milliseconds),
                new MemberBinding("HeartbeatIntervalMs", KafkaConsumer.HeartbeatInterval, ValueKind.Milliseconds),
                new MemberBinding("MaxPollIntervalMs", KafkaConsumer.MaxPollInterval, ValueKind.Milliseconds),
                new MemberBinding("GroupProtocol", KafkaConsumer.GroupProtocol, ValueKind.EnumName))
            {
                SetKeys = new[]
                {
                    new MemberBinding("session.timeout.ms", KafkaConsumer.SessionTimeout, ValueKind.Text),
                    new MemberBinding("heartbeat.interval.ms", KafkaConsumer.HeartbeatInterval, ValueKind.Text),
                    new MemberBinding("max.poll.interval.ms", KafkaConsumer.MaxPollInterval, ValueKind.Text),
                    new MemberBinding("group.protocol", KafkaConsumer.GroupProtocol, ValueKind.Text),
                },
                IncludeSubclasses = true,
            },

            // dotNext: RaftCluster.NodeConfiguration (TcpConfiguration, CustomTransportConfiguration)
            new TypeBinding("DotNext.Net.Cluster.Consensus.Raft.RaftCluster+NodeConfiguration", DotNextRaft.Id, DotNextRaft.Node, DotNextMembers())
            {
                IncludeSubclasses = true,
            },
            new TypeBinding("DotNext.Net.Cluster.Consensus.Raft.ElectionTimeout", DotNextRaft.Id, DotNextRaft.Node,
                new MemberBinding("LowerValue", DotNextRaft.LowerElectionTimeout, ValueKind.Milliseconds),
                new MemberBinding("UpperValue", DotNextRaft.UpperElectionTimeout, ValueKind.Milliseconds)),
            new TypeBinding("DotNext.Net.Cluster.Consensus.Raft.ClusterMemberConfiguration", DotNextRaft.Id, DotNextRaft.AspNet, DotNextMembers())
            {
                IncludeSubclasses = true,
            },

            // Orleans: ClusterMembershipOptions
            new TypeBinding("Orleans.Configuration.ClusterMembershipOptions", OrleansMembership.Id, null,
                new MemberBinding("ProbeTimeout", OrleansMembership.ProbeTimeout, ValueKind.TimeSpan),
                new MemberBinding("NumMissedProbesLimit", OrleansMembership.NumMissedProbesLimit, ValueKind.Number),
                new MemberBinding("NumVotesForDeathDeclaration", OrleansMembership.NumVotesForDeathDeclaration, ValueKind.Number),
                new MemberBinding("NumProbedSilos", OrleansMembership.NumProbedSilos, ValueKind.Number),
                new MemberBinding("LivenessEnabled", OrleansMembership.LivenessEnabled, ValueKind.Boolean),
                new MemberBinding("MinProbeTimeout", OrleansMembership.MinProbeTimeout, ValueKind.TimeSpan),
                new MemberBinding("MaxProbeTimeout", OrleansMembership.MaxProbeTimeout, ValueKind.TimeSpan))
            {
                IncludeSubclasses = true,
            },

            // G-Research/consuldotnet: SessionEntry.TTL / LockDelay (TimeSpan?), LockOptions.SessionTTL
            new TypeBinding("Consul.SessionEntry", ConsulSession.Id, null,
                new MemberBinding("TTL", ConsulSession.Ttl, ValueKind.TimeSpan),
                new MemberBinding("LockDelay", ConsulSession.LockDelay, ValueKind.TimeSpan)),
            new TypeBinding("Consul.LockOptions", ConsulSession.Id, ConsulSession.LockOptions,
                new MemberBinding("SessionTTL", ConsulSession.Ttl, ValueKind.TimeSpan),
                new MemberBinding("LockRetryTime", ConsulSession.LockRetryTime, ValueKind.TimeSpan)),

            // akka.net: Akka.Coordination.TimeoutSettings(heartbeatInterval, heartbeatTimeout, operationTimeout)
            new TypeBinding("Akka.Coordination.TimeoutSettings", AkkaLease.Id, AkkaLease.Constructor)
            {
                ConstructorParameters = new[]
                {
                    new MemberBinding("heartbeatInterval", AkkaLease.HeartbeatInterval, ValueKind.TimeSpan),
                    new MemberBinding("heartbeatTimeout", AkkaLease.HeartbeatTimeout, ValueKind.TimeSpan),
                    new MemberBinding("operationTimeout", AkkaLease.OperationTimeout, ValueKind.TimeSpan),
                },
            },
        };

        public static MethodBinding[] Methods { get; } =
        {
            // azure-sdk-for-net: BlobLeaseClient.Acquire/AcquireAsync(TimeSpan duration, …); negative = infinite
            new MethodBinding("Azure.Storage.Blobs.Specialized.BlobLeaseClient", AzureBlobLease.Id, new[] { "Acquire", "AcquireAsync" },
                new MemberBinding("duration", AzureBlobLease.LeaseDuration, ValueKind.TimeSpan)),

            // G-Research/consuldotnet Consul/Lock.cs: CreateLock/AcquireLock/ExecuteLocked(string key, …) make new LockOptions(key),
            // so the lock has LockOptions' defaults (SessionTTL 15 s, LockRetryTime 5 s).
            new MethodBinding("Consul.ConsulClient", ConsulSession.Id, ConsulLockMethods) { Creates = "Consul.LockOptions", CreatesWith = "key" },
            new MethodBinding("Consul.IConsulClient", ConsulSession.Id, ConsulLockMethods) { Creates = "Consul.LockOptions", CreatesWith = "key" },
        };

        private static string[] ConsulLockMethods => new[] { "CreateLock", "AcquireLock", "ExecuteLocked" };

        private static MemberBinding[] DotNextMembers() => new[]
        {
            new MemberBinding("LowerElectionTimeout", DotNextRaft.LowerElectionTimeout, ValueKind.Milliseconds),
            new MemberBinding("UpperElectionTimeout", DotNextRaft.UpperElectionTimeout, ValueKind.Milliseconds),
            new MemberBinding("HeartbeatThreshold", DotNextRaft.HeartbeatThreshold, ValueKind.Number),
        };
    }
}
