using System.Linq;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Systems;
using Xunit;
using static ElectionLint.Rules.Tests.Build;

namespace ElectionLint.Rules.Tests
{
    /// <summary>
    /// Issue #24 (2): a relation between two products that share a factor not known decides anyway. DotNext's heartbeat is
    /// LowerElectionTimeout × HeartbeatThreshold (dotNext RaftCluster.HeartbeatTimeout), so election ÷ heartbeat is
    /// 1 ÷ HeartbeatThreshold whatever LowerElectionTimeout is.
    /// </summary>
    public class CancellingUnknownTests
    {
        private static ConfigurationInstance DotNext(string threshold) =>
            InstanceOf(DotNextRaft.Id, DotNextRaft.Node, "heartbeatThreshold=" + threshold).SetUnknown(DotNextRaft.LowerElectionTimeout, "loc:lowerElectionTimeout");

        [Fact]
        public void A_threshold_alone_decides_the_ratio()
        {
            Finding f = Assert.Single(Findings(DotNext("0.9")));
            Assert.Equal("EL2001", f.RuleId);
            Assert.Equal("lowerElectionTimeout (unknown) is only 1.11× heartbeat period (lowerElectionTimeout × 0.9); DotNext should tolerate at least 2 missed heartbeats, or one slow round trip triggers a false election — set heartbeatThreshold to 0.5", f.Message);
            Assert.Equal("loc:heartbeatThreshold", f.Location); // the value that decides it, not the unknown one
            Assert.Equal("heartbeatThreshold", f.Setting!.Id);
            Assert.Equal("loc:lowerElectionTimeout", Assert.Single(f.Related).Location);
            Assert.False(f.UsesDefault);
            Assert.Equal("heartbeatThreshold=0.5", string.Join(",", f.Repairs[0].Changes.Select(c => c.Setting.Id + "=" + c.Text)));
            Assert.All(f.Repairs, r => Assert.DoesNotContain(r.Changes, c => c.Setting.Id == DotNextRaft.LowerElectionTimeout)); // an unknown value is never changed
        }

        [Theory]
        [InlineData("0.5", "")]
        [InlineData("0.1", "")]
        [InlineData("0.05", "EL2002")] // 20 heartbeats a timeout: above 10×
        [InlineData("0.51", "EL2001")]
        public void The_ratio_is_one_over_the_threshold(string threshold, string expected)
        {
            Assert.Equal(expected, Ids(Findings(DotNext(threshold))));
        }

        [Fact]
        public void A_ceiling_the_profile_may_excuse_is_not_decided_without_the_timeout()
        {
            // EL2002 is waived when the profile asks for a timeout this long; whether it does depends on the unknown timeout.
            Assert.Equal("", Ids(Findings(DotNext("0.05"), "gc=1s")));
        }

        [Fact]
        public void An_unknown_default_cancels_too()
        {
            ConfigurationInstance i = InstanceOf(DotNextRaft.Id, DotNextRaft.Node, "heartbeatThreshold=0.9").Default(DotNextRaft.LowerElectionTimeout, null);
            Finding f = Assert.Single(Findings(i));
            Assert.Equal("EL2001", f.RuleId);
            Assert.Empty(f.Related); // the unknown default has no place to point at
        }

        [Fact]
        public void Nothing_else_is_decided_on_an_unknown_timeout()
        {
            // The WAN and GC floors are on the timeout itself: not known, not judged.
            Assert.Equal("", Ids(Findings(DotNext("0.5"), "network=wan gc=3s max=1s")));
        }

        [Fact]
        public void A_value_that_may_mean_none_is_not_divided_out()
        {
            var sys = new SystemDefinition("t", "T",
                new SettingDefinition("a", SettingRole.Timeout, ValueFormat.Int32Milliseconds) { Default = Quantity.Constant(1000m), NoneValue = 0m },
                new SettingDefinition("f", SettingRole.Fraction, ValueFormat.Decimal) { Default = Quantity.Constant(0.5m), Granularity = 0m })
            {
                Heartbeat = new Quantity("hb", new Term(1m, "a", "f")),
                Detection = Quantity.Of("a"),
                MinRatio = 2m,
            }.Bound();
            var i = new ConfigurationInstance(sys, "anchor").SetText("f", "0.9", "loc:f").SetUnknown("a", "loc:a");
            Assert.Empty(Findings(i));
            Assert.False(Relations.TryCancel(sys, sys.Detection!, sys.Heartbeat!, _ => true, out _, out _, out _));
        }

        [Fact]
        public void Margins_and_derived_quantities_show_the_ratio()
        {
            EnvironmentProfile p = EnvironmentProfile.Default;
            EvaluationResult r = Evaluator.Evaluate(DotNext("0.9"), p);
            RuleMargin ratio = Margins.Of(r, p).Single(m => m.RuleId == "EL2001");
            Assert.Equal(MarginStatus.Fires, ratio.Status);
            Assert.Equal("EL2001 lowerElectionTimeout ÷ heartbeat period = 1.11× ≥ 2.0× — fires", ratio.Summary);
            Assert.Equal("ratio: lowerElectionTimeout ÷ heartbeat period = 1.11×", Margins.Derived(r, p).Last().ToString());
        }
    }
}
