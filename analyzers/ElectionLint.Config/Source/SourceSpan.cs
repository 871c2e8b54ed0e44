using System;

namespace ElectionLint.Config.Source
{
    /// <summary>
    /// A range of a file: 1-based line and column (columns count UTF-16 characters), and 0-based character offsets.
    /// End is exclusive.
    /// </summary>
    public readonly struct SourceSpan : IEquatable<SourceSpan>
    {
        public SourceSpan(int startLine, int startColumn, int endLine, int endColumn, int startOffset, int endOffset)
        {
            StartLine = startLine;
            StartColumn = startColumn;
            EndLine = endLine;
            EndColumn = endColumn;
            StartOffset = startOffset;
            EndOffset = endOffset;
        }

        public int StartLine { get; }

        public int StartColumn { get; }

        public int EndLine { get; }

        public int EndColumn { get; }

        public int StartOffset { get; }

        public int EndOffset { get; }

        public int Length => EndOffset - StartOffset;

        public bool Equals(SourceSpan other) => StartOffset == other.StartOffset && EndOffset == other.EndOffset && StartLine == other.StartLine && StartColumn == other.StartColumn;

        public override bool Equals(object? obj) => obj is SourceSpan s && Equals(s);

        public override int GetHashCode() => (StartOffset * 397) ^ EndOffset;

        public override string ToString() => $"{StartLine}:{StartColumn}-{EndLine}:{EndColumn}";
    }
}
