namespace ElectionLint.Rules.Timing
{
    /// <summary>A parsed value or the reason it could not be parsed.</summary>
    public readonly struct ParseResult<T>
        where T : struct
    {
        private ParseResult(T? value, string? error)
        {
            Value = value;
            Error = error;
        }

        public T? Value { get; }

        public string? Error { get; }

        public bool Success => Value.HasValue;

        public static ParseResult<T> Ok(T value) => new ParseResult<T>(value, null);

        public static ParseResult<T> Fail(string error) => new ParseResult<T>(null, error);
    }
}
