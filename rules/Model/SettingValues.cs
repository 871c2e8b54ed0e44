using System;
using System.Globalization;
using ElectionLint.Rules.Timing;

namespace ElectionLint.Rules.Model
{
    /// <summary>Reads and writes setting values in each system's own format.</summary>
    public static class SettingValues
    {
        /// <summary>Parses <paramref name="raw"/> as the system would. <paramref name="unitNanos"/> is the unit of bare numbers for flexible durations.</summary>
        public static ParseResult<SettingValue> Parse(ValueFormat format, string raw, long? unitNanos = null)
        {
            string s = raw.Trim();
            switch (format)
            {
                case ValueFormat.UnsignedMilliseconds:
                    return Wrap(DurationParser.Integer(s, Duration.NanosPerMillisecond, allowSign: false));
                case ValueFormat.GoUintMilliseconds:
                    return Wrap(DurationParser.GoUint(s, Duration.NanosPerMillisecond));
                case ValueFormat.Int32Milliseconds:
                    return Wrap(DurationParser.Integer(s, Duration.NanosPerMillisecond, allowSign: true, maxUnits: int.MaxValue));
                case ValueFormat.AtoiMilliseconds:
                    return Wrap(DurationParser.Atoi(s, Duration.NanosPerMillisecond));
                case ValueFormat.IntegerSeconds:
                    return Wrap(DurationParser.Integer(s, Duration.NanosPerSecond, allowSign: true, maxUnits: int.MaxValue));
                case ValueFormat.PythonIntSeconds:
                    return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal py)
                        ? Wrap(DurationParser.Integer(decimal.Truncate(py).ToString(CultureInfo.InvariantCulture), Duration.NanosPerSecond, allowSign: true))
                        : ParseResult<SettingValue>.Fail($"\"{raw}\" is not a number: Python's int() raises ValueError");
                case ValueFormat.ExactInt64Milliseconds:
                case ValueFormat.ExactInt64Seconds:
                    long unit = format == ValueFormat.ExactInt64Seconds ? Duration.NanosPerSecond : Duration.NanosPerMillisecond;
                    if (!decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal exact))
                    {
                        return ParseResult<SettingValue>.Fail($"\"{raw}\" is not a number");
                    }

                    if (exact != decimal.Truncate(exact))
                    {
                        return ParseResult<SettingValue>.Fail($"\"{raw}\" is not a whole number (smallExactInt64 rejects it)");
                    }

                    if (exact > long.MaxValue || exact < long.MinValue)
                    {
                        return ParseResult<SettingValue>.Fail($"\"{raw}\" is out of the int64 range");
                    }

                    return ParseResult<SettingValue>.Ok(SettingValue.Of(exact * unit));
                case ValueFormat.GoDuration:
                    return Wrap(DurationParser.Go(s));
                case ValueFormat.TimeSpan:
                    return Wrap(DurationParser.DotNet(s));
                case ValueFormat.HoconDuration:
                    return Wrap(DurationParser.Hocon(s));
                case ValueFormat.ElasticTimeValue:
                    return Wrap(DurationParser.Elastic(raw));
                case ValueFormat.FlexibleDuration:
                    return Wrap(DurationParser.Flexible(s, unitNanos));
                case ValueFormat.SpringDuration:
                    return Wrap(DurationParser.Spring(s, unitNanos ?? Duration.NanosPerMillisecond));
                case ValueFormat.Int32:
                    return int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n)
                        ? ParseResult<SettingValue>.Ok(SettingValue.Of(n))
                        : ParseResult<SettingValue>.Fail($"\"{raw}\" is not a 32-bit integer");
                case ValueFormat.Decimal:
                    return decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d)
                        ? ParseResult<SettingValue>.Ok(SettingValue.Of(d))
                        : ParseResult<SettingValue>.Fail($"\"{raw}\" is not a number");
                case ValueFormat.Boolean:
                    if (string.Equals(s, "true", StringComparison.OrdinalIgnoreCase))
                    {
                        return ParseResult<SettingValue>.Ok(SettingValue.Of(true));
                    }

                    if (string.Equals(s, "false", StringComparison.OrdinalIgnoreCase))
                    {
                        return ParseResult<SettingValue>.Ok(SettingValue.Of(false));
                    }

                    return ParseResult<SettingValue>.Fail($"\"{raw}\" is not true or false");
                default:
                    return ParseResult<SettingValue>.Ok(SettingValue.OfText(s));
            }
        }

        /// <summary>True when <see cref="Write"/> gives a text; a Go duration is checked without writing it (the solver asks per candidate).</summary>
        public static bool CanWrite(decimal value, ValueFormat format, long? unitNanos = null) =>
            format == ValueFormat.GoDuration || (format == ValueFormat.FlexibleDuration && unitNanos == null)
                ? Duration.FromDecimalNanoseconds(value) != null
                : Write(value, format, unitNanos) != null;

        /// <summary>Writes a value in a format the system reads back to the same value; null when it cannot be written exactly.</summary>
        public static string? Write(decimal value, ValueFormat format, long? unitNanos = null)
        {
            switch (format)
            {
                case ValueFormat.UnsignedMilliseconds:
                case ValueFormat.GoUintMilliseconds:
                case ValueFormat.Int32Milliseconds:
                case ValueFormat.AtoiMilliseconds:
                case ValueFormat.ExactInt64Milliseconds:
                    return Whole(value, Duration.NanosPerMillisecond);
                case ValueFormat.IntegerSeconds:
                case ValueFormat.PythonIntSeconds:
                case ValueFormat.ExactInt64Seconds:
                    return Whole(value, Duration.NanosPerSecond);
                case ValueFormat.GoDuration:
                    return Duration.FromDecimalNanoseconds(value)?.ToString();
                case ValueFormat.TimeSpan:
                    return value % Duration.NanosPerTick != 0 ? null : new TimeSpan((long)(value / Duration.NanosPerTick)).ToString("c", CultureInfo.InvariantCulture);
                case ValueFormat.HoconDuration:
                    return Whole(value, Duration.NanosPerSecond) is string sec ? sec + "s" : Whole(value, Duration.NanosPerMillisecond) is string ms ? ms + "ms" : null;
                case ValueFormat.ElasticTimeValue:
                    return Whole(value, Duration.NanosPerSecond) is string esSec ? esSec + "s" : Whole(value, Duration.NanosPerMillisecond) is string esMs ? esMs + "ms" : Whole(value, 1) is string esNs ? esNs + "nanos" : null;
                case ValueFormat.SpringDuration:
                    return Whole(value, unitNanos ?? Duration.NanosPerMillisecond) ?? (Whole(value, 1) is string springNs ? springNs + "ns" : null);
                case ValueFormat.FlexibleDuration:
                    if (unitNanos is long unit)
                    {
                        return DurationFormat.Number(value / unit);
                    }

                    return Duration.FromDecimalNanoseconds(value)?.ToString();
                case ValueFormat.Int32:
                    return value == decimal.Truncate(value) ? DurationFormat.Number(value) : null;
                case ValueFormat.Boolean:
                    return value != 0 ? "true" : "false";
                default:
                    return DurationFormat.Number(value);
            }
        }

        /// <summary>How messages show a value of <paramref name="setting"/>: "300 ms" for integer milliseconds, "15s" for durations.</summary>
        public static string Display(SettingDefinition setting, decimal value) => Display(setting.Format, setting.IsDuration, value);

        public static string Display(ValueFormat format, bool isDuration, decimal value)
        {
            if (!isDuration)
            {
                return format == ValueFormat.Boolean ? (value != 0 ? "true" : "false") : DurationFormat.Number(value);
            }

            switch (format)
            {
                case ValueFormat.UnsignedMilliseconds:
                case ValueFormat.GoUintMilliseconds:
                case ValueFormat.Int32Milliseconds:
                case ValueFormat.AtoiMilliseconds:
                case ValueFormat.ExactInt64Milliseconds:
                    return DurationFormat.Milliseconds(value);
                case ValueFormat.IntegerSeconds:
                case ValueFormat.PythonIntSeconds:
                case ValueFormat.ExactInt64Seconds:
                    return DurationFormat.Seconds(value);
                case ValueFormat.TimeSpan:
                    return DisplayTimeSpan(value);
                default:
                    return DisplayDuration(value);
            }
        }

        private static readonly (decimal Unit, string Method)[] TimeSpanUnits =
        {
            (86_400_000_000_000m, "FromDays"), (3_600_000_000_000m, "FromHours"), (60_000_000_000m, "FromMinutes"),
            (Duration.NanosPerSecond, "FromSeconds"), (Duration.NanosPerMillisecond, "FromMilliseconds"),
        };

        /// <summary>
        /// A duration as C# writes a TimeSpan: <c>TimeSpan.FromMinutes(20)</c> in the largest unit that keeps it whole,
        /// <c>TimeSpan.MaxValue</c>, <c>Timeout.InfiniteTimeSpan</c>; beyond TimeSpan's range (a sum of large values) it says so.
        /// </summary>
        public static string DisplayTimeSpan(decimal nanoseconds)
        {
            decimal max = long.MaxValue * 100m;
            if (nanoseconds == max)
            {
                return "TimeSpan.MaxValue";
            }

            if (nanoseconds > max || nanoseconds < -max)
            {
                return nanoseconds > 0 ? "more than TimeSpan.MaxValue" : "less than TimeSpan.MinValue";
            }

            if (nanoseconds == -Duration.NanosPerMillisecond)
            {
                return "Timeout.InfiniteTimeSpan";
            }

            if (nanoseconds == 0m)
            {
                return "TimeSpan.Zero";
            }

            foreach ((decimal unit, string method) in TimeSpanUnits)
            {
                if (nanoseconds % unit == 0m)
                {
                    return "TimeSpan." + method + "(" + DurationFormat.Number(nanoseconds / unit) + ")";
                }
            }

            return "TimeSpan.FromMilliseconds(" + DurationFormat.Number(decimal.Round(nanoseconds / Duration.NanosPerMillisecond, 4)) + ")";
        }

        /// <summary>A duration in Go syntax, with sub-nanosecond fractions rounded away.</summary>
        public static string DisplayDuration(decimal nanoseconds)
        {
            decimal rounded = decimal.Round(nanoseconds, 0, MidpointRounding.AwayFromZero);
            return Duration.FromDecimalNanoseconds(rounded)?.ToString() ?? DurationFormat.Seconds(nanoseconds);
        }

        private static ParseResult<SettingValue> Wrap(ParseResult<Duration> r) =>
            r.Value is Duration d ? ParseResult<SettingValue>.Ok(SettingValue.Of(d)) : ParseResult<SettingValue>.Fail(r.Error!);

        private static string? Whole(decimal nanoseconds, long unit)
        {
            decimal v = nanoseconds / unit;
            return v == decimal.Truncate(v) ? DurationFormat.Number(v) : null;
        }
    }
}
