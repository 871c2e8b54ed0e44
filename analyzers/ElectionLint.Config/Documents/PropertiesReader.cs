using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ElectionLint.Config.Source;
using static ElectionLint.Rules.Evaluation.MessageTemplate;

namespace ElectionLint.Config.Documents
{
    /// <summary>
    /// Reads Java <c>.properties</c> (and zoo.cfg) the way java.util.Properties does: comments with # or !,
    /// separators '=', ':' or whitespace, backslash continuations and escapes. The result is one mapping whose
    /// values keep the span of their raw text. Duplicate keys are reported (the last one wins in Java).
    /// </summary>
    public static class PropertiesReader
    {
        public static ParsedFile Read(SourceText source)
        {
            string s = source.Text;
            var entries = new EntryList(source, StringComparer.Ordinal);
            var problems = new ProblemList();
            var shared = new SharedStrings();
            int i = 0;
            while (i < s.Length)
            {
                // Start of a logical line: skip leading white space.
                while (i < s.Length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f' || s[i] == '\uFEFF'))
                {
                    i++;
                }

                if (i >= s.Length)
                {
                    break;
                }

                if (s[i] == '\n' || s[i] == '\r')
                {
                    i++;
                    continue;
                }

                if (s[i] == '#' || s[i] == '!')
                {
                    while (i < s.Length && s[i] != '\n' && s[i] != '\r')
                    {
                        i++;
                    }

                    continue;
                }

                int keyStart = i;
                var key = new StringBuilder();
                while (i < s.Length && s[i] != '=' && s[i] != ':' && s[i] != ' ' && s[i] != '\t' && s[i] != '\f' && s[i] != '\n' && s[i] != '\r')
                {
                    i = Unescape(s, i, key);
                }

                int keyEnd = i;
                while (i < s.Length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f'))
                {
                    i++;
                }

                if (i < s.Length && (s[i] == '=' || s[i] == ':'))
                {
                    i++;
                    while (i < s.Length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f'))
                    {
                        i++;
                    }
                }

                int valueStart = i;
                var value = new StringBuilder();
                while (i < s.Length && s[i] != '\n' && s[i] != '\r')
                {
                    i = Unescape(s, i, value);
                }

                int valueEnd = i;
                // Trailing white space is part of a Java property value; the span ends at its last character.
                var keyNode = new ScalarNode(shared.Get(key.ToString()), ScalarStyle.Plain, source.Span(keyStart, keyEnd));
                var valueNode = new ScalarNode(shared.Get(value.ToString()), ScalarStyle.Plain, source.Span(valueStart, valueEnd));
                if (!entries.Count(keyNode.Value, keyNode.Span.StartLine, out int line))
                {
                    if (problems.Full)
                    {
                        problems.Omit();
                    }
                    else
                    {
                        problems.Add(new FileProblem("EL9001", $"duplicate key '{Quote(keyNode.Value)}' (first defined on line {line}); Java keeps the last value", keyNode.Span));
                    }
                }

                entries.Add(new MappingEntry(keyNode, valueNode), keyNode.Value, plain: true);
            }

            var root = new MappingNode(entries.Build(), source.Span(0, s.Length));
            return new ParsedFile(source, FileKind.Properties, new Node[] { root }, problems);
        }

        /// <summary>Appends the character at i (resolving escapes and line continuations); returns the next index.</summary>
        private static int Unescape(string s, int i, StringBuilder into)
        {
            char c = s[i];
            if (c != '\\')
            {
                into.Append(c);
                return i + 1;
            }

            if (i + 1 >= s.Length)
            {
                return i + 1;
            }

            char n = s[i + 1];
            if (n == '\n' || n == '\r')
            {
                // Continuation: skip the line break and the next line's leading white space.
                int j = i + 2;
                if (n == '\r' && j < s.Length && s[j] == '\n')
                {
                    j++;
                }

                while (j < s.Length && (s[j] == ' ' || s[j] == '\t' || s[j] == '\f'))
                {
                    j++;
                }

                return j;
            }

            switch (n)
            {
                case 't': into.Append('\t'); break;
                case 'n': into.Append('\n'); break;
                case 'r': into.Append('\r'); break;
                case 'f': into.Append('\f'); break;
                case 'u':
                    if (i + 6 <= s.Length && int.TryParse(s.Substring(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                    {
                        into.Append((char)code);
                        return i + 6;
                    }

                    into.Append('u');
                    break;
                default: into.Append(n); break;
            }

            return i + 2;
        }
    }
}
