using System.Globalization;
using System.Text;
using ElectionLint.Rules.Text;

namespace ElectionLint.Rules.Timing
{
    /// <summary>Renders durations the way people and the systems write them.</summary>
    public static class DurationFormat
    {
        /// <summary>
        /// A Go duration as people write it: Go's <c>time.Duration.String()</c> without its zero components (1m, 1h30m,
        /// 1m40s where Go prints 1m0s, 1h30m0s); every Go, Kubernetes and Spring parser reads both the same.
        /// </summary>
        public static string Go(Duration d)
        {
            long ns = d.Nanoseconds;
            if (ns == 0)
            {
                return "0s";
            }

            StringBuilder sb = StringBuilderCache.Acquire(24);
            // Work in unsigned magnitude so long.MinValue is safe.
            ulong u = ns < 0 ? (ulong)(-(ns + 1)) + 1UL : (ulong)ns;
            if (ns < 0)
            {
                sb.Append('-');
            }

            if (u < (ulong)Duration.NanosPerSecond)
            {
                if (u < (ulong)Duration.NanosPerMicrosecond)
                {
                    sb.Append(u.ToString(CultureInfo.InvariantCulture)).Append("ns");
                }
                else if (u < (ulong)Duration.NanosPerMillisecond)
                {
                    AppendFraction(sb, u, (ulong)Duration.NanosPerMicrosecond).Append("µs");
                }
                else
                {
                    AppendFraction(sb, u, (ulong)Duration.NanosPerMillisecond).Append("ms");
                }

                return StringBuilderCache.ToStringAndRelease(sb);
            }

            ulong hours = u / (ulong)Duration.NanosPerHour;
            u -= hours * (ulong)Duration.NanosPerHour;
            ulong minutes = u / (ulong)Duration.NanosPerMinute;
            u -= minutes * (ulong)Duration.NanosPerMinute;
            if (hours > 0)
            {
                sb.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
            }

            if (minutes > 0)
            {
                sb.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
            }

            if (u > 0)
            {
                AppendFraction(sb, u, (ulong)Duration.NanosPerSecond).Append('s');
            }

            return StringBuilderCache.ToStringAndRelease(sb);
        }

        /// <summary>A whole or fractional number of milliseconds: "300 ms", "2.5 ms".</summary>
        public static string Milliseconds(decimal nanoseconds) => Number(nanoseconds / Duration.NanosPerMillisecond) + " ms";

        /// <summary>A whole or fractional number of seconds: "30 s".</summary>
        public static string Seconds(decimal nanoseconds) => Number(nanoseconds / Duration.NanosPerSecond) + " s";

        /// <summary>A decimal without trailing zeros, invariant culture.</summary>
        public static string Number(decimal value)
        {
            decimal normal = value / 1.000000000000000000000000000000000m;
            return normal.ToString(CultureInfo.InvariantCulture);
        }

        private static StringBuilder AppendFraction(StringBuilder sb, ulong value, ulong unit)
        {
            ulong whole = value / unit;
            ulong frac = value % unit;
            sb.Append(whole.ToString(CultureInfo.InvariantCulture));
            if (frac != 0)
            {
                int digits = unit.ToString(CultureInfo.InvariantCulture).Length - 1;
                string f = frac.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
                sb.Append('.').Append(f);
            }

            return sb;
        }
    }
}
