using System;
using System.Collections.Generic;

namespace ElectionLint.Rules.Profile
{
    /// <summary>
    /// Path globs of the profile: <c>*</c> within a segment, <c>**</c> across segments, <c>?</c>, <c>{a,b}</c>.
    /// Paths are relative to the profile's folder and use '/'. A pattern without '/' matches a name at any depth.
    /// </summary>
    /// <remarks>
    /// Compiled to a small automaton and run over the path with a set of states, so a match costs at most
    /// pattern length × path length steps whatever the pattern (no backtracking: "**/**/…/zzz" stays linear).
    /// Hand-written rather than Microsoft.Extensions.FileSystemGlobbing so the analyzer loads no extra assembly.
    /// </remarks>
    public sealed class Glob
    {
        private enum Op
        {
            Char,
            AnyButSlash,
            Any,
            Split,
            Jump,
            Match,
        }

        private readonly List<(Op Op, char C, int X, int Y)> _program = new List<(Op, char, int, int)>();

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
        }

        public string Pattern { get; }

        public bool IsMatch(string relativePath)
        {
            string path = relativePath.Replace('\\', '/').TrimStart('/');
            if (path.StartsWith("./", StringComparison.Ordinal))
            {
                path = path.Substring(2);
            }

            var current = new bool[_program.Count];
            var next = new bool[_program.Count];
            var stack = new Stack<int>();
            Close(0, current, stack);
            foreach (char c in path)
            {
                Array.Clear(next, 0, next.Length);
                bool any = false;
                for (int s = 0; s < current.Length; s++)
                {
                    if (!current[s])
                    {
                        continue;
                    }

                    (Op op, char ch, _, _) = _program[s];
                    if ((op == Op.Char && ch == c) || (op == Op.AnyButSlash && c != '/') || op == Op.Any)
                    {
                        Close(s + 1, next, stack);
                        any = true;
                    }
                }

                if (!any)
                {
                    return false;
                }

                (current, next) = (next, current);
            }

            return current[_program.Count - 1];
        }

        public override string ToString() => Pattern;

        /// <summary>Adds a state and everything reachable from it without reading a character.</summary>
        private void Close(int start, bool[] set, Stack<int> stack)
        {
            stack.Push(start);
            while (stack.Count > 0)
            {
                int s = stack.Pop();
                if (set[s])
                {
                    continue;
                }

                set[s] = true;
                (Op op, _, int x, int y) = _program[s];
                if (op == Op.Split)
                {
                    stack.Push(x);
                    stack.Push(y);
                }
                else if (op == Op.Jump)
                {
                    stack.Push(x);
                }
            }
        }

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
}
