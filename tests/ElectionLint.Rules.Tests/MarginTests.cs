using System.Collections.Generic;
using System.Linq;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Solving;
using ElectionLint.Rules.Systems;
using Xunit;
using static ElectionLint.Rules.Tests.Build;

namespace ElectionLint.Rules.Tests
{
    /// <summary>Each constraint's margin: why a rule passed or fired, and by how much.</summary>
    public class MarginTests
    {
        private static IReadOnlyList<RuleMargin> MarginsOf(ConfigurationInstance instance, string? profile = null)
        {
            EnvironmentProfile p = Build.Profile(profile);
            return Margins.Of(Evaluator.Evaluate(instance, p), p);
        }

        [Fact]
        public void Etcd_defaults_under_the_sample_profile()
        {
            var margins = MarginsOf(Instance("etcd", "heartbeat-interval=100", "election-timeout=1000"), "rtt=5ms gc=300ms max=30s");
            Assert.Equal(new[]
            {
                "EL1003 heartbeat-interval 100 ms > 0 ms — passes",
                "EL1003 election-timeout 1000 ms > 0 ms — passes",
                "EL1002 election-timeout 1000 ms ≤ 50000 ms — passes with 50.0× headroom (49000 ms to spare)",
                "EL1001 election-timeout ÷ heartbeat-interval = 10.0× ≥ 5.0× — passes with 2.0× headroom",
                "EL2001 election-timeout ÷ heartbeat-interval = 10.0× ≥ 5.0× — passes with 2.0× headroom",
                "EL2002 election-timeout ÷ heartbeat-interval = 10.0× ≤ 10.0× — passes with 1.0× headroom",
                "EL2010 election-timeout 1000 ms ≥ 50 ms — passes with 20.0× headroom (950 ms to spare)",
                "EL2011 heartbeat-interval 100 ms ≥ 2.5 ms — passes with 40.0× headroom (97.5 ms to spare)",
                "EL2020 election-timeout 1000 ms ≥ 600 ms — passes with 1.67× headroom (400 ms to spare)",
                "EL2030 failover window 1910 ms ≤ 30000 ms — passes with 15.7× headroom (28090 ms to spare)",
            }, margins.Select(m => m.Summary));
            RuleMargin gc = margins.Single(m => m.RuleId == "EL2020");
            Assert.Equal(MarginStatus.Passes, gc.Status);
            Assert.Equal(1000m / 600m, gc.Headroom);
            Assert.Equal("400 ms", gc.Slack);
            Assert.Equal("election-timeout ≥ 2 × gcPauseP99 300ms", gc.Constraint);
        }

        [Fact]
        public void A_broken_constraint_says_by_how_much_and_which_way()
        {
            var margins = MarginsOf(Instance("etcd", "heartbeat-interval=100", "election-timeout=400"), "rtt=5ms gc=300ms");
            Assert.Equal("EL1001 election-timeout ÷ heartbeat-interval = 4.0× ≥ 5.0× — fires", margins.Single(m => m.RuleId == "EL1001").Summary);
            Assert.Equal("EL2020 election-timeout 400 ms ≥ 600 ms — not met by 200 ms, not reported: a limit the system enforces fires first; its repair accounts for the profile",
                margins.Single(m => m.RuleId == "EL2020").Summary);

            RuleMargin max = MarginsOf(Instance("etcd", "heartbeat-interval=5000", "election-timeout=60000")).Single(m => m.RuleId == "EL1002");
            Assert.Equal(MarginStatus.Fires, max.Status);
            Assert.True(max.Upper);
            Assert.Equal("EL1002 election-timeout 60000 ms ≤ 50000 ms — fires, over by 10000 ms", max.Summary);
        }

        [Fact]
        public void Defaults_are_not_judged_on_their_ratio()
        {
            // Orleans' defaults: the ratio rules do not look at what the component's authors chose.
            var margins = MarginsOf(new ConfigurationInstance(KubernetesLeaderElection.Definition, "a"), "rtt=5ms");
            Assert.All(margins, m => Assert.Equal(MarginStatus.Passes, m.Status));
            Assert.Contains(margins, m => m.RuleId == "EL2001" && m.Summary == "EL2001 renewDeadline ÷ retryPeriod = 5.0× > 2.0× — passes with 2.5× headroom");
        }

        [Fact]
        public void An_unknown_value_makes_no_claim()
        {
            var instance = new ConfigurationInstance(Etcd.Definition, "a").SetUnknown(Etcd.ElectionTimeout, "loc");
            RuleMargin ratio = MarginsOf(instance, "rtt=5ms").First(m => m.RuleId == "EL2001");
            Assert.Equal(MarginStatus.Unknown, ratio.Status);
            Assert.Null(ratio.Headroom);
            Assert.Equal("EL2001 election-timeout ≥ 5 × heartbeat-interval (at least 5 heartbeats) — not checked: a value it needs is unknown", ratio.Summary);
        }

        [Fact]
        public void A_conflict_stands_for_the_profile_rules()
        {
            EnvironmentProfile p = Build.Profile("network=wan rtt=300ms gc=500ms max=1s");
            EvaluationResult r = Evaluator.Evaluate(Instance("etcd", "heartbeat-interval=100", "election-timeout=1000"), p);
            Assert.Contains(r.Findings, f => f.RuleId == "EL2031");
            RuleMargin rtt = Margins.Of(r, p).Single(m => m.RuleId == "EL2010");
            Assert.Equal(MarginStatus.NotReported, rtt.Status);
            Assert.Equal("EL2031 stands for it (no values satisfy the profile)", rtt.Reason);
        }

        [Fact]
        public void Derived_quantities_name_their_formula_and_value()
        {
            EnvironmentProfile p = Build.Profile("rtt=5ms");
            EvaluationResult r = Evaluator.Evaluate(Instance(KubernetesLeaderElection.Id, "leaseDuration=15s", "retryPeriod=2s"), p);
            Assert.Equal(new[]
            {
                "heartbeat: retryPeriod = 2s",
                "detection timeout: leaseDuration = 15s",
                "pause budget: renewDeadline = 10s",
                "failover window: leaseDuration + 4.4 × retryPeriod = 23.8s",
                "ratio: renewDeadline ÷ retryPeriod = 5.0×",
            }, Margins.Derived(r, p).Select(q => q.ToString()));
            var unknown = new ConfigurationInstance(Etcd.Definition, "a").SetUnknown(Etcd.ElectionTimeout, "loc");
            Assert.Equal("ratio: election-timeout ÷ heartbeat-interval = unknown", Margins.Derived(Evaluator.Evaluate(unknown)).Last().ToString());
        }

        [Fact]
        public void Disabled_timing_has_no_margins()
        {
            Assert.Empty(MarginsOf(Instance(KubernetesLeaderElection.Id, "leaderElect=false", "leaseDuration=1s")));
        }

        /// <summary>On every system's grid: a reported rule has a broken or unknown constraint, a fired constraint's rule is reported.</summary>
        [Theory]
        [MemberData(nameof(OracleTests.Cases), MemberType = typeof(OracleTests))]
        public void Margins_agree_with_the_findings(string system, string profileSpec)
        {
            SystemDefinition def = SystemCatalogue.Get(system);
            EnvironmentProfile profile = Build.Profile(profileSpec);
            List<SettingDefinition> numeric = def.Settings.Where(SystemModel.IsNumeric).ToList();
            foreach (decimal[] point in OracleTests.Grid(numeric).Take(400))
            {
                EvaluationResult r = Evaluator.Evaluate(OracleTests.At(def, numeric, point), profile, suggest: false);
                IReadOnlyList<RuleMargin> margins = Margins.Of(r, profile);
                var reported = new HashSet<string>(r.Findings.Select(f => f.RuleId));
                foreach (RuleMargin m in margins.Where(m => m.Status == MarginStatus.Fires))
                {
                    Assert.Contains(m.RuleId, reported);
                }

                foreach (string rule in reported)
                {
                    var of = margins.Where(m => m.RuleId == rule).ToList();
                    if (of.Count > 0 && rule != "EL2050" && rule != "EL2051")
                    {
                        Assert.True(of.Any(m => m.Status != MarginStatus.Passes), $"{system} {profileSpec} [{string.Join(",", point)}]: {rule} reported, yet every constraint of it passes: {string.Join("; ", of.Select(m => m.Summary))}");
                    }
                }
            }
        }
    }
}
