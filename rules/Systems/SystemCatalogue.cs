using System;
using System.Collections.Generic;
using ElectionLint.Rules.Model;

namespace ElectionLint.Rules.Systems
{
    /// <summary>Every system ElectionLint knows, by id.</summary>
    public static class SystemCatalogue
    {
        private static SystemDefinition[]? _all;

        /// <summary>Every system, in catalogue order.</summary>
        public static IReadOnlyList<SystemDefinition> Systems => _all ??= new[]
        {
            Etcd.Definition,
            KubernetesLeaderElection.Definition,
            KafkaConsumer.Definition,
            KafkaKraftController.Definition,
            KafkaBrokerSession.Definition,
            KafkaGroupCoordinator.Definition,
            ZooKeeper.Definition,
            ZooKeeperEnsemble.Definition,
            DotNextRaft.Definition,
            OrleansMembership.Definition,
            ConsulSession.Definition,
            AzureBlobLease.Definition,
            AkkaLease.Definition,
            Patroni.Definition,
            RedisSentinel.Definition,
            MongoDbReplicaSet.Definition,
            Elasticsearch.Definition,
            HashiCorpRaft.Definition,
            Custom.Definition,
        };

        public static SystemDefinition Get(string id) => Find(id) ?? throw new KeyNotFoundException($"no system '{id}'");

        public static bool TryGet(string id, out SystemDefinition system)
        {
            system = Find(id)!;
            return system != null;
        }

        /// <summary>One system by id; only that system's definition is built (an analyzer that sees Kafka loads no other).</summary>
        private static SystemDefinition? Find(string? id) => id switch
        {
            Etcd.Id => Etcd.Definition,
            KubernetesLeaderElection.Id => KubernetesLeaderElection.Definition,
            KafkaConsumer.Id => KafkaConsumer.Definition,
            KafkaKraftController.Id => KafkaKraftController.Definition,
            KafkaBrokerSession.Id => KafkaBrokerSession.Definition,
            KafkaGroupCoordinator.Id => KafkaGroupCoordinator.Definition,
            ZooKeeper.Id => ZooKeeper.Definition,
            ZooKeeperEnsemble.Id => ZooKeeperEnsemble.Definition,
            DotNextRaft.Id => DotNextRaft.Definition,
            OrleansMembership.Id => OrleansMembership.Definition,
            ConsulSession.Id => ConsulSession.Definition,
            AzureBlobLease.Id => AzureBlobLease.Definition,
            AkkaLease.Id => AkkaLease.Definition,
            Patroni.Id => Patroni.Definition,
            RedisSentinel.Id => RedisSentinel.Definition,
            MongoDbReplicaSet.Id => MongoDbReplicaSet.Definition,
            Elasticsearch.Id => Elasticsearch.Definition,
            HashiCorpRaft.Id => HashiCorpRaft.Definition,
            Custom.Id => Custom.Definition,
            _ => null,
        };
    }
}
