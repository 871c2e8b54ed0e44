using System;
using Microsoft.CodeAnalysis.Text;

namespace ElectionLint.Analyzers.Collection
{
    /// <summary>Sorted positions in a tree (names found in its text) and the spans that hold them.</summary>
    internal static class Positions
    {
        public static readonly int[] None = new int[0];

        /// <summary>True when one of the sorted <paramref name="positions"/> is inside <paramref name="span"/>.</summary>
        public static bool Holds(int[] positions, TextSpan span)
        {
            int i = Array.BinarySearch(positions, span.Start);
            if (i < 0)
            {
                i = ~i;
            }

            return i < positions.Length && positions[i] < span.End;
        }
    }
}
