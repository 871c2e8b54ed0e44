using ElectionLint.Rules.Model;
using ElectionLint.Rules.Timing;
using Xunit;

namespace ElectionLint.Rules.Tests
{
    public class DurationTests
    {
        [Theory]
        [InlineData("500", 500_000_000L)]
        [InlineData("+10s", 10_000_000_000L)]
        [InlineData("10S", 10_000_000_000L)]
        [InlineData("2m", 120_000_000_000L)]
        [InlineData("1d", 86_400_000_000_000L)]
        [InlineData("7us", 7_000L)]
        [InlineData("3ns", 3L)]
        [InlineData("PT10S", 10_000_000_000L)]
        [InlineData("PT0.5s", 500_000_000L)]
        [InlineData("P1DT2H", 93_600_000_000_000L)]
        [InlineData("-PT-1.5S", 1_500_000_000L)]
        public void Spring_durations_parse_as_spring_boot_reads_them(string text, long nanoseconds)
        {
            Assert.Equal(nanoseconds, DurationParser.Spring(text, Duration.NanosPerMillisecond).Value!.Value.Nanoseconds);
        }

        [Theory]
        [InlineData("1.5s", "\"1.5s\" is not a Spring duration (a whole number with ns, us, ms, s, m, h or d, or ISO 8601 such as PT10S)")]
        [InlineData("pt10s", "\"pt10s\" is not a Spring duration (a whole number with ns, us, ms, s, m, h or d, or ISO 8601 such as PT10S)")]
        [InlineData("PT", "\"PT\" is not a Spring duration (a whole number with ns, us, ms, s, m, h or d, or ISO 8601 such as PT10S)")]
        [InlineData("10 s", "\"10 s\" is not a Spring duration (a whole number with ns, us, ms, s, m, h or d, or ISO 8601 such as PT10S)")]
        [InlineData("10w", "unknown unit \"w\" in \"10w\" (Spring reads ns, us, ms, s, m, h, d)")]
        [InlineData("99999999999999999999d", "\"99999999999999999999d\" is too large")]
        public void Bad_spring_durations_say_why(string text, string error)
        {
            Assert.Equal(error, DurationParser.Spring(text, Duration.NanosPerMillisecond).Error);
        }

        [Theory]
        [InlineData("150ms", 150_000_000L)]
        [InlineData("1.5s", 1_500_000_000L)]
        [InlineData("1m30s", 90_000_000_000L)]
        [InlineData("-1s", -1_000_000_000L)]
        [InlineData("+2h", 7_200_000_000_000L)]
        [InlineData("0", 0L)]
        [InlineData("1µs", 1_000L)]
        [InlineData("1μs", 1_000L)]
        [InlineData("1us", 1_000L)]
        [InlineData(".5s", 500_000_000L)]
        [InlineData("1.s", 1_000_000_000L)]
        [InlineData("2562047h47m16.854775807s", long.MaxValue)]
        [InlineData("1.0000000019s", 1_000_000_001L)]
        public void Go_durations_parse_exactly(string text, long nanoseconds)
        {
            Assert.Equal(nanoseconds, DurationParser.Go(text).Value!.Value.Nanoseconds);
        }

        [Theory]
        [InlineData("", "empty duration")]
        [InlineData("15", "missing unit in duration \"15\" (write e.g. \"15s\")")]
        [InlineData("1x", "unknown unit \"x\" in duration \"1x\"")]
        [InlineData("s", "invalid duration \"s\"")]
        [InlineData("-", "invalid duration \"-\"")]
        [InlineData("2562047h47m16.854775808s", "invalid duration \"2562047h47m16.854775808s\": too large")]
        [InlineData("99999999999999999999999h", "invalid duration \"99999999999999999999999h\": too large")]
        public void Bad_go_durations_say_why(string text, string error)
        {
            Assert.Equal(error, DurationParser.Go(text).Error);
        }

        [Theory]
        [InlineData(0L, "0s")]
        [InlineData(1L, "1ns")]
        [InlineData(1_500L, "1.5µs")]
        [InlineData(150_000_000L, "150ms")]
        [InlineData(2_400_000_000L, "2.4s")]
        [InlineData(90_000_000_000L, "1m30s")]
        [InlineData(3_600_000_000_000L, "1h")]
        [InlineData(60_000_000_000L, "1m")]
        [InlineData(5_400_000_000_000L, "1h30m")]
        [InlineData(3_601_000_000_000L, "1h1s")]
        [InlineData(-1_000_000_000L, "-1s")]
        [InlineData(long.MinValue, "-2562047h47m16.854775808s")]
        public void Go_format_matches_time_Duration_String(long nanoseconds, string text)
        {
            Assert.Equal(text, new Duration(nanoseconds).ToString());
        }

        [Theory]
        [InlineData("00:00:15", 15_000_000_000L)]
        [InlineData("1.02:00:00", 93_600_000_000_000L)]
        [InlineData("00:00:00.5", 500_000_000L)]
        [InlineData("15", 1_296_000_000_000_000L)] // .NET reads a bare number as days
        public void DotNet_timespans_parse_like_the_options_binder(string text, long nanoseconds)
        {
            Assert.Equal(nanoseconds, DurationParser.DotNet(text).Value!.Value.Nanoseconds);
        }

        [Theory]
        [InlineData("PT15S", 15_000_000_000L)]
        [InlineData("PT1M30S", 90_000_000_000L)]
        [InlineData("P1DT2H", 93_600_000_000_000L)]
        public void Iso8601_durations_parse(string text, long nanoseconds)
        {
            Assert.Equal(nanoseconds, DurationParser.Iso8601(text).Value!.Value.Nanoseconds);
        }

        [Theory]
        [InlineData("120s", 120_000_000_000L)]
        [InlineData("120 s", 120_000_000_000L)]
        [InlineData("2 minutes", 120_000_000_000L)]
        [InlineData("500", 500_000_000L)]
        [InlineData("1.5 hours", 5_400_000_000_000L)]
        public void Hocon_durations_parse_like_akka(string text, long nanoseconds)
        {
            Assert.Equal(nanoseconds, DurationParser.Hocon(text).Value!.Value.Nanoseconds);
        }

        [Theory]
        [InlineData("150ms", null, 150_000_000L)]
        [InlineData("00:00:10", null, 10_000_000_000L)]
        [InlineData("PT10S", null, 10_000_000_000L)]
        [InlineData("250", 1_000_000L, 250_000_000L)]
        [InlineData("1.5", 1_000_000_000L, 1_500_000_000L)]
        public void Flexible_durations_accept_every_profile_syntax(string text, long? unit, long nanoseconds)
        {
            Assert.Equal(nanoseconds, DurationParser.Flexible(text, unit).Value!.Value.Nanoseconds);
        }

        [Fact]
        public void Flexible_bare_number_without_unit_is_an_error()
        {
            Assert.Equal("\"250\" has no unit (write e.g. \"250ms\" or \"250s\")", DurationParser.Flexible("250").Error);
        }

        [Theory]
        [InlineData(ValueFormat.UnsignedMilliseconds, "100", true)]
        [InlineData(ValueFormat.UnsignedMilliseconds, "-100", false)]
        [InlineData(ValueFormat.UnsignedMilliseconds, "1e3", false)]
        [InlineData(ValueFormat.UnsignedMilliseconds, "1s", false)]
        [InlineData(ValueFormat.Int32Milliseconds, "-1", true)]
        [InlineData(ValueFormat.Int32Milliseconds, "2147483648", false)]
        [InlineData(ValueFormat.Int32Milliseconds, "2147483647", true)]
        [InlineData(ValueFormat.Decimal, "0.5", true)]
        [InlineData(ValueFormat.Boolean, "True", true)]
        [InlineData(ValueFormat.Boolean, "yes", false)]
        public void System_formats_accept_what_the_system_accepts(ValueFormat format, string text, bool ok)
        {
            Assert.Equal(ok, SettingValues.Parse(format, text).Success);
        }

        [Theory]
        [InlineData(1_500_000_000L, ValueFormat.GoDuration, "1.5s")]
        [InlineData(1_000_000_000L, ValueFormat.UnsignedMilliseconds, "1000")]
        [InlineData(1_500_000L, ValueFormat.IntegerSeconds, null)]
        [InlineData(90_000_000_000L, ValueFormat.HoconDuration, "90s")]
        [InlineData(1_500_000L, ValueFormat.HoconDuration, null)]
        [InlineData(15_000_000_000L, ValueFormat.TimeSpan, "00:00:15")]
        public void Values_are_written_back_in_the_format_or_not_at_all(long nanoseconds, ValueFormat format, string? text)
        {
            Assert.Equal(text, SettingValues.Write(nanoseconds, format));
        }

        [Fact]
        public void CanWrite_says_whether_Write_gives_a_text_in_every_format()
        {
            decimal[] values = { 0m, 1m, 0.5m, 999_999m, 1_000_000m, 1_500_000m, 100m, 1_000_000_000m, 1.5e9m, 9_223_372_036_854_775_807m, 9_223_372_036_854_775_808m, -1m, -2_000_000m, decimal.MaxValue, 1e-20m };
            long?[] units = { null, 1L, 1_000_000L, 1_000_000_000L };
            foreach (ValueFormat format in System.Enum.GetValues<ValueFormat>())
            {
                foreach (decimal value in values)
                {
                    foreach (long? unit in units)
                    {
                        Assert.True(SettingValues.Write(value, format, unit) != null == SettingValues.CanWrite(value, format, unit), $"{format} {value} {unit}");
                    }
                }
            }
        }

        [Fact]
        public void One_point_two_times_two_seconds_is_exactly_two_point_four()
        {
            decimal retry = DurationParser.Go("2s").Value!.Value.Nanoseconds;
            decimal renew = DurationParser.Go("2.4s").Value!.Value.Nanoseconds;
            Assert.Equal(renew, 1.2m * retry);
        }
    }
}
