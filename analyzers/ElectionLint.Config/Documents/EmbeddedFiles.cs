using System;
using System.Collections.Generic;
using System.Text;
using ElectionLint.Config.Linting;
using ElectionLint.Config.Source;

namespace ElectionLint.Config.Documents
{
    /// <summary>A configuration file held as a value inside another file (a ConfigMap's data), with positions in the outer file.</summary>
    public sealed class EmbeddedFile
    {
        public EmbeddedFile(string name, FileKind kind, SourceText text)
        {
            Name = name;
            Kind = kind;
            Text = text;
        }

        /// <summary>The data key (zoo.cfg, etcd.conf.yml).</summary>
        public string Name { get; }

        public FileKind Kind { get; }

        public SourceText Text { get; }
    }

    /// <summary>
    /// Finds the configuration files a ConfigMap holds: each <c>data</c> key named like a config file, whose value is a
    /// literal block (<c>|</c>) or a one-line quoted string. The embedded text maps every offset back to the outer file; a
    /// value whose source does not read back to the same text (a folded block, a multi-line quoted string) is left alone.
    /// </summary>
    public static class EmbeddedFiles
    {
        public static List<EmbeddedFile> Find(ParsedFile outer)
        {
            var found = new List<EmbeddedFile>();
            foreach (Node document in outer.ReferredDocuments)
            {
                if (document is not MappingNode root || root.GetText("kind") != "ConfigMap" || root.Get("data") is not MappingNode data)
                {
                    continue;
                }

                foreach (MappingEntry e in data.Entries)
                {
                    string name = e.KeyText;
                    if (e.Value is not ScalarNode value || name.IndexOf('/') >= 0 || !ConfigFileNames.IsConfigFile(name) ||
                        Map(value, outer.Source, outer.Source.Path + ":" + name) is not SourceText text)
                    {
                        continue;
                    }

                    found.Add(new EmbeddedFile(name, ConfigFileNames.KindOf(name), text));
                }
            }

            return found;
        }

        /// <summary>The scalar's text with its outer offsets; null when its source cannot be mapped exactly.</summary>
        internal static SourceText? Map(ScalarNode value, SourceText outer, string path)
        {
            var text = new StringBuilder();
            var offsets = new List<int>();
            bool ok = value.Style switch
            {
                ScalarStyle.Literal => Literal(outer.Text, value.Span, text, offsets),
                ScalarStyle.DoubleQuoted when value.Span.StartLine == value.Span.EndLine => DoubleQuoted(outer.Text, value.Span, text, offsets),
                ScalarStyle.SingleQuoted when value.Span.StartLine == value.Span.EndLine => SingleQuoted(outer.Text, value.Span, text, offsets),
                ScalarStyle.Plain when value.Span.StartLine == value.Span.EndLine => Plain(outer.Text, value.Span, text, offsets),
                _ => false,
            };

            // The mapping must read back exactly what the YAML reader read (trailing line breaks aside: chomping).
            if (!ok || !string.Equals(text.ToString().TrimEnd('\n'), value.Value.TrimEnd('\n'), StringComparison.Ordinal))
            {
                return null;
            }

            offsets.Add(offsets.Count == 0 ? value.Span.EndOffset : offsets[offsets.Count - 1] + 1);
            return new SourceText(path, text.ToString(), outer, offsets.ToArray());
        }

        /// <summary>A literal block: the lines after the indicator, less the indentation of the first non-blank one.</summary>
        private static bool Literal(string s, SourceSpan span, StringBuilder text, List<int> offsets)
        {
            int lineStart = s.IndexOf('\n', span.StartOffset);
            if (lineStart < 0 || lineStart >= span.EndOffset)
            {
                return false;
            }

            lineStart++;
            int indent = -1;
            while (lineStart < span.EndOffset && lineStart < s.Length)
            {
                int lineEnd = s.IndexOf('\n', lineStart);
                if (lineEnd < 0)
                {
                    lineEnd = s.Length;
                }

                int contentEnd = lineEnd > lineStart && s[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
                int spaces = 0;
                while (lineStart + spaces < contentEnd && s[lineStart + spaces] == ' ')
                {
                    spaces++;
                }

                bool blank = lineStart + spaces == contentEnd;
                if (!blank)
                {
                    if (indent < 0)
                    {
                        indent = spaces;
                    }
                    else if (spaces < indent)
                    {
                        break; // the block ended
                    }

                    for (int i = lineStart + indent; i < contentEnd; i++)
                    {
                        text.Append(s[i]);
                        offsets.Add(i);
                    }
                }

                text.Append('\n');
                offsets.Add(contentEnd);
                lineStart = lineEnd + 1;
            }

            return indent >= 0;
        }

        private static bool DoubleQuoted(string s, SourceSpan span, StringBuilder text, List<int> offsets)
        {
            int end = span.EndOffset - 1;
            if (span.Length < 2 || s[span.StartOffset] != '"' || s[end] != '"')
            {
                return false;
            }

            for (int i = span.StartOffset + 1; i < end; i++)
            {
                if (s[i] != '\\')
                {
                    text.Append(s[i]);
                    offsets.Add(i);
                    continue;
                }

                if (i + 1 >= end)
                {
                    return false;
                }

                char n = s[i + 1];
                string? decoded = n switch
                {
                    'n' => "\n",
                    't' => "\t",
                    'r' => "\r",
                    '"' => "\"",
                    '\\' => "\\",
                    '/' => "/",
                    '0' => "\0",
                    ' ' => " ",
                    _ => null,
                };
                if (decoded == null)
                {
                    return false; // \x, \u, line folding: not mapped
                }

                text.Append(decoded);
                offsets.Add(i);
                i++;
            }

            return true;
        }

        private static bool SingleQuoted(string s, SourceSpan span, StringBuilder text, List<int> offsets)
        {
            int end = span.EndOffset - 1;
            if (span.Length < 2 || s[span.StartOffset] != '\'' || s[end] != '\'')
            {
                return false;
            }

            for (int i = span.StartOffset + 1; i < end; i++)
            {
                text.Append(s[i]);
                offsets.Add(i);
                if (s[i] == '\'')
                {
                    i++; // '' is one quote
                }
            }

            return true;
        }

        private static bool Plain(string s, SourceSpan span, StringBuilder text, List<int> offsets)
        {
            for (int i = span.StartOffset; i < span.EndOffset; i++)
            {
                text.Append(s[i]);
                offsets.Add(i);
            }

            return true;
        }
    }
}
