using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ElectionLint.Analyzers.Tests
{
    /// <summary>
    /// Review csharp-real D3: a library's own tests build refused configurations on purpose, inside assertions that expect
    /// the exception; an error there failed their build and the code fix made the test fail. The assertion types are
    /// written here with the frameworks' shapes (matched by the call's name, as the analyzer reads them).
    /// </summary>
    public class ExpectedFailureTests
    {
        private const string Frameworks =
            "static class Assert { public static T Throws<T>(Action a) where T : Exception => null!; public static Task<T> ThrowsAsync<T>(Func<Task> a) where T : Exception => null!; public static void That(TestDelegate d, object c) { } }\n" +
            "delegate void TestDelegate();\n" +
            "static class Throws { public static object TypeOf<T>() => null!; }\n" +
            "static class FluentActions { public static Action Invoking(Action a) => a; }\n" +
            "static class Assertions { public static Assertions2 Should(this Action a) => null!; }\n" +
            "class Assertions2 { public void Throw<T>() { } }\n";

        private const string Refused = "new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(10), RenewDeadline = TimeSpan.FromSeconds(10) }";

        [Theory]
        [InlineData("Assert.Throws<ArgumentException>(() => " + Refused + ");")]
        [InlineData("Assert.Throws<ArgumentException>(() => { var c = " + Refused + "; });")]
        [InlineData("await Assert.ThrowsAsync<ArgumentException>(async () => { await Task.Yield(); _ = " + Refused + "; });")]
        [InlineData("Assert.That(() => { _ = " + Refused + "; }, Throws.TypeOf<ArgumentException>());")]
        [InlineData("FluentActions.Invoking(() => { _ = " + Refused + "; }).Should().Throw<ArgumentException>();")]
        [InlineData("Action act = () => { _ = " + Refused + "; };\nact.Should().Throw<ArgumentException>();")]
        [InlineData("Action act;\nact = () => { _ = " + Refused + "; };\nAssert.Throws<ArgumentException>(act);")]
        [InlineData("Func<Task> act = async () => { await Task.Yield(); _ = " + Refused + "; };\nawait Assert.ThrowsAsync<ArgumentException>(act);")]
        public async Task A_refused_configuration_inside_an_assertion_that_expects_the_exception_is_an_info_without_a_fix(string statement)
        {
            ImmutableArray<Diagnostic> diagnostics = await Verify.Analyzer().RunAsync(
                Verify.Usings + "using System.Threading.Tasks;\n" + Frameworks + "class C { async Task M(ILock l) { " + statement + " } }");
            Diagnostic d = Assert.Single(diagnostics, x => x.Id == "EL1010");
            Assert.Equal(DiagnosticSeverity.Info, d.Severity);
            Assert.Equal("0", d.Properties[TimingAnalyzer.RepairCount]);
        }

        [Fact]
        public async Task The_same_configuration_outside_an_assertion_keeps_its_severity_and_its_fix()
        {
            ImmutableArray<Diagnostic> diagnostics = await Verify.Analyzer().RunAsync(
                Verify.Usings + "using System.Threading.Tasks;\n" + Frameworks + "class C { void M(ILock l) { var c = " + Refused + "; Assert.Throws<ArgumentException>(() => { }); } }");
            Diagnostic d = Assert.Single(diagnostics, x => x.Id == "EL1010");
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity); // kubernetes-client/csharp accepts it (issue 29 item 4)
            Assert.NotEqual("0", d.Properties[TimingAnalyzer.RepairCount]);
        }

        [Fact]
        public async Task A_lambda_asserted_to_throw_elsewhere_or_never_is_not_purposeful()
        {
            ImmutableArray<Diagnostic> diagnostics = await Verify.Analyzer().RunAsync(
                Verify.Usings + "using System.Threading.Tasks;\n" + Frameworks +
                "class C { void M(ILock l) { Action act = () => { _ = " + Refused + "; };\nact();\nAction other = () => { };\nother.Should().Throw<ArgumentException>(); } }");
            Diagnostic d = Assert.Single(diagnostics, x => x.Id == "EL1010");
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        }

        [Fact]
        public async Task Consul_refusing_the_retry_time_is_an_error_outside_an_assertion_and_an_info_inside_one()
        {
            const string Lock = "new LockOptions(\"k\") { LockRetryTime = TimeSpan.FromMilliseconds(100) }";
            ImmutableArray<Diagnostic> diagnostics = await Verify.Analyzer().RunAsync(
                Verify.Usings + "using System.Threading.Tasks;\n" + Frameworks + "class C { void M() { var a = " + Lock + ";\nAssert.Throws<ArgumentOutOfRangeException>(() => " + Lock + "); } }");
            Assert.Equal(new[] { DiagnosticSeverity.Error, DiagnosticSeverity.Info }, diagnostics.Where(x => x.Id == "EL1052").OrderBy(x => x.Location.SourceSpan.Start).Select(x => x.Severity));
        }
    }
}
