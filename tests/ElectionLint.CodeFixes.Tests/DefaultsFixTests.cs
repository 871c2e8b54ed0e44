using System.Threading.Tasks;
using Xunit;

namespace ElectionLint.CodeFixes.Tests
{
    /// <summary>Issue #24 (2): the repair of a finding about defaults adds the members; a ratio decided on a cancelling unknown changes the value that decides it.</summary>
    public class DefaultsFixTests
    {
        private const string Usings = "using System;\nusing System.Net;\nusing System.Collections.Generic;\nusing Confluent.Kafka;\nusing DotNext.Net.Cluster.Consensus.Raft;\n";

        private static string Code(string body) => Usings + "class C\n{\n    void M(IPEndPoint ep, int lower)\n    {\n        " + body + "\n    }\n}\n";

        [Fact]
        public Task DotNext_defaults_under_a_gc_profile_get_both_timeouts_in_the_initializer() => Verify.FixAsync(
            Code("var a = {|EL2020:new RaftCluster.TcpConfiguration|}(ep) { ConfigurationStorage = null };\n" +
                 "        var b = {|EL2020:new RaftCluster.TcpConfiguration|}(ep) { ConfigurationStorage = null, ColdStart = false };"),
            Code("var a = new RaftCluster.TcpConfiguration(ep) { ConfigurationStorage = null, LowerElectionTimeout = 8000, UpperElectionTimeout = 15000 };\n" +
                 "        var b = new RaftCluster.TcpConfiguration(ep) { ConfigurationStorage = null, ColdStart = false, LowerElectionTimeout = 8000, UpperElectionTimeout = 15000 };"),
            profile: "profile:\n  gcPauseP99: 3s\n", iterations: 2);

        [Fact]
        public Task DotNext_defaults_under_a_wan_profile_share_one_repair() => Verify.FixAsync(
            Code("var a = {|EL2010:{|EL2011:{|EL2040:new RaftCluster.TcpConfiguration|}|}|}(ep) { ConfigurationStorage = null };"),
            Code("var a = new RaftCluster.TcpConfiguration(ep) { ConfigurationStorage = null, LowerElectionTimeout = 2500, UpperElectionTimeout = 5000 };"),
            profile: "profile:\n  network: wan\n", iterations: 1);

        [Fact]
        public Task DotNext_threshold_is_changed_whatever_the_timeout() => Verify.FixAsync(
            Code("var a = new RaftCluster.TcpConfiguration(ep) { ConfigurationStorage = null, LowerElectionTimeout = lower, HeartbeatThreshold = {|EL2001:0.9|} };\n" +
                 "        var b = new DotNext.Net.Cluster.Consensus.Raft.Http.HttpClusterMemberConfiguration { LowerElectionTimeout = lower, HeartbeatThreshold = {|EL2001:1.5|} };"),
            Code("var a = new RaftCluster.TcpConfiguration(ep) { ConfigurationStorage = null, LowerElectionTimeout = lower, HeartbeatThreshold = 0.5 };\n" +
                 "        var b = new DotNext.Net.Cluster.Consensus.Raft.Http.HttpClusterMemberConfiguration { LowerElectionTimeout = lower, HeartbeatThreshold = 0.5 };"),
            iterations: 2);

        private const string OptionsUsings = "using System;\nusing Orleans.Configuration;\nusing Microsoft.Extensions.DependencyInjection;\n";

        private static string Options(string body) => OptionsUsings + "class C\n{\n    void M(IServiceCollection services)\n    {\n        " + body + "\n    }\n}\n";

        [Fact]
        public Task A_configure_block_that_sets_no_timing_member_gets_the_repair_at_its_end() => Verify.FixAsync(
            Options("services.Configure<ClusterMembershipOptions>({|EL2020:o => { o.UseLivenessGossip = false; }|});\n" +
                    "        services.Configure<ClusterMembershipOptions>(\"b\", {|EL2020:o => { }|});\n" +
                    "        services.Configure<DotNext.Net.Cluster.Consensus.Raft.Http.HttpClusterMemberConfiguration>({|EL2020:o =>\n        {\n        }|});"),
            Options("services.Configure<ClusterMembershipOptions>(o => { o.UseLivenessGossip = false; o.ProbeTimeout = TimeSpan.FromSeconds(10); });\n" +
                    "        services.Configure<ClusterMembershipOptions>(\"b\", o => { o.ProbeTimeout = TimeSpan.FromSeconds(10); });\n" +
                    "        services.Configure<DotNext.Net.Cluster.Consensus.Raft.Http.HttpClusterMemberConfiguration>(o =>\n        {\n            o.LowerElectionTimeout = 25000;\n            o.UpperElectionTimeout = 50000;\n        });"),
            profile: "profile:\n  gcPauseP99: 10s\n", iterations: 3);

        [Fact]
        public Task Kafka_copy_made_in_the_argument_gets_the_member_or_its_entry() => Verify.FixAsync(
            Code("var a = {|EL2020:new ConsumerConfig|}(new ClientConfig { BootstrapServers = \"b\" }) { GroupId = \"g\" };\n" +
                 "        var b = new ConsumerConfig(new Dictionary<string, string> { [\"session.timeout.ms\"] = {|EL2020:\"50000\"|} });"),
            Code("var a = new ConsumerConfig(new ClientConfig { BootstrapServers = \"b\" }) { GroupId = \"g\", SessionTimeoutMs = 80000 };\n" +
                 "        var b = new ConsumerConfig(new Dictionary<string, string> { [\"session.timeout.ms\"] = \"80000\" });"),
            profile: "profile:\n  gcPauseP99: 30s\n", iterations: 2);
    }
}
