using System.Collections.Generic;
using System.Linq;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Solving;
using ElectionLint.Rules.Systems;
using Xunit;
using static ElectionLint.Rules.Tests.Build;

namespace ElectionLint.Rules.Tests
{
    /// <summary>
    /// A brute-force oracle for the joint solver: every system on a grid of round values under demanding profiles,
    /// judged only by evaluating configurations again. EL2031 fires exactly when no configuration is clean; every repair
    /// clears its finding and raises none; a warning or error with a clean grid point one or two settings away has a repair.
    /// A setting no repair changes (MongoDB's catch-up, <see cref="SettingDefinition.Tunable"/>) is held as written in all three.
    /// </summary>
    public class OracleTests
    {
        private static readonly decimal[] Durations = { 100, 200, 500, 1000, 2000, 5000, 15000 };
        private static readonly decimal[] Coarse = { 200, 1000, 2000, 5000, 15000 };
        private static readonly decimal[] Counts = { 1, 2, 3, 5, 10 };
        private static readonly decimal[] Fractions = { 0.1m, 0.25m, 0.5m };

        public static IEnumerable<object[]> Cases()
        {
            string[] profiles =
            {
                "rtt=5ms gc=300ms max=30s",              // the sample repository's
                "network=wan rtt=150ms gc=300ms max=3s", // the review's reported case
                "rtt=1ms gc=50ms max=1s",
                "network=wan rtt=300ms gc=500ms max=12s",
            };
            foreach (SystemDefinition s in SystemCatalogue.Systems)
            {
                foreach (string p in profiles)
                {
                    yield return new object[] { s.Id, p };
                }
            }
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Grid_agrees_with_the_solver(string system, string profileSpec)
        {
            SystemDefinition def = SystemCatalogue.Get(system);
            EnvironmentProfile profile = Build.Profile(profileSpec);
            List<SettingDefinition> numeric = def.Settings.Where(SystemModel.IsNumeric).ToList();
            var grid = Grid(numeric).ToList();
            var clean = new List<decimal[]>();
            var results = new List<(decimal[] Point, EvaluationResult Result)>();
            foreach (decimal[] point in grid)
            {
                EvaluationResult r = Evaluator.Evaluate(At(def, numeric, point), profile);
                (r.Findings.Count == 0 ? clean : null)?.Add(point);
                results.Add((point, r));
            }

            // Settings no repair changes are held as written: each of their values is its own grid.
            string Held(decimal[] p) => string.Join(",", p.Where((v, i) => !numeric[i].Tunable));
            var fineByHeld = new Dictionary<string, decimal[]?>();
            foreach ((decimal[] point, EvaluationResult r) in results)
            {
                string held = Held(point);
                if (!fineByHeld.TryGetValue(held, out decimal[]? fineClean))
                {
                    fineClean = clean.FirstOrDefault(c => Held(c) == held) ?? FineClean(def, numeric, profile, point);
                    fineByHeld[held] = fineClean;
                }

                bool el2031 = r.Findings.Any(f => f.RuleId == "EL2031");
                That(!(el2031 && fineClean != null), $"EL2031 at {Show(numeric, point)} but {Show(numeric, fineClean)} is clean");
                if (r.Findings.Count > 0 && !el2031 && fineClean == null)
                {
                    That(Witness(def, numeric, point, profile), $"no EL2031 at {Show(numeric, point)}, yet no clean configuration was found");
                }

                var before = new HashSet<(string, string?)>(r.Findings.Select(f => (f.RuleId, f.Setting?.Id)));
                foreach (Finding f in r.Findings)
                {
                    foreach (RepairPlan plan in f.Repairs)
                    {
                        decimal[] repaired = Apply(numeric, point, plan);
                        foreach (Finding after in Evaluator.Evaluate(At(def, numeric, repaired), profile, suggest: false).Findings)
                        {
                            That(!(after.RuleId == f.RuleId && after.Setting?.Id == f.Setting?.Id), $"{plan} does not clear {f.RuleId} at {Show(numeric, point)}");
                            That(before.Contains((after.RuleId, after.Setting?.Id)), $"{plan} for {f.RuleId} at {Show(numeric, point)} raises {after}");
                        }
                    }

                    if (f.Repairs.Count == 0 && f.Rule.Fixable && f.Severity >= RuleSeverity.Warning && !el2031)
                    {
                        decimal[]? near = clean.FirstOrDefault(c => Held(c) == held && Distance(c, point) <= 2);
                        That(near == null, $"{f.RuleId} at {Show(numeric, point)} has no repair, but {Show(numeric, near)} is clean");
                    }

                    // Stronger than the grid can show: where the profile can be met, every fixable finding has a repair.
                    That(f.Repairs.Count > 0 || !f.Rule.Fixable || el2031, $"{f.RuleId} at {Show(numeric, point)} has no repair: {f.Message}");
                }
            }
        }

        [Fact]
        public void The_reported_scheduler_case_gets_a_joint_repair_not_EL2031()
        {
            var instance = Build.Instance("k8s-leader-election", "leaseDuration=15s", "renewDeadline=10s", "retryPeriod=2s");
            Finding f = Assert.Single(Findings(instance, "network=wan rtt=150ms gc=300ms max=3s"));
            Assert.Equal("EL2030", f.RuleId);
            Assert.EndsWith("— set leaseDuration to 2s, retryPeriod to 200ms and renewDeadline to 1.5s", f.Message);
            Assert.Equal(new[] { "2s", "200ms", "1.5s" }, f.Repairs[0].Changes.Select(c => c.Text));
        }

        [Theory]
        [InlineData("kafka-consumer", "", "max=5s", "session.timeout.ms ≥ 6000 ms (the broker's group.min/max.session.timeout.ms) makes the worst-case failover window (session.timeout.ms + heartbeat.interval.ms) at least 6.001s, above maxFailover 5s")]
        [InlineData("dotnext-raft", "lowerElectionTimeout=1000;upperElectionTimeout=1500", "network=wan rtt=100ms max=1.5s", "lowerElectionTimeout ≥ 10 × rttP99 100ms and upperElectionTimeout ≥ 1.5 × lowerElectionTimeout (a randomised range wide enough) make the worst-case failover window (upperElectionTimeout + 2 × RTT) at least 1.7s, above maxFailover 1.5s")]
        [InlineData("consul-session", "TTL=10s", "gc=300ms max=15s", "TTL ≥ 10s (Consul's session TTL range) makes the worst-case failover window (2 × TTL + min(LockDelay, 1m)) at least 20s, above maxFailover 15s")]
        public void EL2031_names_the_constraints_that_collide(string system, string settings, string profile, string collision)
        {
            var instance = Build.Instance(system, settings.Length == 0 ? new string[0] : settings.Split(';'));
            EvaluationResult r = Evaluator.Evaluate(instance, Build.Profile(profile));
            Finding f = Assert.Single(r.Findings, x => x.RuleId == "EL2031");
            Assert.Contains(collision, f.Message);
            Assert.Equal(collision, r.Conflict!.Collision);
        }

        [Fact]
        public void A_hard_error_hiding_tuning_findings_gets_a_repair_that_clears_them_too()
        {
            // The sample's static pod: 50000 ms alone starts etcd but breaks the 30 s budget; heartbeat and timeout move together.
            var instance = Build.Instance("etcd", "heartbeat-interval=5000", "election-timeout=60000");
            Finding f = Assert.Single(Findings(instance, "rtt=5ms gc=300ms max=30s"));
            Assert.Equal("EL1002", f.RuleId);
            Assert.Equal("election-timeout=15000,heartbeat-interval=1500", string.Join(",", f.Repairs[0].Changes.Select(c => c.Setting.Id + "=" + c.Text)));
            var fixedInstance = Build.Instance("etcd", "heartbeat-interval=1500", "election-timeout=15000");
            Assert.Empty(Findings(fixedInstance, "rtt=5ms gc=300ms max=30s"));
        }

        [Fact]
        public void Repairs_down_to_zero_are_offered_where_zero_is_legal()
        {
            Finding f = Assert.Single(Findings(Build.Instance("consul-session", "TTL=15s", "LockDelay=15s"), "max=30s"));
            Assert.Equal("LockDelay=0s", string.Join(",", f.Repairs[0].Changes.Select(c => c.Setting.Id + "=" + c.Text)));
        }

        /// <summary>A clean point of a fine grid (1-1.2-1.5-2-2.5-3-4-5-6-8 × 10^k ms), checks only (EL2031 off), or null.</summary>
        private static decimal[]? FineClean(SystemDefinition def, List<SettingDefinition> numeric, EnvironmentProfile profile, decimal[] heldFrom)
        {
            var off = new Dictionary<string, RuleSeverity> { ["EL2031"] = RuleSeverity.Off };
            decimal[] ladder = numeric.Count >= 4 ? new decimal[] { 1, 2, 5 } : new[] { 1m, 1.2m, 1.5m, 2m, 2.5m, 3m, 4m, 5m, 6m, 8m };
            decimal[] fine = new[] { 1m, 10m, 100m, 1000m, 10000m }.SelectMany(d => ladder.Select(m => m * d)).Where(ms => ms <= 60000m).ToArray();
            foreach (decimal[] point in Grid(numeric, fine.Select(ms => ms * 1_000_000m).ToArray(), Enumerable.Range(1, 10).Select(v => (decimal)v).ToArray(), new[] { 0.1m, 0.2m, 0.25m, 0.3m, 0.4m, 0.5m, 0.6m, 0.8m }, heldFrom))
            {
                if (Evaluator.Evaluate(At(def, numeric, point), profile, off, suggest: false).Findings.Count == 0)
                {
                    return point;
                }
            }

            return null;
        }

        private static bool Witness(SystemDefinition def, List<SettingDefinition> numeric, decimal[] point, EnvironmentProfile profile)
        {
            decimal[] current = point;
            for (int round = 0; round < 4; round++)
            {
                EvaluationResult r = Evaluator.Evaluate(At(def, numeric, current), profile);
                if (r.Findings.Count == 0)
                {
                    return true;
                }

                RepairPlan? plan = r.Findings.SelectMany(f => f.Repairs).FirstOrDefault();
                if (plan == null)
                {
                    return false;
                }

                current = Apply(numeric, current, plan);
            }

            return false;
        }

        internal static IEnumerable<decimal[]> Grid(List<SettingDefinition> numeric) =>
            Grid(numeric, (numeric.Count >= 4 ? Coarse : Durations).Select(ms => ms * 1_000_000m).ToArray(), Counts, Fractions);

        /// <summary>A grid point's value for a setting left unwritten.</summary>
        private const decimal Unset = decimal.MinValue;

        private static IEnumerable<decimal[]> Grid(List<SettingDefinition> numeric, decimal[] durations, decimal[] counts, decimal[] fractions, decimal[]? heldFrom = null)
        {
            // With many settings (the group coordinator's min/max bounds) only those of the failover model vary; the rest stay unwritten.
            SystemDefinition def = numeric[0] is SettingDefinition first ? SystemCatalogue.Systems.First(s => s.Settings.Contains(first)) : null!;
            bool Varied(SettingDefinition s) => numeric.Count <= 4 ||
                new[] { def.Heartbeat, def.Detection, def.Failover }.Any(q => q != null && q.Terms.Any(t => t.Setting == s.Id || t.Multiplier == s.Id));
            decimal[][] axes = numeric.Select((s, i) => heldFrom != null && !s.Tunable ? new[] { heldFrom[i] } : !Varied(s) ? new[] { Unset } : s.Role switch
            {
                SettingRole.Count => counts,
                SettingRole.Fraction => fractions,
                _ => durations,
            }).ToArray();
            return Product(axes);
        }

        /// <summary>Every combination of one value per axis, the last axis varying fastest.</summary>
        internal static IEnumerable<decimal[]> Product(decimal[][] axes)
        {
            var idx = new int[axes.Length];
            while (true)
            {
                yield return idx.Select((v, i) => axes[i][v]).ToArray();
                int k = axes.Length - 1;
                while (k >= 0 && ++idx[k] == axes[k].Length)
                {
                    idx[k] = 0;
                    k--;
                }

                if (k < 0)
                {
                    yield break;
                }
            }
        }

        internal static ConfigurationInstance At(SystemDefinition def, List<SettingDefinition> numeric, decimal[] point)
        {
            var instance = new ConfigurationInstance(def, "anchor");
            if (def.EnabledSetting != null)
            {
                instance.Set(def.EnabledSetting, SettingValue.Of(true), "loc:" + def.EnabledSetting); // a ZooKeeper ensemble is off unless declared
            }

            for (int i = 0; i < numeric.Count; i++)
            {
                if (point[i] != Unset)
                {
                    instance.Set(numeric[i].Id, SettingValue.Of(point[i]), "loc:" + numeric[i].Id);
                }
            }

            return instance;
        }

        private static decimal[] Apply(List<SettingDefinition> numeric, decimal[] point, RepairPlan plan)
        {
            decimal[] copy = (decimal[])point.Clone();
            foreach (SettingChange c in plan.Changes)
            {
                copy[numeric.IndexOf(c.Setting)] = c.Value;
            }

            return copy;
        }

        private static void That(bool condition, string message)
        {
            if (!condition)
            {
                Assert.Fail(message);
            }
        }

        private static int Distance(decimal[] a, decimal[] b) => a.Where((v, i) => v != b[i]).Count();

        private static string Show(List<SettingDefinition> numeric, decimal[]? point) =>
            point == null ? "(none)" : string.Join(", ", numeric.Where((s, i) => point[i] != Unset).Select(s => s.Id + "=" + SettingValues.Display(s, point[numeric.IndexOf(s)])));
    }
}
