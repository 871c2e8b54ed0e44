using System.Collections.Generic;
using System.Text;
using ElectionLint.Config.Documents;
using ElectionLint.Config.Source;

namespace ElectionLint.Config.Linting
{
    /// <summary>
    /// Where a value sits in its file's structure, without lines: <c>spec.containers[etcd].env[ETCD_HEARTBEAT_INTERVAL].value</c>.
    /// A list item that is a mapping with a <c>name</c> is named by it; other list items are <c>[*]</c>, so moving or
    /// reordering flags keeps the path. With the setting's id it keys a baseline entry.
    /// </summary>
    public static class SettingPath
    {
        public static string Of(ParsedFile? file, SourceSpan span)
        {
            if (file == null)
            {
                return string.Empty;
            }

            if (file.Documents is IDocumentCursor cursor)
            {
                // A long stream's documents are read again when enumerated: a report's spans, in order, are found in one read.
                Node? document = cursor.Containing(span.StartOffset, span.EndOffset, out int index);
                return document != null && PathIn(document, index, file.Documents.Count, span) is string found ? found : string.Empty;
            }

            for (int d = 0; d < file.Documents.Count; d++)
            {
                if (PathIn(file.Documents[d], d, file.Documents.Count, span) is string path)
                {
                    return path;
                }
            }

            return string.Empty;
        }

        private static string? PathIn(Node document, int d, int count, SourceSpan span)
        {
            var segments = new List<string>();
            if (!Find(document, span, segments, 0))
            {
                return null;
            }

            var sb = new StringBuilder();
            if (count > 1)
            {
                sb.Append('#').Append(d);
            }

            foreach (string s in segments)
            {
                if (sb.Length > 0 && s[0] != '[')
                {
                    sb.Append('.');
                }

                sb.Append(s);
            }

            return sb.ToString();
        }

        private static bool Find(Node node, SourceSpan span, List<string> path, int depth)
        {
            if (depth > YamlReader.MaxDepth || span.StartOffset < node.Span.StartOffset || span.EndOffset > node.Span.EndOffset)
            {
                return false;
            }

            switch (node)
            {
                case MappingNode m:
                    foreach (MappingEntry e in m.Entries)
                    {
                        path.Add(e.KeyText);
                        if (Find(e.Value, span, path, depth + 1))
                        {
                            return true;
                        }

                        path.RemoveAt(path.Count - 1);
                    }

                    return true;
                case SequenceNode s:
                    foreach (Node item in s.Items)
                    {
                        path.Add("[" + ((item as MappingNode)?.GetText("name") ?? "*") + "]");
                        if (Find(item, span, path, depth + 1))
                        {
                            return true;
                        }

                        path.RemoveAt(path.Count - 1);
                    }

                    return true;
                default:
                    return true;
            }
        }
    }
}
