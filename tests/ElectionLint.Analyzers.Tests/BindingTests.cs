using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace ElectionLint.Analyzers.Tests
{
    /// <summary>Every bound type and every way a setting arrives, with exact spans.</summary>
    public class BindingTests
    {
        private static Task Check(string body) => Verify.DiagnosticsAsync(Verify.Usings + "class C { void M(ILock l, k8s.IKubernetes k, Microsoft.Extensions.DependencyInjection.IServiceCollection services, BlobLeaseClient lease) {\n" + body + "\n} }");

        [Fact]
        public Task K8s_object_initializer() => Check(
            "var c = new LeaderElectionConfig(l) { LeaseDuration = {|EL1010:TimeSpan.FromSeconds(10)|}, RenewDeadline = TimeSpan.FromSeconds(10) };");

        [Fact]
        public Task K8s_later_assignment_to_the_same_local() => Check(
            "var c = new LeaderElectionConfig(l);\nc.RetryPeriod = TimeSpan.FromSeconds(2);\nc.RenewDeadline = {|EL1011:TimeSpan.FromSeconds(2)|};");

        [Fact]
        public Task K8s_defaults_are_clean() => Check("var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(15) };");

        [Fact]
        public Task Kafka_properties_and_set() => Check(
            "var c = new ConsumerConfig { HeartbeatIntervalMs = {|EL1020:50000|} };\n" +
            "var d = new ConsumerConfig { MaxPollIntervalMs = {|EL1022:10000|} };\n" +
            "var e = new ConsumerConfig();\ne.Set(\"session.timeout.ms\", {|EL1021:\"3000\"|});");

        [Fact]
        public Task Kafka_consumer_protocol_rejects_session_settings() => Check(
            "var c = new ConsumerConfig { GroupProtocol = GroupProtocol.Consumer, SessionTimeoutMs = {|EL1023:10000|} };");

        [Fact]
        public Task DotNext_node_configuration_subclass_and_election_timeout() => Check(
            "var t = new RaftCluster.TcpConfiguration(new System.Net.IPEndPoint(0, 0)) { ConfigurationStorage = null!, UpperElectionTimeout = {|EL1040:100|} };\n" +
            "var e = new ElectionTimeout { LowerValue = 150, UpperValue = {|EL2040:200|} };");

        [Fact]
        public Task DotNext_aspnet_threshold_has_no_upper_bound() => Check(
            "var m = new DotNext.Net.Cluster.Consensus.Raft.Http.HttpClusterMemberConfiguration { HeartbeatThreshold = {|EL2001:1.0|} };");

        [Fact]
        public Task Orleans_configure_lambda() => Check(
            "services.Configure<ClusterMembershipOptions>(o => { o.NumProbedSilos = 3; o.NumVotesForDeathDeclaration = {|EL1080:4|}; });");

        [Fact]
        public Task Orleans_add_options_configure_expression_lambda() => Check(
            "services.AddOptions<ClusterMembershipOptions>().Configure(o => o.NumVotesForDeathDeclaration = {|EL1080:0|});");

        [Fact]
        public Task Consul_session_ttl() => Check(
            "var s = new SessionEntry { TTL = {|EL1050:TimeSpan.FromSeconds(5)|} };\nvar o = new LockOptions(\"k\") { SessionTTL = {|EL1050:TimeSpan.FromHours(25)|} };");

        [Fact]
        public Task Azure_lease_duration_argument() => Check(
            "lease.Acquire({|EL1060:TimeSpan.FromSeconds(90)|});\nlease.AcquireAsync({|EL1060:TimeSpan.FromSeconds(10)|});\nlease.Acquire(BlobLeaseClient.InfiniteLeaseDuration);\n" +
            // The SDK sends Convert.ToInt64(TotalSeconds): 14.5 → 14 (rejected), 15.5 → 16, 60.5 → 60.
            "lease.Acquire({|EL1060:TimeSpan.FromSeconds(14.5)|});\nlease.Acquire(TimeSpan.FromSeconds(15.5));\nlease.Acquire(TimeSpan.FromSeconds(60.5));");

        [Fact]
        public Task Akka_timeout_settings_constructor() => Check(
            "var t = new TimeoutSettings({|EL1070:TimeSpan.FromSeconds(60)|}, TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(5));");

        // Review A1–A3: overflowing values are unknown (no AD0001, which the harness reports as an unexpected diagnostic).
        [Fact]
        public Task A_TimeSpan_beyond_its_range_is_unknown() => Check(
            "var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromDays(1e20) };");

        [Fact]
        public Task A_huge_cast_constant_is_unknown() => Check(
            "double huge = 1e28; var c = new ConsumerConfig { SessionTimeoutMs = (int)huge };");

        [Fact]
        public Task A_huge_fraction_is_judged_by_its_range_only() => Check(
            "var m = new DotNext.Net.Cluster.Consensus.Raft.Http.HttpClusterMemberConfiguration { HeartbeatThreshold = 1e28 };");

        [Fact]
        public async Task Analysis_time_is_linear_in_the_size_of_a_method()
        {
            // Review A6: analyzer time was quadratic in method size (5,000 creations: 11.1 s, 10,000: 35.7 s). Compared
            // within one run: 4× the creations cost about 4× (quadratic would be 16×); the bound leaves room for noise.
            TimeSpan small = await AnalyzerTime(1000);
            TimeSpan large = await AnalyzerTime(4000);
            double ratio = large.TotalMilliseconds / Math.Max(1, small.TotalMilliseconds);
            Assert.True(ratio < 8, $"4× the creations took {ratio:F1}× the analyzer time ({small.TotalMilliseconds:F0} ms → {large.TotalMilliseconds:F0} ms)");
        }

        [Fact]
        public async Task Later_statements_are_read_for_every_local_of_a_block_of_many()
        {
            // The first 16 names of a block are searched in its text, the rest in an index of its identifiers: both find
            // the later assignment (session 6000 over heartbeat 1000 is 6×; at the default heartbeat 3000 it would be EL2001).
            string body = string.Concat(Enumerable.Range(0, 24).Select(i => $"var c{i} = new ConsumerConfig {{ SessionTimeoutMs = 6000 }};\n")) +
                "System.Console.WriteLine(\"c1 c2 c3\"); // c4\n" +
                string.Concat(Enumerable.Range(0, 24).Select(i => i % 2 == 0 ? $"c{i}.HeartbeatIntervalMs = 1000;\n" : $"if (c{i} != null) {{ c{i}.HeartbeatIntervalMs = 1000; }}\n"));
            var diagnostics = await Verify.Analyzer().RunAsync(Verify.Usings + "class C { void M() {\n" + body + "} }");
            Assert.DoesNotContain(diagnostics, d => d.Id == "EL2001");
            Assert.Empty(diagnostics.Where(d => d.Id.StartsWith("EL9", StringComparison.Ordinal)));
        }

        [Theory]
        // Session 6000 ms over the default heartbeat 3000 is 2× (EL2001); over 1000 it is 6×. Each creation the local may hold
        // takes the later statements.
        [InlineData("ConsumerConfig c = b ? new() : new() { HeartbeatIntervalMs = 1000 };")]
        [InlineData("ConsumerConfig c = b ? new ConsumerConfig() : new ConsumerConfig { HeartbeatIntervalMs = 1000 };")]
        [InlineData("var c = given ?? new ConsumerConfig();")]
        public async Task A_local_that_holds_one_of_several_creations_reads_its_later_statements_for_each(string declaration)
        {
            var diagnostics = await Verify.Analyzer().RunAsync(Verify.Usings +
                "class C { void M(bool b, ConsumerConfig given) {\n" + declaration + "\nc.SessionTimeoutMs = 6000;\n} }");
            Diagnostic d = Assert.Single(diagnostics);
            Assert.Equal("EL2001", d.Id);
            Assert.Equal("6000", d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
        }

        private static async Task<TimeSpan> AnalyzerTime(int creations)
        {
            string body = string.Concat(Enumerable.Range(0, creations).Select(i => $"var c{i} = new ConsumerConfig {{ SessionTimeoutMs = {6000 + i}, HeartbeatIntervalMs = 3000 }};\n"));
            var analyzer = new TimingAnalyzer();
            var run = Verify.Analyzer().Compile(Verify.Usings + "class C { void M() {\n" + body + "} }").WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            ImmutableArray<Diagnostic> diagnostics = await run.GetAnalyzerDiagnosticsAsync();
            Assert.Equal(Math.Min(creations, 3000), diagnostics.Count(d => d.Id == "EL2001")); // session ÷ heartbeat below 3 for the first 3,000
            return (await run.GetAnalyzerTelemetryInfoAsync(analyzer, default)).ExecutionTime;
        }

        [Fact]
        public async Task Messages_name_members_and_defaults()
        {
            var diagnostics = await Verify.Analyzer().RunAsync(Verify.Usings + "class C { void M(ILock l) { var c = new LeaderElectionConfig(l) { RenewDeadline = TimeSpan.FromSeconds(2) }; } }");
            var d = diagnostics.Single(x => x.Id == "EL1011");
            Assert.Equal("RenewDeadline TimeSpan.FromSeconds(2) is not greater than 1.2 × RetryPeriod TimeSpan.FromSeconds(2) (default) = TimeSpan.FromMilliseconds(2400); kubernetes-client/csharp accepts it, but a jittered retry can miss the deadline and drop leadership — set RenewDeadline to TimeSpan.FromSeconds(10)", d.GetMessage());
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity); // the C# LeaderElector validates nothing
            Assert.Equal("https://github.com/electionlint/electionlint/blob/main/docs/rules/EL1011.md", d.Descriptor.HelpLinkUri);
            Assert.Equal("10000000000", d.Properties["Repair0.0.Value"]);
            Assert.Equal("1", d.Properties["Repair0.Count"]);
        }

        [Fact]
        public async Task A_sub_second_lease_is_an_error()
        {
            // kubernetes-client/csharp LeaderElectionTests: the record stores (int)0.5 = 0 s (review D3, D6)
            var diagnostics = await Verify.Analyzer().RunAsync(Verify.Usings +
                "class C { void M(ILock l) { var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromMilliseconds(500), RenewDeadline = TimeSpan.FromMilliseconds(300), RetryPeriod = TimeSpan.FromMilliseconds(200) }; } }");
            Diagnostic stored = diagnostics.Single(x => x.Id == "EL2050");
            Assert.Equal(DiagnosticSeverity.Error, stored.Severity);
            Assert.Contains("the lease record stores 0 s, so every other candidate takes the lease at once", stored.GetMessage());
            // Issue #23: client-go's ratio is renewDeadline ÷ retryPeriod (1.5 renewal attempts here), reported at RenewDeadline.
            Diagnostic ratio = diagnostics.Single(x => x.Id == "EL2001");
            Assert.NotEqual(stored.Location, ratio.Location);
            Assert.StartsWith("RenewDeadline ", ratio.GetMessage());
        }

        [Fact]
        public async Task Related_setting_is_an_additional_location()
        {
            var diagnostics = await Verify.Analyzer().RunAsync(Verify.Usings + "class C { void M(ILock l) { var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(5), RenewDeadline = TimeSpan.FromSeconds(10) }; } }");
            var d = diagnostics.Single(x => x.Id == "EL1010");
            var related = Assert.Single(d.AdditionalLocations);
            Assert.Equal("TimeSpan.FromSeconds(10)", related.SourceTree!.GetText().ToString(related.SourceSpan));
        }

        [Fact]
        public async Task A_repair_that_adds_members_writes_them_as_CSharp_and_the_window_names_members()
        {
            // #29 item 6: the members the repair adds were shown in Go syntax (RetryPeriod to 600ms) and the window by ids.
            var diagnostics = await Verify.Analyzer().WithAdditionalFile("/src/.electionlint.yaml", "profile:\n  maxFailover: 5s\n")
                .RunAsync(Verify.Usings + "class C { void M(ILock l) { var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(60) }; } }");
            Diagnostic d = Assert.Single(diagnostics);
            Assert.Equal(
                "worst-case failover window TimeSpan.FromMilliseconds(68800) (LeaseDuration + 4.4 × RetryPeriod) is above maxFailover 5s — set LeaseDuration to TimeSpan.FromSeconds(2), RetryPeriod to TimeSpan.FromMilliseconds(600) and RenewDeadline to TimeSpan.FromMilliseconds(1500)",
                d.GetMessage());
        }

        [Fact]
        public Task Unset_setting_findings_point_at_the_creation() =>
            Verify.DiagnosticsAsync(profile: "profile:\n  gcPauseP99: 6s\n", markup: Verify.Usings + "class C { void M(ILock l) { var c = {|EL2020:new LeaderElectionConfig|}(l); } }");
    }
}
