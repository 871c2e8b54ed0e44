using System.Collections.Generic;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Timing;
using static ElectionLint.Rules.Systems.Define;

namespace ElectionLint.Rules.Systems
{
    /// <summary>
    /// Redis and Valkey Sentinel, per monitored master (redis/redis src/sentinel.c @ 4f8cdc2a): <c>down-after-milliseconds</c>
    /// (default sentinel_default_down_after 30000) and <c>failover-timeout</c> (default 180000), integer milliseconds read with
    /// atoi from sentinel.conf and with getLongLongFromObject by SENTINEL SET; both refuse a value ≤ 0.
    /// </summary>
    public static class RedisSentinel
    {
        public const string Id = "redis-sentinel";
        public const string DownAfter = "down-after-milliseconds";
        public const string FailoverTimeout = "failover-timeout";

        public static SystemDefinition Definition { get; } = new SystemDefinition(
            Id,
            "Redis Sentinel",
            Atoi(DownAfter, 30000),
            Atoi(FailoverTimeout, 180000))
        {
            FalseFailover = "a false failover",
            // A master is subjectively down once it has not answered a PING for down-after-milliseconds (sentinel.c
            // sentinelCheckSubjectivelyDown); Sentinel pings every second, or every down-after-milliseconds when shorter.
            Detection = Q(DownAfter),
            // A master stalled (fork, a slow command, a paused VM) for down-after-milliseconds is failed over. A stalled
            // sentinel is another matter (N14): a timer gap above sentinel_tilt_trigger 2000 ms puts it in TILT, acting on
            // nothing for sentinel_tilt_period 30000 ms (sentinel.c:69-70, :5365-5372, :5437-5445). Both are SENTINEL DEBUG
            // parameters, in no file read here, so no rule states it about a configuration.
            PauseBudget = Q(DownAfter),
            // Clean round (sentinel.c @ 4f8cdc2a): the next PING goes out up to sentinel_ping_period (1 s) after the last PONG
            // (sentinelSendPeriodicCommands) and SDOWN counts from that pending PING (sentinelCheckSubjectivelyDown: act_ping_time);
            // ODOWN needs the quorum's replies, asked every sentinel_ask_period 1 s (sentinelAskMasterStateToOtherSentinels); the
            // vote is asked at once (sentinelHandleRedisInstance); the promotion is seen by INFO, polled every 1 s during a
            // failover (info_period 1000). With the timer's ticks (server.hz 10..19) that is down-after + about 3.7 s: 4 s here.
            // A lost or split vote waits 2 × failover-timeout (sentinelStartFailoverIfNeeded): not counted. RTT unknown counts 0.
            Failover = new Quantity("failover window", T(1m, DownAfter), new Term(4_000_000_000m), Rtt(2m)),
            FailoverPrimary = DownAfter,
            PauseConsequence = "the sentinels declare the master down and fail it over",
            Ranges = new[]
            {
                Positive(DownAfter),
                Positive(FailoverTimeout),
                // N14, sentinel.c @ 4f8cdc2a: INFO polled every 1000 ms during a failover (sentinelSendPeriodicCommands:3121-3128)
                // on a 100 ms timer at most (server.hz 10..19), the promotion abandoned after failover-timeout
                // (sentinelFailoverWaitPromotion:5167-5173), the next try after 2 × failover-timeout (:4960-4977).
                new RangeLimit("EL1098", FailoverTimeout, "the leader sentinel sees the promotion in the replica's INFO, polled every 1 s during a failover, and can abort the failover after promoting it (-failover-abort-slave-timeout), trying again only after 2 × failover-timeout")
                {
                    MinFromProfile = p => PromotionCheck + (p.EffectiveRtt?.Nanoseconds ?? 0m),
                    Source = "Sentinel's promotion check",
                    When = ctx => Ignored(ctx, FailoverTimeout) == null,
                },
            },
            HardChecks = new SystemCheck[] { TextAfterDigits },
        }.Bound();

        /// <summary>
        /// N1: sentinel.c @ 4f8cdc2a sentinelHandleConfiguration reads both times with atoi (ri->down_after_period =
        /// atoi(argv[2])), which stops at the first character that is not a digit: "60s" runs as 60 ms. Reported as EL1097
        /// at the value when the text means another duration than the one Sentinel reads ("5000ms" means what it reads).
        /// </summary>
        private static void TextAfterDigits(EvaluationContext ctx)
        {
            foreach (string id in new[] { DownAfter, FailoverTimeout })
            {
                if (Ignored(ctx, id) is not (string t, int i))
                {
                    continue;
                }

                ParseResult<Duration> meant = DurationParser.Flexible(t, Duration.NanosPerMillisecond);
                string write = meant.Value is Duration d && d.Nanoseconds > 0m && d.Nanoseconds % Duration.NanosPerMillisecond == 0m
                    ? $"write {d.Nanoseconds / Duration.NanosPerMillisecond} (milliseconds) for {t}"
                    : $"write {ctx.Name(id)} in whole milliseconds";
                var args = new Dictionary<string, string>
                {
                    ["raw"] = MessageTemplate.Quote(ctx.Instance[id]!.Raw!),
                    ["reason"] = $"it is read with atoi (sentinel.c), which stops at '{t[i]}' and ignores the rest",
                    [Evaluator.FixWhenNoRepair] = write,
                };
                ctx.Report("EL1097", id, new string[0], args);
            }
        }

        /// <summary>1000 ms of INFO period and a 100 ms timer tick: the longest the promotion can take to be seen, RTT aside.</summary>
        private const decimal PromotionCheck = 1_100_000_000m;

        /// <summary>The trimmed text and the index of the first character atoi ignores, when the text means another duration than Sentinel reads.</summary>
        private static (string Text, int At)? Ignored(EvaluationContext ctx, string id)
        {
            SettingOccurrence? o = ctx.Instance[id];
            if (o == null || o.State != OccurrenceState.Set || o.Raw == null)
            {
                return null;
            }

            string t = o.Raw.Trim();
            int i = t.Length > 0 && (t[0] == '+' || t[0] == '-') ? 1 : 0, digits = i;
            while (i < t.Length && t[i] >= '0' && t[i] <= '9')
            {
                i++;
            }

            if (i == digits || i == t.Length)
            {
                return null; // no digit (read as 0: EL1092) or nothing ignored
            }

            ParseResult<Duration> meant = DurationParser.Flexible(t, Duration.NanosPerMillisecond);
            return meant.Value is Duration m && m.Nanoseconds == o.Value.Number ? null : (t, i);
        }

        private static SettingDefinition Atoi(string id, long ms) => new SettingDefinition(id, SettingRole.Timeout, ValueFormat.AtoiMilliseconds)
        {
            Default = Quantity.Constant(Ms(ms)),
            Granularity = Timing.Duration.NanosPerMillisecond,
            Maximum = (decimal)int.MaxValue * Timing.Duration.NanosPerMillisecond,
        };

        private static RangeLimit Positive(string setting) => new RangeLimit("EL1092", setting, "Sentinel refuses the configuration (\"negative or zero time parameter.\")")
        {
            Min = 0m,
            MinInclusive = false,
            Source = "Sentinel's check of " + setting,
        };
    }
}
