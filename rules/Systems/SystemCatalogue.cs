using System;
using System.Collections.Generic;
using System.Linq;
using ElectionLint.Rules.Model;

namespace ElectionLint.Rules.Systems
{
    /// <summary>Every system ElectionLint knows, by id.</summary>
    public static class SystemCatalogue
    {
        private static readonly SystemDefinition[] Items =
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

        private static readonly Dictionary<string, SystemDefinition> ById = Items.ToDictionary(s => s.Id, StringComparer.Ordinal);

        public static IReadOnlyList<SystemDefinition> Systems => Items;

        public static SystemDefinition Get(string id) => ById[id];

        public static bool TryGet(string id, out SystemDefinition system) => ById.TryGetValue(id, out system!);
    }
}
