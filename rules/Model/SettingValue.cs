using ElectionLint.Rules.Timing;

namespace ElectionLint.Rules.Model
{
    /// <summary>
    /// A setting's value. Durations are exact nanoseconds, counts and fractions exact decimals, words text;
    /// booleans are 1 and 0.
    /// </summary>
    public readonly struct SettingValue
    {
        private SettingValue(decimal number, string? text)
        {
            Number = number;
            Text = text;
        }

        /// <summary>Nanoseconds for durations, the number otherwise.</summary>
        public decimal Number { get; }

        /// <summary>The word, for text settings.</summary>
        public string? Text { get; }

        public static SettingValue Of(Duration d) => new SettingValue(d.Nanoseconds, null);

        public static SettingValue Of(decimal number) => new SettingValue(number, null);

        public static SettingValue Of(bool value) => new SettingValue(value ? 1m : 0m, null);

        public static SettingValue OfText(string text) => new SettingValue(0m, text);

        public override string ToString() => Text ?? DurationFormat.Number(Number);
    }
}
