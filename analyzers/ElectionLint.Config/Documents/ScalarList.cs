using System.Collections;
using System.Collections.Generic;
using ElectionLint.Config.Source;

namespace ElectionLint.Config.Documents
{
    /// <summary>
    /// The items of a long sequence of plain scalars (a one-line flow sequence of 4.8 million values) kept as values and
    /// offsets, about 17 bytes an item instead of a node's 64, so a tree stays a few times its file's size. Reading an item
    /// makes a new <see cref="ScalarNode"/> equal to the one the reader made: same value, style and span.
    /// </summary>
    internal sealed class ScalarList : IReadOnlyList<Node>
    {
        /// <summary>Sequences shorter than this keep their nodes.</summary>
        public const int MinItems = 1024;

        private const int ChunkBits = 12;
        private const int ChunkSize = 1 << ChunkBits;

        // Spans are offsets into the outermost text (a ConfigMap's file); its line index gives lines and columns back.
        private readonly SourceText _root;
        private readonly List<Chunk> _chunks = new List<Chunk>();

        public ScalarList(SourceText source, IEnumerable<Node> items)
        {
            _root = source.Root;
            foreach (Node item in items)
            {
                Add((ScalarNode)item);
            }
        }

        private sealed class Chunk
        {
            public readonly string[] Values = new string[ChunkSize];
            public readonly int[] Starts = new int[ChunkSize];
            public readonly int[] Ends = new int[ChunkSize];
            public readonly ScalarStyle[] Styles = new ScalarStyle[ChunkSize];
        }

        public int Count { get; private set; }

        public void Add(ScalarNode node)
        {
            int at = Count & (ChunkSize - 1);
            if (at == 0)
            {
                _chunks.Add(new Chunk());
            }

            Chunk c = _chunks[_chunks.Count - 1];
            c.Values[at] = node.Value;
            c.Starts[at] = node.Span.StartOffset;
            c.Ends[at] = node.Span.EndOffset;
            c.Styles[at] = node.Style;
            Count++;
        }

        public Node this[int index]
        {
            get
            {
                if ((uint)index >= (uint)Count)
                {
                    throw new System.ArgumentOutOfRangeException(nameof(index));
                }

                Chunk c = _chunks[index >> ChunkBits];
                int at = index & (ChunkSize - 1);
                return new ScalarNode(c.Values[at], c.Styles[at], _root.Span(c.Starts[at], c.Ends[at]));
            }
        }

        public IEnumerator<Node> GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
