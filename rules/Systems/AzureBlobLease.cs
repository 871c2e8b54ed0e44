using System;
using System.Collections.Generic;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Timing;
using static ElectionLint.Rules.Systems.Define;

namespace ElectionLint.Rules.Systems
{
    /// <summary>
    /// Azure blob leases (BlobLeaseClient.Acquire): 15–60 s or infinite. The SDK sends any negative duration as -1
    /// and otherwise Convert.ToInt64(duration.TotalSeconds), which rounds half to even.
    /// </summary>
    public static class AzureBlobLease
    {
        public const string Id = "azure-blob-lease";
        public const string LeaseDuration = "duration";
        public const long MinSeconds = 15;
        public const long MaxSeconds = 60;

        public static SystemDefinition Definition { get; } = new SystemDefinition(
            Id,
            "Azure Storage",
            new SettingDefinition(LeaseDuration, SettingRole.Timeout, ValueFormat.IntegerSeconds)
            {
                Granularity = Duration.NanosPerSecond,
                NegativeMeansInfinite = true,
            })
        {
            FalseFailover = "a lost lease",
            Detection = Q(LeaseDuration),
            // The service expires a lease `duration` after its last acquire or renew: the holder's pause budget and the wait for a new one.
            PauseBudget = Q(LeaseDuration),
            Failover = new Quantity("failover window", T(1m, LeaseDuration)),
            FailoverPrimary = LeaseDuration,
            PauseConsequence = "the lease expires and another holder acquires it",
            HardChecks = new SystemCheck[] { Range },
            TuningChecks = new SystemCheck[] { InfiniteLease },
            SolverRanges = new[]
            {
                new RangeLimit("EL1060", LeaseDuration, "the service rejects the request")
                {
                    Min = MinSeconds * (decimal)Duration.NanosPerSecond,
                    Max = MaxSeconds * (decimal)Duration.NanosPerSecond,
                    Source = "Azure's 15–60 s lease range",
                },
            },
        }.Bound();

        /// <summary>EL2030: an infinite lease (-1) outlives a crashed holder until someone breaks it, beyond any maxFailover.</summary>
        private static void InfiniteLease(EvaluationContext ctx)
        {
            if (ctx.Profile.MaxFailover is not Duration max || ctx.Instance[LeaseDuration] is not SettingOccurrence o || o.State != OccurrenceState.Set || o.Value.Number >= 0m)
            {
                return;
            }

            var args = new Dictionary<string, string>
            {
                ["window"] = "unbounded",
                ["formula"] = "an infinite lease is held until it is released or broken",
                ["max"] = max.ToString(),
            };
            ctx.Report("EL2030", LeaseDuration, new string[0], args);
        }

        /// <summary>EL1060 on the whole seconds the SDK sends.</summary>
        private static void Range(EvaluationContext ctx)
        {
            if (!ctx.TryGet(LeaseDuration, out decimal ns))
            {
                return;
            }

            decimal sent = Math.Round(ns / Duration.NanosPerSecond, 0, MidpointRounding.ToEven);
            if (sent >= MinSeconds && sent <= MaxSeconds)
            {
                return;
            }

            ctx.Report("EL1060", LeaseDuration, new string[0], new Dictionary<string, string>());
        }
    }
}
