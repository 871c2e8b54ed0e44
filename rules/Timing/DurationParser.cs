using System;
using System.Globalization;
using System.Xml;

namespace ElectionLint.Rules.Timing
{
    /// <summary>Duration syntaxes of the systems ElectionLint reads. Every parser is exact and never overflows.</summary>
    public static class DurationParser
    {
        /// <summary>Go's <c>time.ParseDuration</c>: "150ms", "1.5s", "1m30s", "-1s"; a unit is required except for "0".</summary>
        public static ParseResult<Duration> Go(string text)
        {
            string s = text;
            if (s.Length == 0)
            {
                return ParseResult<Duration>.Fail("empty duration");
            }

            int i = 0;
            bool negative = false;
            if (s[0] == '-' || s[0] == '+')
            {
                negative = s[0] == '-';
                i++;
            }

            if (s.Length - i == 1 && s[i] == '0')
            {
                return ParseResult<Duration>.Ok(Duration.Zero);
            }

            if (i == s.Length)
            {
                return ParseResult<Duration>.Fail($"invalid duration \"{text}\"");
            }

            decimal total = 0m;
            while (i < s.Length)
            {
                int start = i;
                while (i < s.Length && s[i] >= '0' && s[i] <= '9')
                {
                    i++;
                }

                string whole = s.Substring(start, i - start);
                string frac = string.Empty;
                bool dot = false;
                if (i < s.Length && s[i] == '.')
                {
                    dot = true;
                    i++;
                    int fs = i;
                    while (i < s.Length && s[i] >= '0' && s[i] <= '9')
                    {
                        i++;
                    }

                    frac = s.Substring(fs, i - fs);
                }

                if (whole.Length == 0 && frac.Length == 0)
                {
                    return ParseResult<Duration>.Fail($"invalid duration \"{text}\"");
                }

                int us = i;
                while (i < s.Length && s[i] != '.' && (s[i] < '0' || s[i] > '9'))
                {
                    i++;
                }

                string unitText = s.Substring(us, i - us);
                if (unitText.Length == 0)
                {
                    return ParseResult<Duration>.Fail($"missing unit in duration \"{text}\" (write e.g. \"{text}s\")");
                }

                long unit = GoUnit(unitText);
                if (unit == 0)
                {
                    return ParseResult<Duration>.Fail($"unknown unit \"{unitText}\" in duration \"{text}\"");
                }

                _ = dot;
                if (whole.TrimStart('0').Length > 19)
                {
                    return ParseResult<Duration>.Fail($"invalid duration \"{text}\": too large");
                }

                decimal w = whole.Length == 0 ? 0m : decimal.Parse(whole, NumberStyles.None, CultureInfo.InvariantCulture);
                if (w > ((decimal)long.MaxValue + 1m) / unit)
                {
                    return ParseResult<Duration>.Fail($"invalid duration \"{text}\": too large"); // time.ParseDuration: overflow
                }

                decimal value = w * unit;
                if (frac.Length > 0)
                {
                    // Go keeps at most nanosecond precision and truncates the rest.
                    string f = frac.Length > 18 ? frac.Substring(0, 18) : frac;
                    decimal fv = decimal.Parse(f, NumberStyles.None, CultureInfo.InvariantCulture) / Pow10(f.Length);
                    value += decimal.Truncate(fv * unit);
                }

                total += value;
                if (total > (decimal)long.MaxValue + 1m)
                {
                    return ParseResult<Duration>.Fail($"invalid duration \"{text}\": too large");
                }
            }

            if (negative)
            {
                total = -total;
            }

            if (total > long.MaxValue || total < long.MinValue)
            {
                return ParseResult<Duration>.Fail($"invalid duration \"{text}\": too large");
            }

            return ParseResult<Duration>.Ok(new Duration((long)total));
        }

        /// <summary>An integer with a fixed unit (etcd's milliseconds, Azure's seconds). Signed when the system's type is.</summary>
        public static ParseResult<Duration> Integer(string text, long unitNanos, bool allowSign, long maxUnits = long.MaxValue)
        {
            string s = text.Trim();
            if (s.Length == 0)
            {
                return ParseResult<Duration>.Fail("empty value");
            }

            var style = allowSign ? NumberStyles.AllowLeadingSign : NumberStyles.None;
            if (!decimal.TryParse(s, style, CultureInfo.InvariantCulture, out decimal d) || d != decimal.Truncate(d))
            {
                return ParseResult<Duration>.Fail(allowSign ? $"\"{text}\" is not an integer" : $"\"{text}\" is not an unsigned integer");
            }

            if (d > maxUnits || d < -(decimal)maxUnits - 1)
            {
                return ParseResult<Duration>.Fail($"\"{text}\" is out of range");
            }

            decimal ns = d * unitNanos;
            if (ns > long.MaxValue || ns < long.MinValue)
            {
                return ParseResult<Duration>.Fail($"\"{text}\" is too large");
            }

            return ParseResult<Duration>.Ok(new Duration((long)ns));
        }

        /// <summary>
        /// C's <c>atoi</c> into an int (Redis reads sentinel.conf's times so): white space, a sign and digits; whatever follows
        /// is ignored and no digit at all reads 0. Beyond int's range it wraps as glibc's does.
        /// </summary>
        public static ParseResult<Duration> Atoi(string text, long unitNanos)
        {
            int i = 0;
            while (i < text.Length && (text[i] == ' ' || (text[i] >= '\t' && text[i] <= '\r')))
            {
                i++;
            }

            int start = i;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            while (i < text.Length && text[i] >= '0' && text[i] <= '9')
            {
                i++;
            }

            string number = text.Substring(start, i - start);
            if (number.Length == 0 || number == "+" || number == "-")
            {
                return ParseResult<Duration>.Ok(new Duration(0));
            }

            // N9: glibc's atoi is (int)strtol(s, NULL, 10): strtol saturates at LONG_MIN/LONG_MAX, and the cast to int keeps the
            // low 32 bits, so 4294972296 runs as 5000 and 3000000000 as -1294967296 (refused as ≤ 0), as Sentinel sees them.
            long wide = decimal.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out decimal big)
                ? (big > long.MaxValue ? long.MaxValue : big < long.MinValue ? long.MinValue : (long)big)
                : (number[0] == '-' ? long.MinValue : long.MaxValue);
            int n = unchecked((int)wide);
            return ParseResult<Duration>.Ok(new Duration(n * unitNanos));
        }

        /// <summary>
        /// Elasticsearch's <c>TimeValue.parseTimeValue</c>: lower-cased and trimmed, a whole number with one of the suffixes
        /// nanos, micros, ms, s, m (case-sensitive, and tested on the untrimmed text), h, d; "-1" and "0" need no unit. No
        /// fractions, no negative value but -1.
        /// </summary>
        public static ParseResult<Duration> Elastic(string text)
        {
            string normalized = text.ToLowerInvariant().Trim();
            (string Suffix, long Nanos)[] units =
            {
                ("nanos", 1), ("micros", 1000), ("ms", Duration.NanosPerMillisecond), ("s", Duration.NanosPerSecond),
            };
            foreach ((string suffix, long nanos) in units)
            {
                if (normalized.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return ElasticNumber(text, normalized, suffix, nanos);
                }
            }

            if (text.EndsWith("m", StringComparison.Ordinal))
            {
                return ElasticNumber(text, normalized, "m", 60 * Duration.NanosPerSecond);
            }

            if (normalized.EndsWith("h", StringComparison.Ordinal))
            {
                return ElasticNumber(text, normalized, "h", 3600 * Duration.NanosPerSecond);
            }

            if (normalized.EndsWith("d", StringComparison.Ordinal))
            {
                return ElasticNumber(text, normalized, "d", 86400 * Duration.NanosPerSecond);
            }

            if (System.Text.RegularExpressions.Regex.IsMatch(normalized, "^-0*1$"))
            {
                return ParseResult<Duration>.Ok(new Duration(-1));
            }

            if (System.Text.RegularExpressions.Regex.IsMatch(normalized, "^0+$"))
            {
                return ParseResult<Duration>.Ok(new Duration(0));
            }

            return ParseResult<Duration>.Fail($"\"{text}\" has no time unit (nanos, micros, ms, s, m, h, d)");
        }

        private static ParseResult<Duration> ElasticNumber(string text, string normalized, string suffix, long unitNanos)
        {
            string number = normalized.Substring(0, normalized.Length - suffix.Length).Trim();
            if (!long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n))
            {
                return ParseResult<Duration>.Fail(decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                    ? $"\"{text}\": fractional time values are not supported"
                    : $"\"{text}\" is not a time value");
            }

            if (n < -1)
            {
                return ParseResult<Duration>.Fail($"\"{text}\": negative durations are not supported");
            }

            // n ≥ -1: the product fits in a long exactly when n ≤ long.MaxValue / unitNanos (no decimal: it overflows first).
            return n > long.MaxValue / unitNanos ? ParseResult<Duration>.Fail($"\"{text}\" is too large") : ParseResult<Duration>.Ok(new Duration(n * unitNanos));
        }

        /// <summary>
        /// An unsigned integer as Go's <c>strconv.ParseUint(s, 0, 64)</c> reads a <c>flag.Uint</c> (etcd flags and ETCD_* variables):
        /// decimal, <c>0x</c>/<c>0o</c>/<c>0b</c> prefixes, a leading 0 for octal (<c>0600</c> is 384), underscores between digits;
        /// no sign and no unit.
        /// </summary>
        public static ParseResult<Duration> GoUint(string text, long unitNanos)
        {
            string s = text.Trim();
            if (s.Length == 0)
            {
                return ParseResult<Duration>.Fail("empty value");
            }

            int radix = 10, i = 0;
            if (s.Length >= 2 && s[0] == '0')
            {
                char p = char.ToLowerInvariant(s[1]);
                (radix, i) = p == 'x' ? (16, 2) : p == 'o' ? (8, 2) : p == 'b' ? (2, 2) : (8, 1);
            }

            string Bad() => $"\"{text}\" is not an unsigned integer (Go's strconv.ParseUint with base 0)";
            ulong value = 0;
            bool digits = false, lastUnderscore = false, afterDigitOrPrefix = i > 0;
            for (; i < s.Length; i++)
            {
                char c = s[i];
                if (c == '_')
                {
                    if (!afterDigitOrPrefix || lastUnderscore)
                    {
                        return ParseResult<Duration>.Fail(Bad());
                    }

                    lastUnderscore = true;
                    continue;
                }

                int d = c >= '0' && c <= '9' ? c - '0' : char.ToLowerInvariant(c) >= 'a' && char.ToLowerInvariant(c) <= 'f' ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
                if (d >= radix)
                {
                    return ParseResult<Duration>.Fail(Bad());
                }

                if (value > (ulong.MaxValue - (ulong)d) / (ulong)radix)
                {
                    return ParseResult<Duration>.Fail($"\"{text}\" is out of range");
                }

                value = (value * (ulong)radix) + (ulong)d;
                digits = true;
                lastUnderscore = false;
                afterDigitOrPrefix = true;
            }

            if ((!digits && !(radix == 8 && s == "0")) || lastUnderscore)
            {
                return ParseResult<Duration>.Fail(Bad());
            }

            decimal ns = (decimal)value * unitNanos;
            return ns > long.MaxValue ? ParseResult<Duration>.Fail($"\"{text}\" is too large") : ParseResult<Duration>.Ok(new Duration((long)ns));
        }

        /// <summary>.NET <c>TimeSpan</c> text as the options binder reads it ("00:00:15", "1.02:00:00", "15" = 15 days).</summary>
        public static ParseResult<Duration> DotNet(string text)
        {
            if (TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out TimeSpan ts))
            {
                // .NET accepts up to ±29,227 years; past ±292 years (a 64-bit nanosecond count) the value is held at that limit.
                long limit = long.MaxValue / Duration.NanosPerTick;
                return ParseResult<Duration>.Ok(ts.Ticks > limit ? new Duration(long.MaxValue) : ts.Ticks < -limit ? new Duration(long.MinValue) : Duration.FromTicks(ts.Ticks));
            }

            return ParseResult<Duration>.Fail($"\"{text}\" is not a TimeSpan (expected [d.]hh:mm:ss[.fffffff])");
        }

        /// <summary>ISO 8601 durations such as "PT15S" or "P1DT2H".</summary>
        public static ParseResult<Duration> Iso8601(string text)
        {
            try
            {
                TimeSpan ts = XmlConvert.ToTimeSpan(text.Trim());
                return ParseResult<Duration>.Ok(Duration.FromTicks(ts.Ticks));
            }
            catch (Exception e) when (e is FormatException || e is OverflowException)
            {
                return ParseResult<Duration>.Fail($"\"{text}\" is not an ISO 8601 duration");
            }
        }

        private static readonly System.Text.RegularExpressions.Regex SpringSimple = new System.Text.RegularExpressions.Regex(@"^([+-]?[0-9]+)([a-zA-Z]{0,2})$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        private static readonly System.Text.RegularExpressions.Regex JavaIso = new System.Text.RegularExpressions.Regex(
            @"^([-+]?)P(?:([-+]?[0-9]+)D)?(T(?:([-+]?[0-9]+)H)?(?:([-+]?[0-9]+)M)?(?:([-+]?[0-9]+)(?:[.,]([0-9]{0,9}))?S)?)?$",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        /// <summary>
        /// Spring Boot's <c>DurationStyle.detectAndParse</c> (spring-boot convert/DurationStyle.java): the simple style
        /// <c>^([+-]?\d+)([a-zA-Z]{0,2})$</c>, a whole number with ns, us, ms, s, m, h or d in any case (none: the property's
        /// unit, milliseconds by default), or, for a text that starts with [+-]P, ISO 8601 as java.time.Duration.parse reads
        /// it (PT10S, PT0.5S, P1DT2H). Anything else, "1.5s" included, fails Spring's binding at start-up.
        /// </summary>
        public static ParseResult<Duration> Spring(string text, long defaultUnitNanos)
        {
            System.Text.RegularExpressions.Match simple = SpringSimple.Match(text);
            if (simple.Success)
            {
                string suffix = simple.Groups[2].Value.ToLowerInvariant();
                long unit = suffix switch
                {
                    "" => defaultUnitNanos,
                    "ns" => 1,
                    "us" => 1000,
                    "ms" => Duration.NanosPerMillisecond,
                    "s" => Duration.NanosPerSecond,
                    "m" => 60 * Duration.NanosPerSecond,
                    "h" => 3600 * Duration.NanosPerSecond,
                    "d" => 86400 * Duration.NanosPerSecond,
                    _ => 0,
                };
                if (unit == 0)
                {
                    return ParseResult<Duration>.Fail($"unknown unit \"{simple.Groups[2].Value}\" in \"{text}\" (Spring reads ns, us, ms, s, m, h, d)");
                }

                return decimal.TryParse(simple.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out decimal n) && Math.Abs(n) <= long.MaxValue
                    ? FromDecimal(n, unit, text)
                    : ParseResult<Duration>.Fail($"\"{text}\" is too large");
            }

            // Spring's detection wants an upper-case P; java.time.Duration.parse then ignores case. Its grammar (days at most,
            // signed parts, a comma for the fraction) is not XML's, so Iso8601 above does not serve.
            System.Text.RegularExpressions.Match iso = text.Length > 0 && (text[0] == 'P' || (text.Length > 1 && (text[0] == '+' || text[0] == '-') && text[1] == 'P')) ? JavaIso.Match(text) : System.Text.RegularExpressions.Match.Empty;
            if (iso.Success && !string.Equals(iso.Groups[3].Value, "T", StringComparison.OrdinalIgnoreCase) &&
                (iso.Groups[2].Success || iso.Groups[4].Success || iso.Groups[5].Success || iso.Groups[6].Success))
            {
                decimal Part(int group, long unit) => iso.Groups[group].Success ? decimal.Parse(iso.Groups[group].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) * unit : 0m;
                try
                {
                    decimal ns = Part(2, 86400 * Duration.NanosPerSecond) + Part(4, 3600 * Duration.NanosPerSecond) + Part(5, 60 * Duration.NanosPerSecond) + Part(6, Duration.NanosPerSecond);
                    if (iso.Groups[7].Success && iso.Groups[7].Value.Length > 0)
                    {
                        decimal fraction = decimal.Parse(iso.Groups[7].Value.PadRight(9, '0'), CultureInfo.InvariantCulture);
                        ns += iso.Groups[6].Value.StartsWith("-", StringComparison.Ordinal) ? -fraction : fraction;
                    }

                    return FromDecimal(iso.Groups[1].Value == "-" ? -ns : ns, 1, text);
                }
                catch (OverflowException)
                {
                    return ParseResult<Duration>.Fail($"\"{text}\" is too large");
                }
            }

            return ParseResult<Duration>.Fail($"\"{text}\" is not a Spring duration (a whole number with ns, us, ms, s, m, h or d, or ISO 8601 such as PT10S)");
        }

        /// <summary>HOCON durations as Akka reads them: "120s", "120 s", "2 minutes"; a bare number is milliseconds.</summary>
        public static ParseResult<Duration> Hocon(string text)
        {
            string s = text.Trim();
            int i = 0;
            if (i < s.Length && (s[i] == '-' || s[i] == '+'))
            {
                i++;
            }

            while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            string number = s.Substring(0, i);
            string unit = s.Substring(i).Trim();
            if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal n))
            {
                return ParseResult<Duration>.Fail($"\"{text}\" is not a HOCON duration");
            }

            long unitNanos = unit.Length == 0 ? Duration.NanosPerMillisecond : HoconUnit(unit);
            if (unitNanos == 0)
            {
                return ParseResult<Duration>.Fail($"unknown unit \"{unit}\" in \"{text}\"");
            }

            return FromDecimal(n, unitNanos, text);
        }

        /// <summary>
        /// The profile's and bindings' syntax: Go durations, .NET hh:mm:ss, ISO 8601, or a bare number in <paramref name="defaultUnitNanos"/> when one is declared.
        /// </summary>
        public static ParseResult<Duration> Flexible(string text, long? defaultUnitNanos = null)
        {
            string s = text.Trim();
            if (s.Length == 0)
            {
                return ParseResult<Duration>.Fail("empty duration");
            }

            if (s.IndexOf(':') >= 0)
            {
                return DotNet(s);
            }

            char first = s[0] == '-' || s[0] == '+' ? (s.Length > 1 ? s[1] : ' ') : s[0];
            if (first == 'P' || first == 'p')
            {
                return Iso8601(s.ToUpperInvariant());
            }

            if (decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal n))
            {
                if (defaultUnitNanos is long unit)
                {
                    return FromDecimal(n, unit, text);
                }

                if (n == 0)
                {
                    return ParseResult<Duration>.Ok(Duration.Zero);
                }

                return ParseResult<Duration>.Fail($"\"{text}\" has no unit (write e.g. \"{s}ms\" or \"{s}s\")");
            }

            return Go(s);
        }

        /// <summary>Unit names accepted by the profile and bindings (<c>heartbeat:ms</c>).</summary>
        public static long UnitNanos(string unit)
        {
            long go = GoUnit(unit);
            return go != 0 ? go : HoconUnit(unit);
        }

        private static ParseResult<Duration> FromDecimal(decimal n, long unitNanos, string text)
        {
            decimal ns;
            try
            {
                ns = decimal.Truncate(n * unitNanos);
            }
            catch (OverflowException)
            {
                return ParseResult<Duration>.Fail($"\"{text}\" is too large");
            }

            if (ns > long.MaxValue || ns < long.MinValue)
            {
                return ParseResult<Duration>.Fail($"\"{text}\" is too large");
            }

            return ParseResult<Duration>.Ok(new Duration((long)ns));
        }

        private static decimal Pow10(int n)
        {
            decimal r = 1m;
            for (int k = 0; k < n; k++)
            {
                r *= 10m;
            }

            return r;
        }

        private static long GoUnit(string unit)
        {
            switch (unit)
            {
                case "ns": return 1;
                case "us":
                case "µs": // U+00B5 micro sign
                case "μs": // U+03BC Greek mu
                    return Duration.NanosPerMicrosecond;
                case "ms": return Duration.NanosPerMillisecond;
                case "s": return Duration.NanosPerSecond;
                case "m": return Duration.NanosPerMinute;
                case "h": return Duration.NanosPerHour;
                default: return 0;
            }
        }

        private static long HoconUnit(string unit)
        {
            switch (unit)
            {
                case "ns": case "nano": case "nanos": case "nanosecond": case "nanoseconds": return 1;
                case "us": case "micro": case "micros": case "microsecond": case "microseconds": return Duration.NanosPerMicrosecond;
                case "ms": case "milli": case "millis": case "millisecond": case "milliseconds": return Duration.NanosPerMillisecond;
                case "s": case "second": case "seconds": return Duration.NanosPerSecond;
                case "m": case "minute": case "minutes": return Duration.NanosPerMinute;
                case "h": case "hour": case "hours": return Duration.NanosPerHour;
                case "d": case "day": case "days": return Duration.NanosPerDay;
                default: return 0;
            }
        }
    }
}
