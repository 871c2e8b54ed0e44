using System.Collections.Generic;

namespace ElectionLint.Config.Source
{
    /// <summary>A file's text with a line index, to turn offsets into line and column.</summary>
    public sealed class SourceText
    {
        private readonly List<int> _lineStarts = new List<int> { 0 };

        public SourceText(string path, string text)
        {
            Path = path;
            Text = text;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\n')
                {
                    _lineStarts.Add(i + 1);
                }
                else if (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        public string Path { get; }

        public string Text { get; }

        public int LineCount => _lineStarts.Count;

        /// <summary>1-based line and column of a 0-based offset.</summary>
        public (int Line, int Column) Position(int offset)
        {
            int lo = 0, hi = _lineStarts.Count - 1;
            while (lo < hi)
            {
                int mid = (lo + hi + 1) / 2;
                if (_lineStarts[mid] <= offset)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return (lo + 1, offset - _lineStarts[lo] + 1);
        }

        public SourceSpan Span(int start, int end)
        {
            (int sl, int sc) = Position(start);
            (int el, int ec) = Position(end);
            return new SourceSpan(sl, sc, el, ec, start, end);
        }

        /// <summary>The text of a 1-based line, without its line break.</summary>
        public string Line(int line)
        {
            if (line < 1 || line > _lineStarts.Count)
            {
                return string.Empty;
            }

            int start = _lineStarts[line - 1];
            int end = line < _lineStarts.Count ? _lineStarts[line] : Text.Length;
            while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
            {
                end--;
            }

            return Text.Substring(start, end - start);
        }
    }
}
