using System;
using ElectionLint.Rules.TradeOff;
using Xunit;
using Xunit.Abstractions;

namespace ElectionLint.Rules.Tests
{
    /// <summary>The trade-off model against the discrete-event simulation of each protocol (fixed seeds, a small grid).</summary>
    public class TradeOffTests
    {
        private readonly ITestOutputHelper _out;

        public TradeOffTests(ITestOutputHelper output) => _out = output;

        /// <summary>bench/run-tradeoff-sim.sh runs the same grid longer: ELECTIONLINT_SIM_SCALE multiplies every horizon.</summary>
        private static readonly double Scale = double.TryParse(Environment.GetEnvironmentVariable("ELECTIONLINT_SIM_SCALE"), out double s) && s > 0 ? s : 1;

        internal static TradeOffEnvironment Env(string name) => name switch
        {
            // Lossy links with a heavy tail; no pauses.
            "net" => new TradeOffEnvironment(Tail.From(0.020, 0.200, 0.800), 0.05, null, 0),
            // A quiet LAN and a leader that pauses hard: p50 50 ms, p99 400 ms, p99.9 900 ms, once a second.
            "gc" => new TradeOffEnvironment(Tail.From(0.001, 0.005, null), 0.01, Tail.From(0.050, 0.400, 0.900), 3600),
            // Session-scale versions of the two, for timeouts in seconds.
            "net-s" => new TradeOffEnvironment(Tail.From(0.050, 1.0, 6.0), 0.05, null, 0),
            "gc-s" => new TradeOffEnvironment(Tail.From(0.001, 0.005, null), 0, Tail.From(1.0, 6.0, 12.0), 60),
            _ => throw new ArgumentException(name),
        };

        /// <summary>Agreement within a factor of 2, or, with few events, within the Poisson spread of the simulated count.</summary>
        private void Agrees(string what, double model, TradeOffSimulation.Result sim)
        {
            double expectedCount = model * sim.Years;
            string ratio = sim.Events > 0 ? $"ratio {model / sim.PerYear:F2}" : $"{expectedCount:G3} expected";
            _out.WriteLine($"{what}: model {model:G4}/yr, simulation {sim.PerYear:G4}/yr ({sim.Events} events in {sim.Years:G3} years), {ratio}");
            if (sim.Events >= 30)
            {
                Assert.InRange(model / sim.PerYear, 0.5, 2.0);
            }
            else
            {
                Assert.InRange(sim.Events, expectedCount - 3 * Math.Sqrt(Math.Max(expectedCount, 1)) - 1, expectedCount + 3 * Math.Sqrt(Math.Max(expectedCount, 1)) + 1);
            }
        }

        private void Within10Percent(string what, double model, double sim)
        {
            _out.WriteLine($"{what}: expected failover model {model:F3} s, simulation {sim:F3} s, ratio {model / sim:F3}");
            Assert.InRange(model / sim, 0.9, 1.1);
        }

        [Theory]
        [InlineData(0.1, 5, "net")]
        [InlineData(0.1, 10, "net")]
        [InlineData(0.05, 5, "net")]
        [InlineData(0.2, 5, "net")]
        [InlineData(0.1, 5, "gc")]
        [InlineData(0.1, 10, "gc")]
        [InlineData(0.05, 10, "gc")]
        public void Etcd_false_elections_agree_with_the_simulation(double h, int ticks, string env)
        {
            TradeOffEnvironment e = Env(env);
            var timing = new HeartbeatTiming(h, (ticks - 1) * h, (2 * ticks - 1) * h, links: 2, afterRtts: 2, "etcd") { PerTerm = true };
            TradeOffSimulation.Result sim = TradeOffSimulation.Heartbeats(h, ticks, 0, 2, e, (long)(1_000_000 * Scale), seed: 1);
            Agrees($"etcd h {h}s, {ticks} ticks, {env}", timing.Total(e), sim);
        }

        [Theory]
        [InlineData(3.0, 10.0, "net-s")]
        [InlineData(1.0, 6.0, "net-s")]
        [InlineData(3.0, 10.0, "gc-s")]
        [InlineData(3.0, 45.0, "gc-s")]
        public void Kafka_consumer_false_elections_agree_with_the_simulation(double h, double session, string env)
        {
            TradeOffEnvironment e = Env(env);
            var timing = new HeartbeatTiming(h, session, session, links: 1, afterRtts: 0, "kafka-consumer");
            TradeOffSimulation.Result sim = TradeOffSimulation.Heartbeats(h, 0, session, 1, e, (long)(300_000 * Scale), seed: 2);
            Agrees($"kafka-consumer h {h}s, session {session}s, {env}", timing.Total(e), sim);
        }

        [Theory]
        [InlineData(15.0, 10.0, 2.0, "net-s")]
        [InlineData(6.0, 4.0, 1.0, "net-s")]
        [InlineData(15.0, 10.0, 2.0, "gc-s")]
        [InlineData(6.0, 4.0, 1.0, "gc-s")]
        public void Client_go_false_elections_agree_with_the_simulation(double ld, double rd, double rp, string env)
        {
            TradeOffEnvironment e = Env(env);
            var timing = new LeaseTiming(ld, rd, rp, candidates: 2);
            TradeOffSimulation.Result sim = TradeOffSimulation.Lease(ld, rd, rp, 2, e, 30 * 86400 * Scale, seed: 3);
            Agrees($"client-go {ld}/{rd}/{rp}, {env}", timing.Total(e), sim);
        }

        [Theory]
        [InlineData(0.1, 10, "gc")]
        [InlineData(0.05, 10, "gc")]
        [InlineData(0.1, 5, "net")]
        public void Etcd_expected_failover_agrees_with_the_simulation(double h, int ticks, string env)
        {
            TradeOffEnvironment e = Env(env);
            var timing = new HeartbeatTiming(h, (ticks - 1) * h, (2 * ticks - 1) * h, links: 2, afterRtts: 2, "etcd") { PerTerm = true };
            Within10Percent($"etcd h {h}s, {ticks} ticks, {env}", timing.ExpectedFailover(e), TradeOffSimulation.HeartbeatFailover(h, ticks, 0, 2, 2, e, (int)(20_000 * Scale), seed: 4));
        }

        [Theory]
        [InlineData(3.0, 10.0, "net-s")]
        [InlineData(3.0, 45.0, "gc-s")]
        public void Kafka_consumer_expected_failover_agrees_with_the_simulation(double h, double session, string env)
        {
            TradeOffEnvironment e = Env(env);
            var timing = new HeartbeatTiming(h, session, session, links: 1, afterRtts: 0, "kafka-consumer");
            Within10Percent($"kafka-consumer h {h}s, session {session}s, {env}", timing.ExpectedFailover(e), TradeOffSimulation.HeartbeatFailover(h, 0, session, 1, 0, e, (int)(20_000 * Scale), seed: 5));
        }

        [Theory]
        [InlineData(15.0, 2.0, "gc-s")]
        [InlineData(6.0, 1.0, "net-s")]
        public void Client_go_expected_failover_agrees_with_the_simulation(double ld, double rp, string env)
        {
            TradeOffEnvironment e = Env(env);
            var timing = new LeaseTiming(ld, ld * 2 / 3, rp, candidates: 2);
            Within10Percent($"client-go {ld}/{rp}, {env}", timing.ExpectedFailover(e), TradeOffSimulation.LeaseFailover(ld, rp, 2, e, (int)(20_000 * Scale), seed: 6));
        }
    }
}
