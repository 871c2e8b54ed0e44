using System;
using System.Linq;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Timing;
using ElectionLint.Rules.TradeOff;
using Xunit;
using static ElectionLint.Rules.Tests.Build;

namespace ElectionLint.Rules.Tests
{
    /// <summary>The trade-off model's pieces at exact numbers.</summary>
    public class TradeOffModelTests
    {
        private static readonly EnvironmentProfile Lan = new EnvironmentProfile
        {
            RttP50 = Duration.FromMilliseconds(1),
            RttP99 = Duration.FromMilliseconds(10),
            RttP999 = Duration.FromMilliseconds(25),
            PacketLoss = 0.0001m,
            GcPauseP50 = Duration.FromMilliseconds(2),
            GcPauseP99 = Duration.FromMilliseconds(20),
            GcPausesPerHour = 360,
        };

        [Fact]
        public void The_tail_passes_through_every_percentile_given()
        {
            Tail t = Tail.From(0.001, 0.010, 0.025)!;
            Assert.Equal(0.5, t.Survival(0.001), 6);
            Assert.Equal(0.01, t.Survival(0.010), 6);
            Assert.Equal(0.001, t.Survival(0.025), 6);
            Assert.Equal(0.025, t.Quantile(0.999), 6);
            Assert.Equal(0.010, t.Quantile(0.99), 6);
            Assert.Equal("log-normal through p50 and p99, above p99 through p99 and p99.9", t.Description);
        }

        [Fact]
        public void With_one_percentile_the_spread_is_assumed()
        {
            Tail t = Tail.From(null, 0.150, null)!;
            Assert.Equal(0.01, t.Survival(0.150), 6);
            Assert.Equal(0.150 / Math.Exp(0.5 * Tail.Z99), t.Median, 9);
            Assert.Null(Tail.From(null, null, null));
        }

        [Fact]
        public void A_timer_residual_is_uniform_below_the_shortest_gap_and_ends_at_the_longest()
        {
            // Gaps uniform on [1, 2): mean 1.5; the residual is below 1 with probability 1 / 1.5.
            Assert.Equal(0.75, ModelTiming.Residual(1, 2, 0.5), 9);
            Assert.Equal(1.0, ModelTiming.Residual(1, 2, 2.0 / 3), 9);
            Assert.Equal(2.0, ModelTiming.Residual(1, 2, 1), 9);
        }

        [Fact]
        public void Etcd_defaults_on_a_lan()
        {
            TradeOffEstimate e = TradeOffModel.Estimate(Instance("etcd"), Lan)!;
            // The first of two followers' waits, uniform on [900, 1900) ms: 900 + 1000/3; less 50 ms since the last
            // heartbeat, plus a one-way delay and two round trips.
            Assert.Equal(1.189, e.FailoverExpected, 3);
            Assert.Equal(1.92, e.FailoverWorst, 6);
            Assert.Equal(0.003249, e.FalseElectionsPerYear, 6);
            Assert.Equal(e.FromPauses + e.FromNetwork, e.FalseElectionsPerYear, 12);
            Assert.Contains("3 members: the leader's heartbeats to 2 followers, each follower's timeout drawn at each term (a term also starts for all about monthly: restarts, upgrades)", e.Assumptions);
        }

        [Fact]
        public void Akka_lease_is_taken_two_heartbeats_before_the_timeout()
        {
            TradeOffEstimate e = TradeOffModel.Estimate(Instance("akka-lease"), Lan)!;
            // LeaseActor.HasLeaseTimedOut: taken 120 s − 2 × 12 s after the holder's last write, the crash uniform between writes
            // (96 s less 6 s on average), plus a one-way delay.
            Assert.Equal(90.001, e.FailoverExpected, 3);
            Assert.Equal(96, e.FailoverWorst, 6);
        }

        [Fact]
        public void Client_go_defaults_fail_over_after_the_candidates_wait()
        {
            TradeOffEstimate e = TradeOffModel.Estimate(Instance("k8s-leader-election"), Lan)!;
            // 15 s, plus two stationary waits of polls every [2, 4.4) s (0.8375 × 2 s each, the first of two candidates
            // less), less 1 s since the last renewal.
            Assert.Equal(16.505, e.FailoverExpected, 3);
            Assert.Equal(23.8, e.FailoverWorst, 6);
            Assert.True(e.FalseElectionsPerYear < 1e-6);
        }

        [Fact]
        public void A_system_without_a_heartbeat_has_no_estimate()
        {
            Assert.Null(TradeOffModel.Estimate(Instance("redis-sentinel"), Lan));
            Assert.Null(TradeOffModel.Estimate(Instance("consul-session", "TTL=10s"), Lan));
        }

        [Fact]
        public void Undeclared_pause_rate_is_assumed_and_said()
        {
            var p = new EnvironmentProfile { GcPauseP99 = Duration.FromMilliseconds(300) };
            TradeOffEstimate e = TradeOffModel.Estimate(Instance("etcd"), p)!;
            Assert.Contains("pauses: log-normal through p99 with σ 0.5 (no p50), 360 an hour (assumed: no gcPausesPerHour), of the leader only, at times independent of its timers", e.Assumptions);
            Assert.Contains("round trip: none declared, so messages arrive at once unless lost", e.Assumptions);
        }

        [Fact]
        public void The_search_picks_the_shortest_failover_within_the_budget()
        {
            TradeOffCurve curve = TradeOffSearch.Search(Instance("etcd"), Lan, 1)!;
            Assert.True(curve.WithinBudget);
            TradeOffPoint pick = curve.Recommended!;
            Assert.True(pick.Estimate.FalseElectionsPerYear <= 1);
            foreach (TradeOffPoint c in curve.Candidates)
            {
                Assert.True(c.Estimate.FalseElectionsPerYear > 1 || c.Estimate.FailoverExpected >= pick.Estimate.FailoverExpected);
            }

            // etcd refuses heartbeats that the scaling rounds to 0 ms or election timeouts above 50 s: no such candidate.
            Assert.All(curve.Candidates, c => Assert.InRange(c.Scale, 0.125, 8));
            Assert.Equal(new[] { "heartbeat-interval 50", "election-timeout 500" }, pick.Values.Select(v => $"{v.Setting.Id} {v.Value / 1_000_000m}"));
        }

        [Fact]
        public void HashiCorp_raft_candidates_are_the_multipliers_one_to_ten()
        {
            TradeOffCurve curve = TradeOffSearch.Search(InstanceOf("hashicorp-raft", "consul"), Lan, 1)!;
            Assert.Equal(new decimal[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, curve.Candidates.Select(c => c.Values[0].Value));
        }

        [Fact]
        public void Candidates_take_only_values_the_setting_accepts()
        {
            // MongoDB's heartbeatTimeoutSecs is whole seconds (repl_set_config.idl, smallExactInt64): 10 s × 2^-3 is 1 s, not 1.2 s.
            TradeOffCurve curve = TradeOffSearch.Search(Instance("mongodb-replica-set"), Lan, 1)!;
            var seconds = curve.Candidates.SelectMany(c => c.Values).Where(v => v.Setting.Id == "heartbeatTimeoutSecs").Select(v => v.Value).ToList();
            Assert.NotEmpty(seconds);
            Assert.All(seconds, v => Assert.Equal(0m, v % Duration.NanosPerSecond));
        }

        [Fact]
        public void A_configuration_the_system_refuses_has_no_point()
        {
            // electionTimeoutMillis 0: MongoDB refuses it (gt: 0); its "rate" and "failover" would be meaningless.
            Assert.Null(TradeOffSearch.Point(Instance("mongodb-replica-set", "electionTimeoutMillis=0"), Lan));
            Assert.NotNull(TradeOffSearch.Point(Instance("mongodb-replica-set", "electionTimeoutMillis=5000"), Lan));
        }
    }
}
