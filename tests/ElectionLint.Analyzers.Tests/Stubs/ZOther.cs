// Not a library stub: constants in another file, for the evaluator's cross-file tests.
using System;

public static class Other
{
    public const int Ten = 10;
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(Ten);
}
