using System;
using System.Collections.Generic;
using ElectionLint.Config.Source;

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

        // Slots in order: nodes, or, for a long mapping of plain scalars, values and offsets (ScalarEntries). A slot is empty
        // (null) where a dropped repeat was, until the list is built.
        private List<MappingEntry?>? _entries = new List<MappingEntry?>();
        private ScalarEntries? _compact;
        private HashSet<int>? _anchored; // slots whose scalars have an anchor or a tag (rare), until the slots are compact
        private readonly int _longFrom = ScalarEntries.MinEntries; // read once: it is per thread
        private bool _long; // the slots reached _longFrom
        private readonly SourceText _source;
        private readonly IEqualityComparer<string> _comparer;
        // Each key's first line and count (the high and low halves), and, for keys repeated past KeptRepeats, where the
        // latest repeat is: most mappings have no repeats, and a JSON object of 800,000 keys keeps 8 bytes a key here.
        private Dictionary<string, long>? _keys;
        private Dictionary<string, int>? _lastAt;
        private int _holes;

        public EntryList(SourceText source, IEqualityComparer<string> comparer)
        {
            _source = source;
            _comparer = comparer;
        }

        /// <summary>The keys counted by <see cref="Count(string, int, out int)"/>.</summary>
        public IEnumerable<string> Keys => _keys?.Keys ?? (IEnumerable<string>)Array.Empty<string>();

        /// <summary>Counts an occurrence of <paramref name="key"/>, written on <paramref name="line"/>; false when the key was
        /// written before, with the line it was first written on. Its entry follows through <see cref="Add(MappingEntry, string, bool)"/>.</summary>
        public bool Count(string key, int line, out int firstLine)
        {
            _keys ??= new Dictionary<string, long>(_comparer);
            if (!_keys.TryGetValue(key, out long r))
            {
                _keys[key] = ((long)line << 32) | 1;
                firstLine = line;
                return true;
            }

            _keys[key] = r + 1;
            firstLine = (int)(r >> 32);
            return false;
        }

        /// <summary>Adds the entry of the occurrence of <paramref name="key"/> counted last.</summary>
        /// <param name="plain">Its key and value are scalars with no anchor and no tag.</param>
        public void Add(MappingEntry entry, string key, bool plain)
        {
            if ((int)_keys![key] <= KeptRepeats)
            {
                Append(entry, plain);
                return;
            }

            _lastAt ??= new Dictionary<string, int>(_comparer);
            if (_lastAt.TryGetValue(key, out int lastAt))
            {
                if (lastAt == Slots - 1)
                {
                    Put(lastAt, entry, plain); // the repeat before it was the last entry: this one takes its place
                    return;
                }

                Put(lastAt, null, true);
                _holes++;
            }

            _lastAt[key] = Slots;
            Append(entry, plain);
            if (_holes >= MinHolesToSqueeze && _holes * 2 > Slots)
            {
                Squeeze();
            }
        }

        /// <summary>Adds an entry with no key to count (a complex or null key, or a merged entry).</summary>
        public void Add(MappingEntry entry) => Append(entry, plain: false);

        /// <summary>The entries, without empty slots.</summary>
        public IReadOnlyList<MappingEntry> Build()
        {
            if (_holes > 0)
            {
                Squeeze();
            }

            if (_compact != null)
            {
                return _compact;
            }

            var result = new MappingEntry[_entries!.Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = _entries[i]!;
            }

            return result;
        }

        private int Slots => _compact?.Count ?? _entries!.Count;

        private void Append(MappingEntry entry, bool plain)
        {
            if (_compact != null)
            {
                _compact.Add(entry, plain && ScalarEntries.Holds(entry));
                return;
            }

            _entries!.Add(entry);
            Note(_entries.Count - 1, entry, plain);
            if (!_long && _entries.Count == _longFrom)
            {
                _long = true;
                int plainCount = 0;
                for (int i = 0; i < _entries.Count; i++)
                {
                    plainCount += IsPlain(i) ? 1 : 0;
                }

                if (plainCount * 2 >= _entries.Count)
                {
                    // Mostly plain scalars: the long mapping keeps them as values, and its other entries as they are.
                    _compact = new ScalarEntries(_source);
                    for (int i = 0; i < _entries.Count; i++)
                    {
                        if (_entries[i] is MappingEntry e)
                        {
                            _compact.Add(e, IsPlain(i));
                        }
                        else
                        {
                            _compact.AddEmpty();
                        }
                    }

                    _entries = null;
                    _anchored = null;
                }
            }
        }

        /// <summary>Notes a slot whose scalars are not plain (an anchor or a tag), while the slots are nodes.</summary>
        private void Note(int index, MappingEntry? entry, bool plain)
        {
            if (entry != null && !plain && ScalarEntries.Holds(entry))
            {
                (_anchored ??= new HashSet<int>()).Add(index);
            }
            else
            {
                _anchored?.Remove(index);
            }
        }

        private bool IsPlain(int i) => _entries![i] is MappingEntry e && ScalarEntries.Holds(e) && !(_anchored?.Contains(i) ?? false);

        private void Put(int index, MappingEntry? entry, bool plain)
        {
            if (_compact != null)
            {
                if (entry == null)
                {
                    _compact.Clear(index);
                }
                else
                {
                    _compact.Set(index, entry, plain && ScalarEntries.Holds(entry));
                }

                return;
            }

            _entries![index] = entry;
            Note(index, entry, plain);
        }

        private string? KeyAt(int i) => _compact != null ? _compact.KeyAt(i) : (_entries![i]?.Key as ScalarNode)?.Value;

        private bool IsEmpty(int i) => _compact != null ? _compact.KeyAt(i) == null : _entries![i] == null;

        private void Squeeze()
        {
            int j = 0;
            int slots = Slots;
            for (int i = 0; i < slots; i++)
            {
                if (IsEmpty(i))
                {
                    continue;
                }

                if (_lastAt != null && KeyAt(i) is string key && _lastAt.TryGetValue(key, out int lastAt) && lastAt == i)
                {
                    _lastAt[key] = j;
                }

                if (_compact != null)
                {
                    _compact.Move(i, j);
                }
                else
                {
                    _entries![j] = _entries[i];
                    if (_anchored != null && _anchored.Remove(i))
                    {
                        _anchored.Add(j); // j < i: no slot still to move is there
                    }
                }

                j++;
            }

            if (_compact != null)
            {
                _compact.Truncate(j);
            }
            else
            {
                _entries!.RemoveRange(j, _entries.Count - j);
            }

            _holes = 0;
        }
    }
}
