using System;
using System.Collections;
using System.Collections.Generic;
using ElectionLint.Config.Source;

namespace ElectionLint.Config.Documents
{
    /// <summary>
    /// The entries of a long mapping (a JSON object of 800,000 keys): a plain scalar keyed by a plain scalar is kept as values
    /// and offsets, about 34 bytes instead of an entry and two nodes' 152, so a tree stays a few times its file's size; other
    /// entries are kept as they are. Reading a kept scalar entry makes a new <see cref="MappingEntry"/> equal to the one the
    /// reader made. While the mapping is read, a slot may be empty (a dropped repeat of a key, <see cref="EntryList"/>); a
    /// built mapping has none.
    /// </summary>
    internal sealed class ScalarEntries : IReadOnlyList<MappingEntry>
    {
        /// <summary>Mappings with fewer entries keep their nodes.</summary>
        public static int MinEntries
        {
            get => _minEntries ?? 1024;
            set => _minEntries = value; // tests, on their own thread
        }

        [ThreadStatic]
        private static int? _minEntries;

        private const int ChunkBits = 12;
        private const int ChunkSize = 1 << ChunkBits;

        private readonly SourceText _root;
        private readonly List<Chunk> _chunks = new List<Chunk>();
        private Dictionary<int, MappingEntry>? _nodes; // the slots whose entry is kept as it is

        public ScalarEntries(SourceText source)
        {
            _root = source.Root;
        }

        private sealed class Chunk
        {
            public readonly string?[] Keys = new string?[ChunkSize];
            public readonly string[] Values = new string[ChunkSize];
            public readonly int[] Offsets = new int[4 * ChunkSize]; // key start, key end, value start, value end
            public readonly byte[] Styles = new byte[ChunkSize]; // key style in the high half, value style in the low
        }

        public int Count { get; private set; }

        /// <summary>True when the entry's key and value are scalars (this list keeps them as values when they are plain).</summary>
        public static bool Holds(MappingEntry entry) => entry.Key is ScalarNode && entry.Value is ScalarNode;

        /// <param name="plain">The key and value are scalars with no anchor and no tag: kept as values and offsets.</param>
        public void Add(MappingEntry entry, bool plain)
        {
            if ((Count & (ChunkSize - 1)) == 0 && Count >> ChunkBits == _chunks.Count)
            {
                _chunks.Add(new Chunk());
            }

            Count++;
            Set(Count - 1, entry, plain);
        }

        /// <summary>Adds an empty slot.</summary>
        public void AddEmpty()
        {
            if ((Count & (ChunkSize - 1)) == 0 && Count >> ChunkBits == _chunks.Count)
            {
                _chunks.Add(new Chunk());
            }

            Count++;
            Clear(Count - 1);
        }

        public void Set(int index, MappingEntry entry, bool plain)
        {
            Chunk c = _chunks[index >> ChunkBits];
            int at = index & (ChunkSize - 1);
            if (!plain || !Holds(entry))
            {
                c.Keys[at] = entry.KeyText;
                c.Values[at] = null!;
                (_nodes ??= new Dictionary<int, MappingEntry>())[index] = entry;
                return;
            }

            _nodes?.Remove(index);
            var key = (ScalarNode)entry.Key;
            var value = (ScalarNode)entry.Value;
            c.Keys[at] = key.Value;
            c.Values[at] = value.Value;
            c.Offsets[4 * at] = key.Span.StartOffset;
            c.Offsets[(4 * at) + 1] = key.Span.EndOffset;
            c.Offsets[(4 * at) + 2] = value.Span.StartOffset;
            c.Offsets[(4 * at) + 3] = value.Span.EndOffset;
            c.Styles[at] = (byte)(((int)key.Style << 4) | (int)value.Style);
        }

        /// <summary>Empties a slot.</summary>
        public void Clear(int index)
        {
            Chunk c = _chunks[index >> ChunkBits];
            c.Keys[index & (ChunkSize - 1)] = null;
            c.Values[index & (ChunkSize - 1)] = null!;
            _nodes?.Remove(index);
        }

        /// <summary>The key of a slot (empty for a complex key); null when the slot is empty.</summary>
        public string? KeyAt(int index) => _chunks[index >> ChunkBits].Keys[index & (ChunkSize - 1)];

        /// <summary>The entry of a slot; null when it is empty.</summary>
        public MappingEntry? Get(int index)
        {
            Chunk c = _chunks[index >> ChunkBits];
            int at = index & (ChunkSize - 1);
            string? key = c.Keys[at];
            if (key == null)
            {
                return null;
            }

            if (_nodes != null && _nodes.TryGetValue(index, out MappingEntry? kept))
            {
                return kept;
            }

            var keyStyle = (ScalarStyle)(c.Styles[at] >> 4);
            var valueStyle = (ScalarStyle)(c.Styles[at] & 0xF);
            return new MappingEntry(
                new ScalarNode(key, keyStyle, _root.Span(c.Offsets[4 * at], c.Offsets[(4 * at) + 1])),
                new ScalarNode(c.Values[at], valueStyle, _root.Span(c.Offsets[(4 * at) + 2], c.Offsets[(4 * at) + 3])));
        }

        /// <summary>Moves a slot's entry to an earlier slot.</summary>
        public void Move(int from, int to)
        {
            Chunk a = _chunks[from >> ChunkBits], b = _chunks[to >> ChunkBits];
            int i = from & (ChunkSize - 1), j = to & (ChunkSize - 1);
            b.Keys[j] = a.Keys[i];
            b.Values[j] = a.Values[i];
            Array.Copy(a.Offsets, 4 * i, b.Offsets, 4 * j, 4);
            b.Styles[j] = a.Styles[i];
            if (_nodes != null && _nodes.TryGetValue(from, out MappingEntry? kept))
            {
                _nodes.Remove(from);
                _nodes[to] = kept;
            }
            else
            {
                _nodes?.Remove(to);
            }
        }

        /// <summary>Keeps the first <paramref name="count"/> slots.</summary>
        public void Truncate(int count)
        {
            Count = count;
            int chunks = (count + ChunkSize - 1) >> ChunkBits;
            _chunks.RemoveRange(chunks, _chunks.Count - chunks);
            if (_nodes != null)
            {
                foreach (int i in new List<int>(_nodes.Keys))
                {
                    if (i >= count)
                    {
                        _nodes.Remove(i);
                    }
                }
            }
        }

        /// <summary>The first entry whose key is <paramref name="key"/>, made only for the match.</summary>
        public MappingEntry? Find(string key, StringComparison comparison)
        {
            for (int i = 0; i < Count; i++)
            {
                if (string.Equals(KeyAt(i), key, comparison) && Get(i) is MappingEntry e && e.Key is ScalarNode)
                {
                    return e;
                }
            }

            return null;
        }

        public MappingEntry this[int index] => (uint)index < (uint)Count ? Get(index) ?? throw new InvalidOperationException("an empty slot") : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<MappingEntry> GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
