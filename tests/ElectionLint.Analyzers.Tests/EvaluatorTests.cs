using System.Threading.Tasks;
using Xunit;

namespace ElectionLint.Analyzers.Tests
{
    /// <summary>What the static evaluator folds, and the unknown cases that must stay silent.</summary>
    public class EvaluatorTests
    {
        private static Task Check(string members, string body) => Verify.DiagnosticsAsync(
            Verify.Usings + "class C {\n" + members + "\nvoid M(ILock l, TimeSpan p, int n) {\n" + body + "\n} static TimeSpan F() => TimeSpan.FromSeconds(1); }");

        [Theory]
        [InlineData("", "TimeSpan.FromSeconds(10)")]
        [InlineData("", "TimeSpan.FromMilliseconds(10000)")]
        [InlineData("", "TimeSpan.FromMinutes(1.0 / 6)")]
        [InlineData("", "TimeSpan.FromTicks(100_000_000)")]
        [InlineData("", "TimeSpan.FromSeconds(5) + TimeSpan.FromSeconds(5)")]
        [InlineData("", "TimeSpan.FromSeconds(20) - TimeSpan.FromSeconds(10)")]
        [InlineData("", "TimeSpan.FromSeconds(5) * 2")]
        [InlineData("", "TimeSpan.FromSeconds(20) / 2")]
        [InlineData("", "new TimeSpan(0, 0, 10)")]
        [InlineData("", "new TimeSpan(100_000_000)")]
        [InlineData("", "TimeSpan.FromSeconds(2 * 5)")]
        [InlineData("const int Seconds = 10;", "TimeSpan.FromSeconds(Seconds)")]
        [InlineData("static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);", "Lease")]
        [InlineData("static readonly TimeSpan Base = TimeSpan.FromSeconds(5); static readonly TimeSpan Lease = Base * 2;", "Lease")]
        [InlineData("", "Other.Lease")]
        [InlineData("", "TimeSpan.FromSeconds(Other.Ten)")]
        public Task Folds_to_ten_seconds(string members, string expression) => Check(
            members,
            $"var c = new LeaderElectionConfig(l) {{ LeaseDuration = {{|EL1010:{expression}|}} }};");

        [Fact]
        public Task Single_assignment_local_is_folded() => Check(string.Empty,
            "var lease = TimeSpan.FromSeconds(10);\nvar c = new LeaderElectionConfig(l) { LeaseDuration = {|EL1010:lease|} };");

        [Fact]
        public Task Zero_and_infinite_are_known() => Check(string.Empty,
            "var a = new LeaderElectionConfig(l) { RetryPeriod = {|EL1012:TimeSpan.Zero|} };\nvar b = new LeaderElectionConfig(l) { RetryPeriod = {|EL1012:Timeout.InfiniteTimeSpan|} };");

        [Theory]
        [InlineData("p")]
        [InlineData("F()")]
        [InlineData("TimeSpan.FromSeconds(n)")]
        [InlineData("DateTime.Now - DateTime.Today")]
        [InlineData("TimeSpan.Parse(\"00:00:10\")")]
        public Task Unknown_values_stay_silent(string expression) => Check(string.Empty,
            $"var c = new LeaderElectionConfig(l) {{ LeaseDuration = {expression} }};");

        [Fact]
        public Task Local_assigned_twice_is_unknown() => Check(string.Empty,
            "var lease = TimeSpan.FromSeconds(10);\nif (n > 0) lease = TimeSpan.FromSeconds(30);\nvar c = new LeaderElectionConfig(l) { LeaseDuration = lease };");

        [Fact]
        public Task Conditional_assignment_is_unknown() => Check(string.Empty,
            "var c = new LeaderElectionConfig(l);\nif (n > 0) { c.LeaseDuration = TimeSpan.FromSeconds(10); }");

        [Fact]
        public Task Later_assignment_overrides_the_initializer() => Check(string.Empty,
            "var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(10) };\nc.LeaseDuration = TimeSpan.FromSeconds(15);");

        [Fact]
        public Task Reassigned_local_stops_the_scan() => Check(string.Empty,
            "var c = new LeaderElectionConfig(l);\nc = new LeaderElectionConfig(l);\nc.LeaseDuration = TimeSpan.FromSeconds(10);");

        [Theory]
        [InlineData("(int)TimeSpan.FromSeconds(5).TotalMilliseconds")]
        [InlineData("(int)TimeSpan.FromMinutes(1.0 / 12).TotalMilliseconds")]
        [InlineData("(int)(TimeSpan.FromSeconds(5).TotalSeconds * 1000)")]
        [InlineData("(int)(TimeSpan.FromMilliseconds(5000.9).TotalMilliseconds)")]
        public Task TimeSpan_totals_fold_to_numbers(string expression) => Check(string.Empty,
            $"var c = new ConsumerConfig {{ SessionTimeoutMs = {{|EL1021:{expression}|}} }};");

        [Theory]
        [InlineData("TimeSpan.FromSeconds(5).Milliseconds")]
        [InlineData("(int)p.TotalMilliseconds")]
        [InlineData("(int)TimeSpan.FromMilliseconds(9000.5).TotalMilliseconds")]
        public Task TimeSpan_components_and_unknown_spans_stay_silent(string expression) => Check(string.Empty,
            $"var c = new ConsumerConfig {{ SessionTimeoutMs = {expression} }};");

        [Fact]
        public Task Nullable_null_means_unset() => Check(string.Empty,
            "var c = new ConsumerConfig { SessionTimeoutMs = null, HeartbeatIntervalMs = 3000 };");
    }
}
