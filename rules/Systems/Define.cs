using ElectionLint.Rules.Model;
using ElectionLint.Rules.Timing;

namespace ElectionLint.Rules.Systems
{
    /// <summary>Short constructors for the settings of the system files.</summary>
    internal static class Define
    {
        public static Quantity Q(string setting) => Quantity.Of(setting);

        public static Term T(decimal coefficient, string setting, string? multiplier = null) => new Term(coefficient, setting, multiplier);

        public static Term Rtt(decimal coefficient) => new Term(coefficient, rtt: true);

        public static Quantity Constant(decimal value) => new Quantity(DurationFormat.Number(value), new Term(value));

        public static SettingDefinition UnsignedMs(string id, SettingRole role, long? defaultMs) => new SettingDefinition(id, role, ValueFormat.UnsignedMilliseconds)
        {
            Default = defaultMs is long d ? Quantity.Constant(Duration.FromMilliseconds(d)) : null,
            Granularity = Duration.NanosPerMillisecond,
            Maximum = (decimal)uint.MaxValue * Duration.NanosPerMillisecond,
        };

        public static SettingDefinition Int32Ms(string id, SettingRole role, long? defaultMs) => new SettingDefinition(id, role, ValueFormat.Int32Milliseconds)
        {
            Default = defaultMs is long d ? Quantity.Constant(Duration.FromMilliseconds(d)) : null,
            Granularity = Duration.NanosPerMillisecond,
            Maximum = (decimal)int.MaxValue * Duration.NanosPerMillisecond,
        };

        public static SettingDefinition Int32Seconds(string id, SettingRole role, long? defaultSeconds) => new SettingDefinition(id, role, ValueFormat.IntegerSeconds)
        {
            Default = defaultSeconds is long d ? Quantity.Constant(Duration.FromSeconds(d)) : null,
            Granularity = Duration.NanosPerSecond,
            Maximum = (decimal)int.MaxValue * Duration.NanosPerSecond,
        };

        public static SettingDefinition Go(string id, SettingRole role, Duration? @default) => new SettingDefinition(id, role, ValueFormat.GoDuration)
        {
            Default = @default is Duration d ? Quantity.Constant(d) : null,
            Granularity = 1m,
        };

        public static SettingDefinition TimeSpan(string id, SettingRole role, Duration? @default) => new SettingDefinition(id, role, ValueFormat.TimeSpan)
        {
            Default = @default is Duration d ? Quantity.Constant(d) : null,
            Granularity = Duration.NanosPerTick,
        };

        public static SettingDefinition Count(string id, long? @default) => new SettingDefinition(id, SettingRole.Count, ValueFormat.Int32)
        {
            Default = @default is long d ? Quantity.Constant(d) : null,
            Granularity = 1m,
            Maximum = int.MaxValue,
        };

        public static SettingDefinition Switch(string id, bool @default) => new SettingDefinition(id, SettingRole.Switch, ValueFormat.Boolean)
        {
            Default = Quantity.Constant(@default ? 1m : 0m),
        };

        public static Duration Ms(long ms) => Duration.FromMilliseconds(ms);

        public static Duration Sec(long s) => Duration.FromSeconds(s);
    }
}
