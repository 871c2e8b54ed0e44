using System;
using System.Collections.Generic;
using System.Linq;
using ElectionLint.Config.Documents;
using ElectionLint.Config.Recognition.Surfaces;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Systems;

namespace ElectionLint.Config.Recognition
{
    /// <summary>
    /// Containers (Pod templates of every workload kind, static pods) and docker-compose services: command/args flags
    /// (--flag=value, --flag value, sh -c "…"), and environment variables (env lists and maps, compose maps and KEY=value lists).
    /// </summary>
    internal static class ContainerShape
    {
        private readonly struct Word
        {
            public Word(string text, ScalarNode node)
            {
                Text = text;
                Node = node;
            }

            public string Text { get; }

            public ScalarNode Node { get; }
        }

        /// <summary>A Kubernetes container: name, image, command, args, env.</summary>
        public static void Container(RecognitionContext ctx, MappingNode container)
        {
            var words = new List<Word>();
            Words(container.Get("command"), words);
            Words(container.Get("args"), words);
            var scopes = new Scopes(ctx, Anchor(container), IsEtcd(container, words));
            scopes.EtcdConfigFile = HasEtcdConfigFile(words, container.Get("env") as SequenceNode);
            EnvFrom(ctx, container.Get("envFrom"), scopes);
            if (container.Get("env") is SequenceNode env)
            {
                ctx.Consumed.Add(env);
                EnvList(ctx, env, scopes);
            }
            else if (container.Get("env") is MappingNode envMap)
            {
                EnvMap(ctx, envMap, scopes);
            }

            Flags(ctx, words, scopes);
            scopes.Finish(container.GetText("image"));
        }

        /// <summary>An environment file (EnvironmentFile=): its variables, as a container's env with no image and no flags.</summary>
        public static void EnvFile(RecognitionContext ctx, Node document)
        {
            if (document is not MappingNode m || m.Entries.Count == 0)
            {
                return;
            }

            var scopes = new Scopes(ctx, m.Entries[0].Key.Span, etcd: true);
            scopes.EtcdConfigFile = m.GetText(ConfigFileEnv) is string file && file.Length > 0;
            EnvMap(ctx, m, scopes);
            scopes.Finish(null);
            scopes.UnknownDefaults(); // the unit's ExecStart flags and other EnvironmentFile= lines may set the rest
        }

        /// <summary>Chart values write env as a map: {ZOO_TICK_TIME: 2000} or {ZOO_TICK_TIME: {value: 2000}} (bjw-s app-template).</summary>
        public static void EnvMap(RecognitionContext ctx, MappingNode envMap, Scopes scopes)
        {
            ctx.Consumed.Add(envMap);
            foreach (MappingEntry e in envMap.Entries)
            {
                ScalarNode? v = e.Value as ScalarNode ?? (e.Value as MappingNode)?.Get("value") as ScalarNode;
                if (v != null && SurfaceTable.Env(e.KeyText) is SurfaceName n && !(v.IsNull && v.Style == ScalarStyle.Plain))
                {
                    scopes.AddEnv(n, v.Value, new SettingLocation(v.ContentSpan(ctx.Text), e.Key.Span), e.KeyText);
                }
            }
        }

        /// <summary>
        /// envFrom: every key of a ConfigMap of the same file becomes a variable (with the entry's prefix), at its position in the
        /// ConfigMap. Later sources win, and the container's own env wins over all of them (it is read after).
        /// </summary>
        private static void EnvFrom(RecognitionContext ctx, Node? envFrom, Scopes scopes)
        {
            if (envFrom is not SequenceNode sources)
            {
                return;
            }

            foreach (Node source in sources.Items)
            {
                if (source is not MappingNode m || (m.Get("configMapRef") as MappingNode)?.GetText("name") is not string name ||
                    !ctx.ConfigMaps.TryGetValue(name, out MappingNode? data))
                {
                    continue;
                }

                string prefix = m.GetText("prefix") ?? string.Empty;
                foreach (MappingEntry e in data.Entries)
                {
                    if (e.Value is ScalarNode v && SurfaceTable.Env(prefix + e.KeyText) is SurfaceName n && !(v.IsNull && v.Style == ScalarStyle.Plain))
                    {
                        scopes.AddEnv(n, v.Value, new SettingLocation(v.ContentSpan(ctx.Text), e.Key.Span), prefix + e.KeyText);
                    }
                }
            }
        }

        /// <summary>A docker-compose service: image, command (string or list), environment (map or list).</summary>
        public static void ComposeService(RecognitionContext ctx, MappingEntry service)
        {
            if (service.Value is not MappingNode svc)
            {
                return;
            }

            var words = new List<Word>();
            Words(svc.Get("command"), words);
            Words(svc.Get("entrypoint"), words);
            var scopes = new Scopes(ctx, service.Key.Span, IsEtcd(svc, words) || service.KeyText.IndexOf("etcd", StringComparison.OrdinalIgnoreCase) >= 0);
            Node? environment = svc.Get("environment");
            scopes.EtcdConfigFile = HasEtcdConfigFile(words, null) || ComposeEnv(environment).Any(kv => kv.Name == ConfigFileEnv && kv.Value.Length > 0);
            if (environment != null)
            {
                ctx.Consumed.Add(environment);
            }

            if (environment is MappingNode map)
            {
                foreach (MappingEntry e in map.Entries)
                {
                    if (e.Value is ScalarNode v && SurfaceTable.Env(e.KeyText) is SurfaceName n && !(v.IsNull && v.Style == ScalarStyle.Plain))
                    {
                        scopes.AddEnv(n, v.Value, new SettingLocation(v.ContentSpan(ctx.Text), e.Key.Span), e.KeyText);
                    }
                }
            }
            else if (environment is SequenceNode list)
            {
                foreach (Node item in list.Items)
                {
                    if (item is not ScalarNode s)
                    {
                        continue;
                    }

                    int eq = s.Value.IndexOf('=');
                    string name = eq < 0 ? s.Value : s.Value.Substring(0, eq);
                    if (eq < 0 || SurfaceTable.Env(name) is not SurfaceName n)
                    {
                        continue;
                    }

                    string value = s.Value.Substring(eq + 1);
                    SourceSpan nameSpan = ctx.Locate(s, name);
                    SourceSpan valueSpan = ctx.Locate(s, value);
                    scopes.AddEnv(n, value, new SettingLocation(valueSpan, nameSpan), name);
                }
            }

            Flags(ctx, words, scopes);
            scopes.Finish(svc.GetText("image"));
        }

        /// <summary>A list of {name, value} mappings (container env, Helm extraEnvVars).</summary>
        public static void EnvList(RecognitionContext ctx, SequenceNode list, Scopes scopes)
        {
            foreach (Node item in list.Items)
            {
                if (item is not MappingNode m || m.Get("name") is not ScalarNode name || SurfaceTable.Env(name.Value) is not SurfaceName n)
                {
                    continue;
                }

                if (m.Get("value") is ScalarNode value)
                {
                    if (!(value.IsNull && value.Style == ScalarStyle.Plain))
                    {
                        scopes.AddEnv(n, value.Value, new SettingLocation(value.ContentSpan(ctx.Text), name.Span), name.Value);
                    }
                }
                else if (m.Get("valueFrom") is Node from)
                {
                    scopes.AddEnv(n, null, new SettingLocation(from.Span, name.Span), name.Value);
                }
            }
        }

        /// <summary>True when a list looks like env entries (mappings with name and value or valueFrom).</summary>
        public static bool IsEnvList(SequenceNode list)
        {
            if (list.Items.Count == 0)
            {
                return false;
            }

            foreach (Node item in list.Items)
            {
                if (item is not MappingNode m || m.Get("name") is not ScalarNode || (m.Get("value") == null && m.Get("valueFrom") == null))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A flag map: kubeadm extraArgs (v1beta3 map, v1beta4 name/value list), OpenShift extendedArguments (lists of values).</summary>
        public static void FlagMap(RecognitionContext ctx, MappingEntry entry, bool etcdContext)
        {
            var scopes = new Scopes(ctx, entry.Key.Span, etcdContext);
            void One(string name, SourceSpan nameSpan, Node? value)
            {
                if (value is SequenceNode values && values.Items.Count > 0)
                {
                    value = values.Items[values.Items.Count - 1]; // the last occurrence wins for repeated flags
                }

                if (value is ScalarNode v && Surface(name, etcdContext) is SurfaceName n)
                {
                    scopes.For(n.System).Add(n.Setting, v, ctx.Text, name, nameSpan, n.Format);
                }
            }

            if (entry.Value is MappingNode map)
            {
                foreach (MappingEntry e in map.Entries)
                {
                    One(e.KeyText, e.Key.Span, e.Value);
                }
            }
            else if (entry.Value is SequenceNode list)
            {
                foreach (Node item in list.Items)
                {
                    if (item is MappingNode m && m.Get("name") is ScalarNode name)
                    {
                        One(name.Value, name.Span, m.Get("value"));
                    }
                }
            }
        }

        private static SurfaceName? Surface(string flag, bool etcd)
        {
            SurfaceName? n = SurfaceTable.Flag(flag);
            return n != null && (n.System != Etcd.Id || etcd) ? n : null;
        }

        private static void Flags(RecognitionContext ctx, List<Word> words, Scopes scopes)
        {
            for (int i = 0; i < words.Count; i++)
            {
                string w = words[i].Text;
                if (w.Length < 2 || w[0] != '-')
                {
                    continue;
                }

                string body = w.StartsWith("--", StringComparison.Ordinal) ? w.Substring(2) : w.Substring(1);
                int eq = body.IndexOf('=');
                string name = eq < 0 ? body : body.Substring(0, eq);
                if (Surface(name, scopes.Etcd) is not SurfaceName n)
                {
                    continue;
                }

                ScalarNode node = words[i].Node;
                SourceSpan nameSpan = ctx.Locate(node, w.Substring(0, w.Length - (eq < 0 ? 0 : body.Length - eq)));
                bool isSwitch = n.Setting == KubernetesLeaderElection.LeaderElect;
                if (eq >= 0)
                {
                    string value = body.Substring(eq + 1);
                    scopes.AddFlag(n, value, new SettingLocation(value.Length == 0 ? nameSpan : ctx.Locate(node, value), nameSpan), "--" + name);
                }
                else if (isSwitch)
                {
                    scopes.AddFlag(n, "true", new SettingLocation(nameSpan, nameSpan), "--" + name);
                }
                else if (i + 1 < words.Count && !words[i + 1].Text.StartsWith("-", StringComparison.Ordinal))
                {
                    Word next = words[++i];
                    scopes.AddFlag(n, next.Text, new SettingLocation(ctx.Locate(next.Node, next.Text), nameSpan), "--" + name);
                }
            }
        }

        private static void Words(Node? node, List<Word> into)
        {
            if (node is ScalarNode s && !s.IsNull)
            {
                foreach (string w in ShellWords.Split(s.Value))
                {
                    into.Add(new Word(w, s));
                }
            }
            else if (node is SequenceNode list)
            {
                foreach (Node item in list.Items)
                {
                    if (item is not ScalarNode si)
                    {
                        continue;
                    }

                    // A script passed to a shell ("sh -c '…'") holds several words; a plain argument is one word.
                    if (si.Value.IndexOf(' ') >= 0 || si.Value.IndexOf('\n') >= 0)
                    {
                        foreach (string w in ShellWords.Split(si.Value))
                        {
                            into.Add(new Word(w, si));
                        }
                    }
                    else
                    {
                        into.Add(new Word(si.Value, si));
                    }
                }
            }
        }

        private static bool IsEtcd(MappingNode container, List<Word> words)
        {
            bool Mentions(string? s) => s != null && s.IndexOf("etcd", StringComparison.OrdinalIgnoreCase) >= 0;
            if (Mentions(container.GetText("image")) || Mentions(container.GetText("name")))
            {
                return true;
            }

            foreach (Word w in words)
            {
                if (w.Text == "etcd" || w.Text.EndsWith("/etcd", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private const string ConfigFileEnv = "ETCD_CONFIG_FILE";

        private static bool HasEtcdConfigFile(List<Word> words, SequenceNode? env)
        {
            foreach (Word w in words)
            {
                if (w.Text == "--config-file" || w.Text.StartsWith("--config-file=", StringComparison.Ordinal) || w.Text == "-config-file" || w.Text.StartsWith("-config-file=", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            foreach (Node item in env?.Items ?? (IReadOnlyList<Node>)new Node[0])
            {
                if (item is MappingNode m && m.GetText("name") == ConfigFileEnv && (m.Get("valueFrom") != null || (m.GetText("value")?.Length ?? 0) > 0))
                {
                    return true;
                }
            }

            return false;
        }

        private static IEnumerable<(string Name, string Value)> ComposeEnv(Node? environment)
        {
            if (environment is MappingNode map)
            {
                foreach (MappingEntry e in map.Entries)
                {
                    yield return (e.KeyText, (e.Value as ScalarNode)?.Value ?? string.Empty);
                }
            }
            else if (environment is SequenceNode list)
            {
                foreach (Node item in list.Items)
                {
                    if (item is ScalarNode s && s.Value.IndexOf('=') is int eq && eq > 0)
                    {
                        yield return (s.Value.Substring(0, eq), s.Value.Substring(eq + 1));
                    }
                }
            }
        }

        private static SourceSpan Anchor(MappingNode container) =>
            container.Entry("name") is MappingEntry name ? name.Value.Span : container.Span;

        /// <summary>The scopes of one container or service, made on first use, one per system.</summary>
        internal sealed class Scopes
        {
            private readonly RecognitionContext _ctx;
            private readonly SourceSpan _anchor;
            private readonly Dictionary<string, Scope> _bySystem = new Dictionary<string, Scope>();

            public Scopes(RecognitionContext ctx, SourceSpan anchor, bool etcd)
            {
                _ctx = ctx;
                _anchor = anchor;
                Etcd = etcd;
            }

            /// <summary>True when etcd flags are etcd's here (an etcd container, kubeadm's etcd.local).</summary>
            public bool Etcd { get; }

            /// <summary>
            /// --config-file or ETCD_CONFIG_FILE: etcd then reads only the file and ignores every other flag and variable
            /// (etcdmain/config.go, configFromFile), so their values are not etcd's.
            /// </summary>
            public bool EtcdConfigFile { get; set; }

            private readonly Dictionary<string, (string Name, SettingLocation Location)> _etcdEnv = new Dictionary<string, (string, SettingLocation)>();

            /// <summary>An environment variable. etcd skips an empty one (pkg/flags setFlagFromEnv: val != "").</summary>
            public void AddEnv(SurfaceName n, string? raw, SettingLocation location, string name)
            {
                if (n.System == Rules.Systems.Etcd.Id)
                {
                    if (EtcdConfigFile)
                    {
                        return;
                    }

                    _etcdEnv[n.Setting] = (name, location);
                    if (raw != null && raw.Length == 0)
                    {
                        return;
                    }
                }

                if (n.System == Rules.Systems.ZooKeeperEnsemble.Id)
                {
                    // Judged at Finish: only a container whose server list names two or more voters is an ensemble member.
                    _ensemble[n.Setting] = (raw, location, name);
                    return;
                }

                if (n.System == Rules.Systems.ZooKeeper.Id && n.Setting == Rules.Systems.ZooKeeper.TickTime)
                {
                    _ensemble[n.Setting] = (raw, location, name);
                }

                For(n.System).Add(n.Setting, raw!, location, name, n.Format);
            }

            private readonly Dictionary<string, (string? Raw, SettingLocation Location, string Name)> _ensemble = new Dictionary<string, (string?, SettingLocation, string)>();

            /// <summary>
            /// An ensemble member from its image's variables: the server list names two or more voters. INIT_LIMIT and SYNC_LIMIT
            /// left out take the image's own defaults (official 5/2, Bitnami 10/5): unknown here, never zoo.cfg's "not set".
            /// </summary>
            private void FinishEnsemble()
            {
                const string distributed = Rules.Systems.ZooKeeperEnsemble.Distributed;
                if (!_ensemble.TryGetValue(distributed, out var servers) || servers.Raw == null || Scope.IsTemplated(servers.Raw) ||
                    Surfaces.ZooKeeperSurface.VotingServers(servers.Raw) < 2)
                {
                    return;
                }

                Scope scope = For(Rules.Systems.ZooKeeperEnsemble.Id);
                scope.Add(distributed, "true", servers.Location, servers.Name);
                foreach (string setting in new[] { Rules.Systems.ZooKeeperEnsemble.TickTime, Rules.Systems.ZooKeeperEnsemble.InitLimit, Rules.Systems.ZooKeeperEnsemble.SyncLimit })
                {
                    if (_ensemble.TryGetValue(setting, out var v) && v.Raw != null)
                    {
                        scope.Add(setting, v.Raw, v.Location, v.Name);
                    }
                    else if (setting != Rules.Systems.ZooKeeperEnsemble.TickTime)
                    {
                        scope.Default(setting, null);
                    }
                }
            }

            /// <summary>A command-line flag. etcd refuses to start when its ETCD_* variable is set too (pkg/flags verifyEnv).</summary>
            public void AddFlag(SurfaceName n, string raw, SettingLocation location, string name)
            {
                if (n.System == Rules.Systems.Etcd.Id)
                {
                    if (EtcdConfigFile)
                    {
                        return;
                    }

                    if (_etcdEnv.TryGetValue(n.Setting, out (string Name, SettingLocation Location) env))
                    {
                        For(n.System).AddConflict(n.Setting, new SettingLocation(env.Location.Name ?? env.Location.Value, env.Location.Name), env.Name, name); // at the variable, as etcd names it
                    }
                }

                if (name.StartsWith("--leader-election-", StringComparison.Ordinal))
                {
                    _leaderElectionTwins = true;
                }

                // A repair names a setting that is not written as the flag to add, in the spelling of the flags written here.
                Scope scope = For(n.System);
                foreach (Rules.Model.SettingDefinition s in scope.System.Settings)
                {
                    if (!scope.Has(s.Id) && Surfaces.SurfaceTable.FlagLike(n.System, s.Id, name.Substring(2)) is string flag)
                    {
                        scope.Name(s.Id, "--" + flag);
                    }
                }

                scope.Add(n.Setting, raw, location, name, n.Format);
            }

            private bool _leaderElectionTwins;

            /// <summary>
            /// --leader-election-* flags are not component-base's: each program that has them sets its own defaults. cert-manager's
            /// controller and cainjector default to 60s/40s/15s (internal/apis/config/shared/v1alpha1/defaults.go); for any other
            /// program an unwritten duration is unknown, never client-go's 15s/10s/2s.
            /// </summary>
            /// <summary>Every setting not written here is unknown, never the component's default.</summary>
            public void UnknownDefaults()
            {
                foreach (Scope scope in _bySystem.Values)
                {
                    foreach (Rules.Model.SettingDefinition s in scope.System.Settings)
                    {
                        scope.Default(s.Id, null);
                    }
                }
            }

            public void Finish(string? image)
            {
                FinishEnsemble();
                SetLeaderElectionDefaults(image);
                SetSentinelDefaults();
            }

            /// <summary>
            /// N3: REDIS_SENTINEL_* and VALKEY_SENTINEL_* are the Bitnami images' variables; their env scripts default an unset
            /// one to down-after-milliseconds 60000 and failover-timeout 180000 (bitnami/containers redis-sentinel-env.sh
            /// @ 29d82e47: REDIS_SENTINEL_DOWN_AFTER_MILLISECONDS:-60000, REDIS_SENTINEL_FAILOVER_TIMEOUT:-180000), not
            /// Sentinel's own 30000.
            /// </summary>
            private void SetSentinelDefaults()
            {
                if (_bySystem.TryGetValue(Rules.Systems.RedisSentinel.Id, out Scope? scope))
                {
                    scope.Default(Rules.Systems.RedisSentinel.DownAfter, 60_000m * 1_000_000m);
                    scope.Default(Rules.Systems.RedisSentinel.FailoverTimeout, 180_000m * 1_000_000m);
                }
            }

            private void SetLeaderElectionDefaults(string? image)
            {
                if (!_leaderElectionTwins)
                {
                    return;
                }

                bool certManager = image != null && (image.IndexOf("cert-manager-controller", StringComparison.OrdinalIgnoreCase) >= 0 || image.IndexOf("cert-manager-cainjector", StringComparison.OrdinalIgnoreCase) >= 0);
                bool csi = IsCsiSidecar(image);
                Scope scope = For(Rules.Systems.KubernetesLeaderElection.Id);
                scope.Name(Rules.Systems.KubernetesLeaderElection.LeaseDuration, "--leader-election-lease-duration");
                scope.Name(Rules.Systems.KubernetesLeaderElection.RenewDeadline, "--leader-election-renew-deadline");
                scope.Name(Rules.Systems.KubernetesLeaderElection.RetryPeriod, "--leader-election-retry-period");
                scope.Default(Rules.Systems.KubernetesLeaderElection.LeaseDuration, certManager ? 60m * 1_000_000_000m : csi ? 15m * 1_000_000_000m : (decimal?)null);
                scope.Default(Rules.Systems.KubernetesLeaderElection.RenewDeadline, certManager ? 40m * 1_000_000_000m : csi ? 10m * 1_000_000_000m : (decimal?)null);
                scope.Default(Rules.Systems.KubernetesLeaderElection.RetryPeriod, certManager ? 15m * 1_000_000_000m : csi ? 5m * 1_000_000_000m : (decimal?)null);
            }

            /// <summary>
            /// The Kubernetes CSI sidecars and the snapshot controller take --leader-election-* from csi-lib-utils
            /// (standardflags/flags.go: 15s, 10s, 5s; leaderelection/leader_election.go defaultLeaseDuration 15s,
            /// defaultRenewDeadline 10s, defaultRetryPeriod 5s; external-provisioner @ 0688604f vendor/).
            /// </summary>
            private static bool IsCsiSidecar(string? image)
            {
                if (image == null)
                {
                    return false;
                }

                string name = image;
                int at = name.IndexOf('@');
                name = at >= 0 ? name.Substring(0, at) : name;
                int slash = name.LastIndexOf('/');
                name = slash >= 0 ? name.Substring(slash + 1) : name;
                int colon = name.IndexOf(':');
                name = colon >= 0 ? name.Substring(0, colon) : name;
                foreach (string sidecar in CsiSidecars)
                {
                    if (string.Equals(name, sidecar, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static readonly string[] CsiSidecars =
            {
                "csi-provisioner", "csi-attacher", "csi-resizer", "csi-snapshotter", "snapshot-controller",
                "csi-external-health-monitor-controller",
            };

            public Scope For(string system)
            {
                if (!_bySystem.TryGetValue(system, out Scope? scope))
                {
                    scope = _ctx.NewScope(system, _anchor);
                    _bySystem[system] = scope;
                }

                return scope;
            }
        }
    }
}
