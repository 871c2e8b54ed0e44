using System.Collections.Generic;

namespace ElectionLint.Config.Source
{
    /// <summary>A file's text with a line index, to turn offsets into line and column. The index is built on first use:
    /// most files never need a position.</summary>
    public sealed class SourceText
    {
        private List<int>? _index;

        public SourceText(string path, string text)
        {
            Path = path;
            Text = text;
        }

        /// <summary>
        /// A text embedded in another file (a ConfigMap's zoo.cfg): its spans are the outer file's, so positions, related
        /// locations and fixes land in the file on disk. <paramref name="outerOffsets"/> holds, for each offset of
        /// <paramref name="text"/> and its end, the outer offset it was read from.
        /// </summary>
        public SourceText(string path, string text, SourceText outer, int[] outerOffsets)
            : this(path, text)
        {
            _outer = outer;
            _outerOffsets = outerOffsets;
        }

        private readonly SourceText? _outer;
        private readonly int[]? _outerOffsets;

        public string Path { get; }

        public string Text { get; }

        /// <summary>The outermost text: the one whose offsets <see cref="Span"/> returns.</summary>
        internal SourceText Root => _outer == null ? this : _outer.Root;

        public int LineCount => LineStarts.Count;

        // Built at most once per thread that races for it; every build is the same list.
        private List<int> LineStarts => _index ??= Index(Text);

        private static List<int> Index(string text)
        {
            var starts = new List<int> { 0 };
            int i = 0;
            while (true)
            {
                int at = text.IndexOfAny(LineBreaks, i);
                if (at < 0)
                {
                    return starts;
                }

                if (text[at] == '\r' && at + 1 < text.Length && text[at + 1] == '\n')
                {
                    at++;
                }

                starts.Add(at + 1);
                i = at + 1;
            }
        }

        private static readonly char[] LineBreaks = { '\n', '\r' };

        /// <summary>1-based line and column of a 0-based offset.</summary>
        public (int Line, int Column) Position(int offset)
        {
            List<int> lineStarts = LineStarts;
            int lo = 0, hi = lineStarts.Count - 1;
            while (lo < hi)
            {
                int mid = (lo + hi + 1) / 2;
                if (lineStarts[mid] <= offset)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return (lo + 1, offset - lineStarts[lo] + 1);
        }

        public SourceSpan Span(int start, int end)
        {
            if (_outer != null && _outerOffsets != null)
            {
                int last = _outerOffsets.Length - 1;
                int a = _outerOffsets[start < 0 ? 0 : start > last ? last : start], b = _outerOffsets[end < 0 ? 0 : end > last ? last : end];
                return _outer.Span(a, b < a ? a : b);
            }

            (int sl, int sc) = Position(start);
            (int el, int ec) = Position(end);
            return new SourceSpan(sl, sc, el, ec, start, end);
        }

        /// <summary>The text of a 1-based line, without its line break.</summary>
        public string Line(int line)
        {
            List<int> lineStarts = LineStarts;
            if (line < 1 || line > lineStarts.Count)
            {
                return string.Empty;
            }

            int start = lineStarts[line - 1];
            int end = line < lineStarts.Count ? lineStarts[line] : Text.Length;
            while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
            {
                end--;
            }

            return Text.Substring(start, end - start);
        }
    }
}
