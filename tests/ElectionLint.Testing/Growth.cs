using System;
using System.Diagnostics;

namespace ElectionLint.Testing
{
    /// <summary>
    /// How cost grows with input: the same work on an input and on one four times its size, measured in the same run, as a
    /// ratio (linear ≈ 4, quadratic ≈ 16). Never an absolute limit; time is the thread's own CPU time where it can be read.
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
                // Each run starts from a collected heap: what earlier tests left behind is not collected on this run's time.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                double start = Now();
                run(size);
                best = Math.Min(best, Now() - start);
            }

            return best;
        }

        /// <summary>
        /// Milliseconds of CPU this thread has used (Linux: getrusage, so other tests running on the shared cores do not
        /// count); elsewhere the wall clock.
        /// </summary>
        private static double Now()
        {
            if (OperatingSystem.IsLinux())
            {
                var usage = new long[18];
                try
                {
                    if (GetRUsage(1, usage) == 0) // RUSAGE_THREAD: user then system time, each seconds and microseconds
                    {
                        return (usage[0] + usage[2]) * 1000.0 + (usage[1] + usage[3]) / 1000.0;
                    }
                }
                catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
                {
                }
            }

            return Stopwatch.GetTimestamp() * 1000.0 / Stopwatch.Frequency;
        }

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getrusage")]
        private static extern int GetRUsage(int who, long[] usage);

        private static long Allocated(Action<int> run, int size)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            run(size);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }
}
