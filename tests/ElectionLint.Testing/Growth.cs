using System;
using System.Diagnostics;

namespace ElectionLint.Testing
{
    /// <summary>
    /// How cost grows with input: the same work on an input and on one four times its size, measured in the same run, as a
    /// ratio (linear ≈ 4, quadratic ≈ 16). Never an absolute limit: a loaded machine slows both sides alike.
    /// </summary>
    public static class Growth
    {
        /// <summary>The ratio of the best of <paramref name="repeats"/> times (in ms, at least 1) of <paramref name="run"/> at 4 × size and at size.</summary>
        public static double TimeRatio(Action<int> run, int size, int repeats = 5)
        {
            run(size); // JIT (both tiers) and caches warm before anything is timed
            run(size);
            double small = Best(run, size, repeats), large = Best(run, 4 * size, repeats);
            return large / Math.Max(small, 1.0); // under a millisecond, timer noise is larger than the work
        }

        /// <summary>The ratio of bytes allocated by <paramref name="run"/> on this thread at 4 × size and at size.</summary>
        public static double AllocationRatio(Action<int> run, int size)
        {
            run(size);
            long small = Allocated(run, size), large = Allocated(run, 4 * size);
            return (double)large / Math.Max(small, 1);
        }

        private static double Best(Action<int> run, int size, int repeats)
        {
            double best = double.MaxValue;
            for (int i = 0; i < repeats; i++)
            {
                var watch = Stopwatch.StartNew();
                run(size);
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            }

            return best;
        }

        private static long Allocated(Action<int> run, int size)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            run(size);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }
}
