using System;
using System.Collections.Generic;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Systems;

namespace ElectionLint.Rules.TradeOff
{
    /// <summary>What a configuration costs in its environment: false elections a year, and failover after a real failure.</summary>
    public sealed class TradeOffEstimate
    {
        public TradeOffEstimate(double falsePerYear, double fromPauses, double fromNetwork, double expected, double worst, IReadOnlyList<string> assumptions)
        {
            FalseElectionsPerYear = falsePerYear;
            FromPauses = fromPauses;
            FromNetwork = fromNetwork;
            FailoverExpected = expected;
            FailoverWorst = worst;
            Assumptions = assumptions;
        }

        /// <summary>Leadership losses a year with no failure: <see cref="FromPauses"/> + <see cref="FromNetwork"/>.</summary>
        public double FalseElectionsPerYear { get; }

        /// <summary>Those caused by the leader's (lease holder's, heartbeat sender's) stop-the-world pauses.</summary>
        public double FromPauses { get; }

        /// <summary>Those caused by lost or late messages on the links.</summary>
        public double FromNetwork { get; }

        /// <summary>Mean seconds from a real crash of the leader to a new one.</summary>
        public double FailoverExpected { get; }

        /// <summary>Seconds: the system's worst-case failover window (RTT at p99, 0 when none is declared).</summary>
        public double FailoverWorst { get; }

        public IReadOnlyList<string> Assumptions { get; }
    }

    /// <summary>The profile's distributions, in seconds, as the model and the simulation read them.</summary>
    public sealed class TradeOffEnvironment
    {
        /// <summary>Stop-the-world pauses an hour taken when a pause percentile is declared without <c>gcPausesPerHour</c>.</summary>
        public const double AssumedPausesPerHour = 360;

        public const double SecondsPerYear = 365.25 * 86400;

        public TradeOffEnvironment(Tail? rtt, double loss, Tail? gc, double gcPausesPerHour)
        {
            Rtt = rtt;
            Loss = loss;
            Gc = gc;
            GcPausesPerHour = gc == null ? 0 : gcPausesPerHour;
        }

        /// <summary>The round trip; null: no delay (only losses).</summary>
        public Tail? Rtt { get; }

        /// <summary>Each packet's probability of being lost (and sent again by TCP after <see cref="Rto"/>).</summary>
        public double Loss { get; }

        /// <summary>Linux's minimum retransmission timeout.</summary>
        public const double MinRto = 0.2;

        /// <summary>TCP's wait before it sends a lost packet again: the median round trip plus Linux's 200 ms floor.</summary>
        public double Rto => MinRto + (Rtt?.Median ?? 0);

        public Tail? Gc { get; }

        public double GcPausesPerHour { get; }

        public List<string> Notes { get; } = new List<string>();

        public static TradeOffEnvironment From(EnvironmentProfile p)
        {
            static double? S(Timing.Duration? d) => d is Timing.Duration v ? (double)v.Nanoseconds / 1e9 : null;
            Tail? rtt = Tail.From(S(p.RttP50), S(p.EffectiveRtt), S(p.RttP999));
            Tail? gc = Tail.From(S(p.GcPauseP50), S(p.GcPauseP99), S(p.GcPauseP999));
            double rate = p.GcPausesPerHour is decimal r ? (double)r : AssumedPausesPerHour;
            var env = new TradeOffEnvironment(rtt, p.PacketLoss is decimal l ? (double)l : 0, gc, rate);
            env.Notes.Add(rtt != null ? $"round trip: {rtt.Description}{(p.RttAssumed ? " (200ms p99 assumed for a WAN)" : string.Empty)}; one way is half a round trip"
                : "round trip: none declared, so messages arrive at once unless lost");
            env.Notes.Add($"packet loss: {(p.PacketLoss is decimal pl ? pl.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none declared, so 0")}; links are TCP: in order (a late message holds back the ones behind it), a lost packet sent again after 200ms + the median round trip");
            env.Notes.Add("delays and losses independent from message to message, pauses independent of both");
            env.Notes.Add(gc != null
                ? $"pauses: {gc.Description}, {(p.GcPausesPerHour != null ? rate.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " an hour" : AssumedPausesPerHour + " an hour (assumed: no gcPausesPerHour)")}, of the leader only, at times independent of its timers"
                : "pauses: none declared, so none");
            return env;
        }

        /// <summary>P(one-way delay &gt; x).</summary>
        internal double OneWaySurvival(double x) => x < 0 ? 1 : Rtt == null ? 0 : Rtt.Survival(2 * x);

        /// <summary>P(a message takes longer than x one way), a lost one sent again after <see cref="Rto"/>.</summary>
        internal double DeliverySurvival(double x) => ((1 - Loss) * OneWaySurvival(x)) + (Loss * OneWaySurvival(x - Rto));

        /// <summary>P(a request and its response take longer than x), either one lost and sent again.</summary>
        internal double RoundTripSurvival(double x)
        {
            static double S(Tail? t, double v) => v < 0 ? 1 : t == null ? 0 : t.Survival(v);
            double q = 1 - Loss;
            return (q * q * S(Rtt, x)) + (2 * Loss * q * S(Rtt, x - Rto)) + (Loss * Loss * S(Rtt, x - (2 * Rto)));
        }

        internal double MeanOneWay => (Rtt == null ? 0 : Rtt.Mean / 2) + (Loss * Rto);

        internal double MeanRtt => Rtt == null ? 0 : Rtt.Mean;
    }

    /// <summary>
    /// Estimates per system. Each system's timing is read from its definition (rules/Systems), as the failover window is;
    /// the systems whose timers differ from "a heartbeat every H, a fixed timeout since the last one received" say how below,
    /// with the file in the system's repository that says so.
    /// </summary>
    public static class TradeOffModel
    {
        /// <summary>The model's estimate, or null when the system has no heartbeat or detection timeout, or a value is unknown.</summary>
        public static TradeOffEstimate? Estimate(ConfigurationInstance instance, EnvironmentProfile profile)
        {
            var ctx = new EvaluationContext(instance, profile);
            if (!ctx.Enabled || For(ctx) is not ModelTiming timing)
            {
                return null;
            }

            decimal? worst;
            try
            {
                worst = ctx.Eval(ctx.Failover, rttAsZero: true);
            }
            catch (ArithmeticException)
            {
                return null;
            }

            if (worst == null)
            {
                return null;
            }

            return Estimate(timing, TradeOffEnvironment.From(profile), (double)worst.Value / 1e9);
        }

        public static TradeOffEstimate Estimate(ModelTiming timing, TradeOffEnvironment env, double worst)
        {
            (double pauses, double network) = timing.FalseElections(env);
            var assumptions = new List<string>(timing.Assumptions);
            assumptions.AddRange(env.Notes);
            return new TradeOffEstimate(pauses + network, pauses, network, timing.ExpectedFailover(env), worst, assumptions);
        }

        /// <summary>The timers of a configuration, or null for a system without a heartbeat and a detection timeout.</summary>
        internal static ModelTiming? For(EvaluationContext ctx)
        {
            double? S(string setting) => ctx.TryGet(setting, out decimal v) ? (double)v / 1e9 : null;
            double? Q(Quantity? q)
            {
                try
                {
                    return ctx.Eval(q, rttAsZero: true) is decimal v ? (double)v / 1e9 : null;
                }
                catch (ArithmeticException)
                {
                    return null;
                }
            }

            switch (ctx.System.Id)
            {
                case Etcd.Id:
                {
                    if (S(Etcd.HeartbeatInterval) is not double h || S(Etcd.ElectionTimeout) is not double t || h <= 0 || t < h)
                    {
                        return null;
                    }

                    // raft.go: a follower campaigns once electionElapsed, reset by each heartbeat and counted in ticks of
                    // heartbeat-interval, reaches randomizedElectionTimeout = electionTimeout + rand.Intn(electionTimeout) ticks
                    // (resetRandomizedElectionTimeout, drawn anew at each term). The R-th tick after a heartbeat comes (R − 1 + φ)
                    // ticks later, φ in (0, 1], so the wait is uniform on [(E − 1)h, (2E − 1)h) with E = ⌊t / h⌋ (server/embed/config.go).
                    double e = Math.Floor(t / h);
                    return new HeartbeatTiming(h, (e - 1) * h, (2 * e - 1) * h, links: 2, afterRtts: 2, "etcd",
                        "3 members: the leader's heartbeats to 2 followers, each follower's timeout drawn at each term (a term also starts for all about monthly: restarts, upgrades)",
                        "a false election is a follower's campaign (with pre-vote a lone follower's campaign does not depose the leader, so this counts high)",
                        "after a crash: the first follower's timeout, then a pre-vote and a vote round trip")
                    { PerTerm = true };
                }

                case KubernetesLeaderElection.Id:
                {
                    if (S(KubernetesLeaderElection.LeaseDuration) is not double ld || S(KubernetesLeaderElection.RenewDeadline) is not double rd
                        || S(KubernetesLeaderElection.RetryPeriod) is not double rp || rp <= 0 || rd <= 0)
                    {
                        return null;
                    }

                    return new LeaseTiming(ld, rd, rp, candidates: 2);
                }

                case HashiCorpRaft.Id:
                {
                    if (Q(ctx.System.Heartbeat) is not double h || Q(ctx.System.Detection) is not double ht || h <= 0)
                    {
                        return null;
                    }

                    // raft.go runFollower: a timer of randomTimeout(HeartbeatTimeout), in [HT, 2HT), re-armed at each expiry,
                    // campaigns at the first expiry that finds no contact for HT: HT plus the timer's residual wait.
                    return new HeartbeatTiming(h, ht, 2 * ht, links: 2, afterRtts: 2, "hashicorp-raft",
                        "3 servers: the leader's heartbeats (HeartbeatTimeout / 10) to 2 followers",
                        "a false election is a follower's campaign",
                        "after a crash: the first follower's timeout, then a pre-vote and a vote round trip")
                    { Recheck = true };
                }

                case DotNextRaft.Id:
                case MongoDbReplicaSet.Id:
                {
                    if (Q(ctx.System.Heartbeat) is not double h || Q(ctx.System.Detection) is not double lo || h <= 0)
                    {
                        return null;
                    }

                    // DotNext draws each election timeout in [lower, upper); MongoDB adds up to 15 % of electionTimeoutMillis at
                    // random (the failover windows in rules/Systems say where).
                    double hi = ctx.System.Id == DotNextRaft.Id ? S(DotNextRaft.UpperElectionTimeout) ?? lo : 1.15 * lo;
                    return new HeartbeatTiming(h, lo, Math.Max(hi, lo), links: 2, afterRtts: 2, ctx.System.Id,
                        "3 members: the leader's heartbeats to 2 followers",
                        "a false election is a follower's campaign",
                        "after a crash: the first follower's timeout, then a vote round trip and its confirmation");
                }

                default:
                {
                    // Every other system with a heartbeat: the detector's timer since the last heartbeat it received. An Akka lease
                    // can be taken 2 heartbeats before heartbeat-timeout is up (its failover window says where).
                    Quantity? tolerance = ctx.System.Id == Elasticsearch.Id ? ctx.System.PauseBudget : ctx.System.Id == AkkaLease.Id ? ctx.Failover : ctx.System.Detection;
                    if (ctx.System.Heartbeat == null || Q(ctx.System.Heartbeat) is not double h || Q(tolerance) is not double d || h <= 0 || d <= 0
                        || Q(ctx.Failover) is not double w)
                    {
                        return null;
                    }

                    return new HeartbeatTiming(h, d, d, links: 1, afterRtts: 0, ctx.System.Id,
                        "one link: the member that heartbeats and the one that times it out",
                        "a false election is the detector's timeout firing",
                        "after a crash: the detection timeout, then the rest of the failover window at its worst")
                    { AfterFixed = Math.Max(0, w - d - h) };
                }
            }
        }
    }

    /// <summary>A system's timers, as the model and the simulation read them (seconds).</summary>
    public abstract class ModelTiming
    {
        /// <summary>Fixed integration points: the same configuration always gets the same numbers.</summary>
        protected const int Samples = 4096;

        public abstract IReadOnlyList<string> Assumptions { get; }

        /// <summary>False elections a year caused by the leader's pauses, and by the links.</summary>
        public abstract (double Pauses, double Network) FalseElections(TradeOffEnvironment env);

        public double Total(TradeOffEnvironment env)
        {
            (double p, double n) = FalseElections(env);
            return p + n;
        }

        public abstract double ExpectedFailover(TradeOffEnvironment env);

        /// <summary>The wait to the next event of a process whose gaps are uniform on [a, b), seen at a random time: quantile u.</summary>
        internal static double Residual(double a, double b, double u)
        {
            double m = (a + b) / 2, w = b - a;
            if (w <= 0 || u * m < a)
            {
                return u * m;
            }

            return a + w - Math.Sqrt(Math.Max(0, w * w - 2 * w * (u * m - a)));
        }
    }

    /// <summary>
    /// A leader heartbeats every <see cref="Heartbeat"/>; each of <see cref="Links"/> followers campaigns when none arrives
    /// within its timeout τ (uniform on [lo, hi), or fixed when lo = hi) of the last one it received.
    /// False elections: the leader's pauses longer than the first follower's timeout less the time since its last heartbeat,
    /// plus, on each link (TCP: in order), a heartbeat received and the next one later than the timeout allows (a lost
    /// packet is sent again after the retransmission timeout). Expected failover: the first follower's timeout less the mean time
    /// since the last heartbeat, plus the one-way delay and the election's round trips.
    /// </summary>
    public sealed class HeartbeatTiming : ModelTiming
    {
        private readonly string[] _assumptions;

        public HeartbeatTiming(double heartbeat, double tauLo, double tauHi, int links, double afterRtts, string system, params string[] assumptions)
        {
            Heartbeat = heartbeat;
            TauLo = tauLo;
            TauHi = tauHi;
            Links = links;
            AfterRtts = afterRtts;
            System = system;
            _assumptions = assumptions;
        }

        public string System { get; }

        public double Heartbeat { get; }

        public double TauLo { get; }

        public double TauHi { get; }

        public int Links { get; }

        /// <summary>Mean round trips from the first timeout to a new leader.</summary>
        public double AfterRtts { get; }

        /// <summary>Seconds from the first timeout to a new leader besides round trips.</summary>
        public double AfterFixed { get; init; }

        /// <summary>hashicorp/raft: the timeout is τ_lo plus the residual wait of a timer re-armed every [τ_lo, τ_hi).</summary>
        public bool Recheck { get; init; }

        public override IReadOnlyList<string> Assumptions => _assumptions;

        /// <summary>A follower's timeout at quantile u.</summary>
        public double Tau(double u) => Recheck ? TauLo + Residual(TauLo, TauHi, u) : TauLo + u * (TauHi - TauLo);

        /// <summary>
        /// etcd: each follower draws its timeout when a term starts, so a short draw is left by its first campaign and a long
        /// one stays: the long-run rate weighs each draw by the time spent in it (1 / its rate), with a new term for everyone
        /// at <see cref="TermChangesPerYear"/> besides (restarts, upgrades).
        /// </summary>
        public bool PerTerm { get; init; }

        /// <summary>Terms that start for reasons other than a false election: a member restarted or upgraded about monthly.</summary>
        public const double TermChangesPerYear = 12;

        public override (double Pauses, double Network) FalseElections(TradeOffEnvironment env)
        {
            if (!PerTerm || TauHi <= TauLo)
            {
                return (Pauses(env, TauLo, TauHi), Links * Network(env, new[] { TauLo }, TauHi - TauLo));
            }

            // etcd: τ = (R − 1 + φ)·h with R drawn in [E, 2E) at each term and φ the follower's tick phase, fixed for good.
            // So: for each phase, the draws weighed by the time spent in each; then the mean over phases. Draws are grouped
            // into at most 12 strata of consecutive R.
            int e = (int)Math.Round((TauHi - TauLo) / Heartbeat), strata = Math.Min(e, 12), combos = (int)Math.Pow(strata, Links);
            const int Phases = 4;
            double pausesSum = 0, networkSum = 0;
            var draws = new double[Links][];
            for (int f = 0; f < Phases; f++)
            {
                double phi = (f + 0.5) / Phases;
                var taus = new double[strata][];
                var net = new double[strata];
                for (int b = 0; b < strata; b++)
                {
                    int from = e + b * e / strata, to = e + (b + 1) * e / strata, n = Math.Min(to - from, 4);
                    taus[b] = new double[n];
                    for (int j = 0; j < n; j++)
                    {
                        taus[b][j] = (from + (to - from) * j / n - 1 + phi) * Heartbeat;
                    }

                    net[b] = Network(env, taus[b], 0);
                }

                // The draws are a Markov chain: a pause-caused election or a restart redraws every follower, a follower's
                // own campaign redraws it alone. Its stationary distribution weighs each draw by the time spent in it.
                var all = new double[combos];
                var own = new double[combos][];
                var state = new int[combos][];
                for (int c = 0; c < combos; c++)
                {
                    state[c] = new int[Links];
                    own[c] = new double[Links];
                    for (int i = 0, rest = c; i < Links; i++, rest /= strata)
                    {
                        state[c][i] = rest % strata;
                        draws[i] = taus[rest % strata];
                        own[c][i] = net[rest % strata];
                    }

                    all[c] = Pauses(env, draws);
                }

                double[] pi = Stationary(combos, strata, all, own, state);
                for (int c = 0; c < combos; c++)
                {
                    pausesSum += pi[c] * all[c];
                    foreach (double n in own[c])
                    {
                        networkSum += pi[c] * n;
                    }
                }
            }

            return (pausesSum / Phases, networkSum / Phases);
        }

        /// <summary>
        /// The stationary distribution of the draws: from state x, at rate all[x] + the restarts every follower draws again
        /// (uniformly among the states), at rate own[x][i] follower i alone does. Solved as πQ = 0, Σπ = 1.
        /// </summary>
        private static double[] Stationary(int n, int strata, double[] all, double[][] own, int[][] state)
        {
            var a = new double[n, n + 1];
            for (int x = 0; x < n; x++)
            {
                double everyone = (all[x] + TermChangesPerYear) / n;
                for (int y = 0; y < n; y++)
                {
                    if (y == x)
                    {
                        continue;
                    }

                    double rate = everyone;
                    int differ = -1, count = 0;
                    for (int i = 0; i < state[x].Length; i++)
                    {
                        if (state[x][i] != state[y][i])
                        {
                            differ = i;
                            count++;
                        }
                    }

                    if (count == 1)
                    {
                        rate += own[x][differ] / strata;
                    }

                    // Row y of Qᵀ: inflow to y from x; the diagonal holds the outflow.
                    a[y, x] += rate;
                    a[x, x] -= rate;
                }
            }

            // Replace the last equation by Σπ = 1.
            for (int x = 0; x < n; x++)
            {
                a[n - 1, x] = 1;
            }

            a[n - 1, n] = 1;
            for (int col = 0; col < n; col++)
            {
                int pivot = col;
                for (int r = col + 1; r < n; r++)
                {
                    pivot = Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]) ? r : pivot;
                }

                for (int k = 0; k <= n; k++)
                {
                    (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
                }

                for (int r = 0; r < n; r++)
                {
                    if (r != col && a[r, col] != 0)
                    {
                        double f = a[r, col] / a[col, col];
                        for (int k = col; k <= n; k++)
                        {
                            a[r, k] -= f * a[col, k];
                        }
                    }
                }
            }

            var pi = new double[n];
            for (int x = 0; x < n; x++)
            {
                pi[x] = Math.Max(0, a[x, n] / a[x, x]);
            }

            return pi;
        }

        /// <summary>Pauses longer than the first follower's timeout (drawn on [lo, hi)) less the time since the last heartbeat.</summary>
        private double Pauses(TradeOffEnvironment env, double lo, double hi)
        {
            if (env.Gc == null || env.GcPausesPerHour <= 0)
            {
                return 0;
            }

            var rng = new Random(26);
            double sum = 0;
            for (int j = 0; j < Samples; j++)
            {
                double phase = Heartbeat * (j + 0.5) / Samples, min = double.MaxValue;
                for (int i = 0; i < Links; i++)
                {
                    double u = rng.NextDouble();
                    min = Math.Min(min, Recheck ? lo + Residual(lo, hi, u) : lo + u * (hi - lo));
                }

                sum += env.Gc.Survival(min - phase);
            }

            return env.GcPausesPerHour * 24 * 365.25 * sum / Samples;
        }

        /// <summary>As above, each follower's timeout one of its stratum's values.</summary>
        private double Pauses(TradeOffEnvironment env, double[][] draws)
        {
            if (env.Gc == null || env.GcPausesPerHour <= 0)
            {
                return 0;
            }

            const int N = 256;
            var rng = new Random(26);
            double sum = 0;
            for (int j = 0; j < N; j++)
            {
                double phase = Heartbeat * (j + 0.5) / N, min = double.MaxValue;
                foreach (double[] taus in draws)
                {
                    min = Math.Min(min, taus[rng.Next(taus.Length)]);
                }

                sum += env.Gc.Survival(min - phase);
            }

            return env.GcPausesPerHour * 24 * 365.25 * sum / N;
        }

        /// <summary>
        /// One link's rate: a heartbeat received and none of the next ones in time. The timeout is each of
        /// <paramref name="taus"/> in turn, or, with <paramref name="spread"/> &gt; 0, drawn on [taus[0], taus[0] + spread).
        /// </summary>
        private double Network(TradeOffEnvironment env, double[] taus, double spread)
        {
            if (env.Rtt == null && env.Loss <= 0)
            {
                return 0;
            }

            // In order: after the heartbeat received d0 after it was sent, the next arrival is the next heartbeat's (the
            // ones behind it wait for it), so the follower times out when that one takes longer than d0 + τ − h.
            const int K = 64, G = 8;
            double h = Heartbeat, sum = 0;
            int g = spread > 0 ? G : taus.Length;
            for (int k = 0; k < K; k++)
            {
                double d0 = env.Rtt == null ? 0 : env.Rtt.Quantile((k + 0.5) / K) / 2;
                for (int i = 0; i < g; i++)
                {
                    double u = (i + 0.5) / g;
                    double tau = spread <= 0 ? taus[i] : Recheck ? taus[0] + Residual(taus[0], taus[0] + spread, u) : taus[0] + u * spread;
                    sum += env.DeliverySurvival(d0 + tau - h);
                }
            }

            return TradeOffEnvironment.SecondsPerYear / h * sum / (K * g);
        }

        public override double ExpectedFailover(TradeOffEnvironment env)
        {
            var rng = new Random(26);
            double sum = 0;
            for (int j = 0; j < Samples; j++)
            {
                sum += MinTau(rng);
            }

            // The last heartbeat before the crash was sent h/2 before it on average, and arrives a one-way delay later.
            return sum / Samples - (Heartbeat / 2) + env.MeanOneWay + AfterRtts * env.MeanRtt + AfterFixed;
        }

        private double MinTau(Random rng)
        {
            double min = double.MaxValue;
            for (int i = 0; i < Links; i++)
            {
                min = Math.Min(min, Tau(rng.NextDouble()));
            }

            return min;
        }
    }

    /// <summary>
    /// client-go leader election (tools/leaderelection/leaderelection.go). The leader renews in rounds: a round starts
    /// RetryPeriod after the last one ended (wait.UntilWithContext) and tries every RetryPeriod until RenewDeadline
    /// (PollUntilContextTimeout, immediate); a round with no success gives leadership up. Each candidate polls every
    /// [RP, 2.2 RP) (JitterUntilWithContext, JitterFactor 1.2) and takes the lease once LeaseDuration has passed since it
    /// observed the record change (isLeaseValid: observedTime + LeaseDurationSeconds).
    /// False elections: rounds whose renewal is slower than the deadline, plus leader pauses longer than a
    /// candidate's wait to take over. Expected failover: the first candidate's wait after a crash, plus its update's round trip.
    /// </summary>
    public sealed class LeaseTiming : ModelTiming
    {
        public LeaseTiming(double leaseDuration, double renewDeadline, double retryPeriod, int candidates)
        {
            LeaseDuration = leaseDuration;
            RenewDeadline = renewDeadline;
            RetryPeriod = retryPeriod;
            Candidates = candidates;
        }

        public double LeaseDuration { get; }

        public double RenewDeadline { get; }

        public double RetryPeriod { get; }

        public int Candidates { get; }

        public override IReadOnlyList<string> Assumptions => new[]
        {
            $"{Candidates + 1} replicas: the leader and {Candidates} candidates polling the lease",
            "a false election is the leader giving up (no renewal within renewDeadline) or a candidate taking a lease the leader still holds",
            "an attempt is one round trip (the leader's fast path: Update without Get) and fails when slower than what is left of renewDeadline",
            "after a crash: the first candidate to see the lease expire, then its update's round trip",
        };

        public override (double Pauses, double Network) FalseElections(TradeOffEnvironment env)
        {
            // A round's first attempt either returns within RenewDeadline or holds the round until it ends: over TCP a slow
            // or lost packet delays the answer rather than failing it, and the API server's errors (which would make the
            // later attempts count) are left out. Rounds follow each other RetryPeriod after the success that ends one.
            double miss = env.RoundTripSurvival(RenewDeadline), cycle = RetryPeriod + env.MeanRtt + (2 * env.Loss * env.Rto);
            double network = TradeOffEnvironment.SecondsPerYear / cycle * miss;
            if (env.Gc == null || env.GcPausesPerHour <= 0)
            {
                return (0, network);
            }

            var rng = new Random(26);
            double sum = 0;
            for (int j = 0; j < Samples; j++)
            {
                sum += env.Gc.Survival(Takeover(rng, RetryPeriod * (j + 0.5) / Samples));
            }

            return (env.GcPausesPerHour * 24 * 365.25 * sum / Samples, network);
        }

        public override double ExpectedFailover(TradeOffEnvironment env)
        {
            var rng = new Random(26);
            double sum = 0;
            for (int j = 0; j < Samples; j++)
            {
                sum += Takeover(rng, RetryPeriod * (j + 0.5) / Samples);
            }

            return sum / Samples + env.MeanRtt;
        }

        /// <summary>From a crash (or pause) <paramref name="since"/> after the last renewal to the first candidate's takeover.</summary>
        private double Takeover(Random rng, double since)
        {
            double min = double.MaxValue;
            for (int i = 0; i < Candidates; i++)
            {
                double observe = Residual(RetryPeriod, 2.2 * RetryPeriod, rng.NextDouble());
                double poll = Residual(RetryPeriod, 2.2 * RetryPeriod, rng.NextDouble());
                min = Math.Min(min, observe + LeaseDuration + poll);
            }

            return min - since;
        }
    }
}
