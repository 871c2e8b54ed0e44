using System;
using System.Diagnostics;
using System.Runtime;

namespace ElectionLint.Testing
{
    /// <summary>
    /// How cost grows with input: the same work on an input and on one four times its size, measured in the same run, as a
    /// ratio (linear ≈ 4, quadratic ≈ 16). Never an absolute limit; time is the thread's own CPU time where it can be read.
    /// </summary>
    public static class Growth
    {
        /// <summary>Bytes a timed run may allocate without a collection (larger runs are timed with theirs).</summary>
        private const long NoGcBudget = 128L * 1024 * 1024;

        /// <summary>The ratio of the best of <paramref name="repeats"/> times (in ms, at least 1) of <paramref name="run"/> at 4 × size and at size.</summary>
        /// <remarks>
        /// The two sizes are run in turn (small, large, small, …), so a slow spell of a shared machine (other test assemblies
        /// run beside this one) meets both. A ratio above 6 is measured again, up to three rounds, and the lowest is returned:
        /// quadratic work reads near 16 in every round.
        /// </remarks>
        public static double TimeRatio(Action<int> run, int size, int repeats = 5)
        {
            run(size); // JIT (both tiers) and caches warm before anything is timed
            run(size);
            double ratio = double.MaxValue;
            for (int round = 0; round < 3 && ratio > 6; round++)
            {
                double small = double.MaxValue, large = double.MaxValue;
                for (int i = 0; i < repeats; i++)
                {
                    small = Math.Min(small, Timed(run, size));
                    large = Math.Min(large, Timed(run, 4 * size));
                }

                ratio = Math.Min(ratio, large / Math.Max(small, 1.0)); // under a millisecond, timer noise is larger than the work
            }

            return ratio;
        }

        /// <summary>The ratio of bytes allocated by <paramref name="run"/> on this thread at 4 × size and at size.</summary>
        public static double AllocationRatio(Action<int> run, int size)
        {
            run(size);
            long small = Allocated(run, size), large = Allocated(run, 4 * size);
            return (double)large / Math.Max(small, 1);
        }

        private static double Timed(Action<int> run, int size)
        {
            // Each run starts from a collected heap: what earlier tests left behind is not collected on this run's time.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            // And, where its allocation fits a no-GC region, without a collection inside it: a collection marks the whole
            // test host's heap on this thread, which would time other tests' data, more often at the larger size.
            bool region = false;
            try
            {
                region = GC.TryStartNoGCRegion(NoGcBudget);
            }
            catch (ArgumentOutOfRangeException)
            {
            }

            double start = Now();
            run(size);
            double elapsed = Now() - start;
            if (region && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }

            return elapsed;
        }

        /// <summary>
        /// Milliseconds of CPU this thread has used (Linux: CLOCK_THREAD_CPUTIME_ID, so other tests running on the shared
        /// cores do not count); elsewhere the wall clock. Not getrusage: its thread time is apportioned from scheduler ticks,
        /// and a 2.5 ms run read anywhere from 0 to 4 ms, so the best of five small runs was often 0.
        /// </summary>
        private static double Now()
        {
            if (OperatingSystem.IsLinux())
            {
                var time = new long[2];
                try
                {
                    if (ClockGetTime(3, time) == 0) // CLOCK_THREAD_CPUTIME_ID: seconds and nanoseconds
                    {
                        return time[0] * 1000.0 + time[1] / 1e6;
                    }
                }
                catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
                {
                }
            }

            return Stopwatch.GetTimestamp() * 1000.0 / Stopwatch.Frequency;
        }

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int ClockGetTime(int clock, long[] time);

        private static long Allocated(Action<int> run, int size)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            run(size);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }
}
