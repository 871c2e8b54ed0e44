using System;
using System.Collections.Generic;
using ElectionLint.Rules.TradeOff;

namespace ElectionLint.Rules.Tests
{
    /// <summary>
    /// A discrete-event simulation of the heartbeat and lease protocols, message by message and pause by pause, fed by
    /// samples of the same distributions the model integrates (<see cref="Tail.Quantile"/>). It shares no formula with the
    /// model: it counts what the protocol does.
    /// </summary>
    internal static class TradeOffSimulation
    {
        internal sealed record Result(double Years, int Events, double PerYear);

        /// <summary>The leader's stop-the-world pauses: a Poisson process, lengths from the pause distribution.</summary>
        private sealed class Pauses
        {
            private readonly TradeOffEnvironment _env;
            private readonly Random _rng;
            private readonly double _rate;

            public Pauses(TradeOffEnvironment env, Random rng)
            {
                _env = env;
                _rng = rng;
                _rate = env.Gc == null ? 0 : env.GcPausesPerHour / 3600;
                Start = End = double.NegativeInfinity;
                Next(0);
            }

            public double Start { get; private set; }

            public double End { get; private set; }

            /// <summary>
            /// When the leader can act at <paramref name="t"/>: t, or the end of the pause that covers it. The pause before the
            /// current one is kept, so asking again about a time in it (an attempt still pending) gives the same answer.
            /// </summary>
            public double Resume(double t)
            {
                if (t >= _previousStart && t < _previousEnd)
                {
                    t = _previousEnd;
                }

                while (t >= End && Start != double.PositiveInfinity)
                {
                    Next(End);
                }

                return t >= Start && t < End ? Resume(End) : t;
            }

            private double _previousStart = double.NegativeInfinity, _previousEnd = double.NegativeInfinity;

            private void Next(double after)
            {
                if (_rate <= 0)
                {
                    Start = End = double.PositiveInfinity;
                    return;
                }

                _previousStart = Start;
                _previousEnd = End;
                Start = after + -Math.Log(1 - _rng.NextDouble()) / _rate;
                End = Start + _env.Gc!.Quantile(Open(_rng));
            }
        }

        private static double Open(Random rng) => (rng.NextDouble() * (1 - 2e-16)) + 1e-16;

        private static double OneWay(TradeOffEnvironment env, Random rng) => env.Rtt == null ? 0 : env.Rtt.Quantile(Open(rng)) / 2;

        private static double Rtt(TradeOffEnvironment env, Random rng) => env.Rtt == null ? 0 : env.Rtt.Quantile(Open(rng));

        /// <summary>
        /// A leader heartbeats every h (a send that falls in a pause goes out when the pause ends); each follower receives
        /// each heartbeat after a one-way delay, in order, a lost one sent again after the RTO. etcd mode (<paramref name="electionTicks"/> &gt; 0): the
        /// follower ticks every h at its own phase, counts ticks since the last heartbeat, and campaigns at its randomised
        /// count, drawn in [E, 2E) at each term. Otherwise it campaigns <paramref name="fixedTimeout"/> after the last heartbeat.
        /// Campaigns within one timeout of each other are one election.
        /// </summary>
        public static Result Heartbeats(double h, int electionTicks, double fixedTimeout, int links, TradeOffEnvironment env, long sends, int seed)
        {
            var rng = new Random(seed);
            var pauses = new Pauses(env, rng);
            var arrivals = new Queue<double>[links];
            var tail = new double[links];
            var last = new double[links];
            var phase = new double[links];
            var count = new int[links];
            var campaigns = new List<double>();
            for (int i = 0; i < links; i++)
            {
                arrivals[i] = new Queue<double>();
                phase[i] = rng.NextDouble() * h;
                count[i] = electionTicks + rng.Next(electionTicks);
            }

            double Timeout(int i)
            {
                if (electionTicks == 0)
                {
                    return last[i] + fixedTimeout;
                }

                double firstTick = phase[i] + (Math.Floor((last[i] - phase[i]) / h) + 1) * h;
                return firstTick + (count[i] - 1) * h;
            }

            double send = 0, restartRate = HeartbeatTiming.TermChangesPerYear / TradeOffEnvironment.SecondsPerYear;
            double nextRestart = -Math.Log(1 - rng.NextDouble()) / restartRate;
            for (long k = 1; k <= sends; k++)
            {
                send = pauses.Resume(Math.Max(k * h, send));
                if (electionTicks > 0 && send > nextRestart)
                {
                    // A member restarted or upgraded: a new term, so every follower draws again.
                    nextRestart += -Math.Log(1 - rng.NextDouble()) / restartRate;
                    for (int i = 0; i < links; i++)
                    {
                        count[i] = electionTicks + rng.Next(electionTicks);
                    }
                }

                for (int i = 0; i < links; i++)
                {
                    // Everything already in flight arrives no earlier than this send, so arrivals before it are final.
                    while (arrivals[i].TryPeek(out double a) && a <= send)
                    {
                        arrivals[i].Dequeue();
                        double due = Timeout(i);
                        if (due < a)
                        {
                            campaigns.Add(due);
                            count[i] = electionTicks + (electionTicks > 0 ? rng.Next(electionTicks) : 0);
                        }

                        last[i] = Math.Max(last[i], a);
                    }

                    // TCP: a lost packet is sent again after the RTO, and nothing overtakes it.
                    double at = send + OneWay(env, rng) + (rng.NextDouble() < env.Loss ? env.Rto : 0);
                    tail[i] = Math.Max(tail[i], at);
                    arrivals[i].Enqueue(tail[i]);
                }
            }

            campaigns.Sort();
            double window = electionTicks > 0 ? electionTicks * h : fixedTimeout;
            int elections = 0;
            double previous = double.NegativeInfinity;
            foreach (double c in campaigns)
            {
                if (c - previous > window)
                {
                    elections++;
                }

                previous = c;
            }

            double years = send / TradeOffEnvironment.SecondsPerYear;
            return new Result(years, elections, elections / years);
        }

        /// <summary>Mean seconds from a leader crash to the first campaign plus the election's round trips (etcd mode, as above).</summary>
        public static double HeartbeatFailover(double h, int electionTicks, double fixedTimeout, int links, double afterRtts, TradeOffEnvironment env, int trials, int seed)
        {
            var rng = new Random(seed);
            double sum = 0;
            for (int t = 0; t < trials; t++)
            {
                double crash = 100 * h + rng.NextDouble() * h, first = double.MaxValue;
                for (int i = 0; i < links; i++)
                {
                    double phase = rng.NextDouble() * h, last = double.NegativeInfinity;
                    int count = electionTicks + (electionTicks > 0 ? rng.Next(electionTicks) : 0);
                    // In order, so the last arrival is the last heartbeat sent before the crash, or one held up before it.
                    for (int k = Math.Max(0, (int)Math.Floor(crash / h) - 50); k * h <= crash; k++)
                    {
                        last = Math.Max(last, k * h + OneWay(env, rng) + (rng.NextDouble() < env.Loss ? env.Rto : 0));
                    }

                    double due = electionTicks == 0 ? last + fixedTimeout : phase + (Math.Floor((last - phase) / h) + 1) * h + (count - 1) * h;
                    first = Math.Min(first, due);
                }

                double after = 0;
                for (int r = 0; r < afterRtts; r++)
                {
                    after += Rtt(env, rng);
                }

                sum += first - crash + after;
            }

            return sum / trials;
        }

        /// <summary>
        /// client-go: the leader renews in rounds (an attempt at once, then every RP until RD; one round trip each, a lost
        /// request or response sent again after the RTO); the next round starts RP after a success; a round without one gives leadership up.
        /// Candidates poll every [RP, 2.2 RP), note when the record changed, and take the lease LD after that. Pauses stop
        /// the leader only. Each give-up or takeover is one false election; the protocol then starts afresh.
        /// </summary>
        public static Result Lease(double ld, double rd, double rp, int candidates, TradeOffEnvironment env, double seconds, int seed)
        {
            var rng = new Random(seed);
            var pauses = new Pauses(env, rng);
            var nextPoll = new double[candidates];
            var observed = new double[candidates];
            var seen = new double[candidates];
            double renewed = 0, roundStart = rp, attemptAt = rp;
            int attempt = 0, events = 0;
            for (int i = 0; i < candidates; i++)
            {
                nextPoll[i] = rng.NextDouble() * 2.2 * rp;
            }

            void Restart(double now)
            {
                events++;
                renewed = now;
                roundStart = attemptAt = now + rp;
                attempt = 0;
                for (int i = 0; i < candidates; i++)
                {
                    observed[i] = seen[i] = now;
                }
            }

            while (true)
            {
                int c = 0;
                for (int i = 1; i < candidates; i++)
                {
                    c = nextPoll[i] < nextPoll[c] ? i : c;
                }

                double leaderAt = pauses.Resume(attemptAt);
                if (Math.Min(leaderAt, nextPoll[c]) > seconds)
                {
                    break;
                }

                if (nextPoll[c] < leaderAt)
                {
                    double q = nextPoll[c];
                    nextPoll[c] = q + rp * (1 + 1.2 * rng.NextDouble());
                    if (renewed > seen[c])
                    {
                        seen[c] = renewed;
                        observed[c] = q;
                    }
                    else if (q > observed[c] + ld)
                    {
                        Restart(q);
                    }

                    continue;
                }

                // The leader's attempt. A round starts when its timer fires, late after a pause; ctx is done rd later.
                if (attempt == 0)
                {
                    roundStart = leaderAt;
                }

                double deadline = roundStart + rd;
                // Over TCP a lost request or response is sent again after the RTO: later, not failed.
                double done = leaderAt + Rtt(env, rng) + (rng.NextDouble() < env.Loss ? env.Rto : 0) + (rng.NextDouble() < env.Loss ? env.Rto : 0);
                if (done <= deadline)
                {
                    renewed = leaderAt;
                    roundStart = attemptAt = pauses.Resume(done) + rp;
                    attempt = 0;
                }
                else
                {
                    // The attempt still runs when ctx ends: no second attempt in this round, leadership is given up.
                    Restart(deadline);
                }
            }

            double years = seconds / TradeOffEnvironment.SecondsPerYear;
            return new Result(years, events, events / years);
        }

        /// <summary>Mean seconds from the leader's crash to the first candidate's takeover plus its update's round trip.</summary>
        public static double LeaseFailover(double ld, double rp, int candidates, TradeOffEnvironment env, int trials, int seed)
        {
            var rng = new Random(seed);
            double sum = 0;
            for (int t = 0; t < trials; t++)
            {
                // Renewals every RP from 0 while candidates poll from random phases; the leader dies at a random time after 60 s.
                double crash = 60 + rng.NextDouble() * 60, lastRenewal = Math.Floor(crash / rp) * rp, first = double.MaxValue;
                for (int i = 0; i < candidates; i++)
                {
                    double q = rng.NextDouble() * 2.2 * rp, observed = 0, seen = -1;
                    while (true)
                    {
                        double renewal = Math.Min(Math.Floor(q / rp) * rp, lastRenewal);
                        if (renewal > seen)
                        {
                            seen = renewal;
                            observed = q;
                        }
                        else if (q > observed + ld)
                        {
                            break;
                        }

                        q += rp * (1 + 1.2 * rng.NextDouble());
                    }

                    first = Math.Min(first, q);
                }

                sum += first - crash + Rtt(env, rng);
            }

            return sum / trials;
        }
    }
}
