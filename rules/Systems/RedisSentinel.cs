using ElectionLint.Rules.Model;
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
            // A master is subjectively down once it has not answered a PING for down-after-milliseconds (sentinel.c
            // sentinelCheckSubjectivelyDown); Sentinel pings every second, or every down-after-milliseconds when shorter.
            Detection = Q(DownAfter),
            // A master stalled (fork, a slow command, a paused VM) for down-after-milliseconds is failed over.
            PauseBudget = Q(DownAfter),
            // SDOWN after down-after-milliseconds; ODOWN once the quorum agrees (sentinels ask each other every
            // sentinel_ask_period, 1 s); sentinelStartFailover delays the vote by up to SENTINEL_MAX_DESYNC (1 s); the vote and the
            // promotion cost about two round trips. A lost vote retries only after 2 × failover-timeout (not modelled).
            Failover = new Quantity("failover window", T(1m, DownAfter), new Term(2_000_000_000m), Rtt(2m)),
            FailoverPrimary = DownAfter,
            PauseConsequence = "the sentinels declare the master down and fail it over",
            Ranges = new[]
            {
                Positive(DownAfter),
                Positive(FailoverTimeout),
            },
        }.Bound();

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
