using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ElectionLint.Config.Documents;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Profile;

namespace ElectionLint.Config.Recognition
{
    /// <summary>Finds every system's settings in a parsed file. Each instance's locations are <see cref="SettingLocation"/>s.</summary>
    public static class Recognizer
    {
        /// <summary>Words every recognised key, flag or variable contains (a test checks this against the surface tables).</summary>
        private static readonly Regex Triggers = new Regex(
            @"heartbeat[-_.]?(interval|threshold)|election[-_.]?timeout|leader[-_]?elect|session[-_.]?timeout|tick_?time|quorum[._](election|fetch)|max[._]poll|clustermembership",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        /// <summary>False when the text cannot hold any setting ElectionLint recognises (bindings aside).</summary>
        public static bool MayHoldSettings(string text) => Triggers.IsMatch(text);

        public static IReadOnlyList<ConfigurationInstance> Recognize(ParsedFile file, IReadOnlyList<Binding>? bindings = null)
        {
            var ctx = new RecognitionContext(file.Source);
            foreach (Node document in file.Documents)
            {
                if (bindings != null && bindings.Count > 0)
                {
                    BindingShape.Apply(ctx, document, bindings);
                }

                Walk(ctx, document, file.Kind == FileKind.Properties);
            }

            var instances = new List<ConfigurationInstance>(ctx.Scopes.Count);
            foreach (Scope scope in ctx.Scopes)
            {
                if (!scope.IsEmpty)
                {
                    instances.Add(scope.Build());
                }
            }

            return instances;
        }

        /// <summary>Visits every mapping once (aliases may share nodes), iteratively.</summary>
        private static void Walk(RecognitionContext ctx, Node root, bool isProperties)
        {
            var visited = new HashSet<Node>();
            var stack = new Stack<(Node Node, bool Etcd)>();
            stack.Push((root, false));
            bool compose = root is MappingNode r && r.Get("services") is MappingNode;
            bool componentConfig = KeyShapes.IsComponentConfig(root);
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
                                KeyShapes.LeaderElection(ctx, e, componentConfig);
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
                            default:
                                if (KeyShapes.IsOrleansSection(key))
                                {
                                    KeyShapes.Orleans(ctx, e);
                                }

                                break;
                        }

                        stack.Push((e.Value, childEtcd));
                    }
                }
                else if (node is SequenceNode seq)
                {
                    if (ContainerShape.IsEnvList(seq))
                    {
                        ContainerShape.EnvList(ctx, seq, new ContainerShape.Scopes(ctx, seq.Span, etcd: true));
                        continue;
                    }

                    foreach (Node item in seq.Items)
                    {
                        stack.Push((item, etcd));
                    }
                }
            }
        }

        private static void PushChildren(Stack<(Node, bool)> stack, MappingNode m, bool etcd)
        {
            foreach (MappingEntry e in m.Entries)
            {
                stack.Push((e.Value, etcd));
            }
        }
    }
}
