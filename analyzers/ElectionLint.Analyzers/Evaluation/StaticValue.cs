namespace ElectionLint.Analyzers.Evaluation
{
    /// <summary>A value known at compile time: a number (TimeSpan values in nanoseconds), a string, or null.</summary>
    public readonly struct StaticValue
    {
        private StaticValue(decimal number, string? text, bool isTimeSpan, bool isNull)
        {
            Number = number;
            Text = text;
            IsTimeSpan = isTimeSpan;
            IsNull = isNull;
        }

        public decimal Number { get; }

        public string? Text { get; }

        /// <summary>True when <see cref="Number"/> is a TimeSpan in nanoseconds.</summary>
        public bool IsTimeSpan { get; }

        /// <summary>The null literal (an int? or TimeSpan? set to null: the setting is unset).</summary>
        public bool IsNull { get; }

        public static StaticValue Of(decimal number) => new StaticValue(number, null, false, false);

        public static StaticValue OfTimeSpan(decimal nanoseconds) => new StaticValue(nanoseconds, null, true, false);

        public static StaticValue OfText(string text) => new StaticValue(0m, text, false, false);

        public static StaticValue Null => new StaticValue(0m, null, false, true);
    }
}
