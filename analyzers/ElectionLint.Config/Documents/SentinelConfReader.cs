using System;
using System.Collections.Generic;
using System.Text;
using ElectionLint.Config.Source;

namespace ElectionLint.Config.Documents
{
    /// <summary>
    /// Reads sentinel.conf as Redis and Valkey do (config.c loadServerConfigFromString, sdssplitargs): one directive a line,
    /// '#' comments, arguments split at white space, "double" quotes with backslash escapes and 'single' quotes. The result
    /// is one mapping from each master name to its <c>sentinel &lt;option&gt; &lt;master&gt; &lt;value&gt;</c> options (option
    /// names lower-cased, as Sentinel compares them without case; a repeated option keeps the last value, as Sentinel does).
    /// </summary>
    public static class SentinelConfReader
    {
        public static ParsedFile Read(SourceText source)
        {
            string s = source.Text;
            var problems = new List<FileProblem>();
            // Linear in the file: masters and their options are found by name, and a repeated option's earlier entry is
            // blanked in place and dropped at the end (40,000 masters once took 26 s).
            var masters = new List<(ScalarNode Name, List<MappingEntry?> Options, Dictionary<string, int>? Index)>();
            var byName = new Dictionary<string, int>(StringComparer.Ordinal);
            var shared = new SharedStrings(); // option names and values repeat from master to master
            var line = new List<(string Text, int Start, int End)>(); // one line's arguments, reused
            var quoted = new StringBuilder();
            int lineStart = 0;
            while (lineStart <= s.Length)
            {
                int lineEnd = s.IndexOf('\n', lineStart);
                if (lineEnd < 0)
                {
                    lineEnd = s.Length;
                }

                List<(string Text, int Start, int End)>? args = Split(s, lineStart, lineEnd, line, quoted, out int bad);
                if (args == null)
                {
                    problems.Add(new FileProblem("EL9001", "unbalanced quotes in configuration line; Redis refuses the file", source.Span(bad, bad)));
                }
                else if (args.Count == 4 && string.Equals(args[0].Text, "sentinel", StringComparison.OrdinalIgnoreCase))
                {
                    var option = new ScalarNode(shared.Get(args[1].Text.ToLowerInvariant()), ScalarStyle.Plain, source.Span(args[1].Start, args[1].End));
                    var value = new ScalarNode(shared.Get(args[3].Text), ScalarStyle.Plain, source.Span(args[3].Start, args[3].End));
                    if (!byName.TryGetValue(args[2].Text, out int m))
                    {
                        byName[args[2].Text] = m = masters.Count;
                        masters.Add((new ScalarNode(args[2].Text, ScalarStyle.Plain, source.Span(args[2].Start, args[2].End)), new List<MappingEntry?>(1), null));
                    }

                    // A master's options by name; most masters have one, so the index is made with the second.
                    (ScalarNode master, List<MappingEntry?> options, Dictionary<string, int>? index) = masters[m];
                    if (index == null && options.Count > 0)
                    {
                        index = new Dictionary<string, int>(StringComparer.Ordinal);
                        for (int k = 0; k < options.Count; k++)
                        {
                            if (options[k] is MappingEntry kept)
                            {
                                index[kept.KeyText] = k;
                            }
                        }

                        masters[m] = (master, options, index);
                    }

                    if (index != null)
                    {
                        if (index.TryGetValue(option.Value, out int earlier))
                        {
                            options[earlier] = null;
                        }

                        index[option.Value] = options.Count;
                    }

                    options.Add(new MappingEntry(option, value));
                }

                lineStart = lineEnd + 1;
            }

            // Exact-size arrays: the tree is most of the file's memory.
            var entries = new MappingEntry[masters.Count];
            for (int m = 0; m < masters.Count; m++)
            {
                (ScalarNode name, List<MappingEntry?> options, _) = masters[m];
                int count = 0;
                foreach (MappingEntry? e in options)
                {
                    count += e != null ? 1 : 0;
                }

                var kept = new MappingEntry[count];
                int k = 0;
                foreach (MappingEntry? e in options)
                {
                    if (e != null)
                    {
                        kept[k++] = e;
                    }
                }

                entries[m] = new MappingEntry(name, new MappingNode(kept, name.Span));
                masters[m] = default; // its options are in the tree now
            }

            return new ParsedFile(source, FileKind.SentinelConf, new Node[] { new MappingNode(entries, source.Span(0, s.Length)) }, problems);
        }

        /// <summary>sdssplitargs over one line: each argument's text and the span of its content (inside any quotes); null when a quote is unbalanced.</summary>
        private static List<(string Text, int Start, int End)>? Split(string s, int start, int end, List<(string Text, int Start, int End)> args, StringBuilder text, out int bad)
        {
            bad = -1;
            args.Clear();
            int i = start;
            while (true)
            {
                while (i < end && IsSpace(s[i]))
                {
                    i++;
                }

                if (i >= end || (args.Count == 0 && s[i] == '#'))
                {
                    return args;
                }

                int contentStart = i, contentEnd;
                char quote = s[i] == '"' || s[i] == '\'' ? s[i] : '\0';
                if (quote == '\0')
                {
                    while (i < end && !IsSpace(s[i]))
                    {
                        i++;
                    }

                    contentEnd = i;
                    args.Add((s.Substring(contentStart, contentEnd - contentStart), contentStart, contentEnd));
                    continue;
                }

                text.Clear();
                contentStart = ++i;
                while (true)
                {
                    if (i >= end)
                    {
                        bad = contentStart - 1;
                        return null;
                    }

                    if (s[i] == '\\' && i + 1 < end && (quote == '"' || s[i + 1] == '\''))
                    {
                        text.Append(Escape(s, ref i));
                        continue;
                    }

                    if (s[i] == quote)
                    {
                        contentEnd = i++;
                        if (i < end && !IsSpace(s[i]))
                        {
                            bad = i;
                            return null; // a closing quote must be followed by a space or the end of the line
                        }

                        break;
                    }

                    text.Append(s[i++]);
                }

                args.Add((text.ToString(), contentStart, contentEnd));
            }
        }

        private static string Escape(string s, ref int i)
        {
            char n = s[i + 1];
            if (n == 'x' && i + 3 < s.Length && Uri.IsHexDigit(s[i + 2]) && Uri.IsHexDigit(s[i + 3]))
            {
                char c = (char)Convert.ToInt32(s.Substring(i + 2, 2), 16);
                i += 4;
                return c.ToString();
            }

            i += 2;
            return n switch
            {
                'n' => "\n",
                'r' => "\r",
                't' => "\t",
                'b' => "\b",
                'a' => "\a",
                _ => n.ToString(),
            };
        }

        private static bool IsSpace(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    }
}
