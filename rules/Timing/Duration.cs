using System;

namespace ElectionLint.Rules.Timing
{
    /// <summary>An exact duration in whole nanoseconds (the range of Go's time.Duration).</summary>
    public readonly struct Duration : IEquatable<Duration>, IComparable<Duration>
    {
        public const long NanosPerMicrosecond = 1_000L;
        public const long NanosPerMillisecond = 1_000_000L;
        public const long NanosPerSecond = 1_000_000_000L;
        public const long NanosPerMinute = 60 * NanosPerSecond;
        public const long NanosPerHour = 60 * NanosPerMinute;
        public const long NanosPerDay = 24 * NanosPerHour;
        public const long NanosPerTick = 100L;

        public Duration(long nanoseconds) => Nanoseconds = nanoseconds;

        public long Nanoseconds { get; }

        public static Duration Zero => default;

        public static Duration FromMilliseconds(long ms) => new Duration(checked(ms * NanosPerMillisecond));

        public static Duration FromSeconds(long s) => new Duration(checked(s * NanosPerSecond));

        public static Duration FromTicks(long ticks) => new Duration(checked(ticks * NanosPerTick));

        /// <summary>Exact conversion from a decimal number of nanoseconds; null when out of range or fractional.</summary>
        public static Duration? FromDecimalNanoseconds(decimal ns)
        {
            if (ns != decimal.Truncate(ns) || ns > long.MaxValue || ns < long.MinValue)
            {
                return null;
            }

            return new Duration((long)ns);
        }

        public decimal TotalSeconds => (decimal)Nanoseconds / NanosPerSecond;

        public bool Equals(Duration other) => Nanoseconds == other.Nanoseconds;

        public override bool Equals(object? obj) => obj is Duration d && Equals(d);

        public override int GetHashCode() => Nanoseconds.GetHashCode();

        public int CompareTo(Duration other) => Nanoseconds.CompareTo(other.Nanoseconds);

        public static bool operator ==(Duration a, Duration b) => a.Nanoseconds == b.Nanoseconds;

        public static bool operator !=(Duration a, Duration b) => a.Nanoseconds != b.Nanoseconds;

        public static bool operator <(Duration a, Duration b) => a.Nanoseconds < b.Nanoseconds;

        public static bool operator >(Duration a, Duration b) => a.Nanoseconds > b.Nanoseconds;

        public static bool operator <=(Duration a, Duration b) => a.Nanoseconds <= b.Nanoseconds;

        public static bool operator >=(Duration a, Duration b) => a.Nanoseconds >= b.Nanoseconds;

        /// <summary>Go's <c>time.Duration.String()</c>: 1h0m0s, 1m30s, 2.4s, 500ms, 1.5µs, 0s.</summary>
        public override string ToString() => DurationFormat.Go(this);
    }
}
