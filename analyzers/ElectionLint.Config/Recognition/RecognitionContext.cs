using System;
using System.Collections.Generic;
using ElectionLint.Config.Documents;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Model;

namespace ElectionLint.Config.Recognition
{
    /// <summary>State of recognising one file: its text, the scopes found, and nodes already consumed by a shape.</summary>
    internal sealed class RecognitionContext
    {
        private readonly Dictionary<ScalarNode, int> _cursors = new Dictionary<ScalarNode, int>(ReferenceEqualityComparer.Instance);

        public RecognitionContext(SourceText text)
        {
            Text = text;
        }

        public SourceText Text { get; }

        public List<Scope> Scopes { get; } = new List<Scope>();

        /// <summary>The ConfigMaps of the file, by name: their data supplies the variables of a container's envFrom.</summary>
        public Dictionary<string, MappingNode> ConfigMaps { get; } = new Dictionary<string, MappingNode>(StringComparer.Ordinal);

        /// <summary>Nodes a shape has read (an env list under a container) so the generic pass does not read them again.</summary>
        public NodeSet Consumed { get; } = new NodeSet();

        // The scalars Locate has searched, in order, so a finished document's can be let go.
        private readonly List<ScalarNode> _located = new List<ScalarNode>();

        /// <summary>patroni.yml's <c>bootstrap.dcs</c> mappings: read as Patroni's <see cref="Rules.Systems.Patroni.BootstrapDcs"/> variant.</summary>
        public HashSet<MappingNode> PatroniBootstrap { get; } = new HashSet<MappingNode>(ReferenceEqualityComparer.Instance);

        /// <summary>patroni.yml's local <c>watchdog</c> section, by the <c>bootstrap.dcs</c> mapping whose scope reads it.</summary>
        public Dictionary<MappingNode, MappingEntry> PatroniWatchdog { get; } = new Dictionary<MappingNode, MappingEntry>(ReferenceEqualityComparer.Instance);

        /// <summary>The DCS section patroni.yml's local configuration names (its key), by the <c>bootstrap.dcs</c> mapping.</summary>
        public Dictionary<MappingNode, MappingEntry> PatroniDcs { get; } = new Dictionary<MappingNode, MappingEntry>(ReferenceEqualityComparer.Instance);

        public Scope NewScope(string system, SourceSpan anchor, string? variant = null)
        {
            var scope = new Scope(system, anchor, variant);
            Scopes.Add(scope);
            return scope;
        }

        /// <summary>
        /// The span of <paramref name="needle"/> inside a scalar's source (a flag's value inside "--x=100" or a shell script),
        /// searching forward from where the last search in that scalar ended; the scalar's own span when not found verbatim.
        /// </summary>
        public SourceSpan Locate(ScalarNode node, string needle)
        {
            if (needle.Length == 0)
            {
                return node.ContentSpan(Text);
            }

            int start = _cursors.TryGetValue(node, out int c) ? c : node.Span.StartOffset;
            int end = Math.Min(node.Span.EndOffset, Text.Text.Length);
            int idx = start <= end ? Text.Text.IndexOf(needle, start, end - start, StringComparison.Ordinal) : -1;
            if (idx < 0)
            {
                return node.ContentSpan(Text);
            }

            if (!_cursors.ContainsKey(node))
            {
                _located.Add(node);
            }

            _cursors[node] = idx + needle.Length;
            return Text.Span(idx, idx + needle.Length);
        }

        /// <summary>Adds a scalar setting under a surface name. In etcd's own config file a quoted number is a string etcd cannot read.</summary>
        public void AddKey(Scope scope, Surfaces.SurfaceName surface, MappingEntry entry, bool etcdConfigFile = false)
        {
            if (entry.Value is not ScalarNode value)
            {
                return;
            }

            SourceSpan keySpan = entry.Key.Span;
            if (etcdConfigFile && !value.IsNull && value.Style != ScalarStyle.Plain && !Scope.IsTemplated(value.Value))
            {
                scope.AddInvalid(surface.Setting, value.Value, $"etcd's config file reads a quoted value as a string, not an integer; write {value.Value} without quotes", new SettingLocation(value.ContentSpan(Text), keySpan), entry.KeyText);
                return;
            }

            scope.Add(surface.Setting, value, Text, entry.KeyText, keySpan, surface.Format);
        }

        /// <summary>Where the state of the documents read so far ends.</summary>
        public (int Consumed, int Located) Mark() => (Consumed.Count, _located.Count);

        /// <summary>
        /// Lets go of what was noted about the nodes of a finished <paramref name="document"/> since <paramref name="mark"/>:
        /// no later document reaches them (only ConfigMaps are reached from other documents, and they are not forgotten).
        /// </summary>
        public void Forget((int Consumed, int Located) mark, Node document)
        {
            Consumed.ForgetSince(mark.Consumed, document.Span);
            int j = mark.Located;
            for (int i = mark.Located; i < _located.Count; i++)
            {
                ScalarNode n = _located[i];
                if (NodeSet.Inside(n.Span, document.Span))
                {
                    _cursors.Remove(n);
                }
                else
                {
                    _located[j++] = n;
                }
            }

            _located.RemoveRange(j, _located.Count - j);
        }

        /// <summary>Nodes by reference, in the order they were added, so those of a finished document can be let go.</summary>
        internal sealed class NodeSet
        {
            private readonly HashSet<Node> _set = new HashSet<Node>(ReferenceEqualityComparer.Instance);
            private readonly List<Node> _added = new List<Node>();

            public int Count => _added.Count;

            public bool Add(Node node)
            {
                if (!_set.Add(node))
                {
                    return false;
                }

                _added.Add(node);
                return true;
            }

            public bool Contains(Node node) => _set.Contains(node);

            /// <summary>Forgets the nodes added since <paramref name="mark"/> that lie inside <paramref name="span"/>.</summary>
            public void ForgetSince(int mark, SourceSpan span)
            {
                int j = mark;
                for (int i = mark; i < _added.Count; i++)
                {
                    Node n = _added[i];
                    if (Inside(n.Span, span))
                    {
                        _set.Remove(n);
                    }
                    else
                    {
                        _added[j++] = n;
                    }
                }

                _added.RemoveRange(j, _added.Count - j);
            }

            public static bool Inside(SourceSpan inner, SourceSpan outer) => inner.StartOffset >= outer.StartOffset && inner.EndOffset <= outer.EndOffset;
        }

        private sealed class ReferenceEqualityComparer : IEqualityComparer<Node>, IEqualityComparer<ScalarNode>
        {
            public static readonly ReferenceEqualityComparer Instance = new ReferenceEqualityComparer();

            public bool Equals(Node? x, Node? y) => ReferenceEquals(x, y);

            public int GetHashCode(Node obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);

            public bool Equals(ScalarNode? x, ScalarNode? y) => ReferenceEquals(x, y);

            public int GetHashCode(ScalarNode obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }
    }
}
