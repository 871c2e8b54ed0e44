using System;
using System.Collections.Generic;
using ElectionLint.Config.Documents;
using ElectionLint.Config.Recognition.Surfaces;
using ElectionLint.Rules.Systems;
using ElectionLint.Rules.Timing;

namespace ElectionLint.Config.Recognition
{
    /// <summary>Settings written as keys of one mapping: etcd config, leaderElection blocks, Kafka and ZooKeeper properties, .NET options.</summary>
    internal static class KeyShapes
    {
        /// <summary>
        /// A <c>leaderElection:</c> block of any component config (KubeSchedulerConfiguration, controller-runtime, operators, Helm values).
        /// In a Kubernetes component config (apiVersion *.config.k8s.io) the durations are metav1.Duration, decoded from a JSON
        /// string, and a zero one is replaced by the default before validation (component-base
        /// RecommendedDefaultLeaderElectionConfiguration).
        /// </summary>
        public static void LeaderElection(RecognitionContext ctx, MappingEntry block, bool componentConfig, bool knownComponent)
        {
            if (block.Value is not MappingNode m)
            {
                return;
            }

            Scope? scope = null;
            foreach (SurfaceName n in KubernetesSurface.BlockKeys)
            {
                if (m.Entry(n.Name) is not MappingEntry e || e.Value is not ScalarNode value)
                {
                    continue;
                }

                scope ??= ctx.NewScope(KubernetesLeaderElection.Id, block.Key.Span);
                if (knownComponent && n.Setting != KubernetesLeaderElection.LeaderElect && !value.IsNull && !Scope.IsTemplated(value.Value))
                {
                    string text = value.Value.Trim();
                    if (value.Style == ScalarStyle.Plain && (text == "0" || text == "+0" || text == "-0"))
                    {
                        scope.AddInvalid(n.Setting, value.Value, "a YAML number is not a duration string; metav1.Duration decodes only a string, so the file fails to load (write 0s, or leave it out for the default)", new SettingLocation(value.ContentSpan(ctx.Text), e.Key.Span), e.KeyText);
                        continue;
                    }

                    if (DurationParser.Go(text).Value is Duration d && d.Nanoseconds == 0)
                    {
                        continue; // replaced by the default before validation
                    }
                }

                ctx.AddKey(scope, n, e);
            }

            // A chart's values or an operator's own file: which program reads the block, and so its defaults, is not known.
            if (scope != null && !knownComponent)
            {
                foreach (string setting in new[] { KubernetesLeaderElection.LeaseDuration, KubernetesLeaderElection.RenewDeadline, KubernetesLeaderElection.RetryPeriod })
                {
                    scope.Default(setting, null);
                }
            }
        }

        /// <summary>
        /// A file whose reader is known to default its leaderElection block as client-go does (15s/10s/2s) and to replace a
        /// zero duration by that default: a Kubernetes component config; controller-runtime's ControllerManagerConfig
        /// (controller-runtime pkg/manager/manager.go before 04706074: a zero metav1.Duration is skipped
        /// (<c>!reflect.DeepEqual(…, metav1.Duration{})</c>), then pkg/manager/internal.go defaults 15s/10s/2s); and a
        /// kubernetes-sigs component config (config.NAME.x-k8s.io, e.g. kueue: apis/config/v1beta2/defaults.go calls
        /// component-base RecommendedDefaultLeaderElectionConfiguration, zero → 15s/10s/2s, and pkg/config/config.go
        /// addLeaderElectionTo skips a zero metav1.Duration).
        /// </summary>
        public static bool IsKnownComponent(Node root) =>
            IsComponentConfig(root) || (root is MappingNode r && r.GetText("apiVersion") is string api &&
                (api.StartsWith("controller-runtime.sigs.k8s.io/", StringComparison.Ordinal) ||
                 (api.StartsWith("config.", StringComparison.Ordinal) && api.IndexOf(".x-k8s.io/", StringComparison.Ordinal) > 0)));

        /// <summary>A Kubernetes component config: kube-scheduler, kube-controller-manager, cloud-controller-manager (apiVersion *.config.k8s.io/…).</summary>
        public static bool IsComponentConfig(Node root) =>
            root is MappingNode r && r.GetText("apiVersion") is string api && api.IndexOf(".config.k8s.io/", StringComparison.Ordinal) > 0;

        /// <summary>Keys any mapping may hold: etcd's hyphenated keys, Kafka properties, ZooKeeper's tickTime family, DotNext's members.</summary>
        public static void Mapping(RecognitionContext ctx, MappingNode m, bool isRoot, bool isProperties)
        {
            Scope? etcd = null, zk = null, dotnext = null;
            var kafka = new Dictionary<string, Scope>();
            bool zookeeper = IsZooKeeper(m, isProperties);
            foreach (MappingEntry e in m.Entries)
            {
                if (e.Value is not ScalarNode || SurfaceTable.Key(e.KeyText) is not SurfaceName n)
                {
                    continue;
                }

                switch (n.System)
                {
                    case Etcd.Id when !isProperties && isRoot: // etcd reads these keys only at the top of its own config file
                        etcd ??= ctx.NewScope(Etcd.Id, e.Key.Span);
                        ctx.AddKey(etcd, n, e, etcdConfigFile: isRoot);
                        break;
                    case KafkaConsumer.Id:
                    case KafkaKraftController.Id:
                    case KafkaBrokerSession.Id:
                    case KafkaGroupCoordinator.Id:
                        if (!kafka.TryGetValue(n.System, out Scope? k))
                        {
                            k = ctx.NewScope(n.System, e.Key.Span);
                            kafka[n.System] = k;
                        }

                        ctx.AddKey(k, n, e);
                        break;
                    case ZooKeeper.Id when zookeeper:
                        zk ??= ctx.NewScope(ZooKeeper.Id, e.Key.Span);
                        ctx.AddKey(zk, n, e);
                        break;
                    case DotNextRaft.Id:
                        dotnext ??= ctx.NewScope(DotNextRaft.Id, e.Key.Span, DotNextRaft.AspNet);
                        ctx.AddKey(dotnext, n, e);
                        break;
                }
            }

            if (zookeeper)
            {
                Ensemble(ctx, m);
            }

            if (!isProperties)
            {
                ConfluentConsumer(ctx, m);
                PatroniSurface.Recognize(ctx, m);
                RedisSentinelSurface.Recognize(ctx, m);
                MongoDbSurface.Recognize(ctx, m);
                ElasticsearchSurface.Recognize(ctx, m);
                KubespraySurface.Recognize(ctx, m);
            }
        }

        /// <summary>
        /// A zoo.cfg with two or more voting servers (server.N entries that are not observers) is an ensemble: its tickTime,
        /// initLimit and syncLimit also set the leader's failover (QuorumPeerConfig.isDistributed).
        /// </summary>
        private static void Ensemble(RecognitionContext ctx, MappingNode m)
        {
            int voters = 0;
            MappingEntry? first = null;
            foreach (MappingEntry e in m.Entries)
            {
                if (e.KeyText.StartsWith("server.", StringComparison.Ordinal) && e.KeyText.Length > 7 && IsDigits(e.KeyText.Substring(7)) &&
                    e.Value is ScalarNode v && v.Value.IndexOf(":observer", StringComparison.OrdinalIgnoreCase) < 0)
                {
                    voters++;
                    first ??= e;
                }
            }

            if (voters < 2 || first == null)
            {
                return;
            }

            Scope scope = ctx.NewScope(ZooKeeperEnsemble.Id, first.Key.Span);
            scope.Add(ZooKeeperEnsemble.Distributed, "true", new SettingLocation(first.Key.Span, first.Key.Span), first.KeyText);
            foreach (string key in new[] { ZooKeeperEnsemble.TickTime, ZooKeeperEnsemble.InitLimit, ZooKeeperEnsemble.SyncLimit })
            {
                if (m.Entry(key) is MappingEntry e)
                {
                    ctx.AddKey(scope, new SurfaceName(ZooKeeperEnsemble.Id, key, SurfaceKind.Key, key), e);
                }
            }
        }

        private static bool IsDigits(string s)
        {
            foreach (char c in s)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return s.Length > 0;
        }

        /// <summary>A Confluent.Kafka ConsumerConfig section of .NET configuration (keys ignore case), read as librdkafka reads it.</summary>
        private static void ConfluentConsumer(RecognitionContext ctx, MappingNode m)
        {
            bool marked = false;
            foreach (MappingEntry e in m.Entries)
            {
                foreach (string marker in KafkaSurface.ConfluentMarkers)
                {
                    marked |= string.Equals(e.KeyText, marker, StringComparison.OrdinalIgnoreCase);
                }
            }

            if (!marked)
            {
                return;
            }

            Scope? scope = null;
            foreach (MappingEntry e in m.Entries)
            {
                foreach (SurfaceName n in KafkaSurface.ConfluentNames)
                {
                    if (e.Value is ScalarNode && string.Equals(e.KeyText, n.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        scope ??= ctx.NewScope(KafkaConsumer.Id, e.Key.Span, KafkaConsumer.Librdkafka);
                        ctx.AddKey(scope, n, e);
                    }
                }
            }
        }

        /// <summary>An Orleans options section (keys ignore case, TimeSpan text).</summary>
        public static void Orleans(RecognitionContext ctx, MappingEntry section)
        {
            if (section.Value is not MappingNode m)
            {
                return;
            }

            Scope? scope = null;
            foreach (MappingEntry e in m.Entries)
            {
                if (SurfaceTable.Key(e.KeyText) is SurfaceName n && n.System == OrleansMembership.Id && e.Value is ScalarNode)
                {
                    scope ??= ctx.NewScope(OrleansMembership.Id, section.Key.Span);
                    ctx.AddKey(scope, n, e);
                }
            }
        }

        public static bool IsOrleansSection(string key)
        {
            foreach (string s in OrleansSurface.Sections)
            {
                if (string.Equals(s, key, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>tickTime alone is too common a word; a ZooKeeper config has a companion key too (or is a .properties/zoo.cfg file).</summary>
        private static bool IsZooKeeper(MappingNode m, bool isProperties)
        {
            if (m.Get("tickTime") == null && m.Get("minSessionTimeout") == null && m.Get("maxSessionTimeout") == null)
            {
                return false;
            }

            if (isProperties)
            {
                return true;
            }

            foreach (string c in ZooKeeperSurface.Companions)
            {
                if (m.Get(c) != null)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
