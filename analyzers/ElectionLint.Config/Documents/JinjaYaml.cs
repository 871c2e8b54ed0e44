using System;
using System.Collections.Generic;
using ElectionLint.Config.Source;

namespace ElectionLint.Config.Documents
{
    /// <summary>
    /// A YAML Jinja template read through <see cref="JinjaText"/>: what a <c>{% for %}</c> body writes is unknown (it renders
    /// any number of times), and a key written in more than one if-branch is one key whose values are all unknown (mappings
    /// are merged, their values unknown). A key repeated within one branch stays a duplicate: the template is not read.
    /// </summary>
    public static class JinjaYaml
    {
        /// <summary>What a template's text gives: its tree, and the spans where an expression alone on a line may add keys.</summary>
        public sealed class Result
        {
            public Result(ParsedFile parsed, IReadOnlyList<(int Start, int End)> open)
            {
                Parsed = parsed;
                Open = open;
            }

            public ParsedFile Parsed { get; }

            /// <summary>Offsets of the mappings an expression alone on a line writes into: what is read there is unknown.</summary>
            public IReadOnlyList<(int Start, int End)> Open { get; }

            /// <summary>True when the offset is in a mapping an expression line may write keys into.</summary>
            public bool InOpen(int offset)
            {
                foreach ((int start, int end) in Open)
                {
                    if (offset >= start && offset < end)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        private sealed class Unreadable : Exception
        {
        }

        /// <summary>Null when the template cannot be read soundly this way (the caller keeps it skipped).</summary>
        public static Result? Read(SourceText source)
        {
            JinjaText? all = JinjaText.Prepare(source.Text);
            if (all == null)
            {
                return null;
            }

            // Branches written for different renderings may not make one document (a list item in the else beside keys in
            // the if): then the first branches alone are read, if what the others write holds no setting name.
            if (Read(source, all) is Result r)
            {
                return r;
            }

            JinjaText? first = JinjaText.Prepare(source.Text, firstBranches: true);
            return first != null && !Recognition.Recognizer.MayHoldSettings(first.Dropped) && !Discriminates(first.Dropped) ? Read(source, first) : null;
        }

        /// <summary>Keys that decide what a document is, or which image flags belong to.</summary>
        private static bool Discriminates(string text) =>
            System.Text.RegularExpressions.Regex.IsMatch(text, @"(?m)^[ \t-]*(kind|apiVersion|image|command|args|env|environment)[ \t]*:");

        private static Result? Read(SourceText source, JinjaText jinja)
        {

            var prepared = new SourceText(source.Path, jinja.Text);
            ParsedFile parsed = YamlReader.Read(prepared);
            var removed = new HashSet<int>();
            var documents = new List<Node>();
            try
            {
                foreach (Node d in parsed.Documents)
                {
                    documents.Add(Rewrite(d, false, jinja, removed));
                }
            }
            catch (Unreadable)
            {
                return null;
            }

            foreach (FileProblem p in parsed.Problems)
            {
                if (!(p.Message.StartsWith("duplicate key", StringComparison.Ordinal) && removed.Contains(p.Span.StartOffset)))
                {
                    return null;
                }
            }

            if (parsed.OmittedProblems > 0)
            {
                return null;
            }

            var open = new List<(int, int)>();
            string[] lines = jinja.Text.Split('\n');
            var starts = new int[lines.Length + 1];
            for (int i = 0; i < lines.Length; i++)
            {
                starts[i + 1] = starts[i] + lines[i].Length + 1;
            }

            foreach ((int line, int indent) in jinja.Expressions)
            {
                if (indent == 0)
                {
                    return null; // it may write any top-level key
                }

                // From the key it stands under to the end of that key's block.
                int from = line - 1, to = line;
                while (from > 0 && (Blank(lines[from - 1]) || Indent(lines[from - 1]) >= indent))
                {
                    from--;
                }

                from = Math.Max(0, from - 1);
                while (to < lines.Length && (Blank(lines[to]) || Indent(lines[to]) >= indent))
                {
                    to++;
                }

                open.Add((starts[from], Math.Min(starts[to], jinja.Text.Length)));
            }

            return new Result(new ParsedFile(prepared, parsed.Kind, documents, Array.Empty<FileProblem>()), open);
        }

        private static bool Blank(string line) => line.Trim().Length == 0 || line.TrimStart().StartsWith("#", StringComparison.Ordinal);

        private static int Indent(string line)
        {
            int i = 0;
            while (i < line.Length && (line[i] == ' ' || line[i] == '\t'))
            {
                i++;
            }

            return i;
        }

        private static Node Unknown(ScalarNode s) => new ScalarNode("$(unknown)", ScalarStyle.Plain, s.Span);

        private static Node Rewrite(Node node, bool unknown, JinjaText jinja, HashSet<int> removed)
        {
            switch (node)
            {
                case ScalarNode s:
                    return unknown ? Unknown(s) : s;
                case SequenceNode q:
                    var items = new List<Node>(q.Items.Count);
                    foreach (Node item in q.Items)
                    {
                        items.Add(Rewrite(item, unknown || jinja.InLoop(item.Span.StartLine), jinja, removed));
                    }

                    return new SequenceNode(items, q.Span);
                case MappingNode m:
                    return RewriteMapping(m.Entries, m.Span, unknown, jinja, removed);
                default:
                    return node;
            }
        }

        private static MappingNode RewriteMapping(IReadOnlyList<MappingEntry> entries, SourceSpan span, bool unknown, JinjaText jinja, HashSet<int> removed)
        {
            var byKey = new Dictionary<string, List<MappingEntry>>(StringComparer.Ordinal);
            foreach (MappingEntry e in entries)
            {
                if (e.Key is ScalarNode k && !k.IsNull)
                {
                    if (!byKey.TryGetValue(k.Value, out List<MappingEntry>? list))
                    {
                        byKey[k.Value] = list = new List<MappingEntry>();
                    }

                    list.Add(e);
                }
            }

            var result = new List<MappingEntry>(entries.Count);
            foreach (MappingEntry e in entries)
            {
                bool inLoop = jinja.InLoop(e.Key.Span.StartLine);
                if (e.Key is ScalarNode t && Recognition.Scope.IsTemplated(t.Value))
                {
                    removed.Add(t.Span.StartOffset); // a key written by an expression: repeated or not, it is unknown
                }

                if (e.Key is not ScalarNode k || k.IsNull || byKey[k.Value].Count == 1 || Recognition.Scope.IsTemplated(k.Value))
                {
                    result.Add(new MappingEntry(e.Key, Rewrite(e.Value, unknown || inLoop, jinja, removed)));
                    continue;
                }

                List<MappingEntry> same = byKey[k.Value];
                if (same[0] != e)
                {
                    removed.Add(e.Key.Span.StartOffset);
                    continue;
                }

                var branches = new HashSet<string>(StringComparer.Ordinal);
                foreach (MappingEntry o in same)
                {
                    if (!branches.Add(jinja.Branch(o.Key.Span.StartLine)))
                    {
                        throw new Unreadable(); // written twice where both render: a real duplicate
                    }
                }

                result.Add(new MappingEntry(e.Key, Merge(same, jinja, removed)));
            }

            return new MappingNode(result, span);
        }

        /// <summary>The values of one key written in several branches: one value, everything in it unknown.</summary>
        private static Node Merge(List<MappingEntry> same, JinjaText jinja, HashSet<int> removed)
        {
            Node first = same[0].Value;
            if (same.TrueForAll(o => o.Value is ScalarNode))
            {
                return Unknown((ScalarNode)first);
            }

            if (same.TrueForAll(o => o.Value is MappingNode))
            {
                var all = new List<MappingEntry>();
                foreach (MappingEntry o in same)
                {
                    all.AddRange(((MappingNode)o.Value).Entries);
                }

                return RewriteMapping(all, first.Span, true, jinja, removed);
            }

            if (same.TrueForAll(o => o.Value is SequenceNode))
            {
                var items = new List<Node>();
                foreach (MappingEntry o in same)
                {
                    foreach (Node item in ((SequenceNode)o.Value).Items)
                    {
                        items.Add(Rewrite(item, true, jinja, removed));
                    }
                }

                return new SequenceNode(items, first.Span);
            }

            throw new Unreadable();
        }
    }
}
