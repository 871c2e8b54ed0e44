using System;
using System.Collections.Generic;
using System.Linq;

namespace ElectionLint.Cli.Metrics
{
    /// <summary>A classic-histogram bucket: the cumulative count of observations ≤ <see cref="UpperBound"/>.</summary>
    internal readonly record struct Bucket(double UpperBound, double Count);

    /// <summary>
    /// PromQL's <c>histogram_quantile</c> over classic buckets, ported from Prometheus' promql/quantile.go
    /// (BucketQuantile, coalesceBuckets, ensureMonotonicAndIgnoreSmallDeltas; github.com/prometheus/prometheus,
    /// Apache-2.0): buckets sorted by upper bound, equal bounds summed, decreasing counts raised to the previous
    /// one, relative differences below 1e-12 ignored; linear interpolation inside the bucket, from 0 in the lowest
    /// bucket when its bound is positive; a quantile in the +Inf bucket is the second-highest bound.
    /// </summary>
    internal static class BucketQuantile
    {
        private const double SmallDeltaTolerance = 1e-12;

        /// <summary>The quantile (NaN where Prometheus gives NaN) and whether it fell into the +Inf bucket.</summary>
        public static (double Value, bool InInfBucket) Compute(double q, IEnumerable<Bucket> input)
        {
            if (double.IsNaN(q))
            {
                return (double.NaN, false);
            }

            if (q < 0)
            {
                return (double.NegativeInfinity, false);
            }

            if (q > 1)
            {
                return (double.PositiveInfinity, false);
            }

            List<Bucket> buckets = input.OrderBy(b => b.UpperBound).ToList();
            if (buckets.Count == 0 || !double.IsPositiveInfinity(buckets[^1].UpperBound))
            {
                return (double.NaN, false);
            }

            buckets = Coalesce(buckets);
            EnsureMonotonic(buckets);
            if (buckets.Count < 2)
            {
                return (double.NaN, false);
            }

            double observations = buckets[^1].Count;
            if (observations == 0)
            {
                return (double.NaN, false);
            }

            double rank = q * observations;
            // sort.Search over all but the +Inf bucket: the first index whose count reaches the rank.
            int b = 0;
            while (b < buckets.Count - 1 && !(buckets[b].Count >= rank))
            {
                b++;
            }

            if (b == buckets.Count - 1)
            {
                return (buckets[^2].UpperBound, true);
            }

            if (b == 0 && buckets[0].UpperBound <= 0)
            {
                return (buckets[0].UpperBound, false);
            }

            double bucketStart = 0;
            double bucketEnd = buckets[b].UpperBound;
            double count = buckets[b].Count;
            if (b > 0)
            {
                bucketStart = buckets[b - 1].UpperBound;
                count -= buckets[b - 1].Count;
                rank -= buckets[b - 1].Count;
            }

            return (bucketStart + ((bucketEnd - bucketStart) * (rank / count)), false);
        }

        private static List<Bucket> Coalesce(List<Bucket> buckets)
        {
            var result = new List<Bucket>(buckets.Count);
            Bucket last = buckets[0];
            for (int i = 1; i < buckets.Count; i++)
            {
                if (buckets[i].UpperBound == last.UpperBound)
                {
                    last = last with { Count = last.Count + buckets[i].Count };
                }
                else
                {
                    result.Add(last);
                    last = buckets[i];
                }
            }

            result.Add(last);
            return result;
        }

        private static void EnsureMonotonic(List<Bucket> buckets)
        {
            double prev = buckets[0].Count;
            for (int i = 1; i < buckets.Count; i++)
            {
                double curr = buckets[i].Count;
                if (curr == prev)
                {
                    continue;
                }

                if (AlmostEqual(prev, curr, SmallDeltaTolerance) || curr < prev)
                {
                    buckets[i] = buckets[i] with { Count = prev };
                    continue;
                }

                prev = curr;
            }
        }

        /// <summary>util/almost.Equal.</summary>
        private static bool AlmostEqual(double a, double b, double epsilon)
        {
            const double minNormal = 2.2250738585072014e-308;
            if (double.IsNaN(a) && double.IsNaN(b))
            {
                return true;
            }

            if (a == b)
            {
                return true;
            }

            double absSum = Math.Abs(a) + Math.Abs(b);
            double diff = Math.Abs(a - b);
            if (a == 0 || b == 0 || absSum < minNormal)
            {
                return diff < epsilon * minNormal;
            }

            return diff / Math.Min(absSum, double.MaxValue) < epsilon;
        }
    }
}
