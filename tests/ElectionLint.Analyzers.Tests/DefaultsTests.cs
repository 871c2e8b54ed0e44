using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace ElectionLint.Analyzers.Tests
{
    /// <summary>
    /// Issue #24 (2): an options object whose timing members are all at their defaults is judged against the profile with the
    /// system's defaults, as the config linter judges the same configuration, and a ratio that does not depend on an unknown
    /// value is decided anyway.
    /// </summary>
    public class DefaultsTests
    {
        private const string Wan = "profile:\n  network: wan\n";
        private const string Gc = "profile:\n  gcPauseP99: 3s\n";

        private static string Code(string body, string members = "") =>
            Verify.Usings + "using System.Net;\nclass C { " + members + "void M(IPEndPoint ep, int lower) {\n" + body + "\n} }";

        private static DiagnosticResult At(string id, int location, string message, DiagnosticSeverity severity = DiagnosticSeverity.Warning) =>
            new DiagnosticResult(id, severity).WithLocation(location).WithMessage(message);

        // dotNext RaftCluster.Configuration.cs: NodeConfiguration() sets ElectionTimeout.Recommended (150–300 ms) and
        // HeartbeatThreshold = 0.5; `electionlint lint` on {"heartbeatThreshold": 0.5} under the same profile gives these three.
        [Fact]
        public Task DotNext_built_with_only_an_endpoint_under_a_wan_profile() => Verify.ExpectAsync(
            Code("var c = {|#0:new RaftCluster.TcpConfiguration|}(ep) { ConfigurationStorage = null };"),
            Wan,
            At("EL2010", 0, "LowerElectionTimeout 150 ms (default) is below 2000 ms (10 × rttP99 200ms, assumed for network: wan); a slow round trip looks like a failure and triggers a false election — set LowerElectionTimeout to 2500 ms and UpperElectionTimeout to 5000 ms"),
            At("EL2011", 0, "heartbeat period 75 ms is below half of rttP99 200ms, assumed for network: wan; heartbeats outrun the round trip and queue up — set LowerElectionTimeout to 2500 ms and UpperElectionTimeout to 5000 ms"),
            At("EL2040", 0, "election timeout range 150 ms–300 ms is too narrow (a spread of 150 ms is less than 2 × rttP99 200ms, assumed for network: wan); candidates time out together and split votes become election storms — set UpperElectionTimeout to 600 ms"));

        [Fact]
        public Task DotNext_built_with_only_an_endpoint_under_a_gc_profile() => Verify.ExpectAsync(
            Code("var c = {|#0:new RaftCluster.TcpConfiguration|}(ep) { ConfigurationStorage = null, ColdStart = false };"),
            Gc,
            At("EL2020", 0, "LowerElectionTimeout 150 ms (default) is below 6000 ms (2 × gcPauseP99 3s); DotNext will lose leadership on a p99 pause (followers start an election) — set LowerElectionTimeout to 8000 ms and UpperElectionTimeout to 15000 ms"));

        [Fact]
        public Task DotNext_defaults_in_every_form_are_judged() => Verify.DiagnosticsAsync(profile: Gc, markup: Code(
            "RaftCluster.TcpConfiguration a = {|EL2020:new(ep)|} { ConfigurationStorage = null };\n" +
            "using var b = new RaftCluster(new RaftCluster.TcpConfiguration(ep) { ConfigurationStorage = null, LowerElectionTimeout = {|EL2020:150|} }) { AuditTrail = null! };\n" +
            "var d = {|EL2020:new DotNext.Net.Cluster.Consensus.Raft.Http.HttpClusterMemberConfiguration|} { ColdStart = false };\n" +
            "var e = new ElectionTimeout { LowerValue = {|EL2020:150|}, UpperValue = 300 };"));

        [Theory]
        [InlineData("var c = new RaftCluster.TcpConfiguration(ep) { ConfigurationStorage = null }; Apply(c);")]
        [InlineData("_field = new RaftCluster.TcpConfiguration(ep) { ConfigurationStorage = null };")]
        [InlineData("Apply(new RaftCluster.TcpConfiguration(ep) { ConfigurationStorage = null });")]
        [InlineData("var c = new RaftCluster.TcpConfiguration(ep) { ConfigurationStorage = null }; Func<object> later = () => c;")]
        [InlineData("var c = new RaftCluster.TcpConfiguration(ep) { ConfigurationStorage = null, LowerElectionTimeout = lower, HeartbeatThreshold = 0.9 }; Apply(c);")]
        public Task An_object_that_escapes_keeps_no_defaults(string body) =>
            Verify.DiagnosticsAsync(profile: Gc, markup: Code(body, "static void Apply(RaftCluster.NodeConfiguration c) { } RaftCluster.NodeConfiguration _field = null!; "));

        // dotNext RaftCluster.cs: HeartbeatTimeout => LowerValue × heartbeatThreshold, so election ÷ heartbeat = 1 ÷ HeartbeatThreshold.
        [Fact]
        public Task A_threshold_decides_the_ratio_whatever_the_timeout() => Verify.ExpectAsync(
            Code("var c = new RaftCluster.TcpConfiguration(ep) { ConfigurationStorage = null, LowerElectionTimeout = {|#1:lower|}, HeartbeatThreshold = {|#0:0.9|} };"),
            null,
            At("EL2001", 0, "LowerElectionTimeout (unknown) is only 1.11× heartbeat period (LowerElectionTimeout × 0.9); DotNext should tolerate at least 2 missed heartbeats, or one slow round trip triggers a false election — set HeartbeatThreshold to 0.5")
                .WithLocation(1));

        [Fact]
        public Task The_ratio_of_the_aspnet_configuration_and_its_ceiling() => Verify.DiagnosticsAsync(Code(
            "var a = new DotNext.Net.Cluster.Consensus.Raft.Http.HttpClusterMemberConfiguration { LowerElectionTimeout = lower, UpperElectionTimeout = 2 * lower, HeartbeatThreshold = {|EL2001:1.5|} };\n" +
            "var b = new DotNext.Net.Cluster.Consensus.Raft.Http.HttpClusterMemberConfiguration { LowerElectionTimeout = lower, HeartbeatThreshold = {|EL2002:0.05|} };\n" +
            "var c = new DotNext.Net.Cluster.Consensus.Raft.Http.HttpClusterMemberConfiguration { LowerElectionTimeout = lower, HeartbeatThreshold = 0.25 };"));

        [Fact]
        public Task An_unknown_timeout_decides_nothing_that_depends_on_it() => Verify.DiagnosticsAsync(profile: "profile:\n  network: wan\n  gcPauseP99: 3s\n  maxFailover: 1s\n", markup: Code(
            "var c = new RaftCluster.TcpConfiguration(ep) { ConfigurationStorage = null, LowerElectionTimeout = lower, UpperElectionTimeout = 2 * lower };"));

        // confluent-kafka-dotnet Config(Config)/Config(IDictionary) wrap what they are given: a ClientConfig or dictionary made in
        // the argument holds only what its initializer writes. `electionlint lint` on group.id=g, heartbeat.interval.ms=3000
        // under gcPauseP99 30s gives this EL2020 (librdkafka's session.timeout.ms default 45000).
        [Fact]
        public Task Kafka_copy_made_in_the_argument_holds_only_what_it_writes() => Verify.ExpectAsync(
            Code("var a = {|#0:new ConsumerConfig|}(new ClientConfig { BootstrapServers = \"b\" }) { GroupId = \"g\" };\n" +
                "var b = {|#1:new ConsumerConfig|}(new System.Collections.Generic.Dictionary<string, string> { [\"group.id\"] = \"g\" });\n" +
                "var c = new ConsumerConfig(new System.Collections.Generic.Dictionary<string, string> { { \"group.id\", \"g\" }, { \"session.timeout.ms\", {|#2:\"50000\"|} } });"),
            "profile:\n  gcPauseP99: 30s\n",
            At("EL2020", 0, "SessionTimeoutMs 45000 ms (default) is below 60000 ms (2 × gcPauseP99 30s); a p99 pause uses 67% of it, so a slightly longer one means the broker removes the member and rebalances the group — set SessionTimeoutMs to 80000 ms"),
            At("EL2020", 1, "SessionTimeoutMs 45000 ms (default) is below 60000 ms (2 × gcPauseP99 30s); a p99 pause uses 67% of it, so a slightly longer one means the broker removes the member and rebalances the group — set SessionTimeoutMs to 80000 ms"),
            At("EL2020", 2, "session.timeout.ms 50000 ms is below 60000 ms (2 × gcPauseP99 30s); a p99 pause uses 60% of it, so a slightly longer one means the broker removes the member and rebalances the group — set session.timeout.ms to 80000 ms"));

        [Theory]
        [InlineData("var c = new ConsumerConfig(new System.Collections.Generic.Dictionary<string, string> { [key] = \"g\" });")]
        [InlineData("var c = new ConsumerConfig(new System.Collections.Generic.Dictionary<string, string>(other));")]
        [InlineData("var c = new ConsumerConfig(new ClientConfig(other) { BootstrapServers = \"b\" });")]
        [InlineData("var shared = new ClientConfig { BootstrapServers = \"b\" }; var c = new ConsumerConfig(shared);")]
        [InlineData("var c = new ConsumerConfig(new ConsumerConfig { GroupId = \"g\" }.ToDictionary(x => x.Key, x => x.Value));")]
        [InlineData("var c = new ConsumerConfig(new ClientConfig { BootstrapServers = \"b\" }); Apply(c);")]
        public Task Kafka_copy_of_anything_else_is_not_known(string body) => Verify.DiagnosticsAsync(profile: "profile:\n  gcPauseP99: 30s\n", markup:
            Verify.Usings + "using System.Linq;\nclass C { static void Apply(ConsumerConfig c) { } void M(string key, System.Collections.Generic.Dictionary<string, string> other) {\n" + body + "\n} }");

        // consuldotnet Consul/Lock.cs: CreateLock/AcquireLock/ExecuteLocked(string key, …) call the LockOptions overload with
        // new LockOptions(key), whose SessionTTL is DefaultLockSessionTTL (15 s): the lock is judged at the call.
        [Fact]
        public Task Consul_lock_made_by_the_client_from_a_key() => Verify.ExpectAsync(
            Verify.Usings + "class C { async System.Threading.Tasks.Task M(IConsulClient client, ConsulClient consul) {\n" +
            "var a = {|#0:client.CreateLock(\"k\")|};\n" +
            "var b = await {|#1:consul.AcquireLock(\"k\", CancellationToken.None)|};\n" +
            "await {|#2:client.ExecuteLocked(\"k\", () => { })|};\n" +
            "var d = client.CreateLock({|#3:new LockOptions|}(\"k\") { SessionName = \"s\" });\n" +
            "var e = client.CreateLock(new LockOptions(\"k\") { SessionTTL = TimeSpan.FromSeconds(30) });\n" +
            "} }",
            "profile:\n  gcPauseP99: 10s\n",
            Enumerable.Range(0, 4).Select(i => At("EL2020", i, "SessionTTL TimeSpan.FromSeconds(15) (default) is below TimeSpan.FromSeconds(20) (2 × gcPauseP99 10s); a p99 pause uses 67% of it, so a slightly longer one means the session is invalidated and its locks released — set SessionTTL to TimeSpan.FromSeconds(25)")).ToArray());

        [Fact]
        public async Task A_lock_made_by_the_client_offers_no_fix()
        {
            var diagnostics = await Verify.Analyzer().WithAdditionalFile("/src/.electionlint.yaml", "profile:\n  gcPauseP99: 10s\n")
                .RunAsync(Verify.Usings + "class C { void M(IConsulClient client) { var a = client.CreateLock(\"k\"); } }");
            Diagnostic d = Assert.Single(diagnostics);
            Assert.Equal("0", d.Properties[TimingAnalyzer.RepairCount]);
        }

        [Fact]
        public async Task The_ratio_finding_names_the_unknown_value_as_related_and_offers_the_threshold()
        {
            var diagnostics = await Verify.Analyzer().RunAsync(Code("var c = new RaftCluster.TcpConfiguration(ep) { ConfigurationStorage = null, LowerElectionTimeout = lower, HeartbeatThreshold = 0.9 };"));
            Diagnostic d = Assert.Single(diagnostics);
            Location related = Assert.Single(d.AdditionalLocations);
            Assert.Equal("lower", related.SourceTree!.GetText().ToString(related.SourceSpan));
            Assert.Equal("HeartbeatThreshold", d.Properties["Repair0.0.Member"]);
            Assert.Equal("0.5", d.Properties["Repair0.0.Value"]);
            Assert.Equal("1", d.Properties["Repair0.Count"]);
        }
    }
}
