using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ElectionLint.Config.Documents;
using ElectionLint.Config.Recognition.Surfaces;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Profile;

namespace ElectionLint.Config.Recognition
{
    /// <summary>Finds every system's settings in a parsed file. Each instance's locations are <see cref="SettingLocation"/>s.</summary>
    public static class Recognizer
    {
        /// <summary>Words every recognised key, flag or variable contains (a test checks this against the surface tables).</summary>
        internal static readonly Regex Triggers = new Regex(
            @"heartbeat[-_.]?(interval|threshold|timeout)|election[-_.]?timeout|leader[-_]?elect|session[-_.]?timeout|tick_?time|quorum[._](election|fetch)|max[._]?poll|clustermembership|loop_wait|retry_timeout|leaderleasedurationseconds|down[-_]?after|sentinel_failover|failover-timeout|fault_detection|es_setting_cluster_|election(\.|:\s*)(initial|max)_timeout|raft_multiplier|performance_multiplier|vip_(leaseduration|renewdeadline|retryperiod)|catchup(timeout|takeoverdelay)millis|safety_margin",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>
        /// A literal in every alternative of <see cref="Triggers"/>; a match starts at most 4 characters before it and ends
        /// within 40 after. The pattern is tried only around these, where a compiled pattern took 16–18 ms to build in every process.
        /// </summary>
        private static readonly string[] TriggerAnchors = { "heartbeat", "election", "leader", "session", "tick", "quorum", "poll", "clustermembership", "loop_wait", "retry_timeout", "down-after", "down_after", "downafter", "sentinel_failover", "failover-timeout", "fault_detection", "es_setting_", "raft_multiplier", "performance_multiplier", "vip_", "catchup", "safety_margin" };

#if NET8_0_OR_GREATER
        /// <summary>Every anchor in one case-insensitive pass over the original text (no lower-cased copy).</summary>
        private static readonly System.Buffers.SearchValues<string> AnchorSearch = System.Buffers.SearchValues.Create(TriggerAnchors, StringComparison.OrdinalIgnoreCase);

        /// <summary>False when the text cannot hold any setting ElectionLint recognises (bindings aside).</summary>
        public static bool MayHoldSettings(string text) => MayHoldSettings(text.AsSpan());

        /// <inheritdoc cref="MayHoldSettings(string)"/>
        public static bool MayHoldSettings(ReadOnlySpan<char> text)
        {
            int at = 0;
            while (at < text.Length)
            {
                int hit = text.Slice(at).IndexOfAny(AnchorSearch);
                if (hit < 0)
                {
                    return false;
                }

                at += hit;
                int start = Math.Max(0, at - 4), end = Math.Min(text.Length, at + 40);
                if (Triggers.IsMatch(text.Slice(start, end - start)))
                {
                    return true;
                }

                at++;
            }

            return false;
        }
#else
        /// <summary>False when the text cannot hold any setting ElectionLint recognises (bindings aside).</summary>
        public static bool MayHoldSettings(string text)
        {
            string lower = text.ToLowerInvariant();
            foreach (string anchor in TriggerAnchors)
            {
                int at = 0;
                while ((at = lower.IndexOf(anchor, at, StringComparison.Ordinal)) >= 0)
                {
                    int start = Math.Max(0, at - 4), end = Math.Min(text.Length, at + 40);
                    if (Triggers.Match(text, start, end - start).Success)
                    {
                        return true;
                    }

                    at += anchor.Length;
                }
            }

            return false;
        }
#endif

        public static IReadOnlyList<ConfigurationInstance> Recognize(ParsedFile file, IReadOnlyList<Binding>? bindings = null, IReadOnlyList<TemplateBinding>? templates = null) =>
            new List<ConfigurationInstance>(RecognizeEach(file, bindings, templates));

        /// <summary>
        /// As <see cref="Recognize"/>, but each configuration is built when it is read and its scope let go: a caller that
        /// evaluates each and drops it holds one configuration at a time, not every one of a long stream of documents.
        /// </summary>
        public static IEnumerable<ConfigurationInstance> RecognizeEach(ParsedFile file, IReadOnlyList<Binding>? bindings = null, IReadOnlyList<TemplateBinding>? templates = null)
        {
            var ctx = new RecognitionContext(file.Source);
            foreach (Node document in file.ReferredDocuments)
            {
                if (ParsedFile.IsReferred(document) && document is MappingNode cm && (cm.Get("metadata") as MappingNode)?.GetText("name") is string name &&
                    cm.Get("data") is MappingNode data)
                {
                    ctx.ConfigMaps[name] = data;
                }
            }

            // A document's scopes are built once it is read, and what was noted about its nodes is let go, until a scope a
            // later document may change appears: a KRaft broker takes its controllers' session timeout (PairKraftRoles), and
            // template values skip what any scope reads. From there on, scopes wait for the end of the file.
            bool hold = templates != null && templates.Count > 0;
            foreach (Node document in file.Documents)
            {
                var mark = ctx.Mark();
                int first = ctx.Scopes.Count;
                if (file.Kind == FileKind.SentinelConf && document is MappingNode masters && (bindings == null || bindings.Count == 0))
                {
                    // One document of 80,000 masters: each master's scope is built once it is read.
                    foreach (MappingEntry master in masters.Entries)
                    {
                        RedisSentinelSurface.RecognizeMaster(ctx, master);
                        foreach (ConfigurationInstance instance in hold ? Enumerable.Empty<ConfigurationInstance>() : Build(ctx.Scopes))
                        {
                            yield return instance;
                        }
                    }

                    continue;
                }

                Read(ctx, file, document, bindings, templates);
                for (int i = first; i < ctx.Scopes.Count && !hold; i++)
                {
                    hold = ctx.Scopes[i].System.Id == Rules.Systems.KafkaBrokerSession.Id;
                }

                if (!ParsedFile.IsReferred(document))
                {
                    ctx.Forget(mark, document);
                }

                foreach (ConfigurationInstance instance in hold ? Enumerable.Empty<ConfigurationInstance>() : Build(ctx.Scopes))
                {
                    yield return instance;
                }
            }

            PairKraftRoles(ctx.Scopes);
            foreach (ConfigurationInstance instance in Build(ctx.Scopes))
            {
                yield return instance;
            }
        }

        /// <summary>Builds the scopes in order, each let go once built, and empties the list.</summary>
        private static IEnumerable<ConfigurationInstance> Build(List<Scope> scopes)
        {
            for (int i = 0; i < scopes.Count; i++)
            {
                Scope scope = scopes[i];
                scopes[i] = null!; // its settings are in the configuration now
                if (!scope.IsEmpty)
                {
                    yield return scope.Build();
                }
            }

            scopes.Clear();
        }

        /// <summary>The scopes of one document.</summary>
        private static void Read(RecognitionContext ctx, ParsedFile file, Node document, IReadOnlyList<Binding>? bindings, IReadOnlyList<TemplateBinding>? templates)
        {
            if (bindings != null && bindings.Count > 0)
            {
                BindingShape.Apply(ctx, document, bindings);
            }

            if (file.Kind == FileKind.EnvFile)
            {
                ContainerShape.EnvFile(ctx, document);
                return;
            }

            if (file.Kind == FileKind.SentinelConf)
            {
                RedisSentinelSurface.RecognizeConf(ctx, document);
                return;
            }

            if (SpringKafkaSurface.IsSpringFile(file.Source.Path))
            {
                SpringKafkaSurface.Recognize(ctx, document); // before the walk: it takes the properties maps it reads
            }

            Walk(ctx, document, file.Kind == FileKind.Properties);

            if (templates != null && templates.Count > 0)
            {
                TemplateBindings.Apply(ctx, document, templates);
            }
        }

        /// <summary>Visits every mapping once (aliases may share nodes), iteratively.</summary>
        private static void Walk(RecognitionContext ctx, Node root, bool isProperties)
        {
            var visited = new HashSet<Node>();
            var stack = new Stack<(Node Node, bool Etcd)>();
            stack.Push((root, false));
            bool compose = root is MappingNode r && r.Get("services") is MappingNode;
            bool componentConfig = KeyShapes.IsComponentConfig(root);
            bool knownComponent = KeyShapes.IsKnownComponent(root);
            while (stack.Count > 0)
            {
                (Node node, bool etcd) = stack.Pop();
                if (!visited.Add(node) || ctx.Consumed.Contains(node))
                {
                    continue;
                }

                if (node is MappingNode m)
                {
                    KeyShapes.Mapping(ctx, m, ReferenceEquals(node, root), isProperties);
                    foreach (MappingEntry e in m.Entries)
                    {
                        string key = e.KeyText;
                        bool childEtcd = etcd || key.IndexOf("etcd", StringComparison.OrdinalIgnoreCase) >= 0;
                        switch (key)
                        {
                            case "leaderElection":
                            case "leaderElectionConfig": // cert-manager's ControllerConfiguration (JSON or YAML)
                                KeyShapes.LeaderElection(ctx, e, componentConfig, knownComponent);
                                break;
                            case "containers":
                            case "initContainers":
                            case "ephemeralContainers":
                                if (e.Value is SequenceNode containers)
                                {
                                    foreach (Node c in containers.Items)
                                    {
                                        if (c is MappingNode cm && visited.Add(cm))
                                        {
                                            ContainerShape.Container(ctx, cm);
                                            PushChildren(stack, cm, childEtcd);
                                        }
                                    }
                                }
                                else if (e.Value is MappingNode named)
                                {
                                    // Chart values keyed by container name (bjw-s app-template: containers.<name>.image/args/env).
                                    foreach (MappingEntry c in named.Entries)
                                    {
                                        if (c.Value is MappingNode cm && (cm.Get("image") != null || cm.Get("args") != null || cm.Get("command") != null || cm.Get("env") != null) && visited.Add(cm))
                                        {
                                            ContainerShape.Container(ctx, cm);
                                            PushChildren(stack, cm, childEtcd);
                                        }
                                    }
                                }

                                break;
                            case "services" when compose && ReferenceEquals(node, root):
                                if (e.Value is MappingNode services && visited.Add(services))
                                {
                                    foreach (MappingEntry s in services.Entries)
                                    {
                                        ContainerShape.ComposeService(ctx, s);
                                        if (s.Value is MappingNode sm)
                                        {
                                            visited.Add(sm);
                                            PushChildren(stack, sm, childEtcd);
                                        }
                                    }
                                }

                                break;
                            case "extraArgs":
                            case "extendedArguments":
                                ContainerShape.FlagMap(ctx, e, childEtcd);
                                ctx.Consumed.Add(e.Value); // flags, not config keys
                                break;
                            case "performance":
                            case "server":
                            case "raft":
                                HashiCorpRaftSurface.Recognize(ctx, e);
                                break;
                            case "configOverrides":
                                ConfluentSurface.Recognize(ctx, e);
                                break;
                            case "patroni":
                                PatroniSurface.RecognizeOperator(ctx, e);
                                break;
                            case "env" when e.Value is MappingNode envMap && !ctx.Consumed.Contains(envMap):
                                // A chart's top-level env map, passed to its container by the templates.
                                var envScopes = new ContainerShape.Scopes(ctx, e.Key.Span, etcd: childEtcd);
                                ContainerShape.EnvMap(ctx, envMap, envScopes);
                                envScopes.Finish(null);
                                break;
                            default:
                                if (KeyShapes.IsOrleansSection(key))
                                {
                                    KeyShapes.Orleans(ctx, e);
                                }

                                break;
                        }

                        Push(stack, e.Value, childEtcd);
                    }
                }
                else if (node is SequenceNode seq)
                {
                    if (ContainerShape.IsEnvList(seq))
                    {
                        var scopes = new ContainerShape.Scopes(ctx, seq.Span, etcd: true);
                        ContainerShape.EnvList(ctx, seq, scopes);
                        scopes.Finish(null);
                        continue;
                    }

                    foreach (Node item in seq.Items)
                    {
                        Push(stack, item, etcd);
                    }
                }
            }
        }

        /// <summary>
        /// In KRaft the controllers fence brokers: broker.session.timeout.ms counts where the controllers are configured and
        /// broker.heartbeat.interval.ms where the brokers are. When one file (a compose project, a chart's values, a custom
        /// resource) sets the session on some members and the heartbeat on others, the pair is judged as the cluster sees
        /// it: each heartbeat with the controllers' session, or with an unknown session when the controllers disagree.
        /// </summary>
        private static void PairKraftRoles(List<Scope> scopes)
        {
            const string session = Rules.Systems.KafkaBrokerSession.SessionTimeout, heartbeat = Rules.Systems.KafkaBrokerSession.HeartbeatInterval;
            var controllers = new List<Scope>();
            var brokers = new List<Scope>();
            foreach (Scope s in scopes)
            {
                if (s.System.Id != Rules.Systems.KafkaBrokerSession.Id)
                {
                    continue;
                }

                if (s.Has(session) && !s.Has(heartbeat))
                {
                    controllers.Add(s);
                }
                else if (s.Has(heartbeat) && !s.Has(session))
                {
                    brokers.Add(s);
                }
            }

            if (controllers.Count == 0 || brokers.Count == 0)
            {
                return;
            }

            bool agree = true;
            foreach (Scope c in controllers)
            {
                agree &= c.RawOf(session) != null && c.RawOf(session) == controllers[0].RawOf(session);
            }

            foreach (Scope b in brokers)
            {
                if (agree)
                {
                    b.CopyFrom(controllers[0], session);
                }
                else
                {
                    b.AddUnknown(session, new SettingLocation(b.Anchor, b.Anchor), session);
                }
            }

            // Each controller's session is judged with the brokers' heartbeat above, never with a default heartbeat.
            foreach (Scope c in controllers)
            {
                if (agree)
                {
                    c.Clear();
                }
                else
                {
                    c.AddUnknown(heartbeat, new SettingLocation(c.Anchor, c.Anchor), heartbeat);
                }
            }
        }

        private static void PushChildren(Stack<(Node, bool)> stack, MappingNode m, bool etcd)
        {
            foreach (MappingEntry e in m.Entries)
            {
                Push(stack, e.Value, etcd);
            }
        }

        /// <summary>Only mappings and sequences are visited: a scalar holds nothing to walk, and 5 million of them once cost 300 MB of visit records.</summary>
        private static void Push(Stack<(Node, bool)> stack, Node node, bool etcd)
        {
            if (node is not ScalarNode)
            {
                stack.Push((node, etcd));
            }
        }
    }
}
