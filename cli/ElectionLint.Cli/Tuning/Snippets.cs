using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ElectionLint.Analyzers.Bindings;
using ElectionLint.Config.Recognition.Surfaces;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Systems;
using ElectionLint.Rules.Timing;

namespace ElectionLint.Cli.Tuning
{
    /// <summary>A block of configuration in one of a system's own formats.</summary>
    internal sealed record Snippet(string Title, string Language, string Text);

    /// <summary>
    /// Tuned values written in each format a system reads: the names come from the config front end's surface tables
    /// and the analyzer's bound types, the values from the engine's writer for that format.
    /// </summary>
    internal static class Snippets
    {
        /// <param name="value">The tuned value of a setting (nanoseconds for durations); null when unknown.</param>
        /// <param name="variant">The system's variant (Consul, Nomad or Vault for the raft multiplier); null when none.</param>
        public static List<Snippet> For(SystemDefinition sys, Func<string, decimal?> value, string? variant = null)
        {
            var list = new List<Snippet>();
            switch (sys.Id)
            {
                case Etcd.Id:
                    list.Add(Lines("etcd config file (--config-file)", "yaml", Surface(EtcdSurface.Names, SurfaceKind.Key, sys, value), (k, v) => $"{k}: {v}"));
                    list.Add(Flags("flags", Surface(EtcdSurface.Names, SurfaceKind.Flag, sys, value)));
                    list.Add(Lines("environment", "sh", Surface(EtcdSurface.Names, SurfaceKind.Env, sys, value), (k, v) => $"{k}={v}"));
                    break;
                case KubernetesLeaderElection.Id:
                    var block = Surface(KubernetesSurface.BlockKeys, SurfaceKind.Key, sys, value);
                    list.Add(Lines("component config (KubeSchedulerConfiguration, KubeControllerManagerConfiguration, …)", "yaml", block, (k, v) => $"  {k}: {v}", "leaderElection:"));
                    var flags = Surface(KubernetesSurface.Names, SurfaceKind.Flag, sys, value);
                    list.Add(Flags("flags (kube-scheduler, kube-controller-manager)", flags.Where(f => f.Name.StartsWith("leader-elect", StringComparison.Ordinal) && !f.Name.StartsWith("leader-election", StringComparison.Ordinal))));
                    list.Add(Flags("flags (cert-manager and controller-runtime managers)", flags.Where(f => f.Name.StartsWith("leader-election", StringComparison.Ordinal))));
                    list.Add(Lines("Helm values (cert-manager chart)", "yaml", block.Where(b => b.Name != "leaderElect"), (k, v) => $"    {k}: {v}", "global:\n  leaderElection:"));
                    break;
                case KafkaConsumer.Id:
                case KafkaBrokerSession.Id:
                case KafkaGroupCoordinator.Id:
                case KafkaKraftController.Id:
                    var keys = Surface(KafkaSurface.Names, SurfaceKind.Key, sys, value);
                    list.Add(Lines(sys.Id == KafkaConsumer.Id ? "consumer properties" : "server.properties", "properties", keys, (k, v) => $"{k}={v}"));
                    if (sys.Id != KafkaConsumer.Id)
                    {
                        list.Add(Lines("environment (Bitnami image: KAFKA_CFG_*)", "sh", keys, (k, v) => $"KAFKA_CFG_{k.Replace('.', '_').ToUpperInvariant()}={v}"));
                    }

                    break;
                case ZooKeeper.Id:
                case ZooKeeperEnsemble.Id:
                    var zk = sys.Settings.Where(s => s.Id != ZooKeeper.SessionTimeout && s.Role != SettingRole.Switch).Select(s => Named(sys, s.Id, s.Id, null, value)).OfType<Setting>().ToList();
                    // An ensemble is a zoo.cfg with a server list (QuorumPeerConfig.isDistributed), not a key of its own.
                    list.Add(Lines("zoo.cfg", "properties", zk, (k, v) => $"{k}={v}",
                        sys.Id == ZooKeeperEnsemble.Id ? "server.1=zk-0:2888:3888\nserver.2=zk-1:2888:3888\nserver.3=zk-2:2888:3888" : null));
                    list.Add(Lines("environment (official and Bitnami images)", "sh",
                        Surface(ZooKeeperSurface.Names, SurfaceKind.Env, sys, value).Where(n => n.Name.StartsWith("ZOO_", StringComparison.Ordinal)), (k, v) => $"{k}={v}"));
                    break;
                case DotNextRaft.Id:
                    list.Add(Json("appsettings.json (HttpClusterMemberConfiguration)", Surface(DotNextSurface.Names, SurfaceKind.Key, sys, value), null));
                    break;
                case OrleansMembership.Id:
                    list.Add(Json("appsettings.json (ClusterMembershipOptions bound from a section)", Surface(OrleansSurface.Names, SurfaceKind.Key, sys, value), OrleansSurface.Sections[0]));
                    break;
                case Patroni.Id:
                    list.Add(Lines("patroni.yml (bootstrap.dcs; on a running cluster: patronictl edit-config)", "yaml", Surface(PatroniSurface.Names, SurfaceKind.Key, sys, value), (k, v) => $"    {k}: {v}", "bootstrap:\n  dcs:"));
                    list.Add(Lines("postgres-operator (spec.patroni)", "yaml", Surface(PatroniSurface.Names, SurfaceKind.Key, sys, value), (k, v) => $"    {k}: {v}", "spec:\n  patroni:"));
                    break;
                case RedisSentinel.Id:
                    list.Add(Lines("sentinel.conf (per monitored master)", "text", Surface(RedisSentinelSurface.Directives, SurfaceKind.Key, sys, value), (k, v) => $"sentinel {k} mymaster {v}", "sentinel monitor mymaster 127.0.0.1 6379 2"));
                    list.Add(Lines("Helm values (Bitnami redis and valkey charts)", "yaml", Surface(RedisSentinelSurface.Names, SurfaceKind.Key, sys, value), (k, v) => $"  {k}: {v}", "sentinel:"));
                    break;
                case MongoDbReplicaSet.Id:
                    list.Add(Json("replica-set settings (rs.reconfig)", Surface(MongoDbSurface.Names, SurfaceKind.Key, sys, value), "settings"));
                    break;
                case Elasticsearch.Id:
                    list.Add(Lines("elasticsearch.yml", "yaml", Surface(ElasticsearchSurface.Names, SurfaceKind.Key, sys, value), (k, v) => $"{k}: {v}"));
                    break;
                case HashiCorpRaft.Id:
                    if (value(HashiCorpRaft.Multiplier) is decimal m && SettingValues.Write(m, ValueFormat.Int32) is string multiplier)
                    {
                        if (variant is null or HashiCorpRaft.Consul)
                        {
                            list.Add(new Snippet("Consul agent config (HCL)", "hcl", $"performance {{\n  raft_multiplier = {multiplier}\n}}"));
                        }

                        if (variant is null or HashiCorpRaft.Nomad)
                        {
                            list.Add(new Snippet("Nomad agent config (HCL)", "hcl", $"server {{\n  enabled         = true\n  raft_multiplier = {multiplier}\n}}"));
                        }

                        if (variant is null or HashiCorpRaft.Vault)
                        {
                            list.Add(new Snippet("Vault server config (HCL)", "hcl", $"storage \"raft\" {{\n  path                   = \"/vault/data\"\n  performance_multiplier = {multiplier}\n}}"));
                        }
                    }

                    break;
                case AkkaLease.Id:
                    list.Add(Lines("HOCON (the lease implementation's section, e.g. akka.coordination.lease.kubernetes)", "hocon",
                        sys.Settings.Select(s => Named(sys, s.Id, s.Id, ValueFormat.HoconDuration, value)).OfType<Setting>(), (k, v) => $"{k} = {v}"));
                    break;
            }

            Snippet? csharp = CSharp(sys, value);
            if (csharp != null)
            {
                list.Add(csharp);
            }

            return list.Where(s => s.Text.Length > 0).ToList();
        }

        /// <summary>A setting's name on one surface and its value in that surface's format.</summary>
        private sealed record Setting(string Name, string Value);

        private static List<Setting> Surface(IEnumerable<SurfaceName> names, SurfaceKind kind, SystemDefinition sys, Func<string, decimal?> value) =>
            names.Where(n => n.System == sys.Id && n.Kind == kind).Select(n => Named(sys, n.Setting, n.Name, n.Format, value)).OfType<Setting>().ToList();

        private static Setting? Named(SystemDefinition sys, string setting, string name, ValueFormat? format, Func<string, decimal?> value)
        {
            int i = sys.IndexOf(setting);
            if (i < 0 || value(setting) is not decimal v)
            {
                return null;
            }

            SettingDefinition s = sys.Settings[i];
            string? text = s.Role == SettingRole.Switch ? (v != 0m ? "true" : "false") : SettingValues.Write(v, format ?? s.Format);
            return text == null ? null : new Setting(name, text);
        }

        private static Snippet Lines(string title, string language, IEnumerable<Setting> names, Func<string, string, string> line, string? header = null)
        {
            var lines = names.Select(n => line(n.Name, n.Value)).ToList();
            string body = string.Join("\n", lines);
            return new Snippet(title, language, lines.Count == 0 ? string.Empty : header != null ? header + "\n" + body : body);
        }

        private static Snippet Flags(string title, IEnumerable<Setting> names) =>
            new Snippet(title, "sh", string.Join(" ", names.Select(n => $"--{n.Name}={n.Value}")));

        private static Snippet Json(string title, IEnumerable<Setting> names, string? section)
        {
            var items = names.ToList();
            if (items.Count == 0)
            {
                return new Snippet(title, "json", string.Empty);
            }

            string indent = section != null ? "    " : "  ";
            var sb = new StringBuilder("{\n");
            if (section != null)
            {
                sb.Append($"  \"{section}\": {{\n");
            }

            for (int i = 0; i < items.Count; i++)
            {
                string v = items[i].Value;
                bool number = decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out _) || v == "true" || v == "false";
                sb.Append($"{indent}\"{items[i].Name}\": {(number ? v : "\"" + v + "\"")}{(i < items.Count - 1 ? "," : string.Empty)}\n");
            }

            if (section != null)
            {
                sb.Append("  }\n");
            }

            return new Snippet(title, "json", sb.Append('}').ToString());
        }

        /// <summary>An initializer for the first .NET type bound to the system (the types the analyzer reads).</summary>
        private static Snippet? CSharp(SystemDefinition sys, Func<string, decimal?> value)
        {
            // A method that takes no timing value (ConsulClient.CreateLock(key)) says nothing: the options type does.
            foreach (MethodBinding m in KnownBindings.Methods.Where(m => m.System == sys.Id && m.Parameters.Length > 0))
            {
                var args = m.Parameters.Select(p => CSharpValue(sys, p, value)).ToList();
                if (args.All(a => a != null))
                {
                    return new Snippet($"C# ({Short(m.ContainingType)}.{m.Methods[0]})", "csharp", $"leaseClient.{m.Methods[0]}({string.Join(", ", args)});");
                }
            }

            TypeBinding? type = KnownBindings.Types.FirstOrDefault(t => t.System == sys.Id && (t.Members.Length > 0 || t.ConstructorParameters.Length > 0));
            if (type == null)
            {
                return null;
            }

            string name = Short(type.MetadataName).Replace('+', '.');
            if (type.ConstructorParameters.Length > 0)
            {
                var args = type.ConstructorParameters.Select(p => (p.Member, Value: CSharpValue(sys, p, value))).ToList();
                return args.Any(a => a.Value == null) ? null
                    : new Snippet($"C# ({type.MetadataName})", "csharp", $"new {name}(\n{string.Join(",\n", args.Select(a => $"    {a.Member}: {a.Value}"))})");
            }

            var members = type.Members.Select(m => (m.Member, Value: CSharpValue(sys, m, value))).Where(m => m.Value != null).ToList();
            if (members.Count == 0)
            {
                return null;
            }

            (string open, string extra) = type.MetadataName switch
            {
                "k8s.LeaderElection.LeaderElectionConfig" => ("new LeaderElectionConfig(leaseLock)", string.Empty),
                "DotNext.Net.Cluster.Consensus.Raft.RaftCluster+NodeConfiguration" => ("new RaftCluster.TcpConfiguration(hostAddress)", "    ConfigurationStorage = configurationStorage,\n"),
                "Consul.LockOptions" => ("new LockOptions(key)", string.Empty),
                _ => ("new " + name, string.Empty),
            };
            string body = string.Concat(members.Select(m => $"    {m.Member} = {m.Value},\n"));
            return new Snippet($"C# ({type.MetadataName})", "csharp", $"{open}\n{{\n{extra}{body}}}");
        }

        private static string? CSharpValue(SystemDefinition sys, MemberBinding m, Func<string, decimal?> value)
        {
            if (sys.IndexOf(m.Setting) < 0 || value(m.Setting) is not decimal v)
            {
                return null;
            }

            switch (m.Kind)
            {
                case ValueKind.TimeSpan:
                    return v % Duration.NanosPerSecond == 0m
                        ? $"TimeSpan.FromSeconds({Number(v / Duration.NanosPerSecond)})"
                        : $"TimeSpan.FromMilliseconds({Number(v / Duration.NanosPerMillisecond)})";
                case ValueKind.Milliseconds:
                    return Number(v / Duration.NanosPerMillisecond);
                case ValueKind.Seconds:
                    return Number(v / Duration.NanosPerSecond);
                case ValueKind.Number:
                    return Number(v);
                case ValueKind.Boolean:
                    return v != 0m ? "true" : "false";
                default:
                    return null;
            }
        }

        private static string Number(decimal v) => (v / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

        private static string Short(string metadataName)
        {
            int dot = metadataName.LastIndexOf('.');
            return dot < 0 ? metadataName : metadataName.Substring(dot + 1);
        }
    }
}
