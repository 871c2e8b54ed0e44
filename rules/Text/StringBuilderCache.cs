using System;
using System.Text;

namespace ElectionLint.Rules.Text
{
    /// <summary>
    /// One StringBuilder per thread for the short texts a finding is made of (messages, durations, formulas, repairs):
    /// each would otherwise allocate a builder and its buffer. A nested use while the thread's builder is out gets a new one.
    /// </summary>
    internal static class StringBuilderCache
    {
        private const int MaxKept = 512;

        [ThreadStatic]
        private static StringBuilder? t_cached;

        public static StringBuilder Acquire(int capacity = 64)
        {
            StringBuilder? sb = t_cached;
            if (sb != null && capacity <= sb.Capacity)
            {
                t_cached = null;
                sb.Clear();
                return sb;
            }

            return new StringBuilder(Math.Max(capacity, 64));
        }

        /// <summary>The text, and the builder back to the thread (unless it grew past what is worth keeping).</summary>
        public static string ToStringAndRelease(StringBuilder sb)
        {
            string text = sb.ToString();
            if (sb.Capacity <= MaxKept)
            {
                t_cached = sb;
            }

            return text;
        }
    }
}
