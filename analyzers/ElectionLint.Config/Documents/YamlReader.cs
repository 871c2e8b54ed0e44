using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ElectionLint.Config.Source;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YStyle = YamlDotNet.Core.ScalarStyle;
using static ElectionLint.Rules.Evaluation.MessageTemplate;

namespace ElectionLint.Config.Documents
{
    /// <summary>
    /// Reads YAML streams with YamlDotNet's event parser into <see cref="Node"/> trees with exact spans.
    /// Iterative (no recursion), nesting-capped, aliases kept as references (alias bombs stay linear),
    /// duplicate keys reported. Never throws.
    /// </summary>
    public static class YamlReader
    {
        public const int MaxDepth = 1000;

        private sealed class Frame
        {
            public Frame(bool mapping, Mark start, string? anchor, SourceText source)
            {
                IsMapping = mapping;
                Start = start;
                Anchor = anchor;
                _source = source;
            }

            private readonly SourceText _source;

            public bool IsMapping { get; }

            public Mark Start { get; }

            public string? Anchor { get; }

            // Created when first needed: most mappings merge nothing, and a frame holds items or entries, never both.
            public List<Node> Items => _items ??= new List<Node>();

            public EntryList Entries => _entries ??= new EntryList(_source, StringComparer.Ordinal);

            /// <summary>A long sequence of plain scalars, once it has <see cref="ScalarList.MinItems"/> of them.</summary>
            public ScalarList? Scalars { get; set; }

            /// <summary>True once an item is not a plain scalar (its items stay nodes).</summary>
            public bool Mixed { get; set; }

            public List<MappingEntry> Merged => _merged ??= new List<MappingEntry>();

            public bool HasMerged => _merged != null && _merged.Count > 0;

            private List<Node>? _items;
            private EntryList? _entries;
            private List<MappingEntry>? _merged;

            public Node? PendingKey { get; set; }

            /// <summary>The pending key is a scalar with no anchor and no tag.</summary>
            public bool PendingKeyPlain { get; set; }
        }

        private const int MaxIndentRepairs = 64;

        /// <summary>Characters all repairs of one file may re-read together: time stays linear in the file (9.5 MB once took 275 s).</summary>
        private const int RepairBudgetChars = 16 * 1024 * 1024;

        /// <summary>
        /// A stream of at least this many characters, read with streaming on, holds one document's tree at a time. Streaming
        /// reads the file twice; below this its whole tree is under about 60 MB, and the corpus's 1–3 MB streams of large
        /// CRDs cost 10 % more time streamed (bench/run-memory.sh).
        /// </summary>
        internal static int StreamFrom
        {
            get => _streamFrom ?? 4 * 1024 * 1024;
            set => _streamFrom = value; // tests, on their own thread
        }

        [ThreadStatic]
        private static int? _streamFrom;

        public static ParsedFile Read(SourceText source) => Read(source, stream: false);

        /// <param name="stream">A long stream's documents are read again each time they are enumerated (only ConfigMaps are
        /// kept): for a caller that walks them a few times, not one that indexes them.</param>
        public static ParsedFile Read(SourceText source, bool stream)
        {
            // libyaml (PyYAML, Go's yaml used by Kubernetes and Argo) accepts a continuation line of a multi-line quoted
            // scalar at its parent's indentation; YamlDotNet does not. Such a line is re-read indented, which leaves the
            // scalar's value unchanged (leading white space of continuation lines is folded), and every offset is mapped back.
            var inserted = new List<(int Offset, int Count)>();
            string text = source.Text;
            int maxRepairs = Math.Min(MaxIndentRepairs, RepairBudgetChars / Math.Max(1, text.Length));
            for (int attempt = 0; ; attempt++)
            {
                ParsedFile result = ReadOnce(source, text, inserted, stream && text.Length >= StreamFrom, out int repairLine);
                if (repairLine < 0 || attempt >= maxRepairs)
                {
                    return result;
                }

                if (!Indent(ref text, repairLine, inserted))
                {
                    return result;
                }
            }
        }

        /// <summary>Indents a 1-based line of <paramref name="text"/> like the line before it; records the insertion.</summary>
        private static bool Indent(ref string patched, int line, List<(int Offset, int Count)> inserted)
        {
            string text = patched;
            int start = 0;
            for (int l = 1; l < line && start >= 0; l++)
            {
                start = text.IndexOf('\n', start) + 1;
                if (start == 0)
                {
                    return false;
                }
            }

            int prev = start >= 2 ? text.LastIndexOf('\n', start - 2) + 1 : 0;
            int Spaces(int at)
            {
                int n = 0;
                while (at + n < text.Length && text[at + n] == ' ')
                {
                    n++;
                }

                return n;
            }

            int add = Math.Max(1, Spaces(prev) - Spaces(start));
            patched = text.Insert(start, new string(' ', add));
            int original = ToOriginal(start, inserted);
            inserted.Add((original, add));
            inserted.Sort((x, y) => x.Offset.CompareTo(y.Offset));
            return true;
        }

        /// <summary>An offset in the patched text as an offset of the original text.</summary>
        private static int ToOriginal(long patched, List<(int Offset, int Count)> inserted)
        {
            long shift = 0;
            foreach ((int offset, int count) in inserted)
            {
                if (offset + shift + count <= patched)
                {
                    shift += count;
                }
                else if (offset + shift <= patched)
                {
                    return offset; // inside inserted spaces: the start of the original line
                }
                else
                {
                    break;
                }
            }

            return (int)(patched - shift);
        }

        private static ParsedFile ReadOnce(SourceText source, string text, List<(int Offset, int Count)> inserted, bool stream, out int repairLine)
        {
            repairLine = -1;
            // A long stream keeps only the documents other documents refer to (ConfigMaps); the rest are read again when the
            // documents are enumerated, so one document's tree is held at a time (StreamedDocuments).
            var documents = new List<Node?>();
            var problems = new ProblemList();
            var builder = new TreeBuilder(source, inserted, problems);
            try
            {
                var parser = new Parser(new StringReader(text));
                while (parser.MoveNext())
                {
                    if (!builder.Feed(parser.Current!, out Node? document))
                    {
                        return Result(source, text, inserted, documents, problems);
                    }

                    if (document != null)
                    {
                        documents.Add(!stream || documents.Count == 0 || ParsedFile.IsReferred(document) ? document : null); // the first is kept: a file of one document is read once
                    }
                }
            }
            catch (YamlException ex)
            {
                if (ex.Message.IndexOf("multi-line", StringComparison.Ordinal) >= 0 && ex.Message.IndexOf("quoted scalar, found wrong indentation", StringComparison.Ordinal) >= 0)
                {
                    repairLine = (int)ex.End.Line; // End is where the scanner stopped: the offending line
                }

                string message = Clean(ex.Message);
                SourceSpan at = Span(source, ex.Start, ex.End, inserted);
                // The search runs in this text's own offsets: an embedded file's spans are its ConfigMap's.
                int from = (int)Math.Min(Math.Max(0, inserted.Count == 0 ? ex.Start.Index : ToOriginal(ex.Start.Index, inserted)), source.Text.Length);
                if (message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0 && FirstIndentingTab(source.Text, from) is int tab)
                {
                    // YamlDotNet points at the mapping; the tab is what to fix.
                    message = "a tab in indentation; YAML indents with spaces only";
                    at = source.Span(tab, tab + 1);
                }

                else if (InWords(message) is string words)
                {
                    message = $"{words} ({message})";
                }

                problems.Add(new FileProblem("EL9001", "YAML syntax error: " + message, at));
            }
            catch (Exception ex)
            {
                // YamlDotNet throws more than YamlException on some malformed input; say what it means, at the last position read.
                string message = ex is InvalidOperationException && ex.Message.IndexOf("no more tokens", StringComparison.Ordinal) >= 0
                    ? "content after a document end marker ('...') that starts no new document (add '---')"
                    : ex is InvalidOperationException
                        ? "the collection that starts here does not continue correctly: a line inside it is not indented past its key, or a bracket is missing"
                        : $"{ex.GetType().Name}: {Clean(ex.Message)}";
                int marker = ex.Message.IndexOf("no more tokens", StringComparison.Ordinal) >= 0 ? DocumentEndMarker(source.Text) : -1;
                problems.Add(new FileProblem("EL9001", "YAML syntax error: " + message, marker >= 0 ? source.Span(marker, marker + 3) : Span(source, builder.Last, builder.Last, inserted)));
            }

            return Result(source, text, inserted, documents, problems);
        }

        private static ParsedFile Result(SourceText source, string text, List<(int Offset, int Count)> inserted, List<Node?> documents, ProblemList problems)
        {
            if (!documents.Contains(null))
            {
                return new ParsedFile(source, FileKind.Yaml, documents!, problems);
            }

            Node?[] all = documents.ToArray();
            return new ParsedFile(source, FileKind.Yaml, new StreamedDocuments(source, text, inserted, all), problems, Array.FindAll(all, d => d != null)!);
        }

        /// <summary>
        /// The documents of a long stream, read again each time they are enumerated; the documents others refer to are the
        /// ones the first read kept. A reader of the stream holds one document's tree at a time.
        /// </summary>
        private sealed class StreamedDocuments : IReadOnlyList<Node>, IDocumentCursor
        {
            private readonly SourceText _source;
            private readonly string _text;
            private readonly List<(int Offset, int Count)> _inserted;
            private readonly Node?[] _kept;
            private IEnumerator<Node>? _cursor;
            private int _cursorIndex;

            public StreamedDocuments(SourceText source, string text, List<(int Offset, int Count)> inserted, Node?[] kept)
            {
                _source = source;
                _text = text;
                _inserted = inserted;
                _kept = kept;
            }

            public int Count => _kept.Length;

            public Node this[int index] => _kept[index] ?? this.Skip(index).First();

            public IEnumerator<Node> GetEnumerator()
            {
                // The first read reported the problems; this one only builds the documents it counted.
                var builder = new TreeBuilder(_source, _inserted, new ProblemList());
                var parser = new Parser(new StringReader(_text));
                int index = 0;
                while (index < _kept.Length)
                {
                    Node? document;
                    try
                    {
                        if (!parser.MoveNext() || !builder.Feed(parser.Current!, out document))
                        {
                            yield break;
                        }
                    }
                    catch (Exception)
                    {
                        yield break;
                    }

                    if (document != null)
                    {
                        yield return _kept[index] ?? document;
                        index++;
                    }
                }
            }

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

            /// <summary>Documents are in file order: offsets asked in ascending order are answered in one read.</summary>
            public Node? Containing(int start, int end, out int index)
            {
                if (_cursor == null || (_cursorIndex >= 0 && _cursor.Current.Span.StartOffset > start))
                {
                    _cursor?.Dispose();
                    _cursor = GetEnumerator();
                    _cursorIndex = -1;
                }

                while (_cursorIndex < 0 || _cursor.Current.Span.EndOffset < end)
                {
                    if (!_cursor.MoveNext())
                    {
                        _cursor.Dispose();
                        _cursor = null;
                        index = -1;
                        return null;
                    }

                    _cursorIndex++;
                }

                index = _cursorIndex;
                return _cursor.Current.Span.StartOffset <= start ? _cursor.Current : null;
            }
        }

        /// <summary>Nodes from YamlDotNet's events, one document at a time.</summary>
        private sealed class TreeBuilder
        {
            private readonly SourceText _source;
            private readonly List<(int Offset, int Count)> _inserted;
            private readonly ProblemList _problems;
            private readonly Dictionary<string, Node> _anchors = new Dictionary<string, Node>(StringComparer.Ordinal);
            private readonly SharedStrings _shared = new SharedStrings();
            private readonly List<Frame> _stack = new List<Frame>();
            private Node? _root;

            public TreeBuilder(SourceText source, List<(int Offset, int Count)> inserted, ProblemList problems)
            {
                _source = source;
                _inserted = inserted;
                _problems = problems;
            }

            /// <summary>Where the last event started.</summary>
            public Mark Last { get; private set; } = Mark.Empty;

            /// <summary>Takes one event; <paramref name="document"/> is a document's root when the event ends one. False when
            /// the file is skipped (nesting too deep: its EL9004 is added).</summary>
            public bool Feed(ParsingEvent e, out Node? document)
            {
                document = null;
                List<Frame> stack = _stack;
                SourceText source = _source;
                List<(int Offset, int Count)> inserted = _inserted;
                ProblemList problems = _problems;
                Last = e.Start;
                switch (e)
                {
                    case DocumentStart _:
                        _anchors.Clear();
                        _root = null;
                        break;
                    case DocumentEnd _:
                        document = _root;
                        _root = null;
                        break;
                    case MappingStart ms:
                    case SequenceStart _:
                        if (stack.Count >= MaxDepth)
                        {
                            problems.Add(new FileProblem("EL9004", $"file skipped: nesting deeper than {MaxDepth} levels", Span(source, e.Start, e.End, inserted)));
                            return false;
                        }

                        string? anchor = e is MappingStart m ? AnchorName(m.Anchor) : AnchorName(((SequenceStart)e).Anchor);
                        stack.Add(new Frame(e is MappingStart, e.Start, anchor, source));
                        break;
                    case MappingEnd _:
                    case SequenceEnd _:
                        {
                            Frame f = stack[stack.Count - 1];
                            stack.RemoveAt(stack.Count - 1);
                            SourceSpan span = Span(source, f.Start, e.End, inserted);
                            Node node;
                            if (f.IsMapping)
                            {
                                // Own keys win, then the first merged mapping's; each key once, so nested merges stay
                                // linear (a 580-byte merge-key bomb once expanded to 10^7 entries).
                                if (f.HasMerged)
                                {
                                    var seen = new HashSet<string>(f.Entries.Keys, StringComparer.Ordinal);
                                    foreach (MappingEntry merged in f.Merged)
                                    {
                                        if (seen.Add(merged.KeyText))
                                        {
                                            f.Entries.Add(merged);
                                        }
                                    }
                                }

                                node = new MappingNode(f.Entries.Build(), span); // exact size: the tree is most of a file's memory
                            }
                            else
                            {
                                node = new SequenceNode(f.Scalars ?? (IReadOnlyList<Node>)f.Items.ToArray(), span);
                            }

                            if (f.Anchor != null)
                            {
                                _anchors[f.Anchor] = node;
                            }

                            Add(stack, ref _root, node, problems, source);
                            break;
                        }

                    case Scalar s:
                        {
                            SourceSpan span = Span(source, s.Start, s.End, inserted);
                            var node = new ScalarNode(_shared.Get(s.Value), Style(s.Style), s.Anchor.IsEmpty && s.Tag.IsEmpty ? span : AfterProperties(source, span));
                            string? scalarAnchor = AnchorName(s.Anchor);
                            if (scalarAnchor != null)
                            {
                                _anchors[scalarAnchor] = node;
                            }

                            Add(stack, ref _root, node, problems, source, plain: scalarAnchor == null && s.Tag.IsEmpty);
                            break;
                        }

                    case AnchorAlias a:
                        if (_anchors.TryGetValue(a.Value.Value, out Node? target))
                        {
                            Add(stack, ref _root, target, problems, source, alias: true);
                        }
                        else
                        {
                            problems.Add(new FileProblem("EL9001", $"YAML alias *{Quote(a.Value.Value)} refers to no anchor", Span(source, a.Start, a.End, inserted)));
                            Add(stack, ref _root, new ScalarNode(string.Empty, ScalarStyle.Plain, Span(source, a.Start, a.End, inserted)), problems, source);
                        }

                        break;
                }

                return true;
            }
        }

        /// <param name="plain">A scalar with no anchor and no tag: a long sequence may keep it as a value and offsets.</param>
        private static void Add(List<Frame> stack, ref Node? root, Node node, ProblemList problems, SourceText source, bool alias = false, bool plain = false)
        {
            if (stack.Count == 0)
            {
                root = node;
                return;
            }

            Frame f = stack[stack.Count - 1];
            if (!f.IsMapping)
            {
                AddItem(f, node, plain && !alias, source);
                return;
            }

            if (f.PendingKey == null)
            {
                f.PendingKey = node;
                f.PendingKeyPlain = plain && !alias;
                return;
            }

            Node key = f.PendingKey;
            f.PendingKey = null;
            if (key is ScalarNode ks && ks.Value == "<<" && ks.Style == ScalarStyle.Plain)
            {
                // Merge keys: the mapping's own entries win.
                if (node is MappingNode mm)
                {
                    f.Merged.AddRange(mm.Entries);
                }
                else if (node is SequenceNode seq)
                {
                    foreach (Node item in seq.Items)
                    {
                        if (item is MappingNode im)
                        {
                            f.Merged.AddRange(im.Entries);
                        }
                    }
                }

                return;
            }

            var entry = new MappingEntry(key, node);
            if (key is ScalarNode sk && !sk.IsNull)
            {
                if (!f.Entries.Count(sk.Value, sk.Span.StartLine, out int firstLine))
                {
                    if (problems.Full)
                    {
                        problems.Omit();
                    }
                    else
                    {
                        problems.Add(new FileProblem("EL9001", $"duplicate key '{Quote(sk.Value)}' (first defined on line {firstLine}); YAML requires unique keys and Go's YAML decoders (Kubernetes, etcd) reject the file", sk.Span));
                    }
                }

                f.Entries.Add(entry, sk.Value, f.PendingKeyPlain && plain && !alias);
            }
            else
            {
                f.Entries.Add(entry);
            }
        }

        private static void AddItem(Frame f, Node node, bool plain, SourceText source)
        {
            if (f.Scalars != null)
            {
                if (plain)
                {
                    f.Scalars.Add((ScalarNode)node);
                    return;
                }

                // Not a plain scalar after all: the sequence keeps nodes.
                f.Items.AddRange(f.Scalars);
                f.Scalars = null;
                f.Mixed = true;
            }

            f.Items.Add(node);
            f.Mixed |= !plain;
            if (!f.Mixed && f.Items.Count == ScalarList.MinItems)
            {
                f.Scalars = new ScalarList(source, f.Items);
                f.Items.Clear();
            }
        }

        private static string? AnchorName(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

        private static ScalarStyle Style(YStyle s) => s switch
        {
            YStyle.SingleQuoted => ScalarStyle.SingleQuoted,
            YStyle.DoubleQuoted => ScalarStyle.DoubleQuoted,
            YStyle.Literal => ScalarStyle.Literal,
            YStyle.Folded => ScalarStyle.Folded,
            _ => ScalarStyle.Plain,
        };

        private static SourceSpan Span(SourceText source, Mark start, Mark end) => Span(source, start, end, null);

        /// <summary>
        /// A scalar's span without its anchor and tag: YamlDotNet starts it at <c>&amp;name</c> or <c>!tag</c>, and a fix that
        /// replaced them with the value would drop an anchor its aliases need.
        /// </summary>
        private static SourceSpan AfterProperties(SourceText source, SourceSpan span)
        {
            string t = source.Text;
            int i = span.StartOffset, end = span.EndOffset;
            while (i < end && (t[i] == '&' || t[i] == '!'))
            {
                if (t[i] == '!' && i + 1 < end && t[i + 1] == '<')
                {
                    int close = t.IndexOf('>', i);
                    i = close < 0 || close >= end ? end : close + 1;
                }
                else
                {
                    while (i < end && !char.IsWhiteSpace(t[i]))
                    {
                        i++;
                    }
                }

                while (i < end && (char.IsWhiteSpace(t[i]) || t[i] == '#'))
                {
                    if (t[i] == '#')
                    {
                        while (i < end && t[i] != '\n')
                        {
                            i++;
                        }
                    }
                    else
                    {
                        i++;
                    }
                }
            }

            return i >= end ? source.Span(end, end) : source.Span(i, end);
        }

        private static SourceSpan Span(SourceText source, Mark start, Mark end, List<(int Offset, int Count)>? inserted)
        {
            long si = inserted == null || inserted.Count == 0 ? start.Index : ToOriginal(start.Index, inserted);
            long ei = inserted == null || inserted.Count == 0 ? end.Index : ToOriginal(end.Index, inserted);
            int s = (int)Math.Min(Math.Max(0, si), source.Text.Length);
            int e = (int)Math.Min(Math.Max(s, ei), source.Text.Length);
            return source.Span(s, e);
        }

        /// <summary>YamlDotNet's messages said the way a person fixing the file would say them.</summary>
        private static string? InWords(string message)
        {
            foreach ((string Key, string Words) t in Translations)
            {
                if (message.IndexOf(t.Key, StringComparison.Ordinal) >= 0)
                {
                    return t.Words;
                }
            }

            return null;
        }

        private static readonly (string Key, string Words)[] Translations =
        {
            ("plain scalar value, found invalid mapping", "a 'key: value' inside a plain value: this line is indented differently from its siblings, or a value holding ': ' needs quotes"),
            ("Mapping values are not allowed in this context", "a ': ' where no key can start: quote the value that holds it, or fix the indentation"),
            ("did not find expected key", "a line indented differently from the keys beside it, or a list item among keys"),
            ("did not find expected node content", "a value is missing, or a bracket or quote is not closed"),
            ("quoted scalar, found unexpected end of stream", "a quoted value is not closed"),
            ("did not find expected ',' or ']'", "a flow list ([...]) is not closed, or its items lack a comma"),
            ("did not find expected ',' or '}'", "a flow mapping ({...}) is not closed, or its entries lack a comma"),
            ("did not find expected '-' indicator", "a list item indented differently from the items beside it"),
            ("did not find the expected '>'", "a tag ('!<…>') is not closed"),
            ("found character that cannot start any token", "a character that cannot start a YAML value (quote the value)"),
        };

        /// <summary>The offset of a line holding only the document end marker '...'; -1 when none.</summary>
        private static int DocumentEndMarker(string text)
        {
            for (int line = 0; line < text.Length;)
            {
                if (string.CompareOrdinal(text, line, "...", 0, 3) == 0)
                {
                    return line;
                }

                int next = text.IndexOf('\n', line);
                if (next < 0)
                {
                    return -1;
                }

                line = next + 1;
            }

            return -1;
        }

        /// <summary>The first tab in the leading white space of a line at or after <paramref name="from"/>.</summary>
        private static int? FirstIndentingTab(string text, int from)
        {
            int line = from <= 0 ? 0 : text.LastIndexOf('\n', from - 1) + 1;
            while (line < text.Length)
            {
                for (int i = line; i < text.Length && (text[i] == ' ' || text[i] == '\t'); i++)
                {
                    if (text[i] == '\t')
                    {
                        return i;
                    }
                }

                int next = text.IndexOf('\n', line);
                if (next < 0)
                {
                    return null;
                }

                line = next + 1;
            }

            return null;
        }

        private static string Clean(string message)
        {
            // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the position is reported separately.
            int i = message.IndexOf("): ", StringComparison.Ordinal);
            return message.StartsWith("(Line:", StringComparison.Ordinal) && i > 0 ? message.Substring(i + 3) : message;
        }
    }
}
