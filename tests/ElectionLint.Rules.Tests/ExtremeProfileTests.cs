using System;
using System.Linq;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Systems;
using ElectionLint.Rules.Timing;
using Xunit;

namespace ElectionLint.Rules.Tests
{
    /// <summary>
    /// review-2026-12 N14: a profile at the edge of what a duration holds (rttP99 of 292 years) once cost 150 ms and 113 MB
    /// a configuration, while the repair search walked round numbers it could never write. It finds nothing, and says so, cheaply.
    /// </summary>
    public class ExtremeProfileTests
    {
        private static readonly EnvironmentProfile Extreme = new EnvironmentProfile { Network = NetworkKind.Wan, RttP99 = Duration.FromMilliseconds(106_751L * 86_400_000L) };

        [Fact]
        public void An_extreme_round_trip_gives_findings_without_repairs_and_costs_little()
        {
            var instance = new ConfigurationInstance(KubernetesLeaderElection.Definition)
                .SetText(KubernetesLeaderElection.LeaseDuration, "15s").SetText(KubernetesLeaderElection.RenewDeadline, "10s").SetText(KubernetesLeaderElection.RetryPeriod, "2s");
            Evaluator.Evaluate(instance, Extreme).Findings.Select(f => f.Message + f.Repairs.Count).ToList(); // warm

            long before = GC.GetAllocatedBytesForCurrentThread();
            EvaluationResult result = Evaluator.Evaluate(instance, Extreme);
            string[] shown = result.Findings.Select(f => $"{f.Rule.Id} {f.Repairs.Count} {f.Message}").ToArray();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(
                new[]
                {
                    "EL2010 0 leaseDuration 15s is below 92232864000 s (10 × rttP99 2562024h); a slow round trip looks like a failure and triggers a false election — no change was found that keeps every other rule satisfied",
                    "EL2011 0 retryPeriod 2s is below half of rttP99 2562024h; heartbeats outrun the round trip and queue up — no change was found that keeps every other rule satisfied",
                },
                shown);
            Assert.True(allocated < 4_000_000, $"{allocated / 1024} KB allocated for one configuration (was 113 MB)");
        }
    }
}
