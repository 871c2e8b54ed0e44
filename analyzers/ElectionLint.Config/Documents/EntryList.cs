using System;
using System.Collections.Generic;

namespace ElectionLint.Config.Documents
{
    /// <summary>
    /// The entries of one mapping as a reader adds them. A key written more than <see cref="KeptRepeats"/> times keeps its
    /// first <see cref="KeptRepeats"/> occurrences and its last: each repeat is still a problem of its own, but 1.9 million
    /// repeats of one key are not 1.9 million entries. A reader that takes a key's first occurrence and a recogniser that
    /// takes its last see what they would see in the whole list, in the same order.
    /// </summary>
    internal sealed class EntryList
    {
        public const int KeptRepeats = 8;

        // Dropped repeats leave a hole until the list is built; holes are squeezed out once they are most of it.
        private const int MinHolesToSqueeze = 4096;

        private readonly List<MappingEntry?> _entries = new List<MappingEntry?>();
        private readonly IEqualityComparer<string> _comparer;
        private Dictionary<string, Repeats>? _keys;
        private int _holes;

        public EntryList(IEqualityComparer<string> comparer)
        {
            _comparer = comparer;
        }

        private struct Repeats
        {
            public int FirstLine;
            public int Count;
            public int LastAt; // where the latest repeat past KeptRepeats is, or -1
        }

        /// <summary>The keys counted by <see cref="Count(string, int, out int)"/>.</summary>
        public IEnumerable<string> Keys => _keys?.Keys ?? (IEnumerable<string>)Array.Empty<string>();

        /// <summary>Counts an occurrence of <paramref name="key"/>, written on <paramref name="line"/>; false when the key was
        /// written before, with the line it was first written on. Its entry follows through <see cref="Add(MappingEntry, string)"/>.</summary>
        public bool Count(string key, int line, out int firstLine)
        {
            _keys ??= new Dictionary<string, Repeats>(_comparer);
            if (!_keys.TryGetValue(key, out Repeats r))
            {
                _keys[key] = new Repeats { FirstLine = line, Count = 1, LastAt = -1 };
                firstLine = line;
                return true;
            }

            r.Count++;
            _keys[key] = r;
            firstLine = r.FirstLine;
            return false;
        }

        /// <summary>Adds the entry of the occurrence of <paramref name="key"/> counted last.</summary>
        public void Add(MappingEntry entry, string key)
        {
            Repeats r = _keys![key];
            if (r.Count <= KeptRepeats)
            {
                _entries.Add(entry);
                return;
            }

            if (r.LastAt >= 0 && r.LastAt == _entries.Count - 1)
            {
                _entries[r.LastAt] = entry; // the repeat before it was the last entry: this one takes its place
                return;
            }

            if (r.LastAt >= 0)
            {
                _entries[r.LastAt] = null;
                _holes++;
            }

            r.LastAt = _entries.Count;
            _keys[key] = r;
            _entries.Add(entry);
            if (_holes >= MinHolesToSqueeze && _holes * 2 > _entries.Count)
            {
                Squeeze();
            }
        }

        /// <summary>Adds an entry with no key to count (a complex or null key, or a merged entry).</summary>
        public void Add(MappingEntry entry) => _entries.Add(entry);

        public MappingEntry[] ToArray()
        {
            var result = new MappingEntry[_entries.Count - _holes];
            int j = 0;
            foreach (MappingEntry? e in _entries)
            {
                if (e != null)
                {
                    result[j++] = e;
                }
            }

            return result;
        }

        private void Squeeze()
        {
            int j = 0;
            for (int i = 0; i < _entries.Count; i++)
            {
                MappingEntry? e = _entries[i];
                if (e == null)
                {
                    continue;
                }

                if (e.Key is ScalarNode s && _keys!.TryGetValue(s.Value, out Repeats r) && r.LastAt == i)
                {
                    r.LastAt = j;
                    _keys[s.Value] = r;
                }

                _entries[j++] = e;
            }

            _entries.RemoveRange(j, _entries.Count - j);
            _holes = 0;
        }
    }
}
