using System;
using System.Collections.Generic;

namespace ElectionLint.Rules.Profile
{
    /// <summary>
    /// Path globs of the profile: <c>*</c> within a segment, <c>**</c> across segments, <c>?</c>, <c>{a,b}</c>.
    /// Paths are relative to the profile's folder and use '/'. A pattern without '/' matches a name at any depth.
    /// </summary>
    /// <remarks>
    /// Compiled once to a small automaton, run over the path as a set of states whose transitions are remembered
    /// (<see cref="GlobAutomaton"/>): a match costs path length steps once the states it passes through are known, whatever
    /// the pattern (no backtracking: "**/**/…/zzz" stays linear). Hand-written rather than
    /// Microsoft.Extensions.FileSystemGlobbing so the analyzer loads no extra assembly.
    /// </remarks>
    public sealed class Glob
    {
        internal enum Op
        {
            Char,
            AnyButSlash,
            Any,
            Split,
            Jump,
            Match,
        }

        private readonly List<(Op Op, char C, int X, int Y)> _program = new List<(Op, char, int, int)>();

        private readonly GlobAutomaton _automaton;

        public Glob(string pattern)
        {
            Pattern = pattern;
            string p = pattern.Replace('\\', '/');
            if (p.StartsWith("./", StringComparison.Ordinal))
            {
                p = p.Substring(2);
            }

            bool anchored = p.IndexOf('/') >= 0 && !p.StartsWith("**/", StringComparison.Ordinal);
            p = p.TrimStart('/');
            if (p.EndsWith("/", StringComparison.Ordinal))
            {
                p += "**";
            }

            if (!anchored)
            {
                AnyFolders(); // a name at any depth
            }

            for (int i = 0; i < p.Length; i++)
            {
                char c = p[i];
                if (c == '*')
                {
                    if (i + 1 < p.Length && p[i + 1] == '*')
                    {
                        bool slashAfter = i + 2 < p.Length && p[i + 2] == '/';
                        if (slashAfter)
                        {
                            AnyFolders();
                        }
                        else
                        {
                            Repeat(Op.Any);
                        }

                        i += slashAfter ? 2 : 1;
                    }
                    else
                    {
                        Repeat(Op.AnyButSlash);
                    }
                }
                else if (c == '?')
                {
                    Emit(Op.AnyButSlash);
                }
                else if (c == '{' && p.IndexOf('}', i) is int close && close > i)
                {
                    Alternatives(p.Substring(i + 1, close - i - 1).Split(','));
                    i = close;
                }
                else
                {
                    Emit(Op.Char, c);
                }
            }

            // A folder pattern also covers what is below it: (/.*)? then the end.
            int split = Emit(Op.Split);
            int body = Emit(Op.Char, '/');
            Repeat(Op.Any);
            Patch(split, body, _program.Count);
            Emit(Op.Match);
            _automaton = new GlobAutomaton(new[] { Program });
        }

        public string Pattern { get; }

        /// <summary>The compiled program: each state's operation, character and targets.</summary>
        internal IReadOnlyList<(Op Op, char C, int X, int Y)> Program => _program;

        public bool IsMatch(string relativePath) => _automaton.IsMatch(Normalize(relativePath));

        /// <summary>True when any of <paramref name="globs"/> matches: one automaton for all of them, so 40,000 patterns cost one pass.</summary>
        public static Func<string, bool> Any(IReadOnlyList<Glob> globs)
        {
            if (globs.Count == 0)
            {
                return _ => false;
            }

            var programs = new List<IReadOnlyList<(Op, char, int, int)>>(globs.Count);
            foreach (Glob g in globs)
            {
                programs.Add(g.Program);
            }

            var union = new GlobAutomaton(programs);
            return path => union.IsMatch(Normalize(path));
        }

        internal static string Normalize(string relativePath)
        {
            string path = relativePath.Replace('\\', '/').TrimStart('/');
            return path.StartsWith("./", StringComparison.Ordinal) ? path.Substring(2) : path;
        }

        public override string ToString() => Pattern;

        private int Emit(Op op, char c = '\0')
        {
            _program.Add((op, c, 0, 0));
            return _program.Count - 1;
        }

        private void Patch(int at, int x, int y) => _program[at] = (_program[at].Op, _program[at].C, x, y);

        /// <summary>(op)*: a loop that reads op any number of times.</summary>
        private void Repeat(Op op)
        {
            int split = Emit(Op.Split);
            int body = Emit(op);
            int jump = Emit(Op.Jump);
            Patch(jump, split, 0);
            Patch(split, body, _program.Count);
        }

        /// <summary>(.*/)?: no folders, or any number of whole folders.</summary>
        private void AnyFolders()
        {
            int split = Emit(Op.Split);
            int body = _program.Count;
            Repeat(Op.Any);
            Emit(Op.Char, '/');
            Patch(split, body, _program.Count);
        }

        /// <summary>{a,b,c}: one of the words.</summary>
        private void Alternatives(string[] words)
        {
            var jumps = new List<int>();
            for (int k = 0; k < words.Length; k++)
            {
                int split = k < words.Length - 1 ? Emit(Op.Split) : -1;
                int start = _program.Count;
                foreach (char c in words[k])
                {
                    Emit(Op.Char, c);
                }

                jumps.Add(Emit(Op.Jump));
                if (split >= 0)
                {
                    Patch(split, start, _program.Count);
                }
            }

            foreach (int j in jumps)
            {
                Patch(j, _program.Count, 0);
            }
        }
    }

    /// <summary>
    /// Globs' programs run as one automaton: the set of states after each character is a DFA state, built the first time
    /// it is reached and remembered with its transitions, so paths that share prefixes share the work. Only the states in
    /// a set are visited (never the whole program: a 1 MB glob stays cheap). The remembered states are bounded; past the
    /// bound, transitions are computed without being kept.
    /// </summary>
    internal sealed class GlobAutomaton
    {
        private const int MaxRememberedStates = 1 << 20;

        private readonly Glob.Op[] _op;
        private readonly char[] _char;
        private readonly int[] _x;
        private readonly int[] _y;
        private readonly object _gate = new object();
        private readonly Dictionary<int[], DState> _states = new Dictionary<int[], DState>(new SetComparer());
        private readonly DState _start;
        private int _remembered;

        public GlobAutomaton(IReadOnlyList<IReadOnlyList<(Glob.Op Op, char C, int X, int Y)>> programs)
        {
            // The union: a chain of splits to each program's start, each program's targets moved by its offset.
            int total = Math.Max(0, programs.Count - 1);
            foreach (var p in programs)
            {
                total += p.Count;
            }

            _op = new Glob.Op[total];
            _char = new char[total];
            _x = new int[total];
            _y = new int[total];
            int chain = programs.Count - 1, at = chain;
            for (int k = 0; k < programs.Count; k++)
            {
                int offset = at;
                if (k < chain)
                {
                    _op[k] = Glob.Op.Split;
                    _x[k] = offset;
                    _y[k] = k + 1 < chain ? k + 1 : offset + programs[k].Count;
                }

                foreach ((Glob.Op op, char c, int x, int y) in programs[k])
                {
                    _op[at] = op;
                    _char[at] = c;
                    _x[at] = x + offset;
                    _y[at] = y + offset;
                    at++;
                }
            }

            _start = Intern(Closure(new[] { 0 }, -1));
        }

        public bool IsMatch(string path)
        {
            DState state = _start;
            foreach (char c in path)
            {
                state = Next(state, c);
                if (state.States.Length == 0)
                {
                    return false;
                }
            }

            return state.Accepts;
        }

        private DState Next(DState from, char c)
        {
            lock (_gate)
            {
                if (from.Next.TryGetValue(c, out DState? known))
                {
                    return known;
                }
            }

            int[] states = Closure(from.States, c);
            lock (_gate)
            {
                if (_remembered >= MaxRememberedStates)
                {
                    return new DState(states, Accepts(states));
                }

                DState next = Intern(states);
                from.Next[c] = next;
                return next;
            }
        }

        /// <summary>The states reached from <paramref name="from"/> by reading <paramref name="c"/> (-1: none, the start), with what follows them for free.</summary>
        private int[] Closure(int[] from, int c)
        {
            var reached = new HashSet<int>();
            var stack = new Stack<int>();
            foreach (int s in from)
            {
                if (c < 0)
                {
                    stack.Push(s);
                }
                else if ((_op[s] == Glob.Op.Char && _char[s] == c) || (_op[s] == Glob.Op.AnyButSlash && c != '/') || _op[s] == Glob.Op.Any)
                {
                    stack.Push(s + 1);
                }
            }

            var result = new List<int>();
            while (stack.Count > 0)
            {
                int s = stack.Pop();
                if (!reached.Add(s))
                {
                    continue;
                }

                switch (_op[s])
                {
                    case Glob.Op.Split:
                        stack.Push(_x[s]);
                        stack.Push(_y[s]);
                        break;
                    case Glob.Op.Jump:
                        stack.Push(_x[s]);
                        break;
                    default:
                        result.Add(s); // only states that read a character, or accept, are kept
                        break;
                }
            }

            int[] sorted = result.ToArray();
            Array.Sort(sorted);
            return sorted;
        }

        private bool Accepts(int[] states)
        {
            foreach (int s in states)
            {
                if (_op[s] == Glob.Op.Match)
                {
                    return true;
                }
            }

            return false;
        }

        private DState Intern(int[] states)
        {
            if (!_states.TryGetValue(states, out DState? d))
            {
                _states[states] = d = new DState(states, Accepts(states));
                _remembered += Math.Max(1, states.Length);
            }

            return d;
        }

        /// <summary>Sorted state sets compared by their contents.</summary>
        private sealed class SetComparer : IEqualityComparer<int[]>
        {
            public bool Equals(int[]? a, int[]? b)
            {
                if (a == null || b == null || a.Length != b.Length)
                {
                    return ReferenceEquals(a, b);
                }

                for (int i = 0; i < a.Length; i++)
                {
                    if (a[i] != b[i])
                    {
                        return false;
                    }
                }

                return true;
            }

            public int GetHashCode(int[] set)
            {
                int hash = set.Length;
                foreach (int s in set)
                {
                    hash = unchecked((hash * 31) + s);
                }

                return hash;
            }
        }

        private sealed class DState
        {
            public DState(int[] states, bool accepts)
            {
                States = states;
                Accepts = accepts;
            }

            public int[] States { get; }

            public bool Accepts { get; }

            public Dictionary<char, DState> Next { get; } = new Dictionary<char, DState>();
        }
    }
}
