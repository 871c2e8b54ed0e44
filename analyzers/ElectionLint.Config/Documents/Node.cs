using System;
using System.Collections.Generic;
using ElectionLint.Config.Source;

namespace ElectionLint.Config.Documents
{
    public enum ScalarStyle : byte
    {
        Plain,
        SingleQuoted,
        DoubleQuoted,
        Literal,
        Folded,
    }

    /// <summary>A node of a YAML or JSON document, or a value of a properties file, with its exact span.</summary>
    public abstract class Node
    {
        protected Node(SourceSpan span)
        {
            Span = span;
        }

        public SourceSpan Span { get; }
    }

    public sealed class ScalarNode : Node
    {
        public ScalarNode(string value, ScalarStyle style, SourceSpan span)
            : base(span)
        {
            Value = value;
            Style = style;
        }

        public string Value { get; }

        public ScalarStyle Style { get; }

        /// <summary>True for a plain scalar that YAML reads as null (~, null, empty).</summary>
        public bool IsNull => Style == ScalarStyle.Plain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

        /// <summary>The span of the value without quotes (what a fix replaces).</summary>
        public SourceSpan ContentSpan(SourceText text)
        {
            if ((Style == ScalarStyle.SingleQuoted || Style == ScalarStyle.DoubleQuoted) && Span.Length >= 2 && Span.StartLine == Span.EndLine)
            {
                // Inside the quotes, on the same line. The span is shifted, not mapped again: in a file a ConfigMap holds, the
                // node's span is already the outer file's (mapping it twice put findings lines away from the value).
                return new SourceSpan(Span.StartLine, Span.StartColumn + 1, Span.EndLine, Span.EndColumn - 1, Span.StartOffset + 1, Span.EndOffset - 1);
            }

            return Span;
        }

        public override string ToString() => Value;
    }

    public sealed class SequenceNode : Node
    {
        public SequenceNode(IReadOnlyList<Node> items, SourceSpan span)
            : base(span)
        {
            Items = items;
        }

        public IReadOnlyList<Node> Items { get; }
    }

    public sealed class MappingEntry
    {
        public MappingEntry(Node key, Node value)
        {
            Key = key;
            Value = value;
        }

        public Node Key { get; }

        public Node Value { get; }

        /// <summary>The key as text (a scalar key's value; empty for complex keys).</summary>
        public string KeyText => Key is ScalarNode s ? s.Value : string.Empty;
    }

    public sealed class MappingNode : Node
    {
        public MappingNode(IReadOnlyList<MappingEntry> entries, SourceSpan span)
            : base(span)
        {
            Entries = entries;
        }

        /// <summary>Entries in source order; entries merged with &lt;&lt; come after the mapping's own.</summary>
        public IReadOnlyList<MappingEntry> Entries { get; }

        /// <summary>The value of the first entry with this key (ordinal, or ignoring case).</summary>
        public Node? Get(string key, bool ignoreCase = false) => Entry(key, ignoreCase)?.Value;

        /// <summary>The first entry with this key (called for every key a recogniser looks for: no enumerator is made).</summary>
        public MappingEntry? Entry(string key, bool ignoreCase = false)
        {
            IReadOnlyList<MappingEntry> entries = Entries;
            StringComparison comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if (entries is ScalarEntries compact)
            {
                return compact.Find(key, comparison); // a long mapping: keys compared where they are kept
            }

            for (int i = 0; i < entries.Count; i++)
            {
                MappingEntry e = entries[i];
                if (e.Key is ScalarNode s && string.Equals(s.Value, key, comparison))
                {
                    return e;
                }
            }

            return null;
        }

        public string? GetText(string key) => Get(key) is ScalarNode s && !s.IsNull ? s.Value : null;
    }
}
