using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ElectionLint.Analyzers.Tests
{
    /// <summary>
    /// Options bound from configuration (appsettings*.json at their JSON positions), the Configure calls of one options
    /// type read as one configuration in pipeline order, and the forms people write: subclasses, copies, with, records.
    /// </summary>
    public class OptionsBindingTests
    {
        private const string Header = Verify.Usings + "using Microsoft.Extensions.Configuration; using Microsoft.Extensions.Hosting;\n";

        private static Task Check(string body, params (string Path, string Markup)[] files) => Verify.DiagnosticsAsync(
            Header + "class C { void M(IServiceCollection services, IConfiguration configuration, IConfigurationSection someSection, bool dev) {\n" + body + "\n}\n" +
            "static void Setup(ConsumerConfig c) { c.HeartbeatIntervalMs = {|EL1020:50000|}; } }",
            null,
            true,
            files);

        private static Task CheckPlain(string body, params (string Path, string Markup)[] files) => Verify.DiagnosticsAsync(
            Header + "class C { void M(IServiceCollection services, IConfiguration configuration, IConfigurationSection someSection, bool dev) {\n" + body + "\n} }",
            null,
            true,
            files);

        [Fact]
        public Task Configure_from_a_section_reports_the_value_in_appsettings() => CheckPlain(
            "services.Configure<ConsumerConfig>(configuration.GetSection(\"Kafka\").GetSection(\"Consumer\"));",
            ("/src/appsettings.json", "{\n  \"Kafka\": {\n    \"Consumer\": { \"ClientId\": \"c\", \"SessionTimeoutMs\": {|EL1021:3000|} }\n  }\n}\n"));

        [Theory]
        // The config-file analyzer reads a ConsumerConfig section (GroupId beside it) but leaves it to the timing analyzer,
        // which knows what the code sets: once, and not at all when the code's SessionTimeoutMs makes 50000 right.
        [InlineData("", "EL1020 (0,52)-(0,57)")]
        [InlineData("services.Configure<ConsumerConfig>(o => o.SessionTimeoutMs = 300000);\n")]
        public async Task A_consumer_section_is_judged_once_with_what_the_code_sets(string code, params string[] expected)
        {
            const string json = "{ \"Kafka\": { \"GroupId\": \"g\", \"HeartbeatIntervalMs\": 50000 } }";
            var test = new ElectionLint.Testing.AnalyzerTest(new TimingAnalyzer(), new ConfigFileAnalyzer()).WithFrameworkReferences(Verify.References);
            foreach ((string path, string text) in Verify.Stubs)
            {
                test.WithSource(path, text);
            }

            var diagnostics = await test.WithAdditionalFile("/src/appsettings.json", json).RunAsync(
                Header + "class C { void M(IServiceCollection services, IConfiguration configuration) {\nservices.Configure<ConsumerConfig>(configuration.GetSection(\"Kafka\"));\n" + code + "} }");
            Assert.Equal(expected, diagnostics.Select(d => d.Id + " " + d.Location.GetLineSpan().Span));
        }

        [Fact]
        public async Task A_finding_in_appsettings_names_the_key_and_points_back_at_the_binding_code()
        {
            var diagnostics = await Verify.Analyzer()
                .WithAdditionalFile("/src/appsettings.json", "{\n  \"Kafka\": { \"HeartbeatIntervalMs\": 50000 }\n}\n")
                .RunAsync(Header + "class C { void M(IServiceCollection services, IConfiguration configuration) {\nservices.Configure<ConsumerConfig>(configuration.GetSection(\"Kafka\"));\n} }");
            Diagnostic d = Assert.Single(diagnostics);
            Assert.Equal("EL1020", d.Id);
            Assert.Equal("/src/appsettings.json: (1,36)-(1,41)", d.Location.GetLineSpan().ToString());
            Assert.Equal("Kafka:HeartbeatIntervalMs 50000 ms is not below SessionTimeoutMs 45000 ms (default); librdkafka accepts it, but the session expires between heartbeats and the group rebalances forever — set Kafka:HeartbeatIntervalMs to 3000 ms", d.GetMessage());
            Location binding = Assert.Single(d.AdditionalLocations);
            Assert.Equal("/src/Test.cs: (3,0)-(3,69)", binding.GetLineSpan().ToString());
            Assert.DoesNotContain(d.Properties.Keys, k => k.EndsWith(".Span", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_section_the_config_file_analyzer_reads_is_reported_once()
        {
            const string json = "{ \"Orleans\": { \"ClusterMembership\": { \"NumVotesForDeathDeclaration\": 0 }, \"Membership\": { \"NumVotesForDeathDeclaration\": 0 } } }";
            var test = new ElectionLint.Testing.AnalyzerTest(new TimingAnalyzer(), new ConfigFileAnalyzer()).WithFrameworkReferences(Verify.References);
            foreach ((string path, string text) in Verify.Stubs)
            {
                test.WithSource(path, text);
            }

            var diagnostics = await test.WithAdditionalFile("/src/appsettings.json", json).RunAsync(
                Header + "class C { void M(IServiceCollection services, IConfiguration configuration) {\n" +
                "services.Configure<ClusterMembershipOptions>(configuration.GetSection(\"Orleans:ClusterMembership\"));\n" +
                "services.Configure<ClusterMembershipOptions>(\"other\", configuration.GetSection(\"Orleans:Membership\"));\n} }");
            Assert.Equal(
                new[] { "EL1080 (0,121)-(0,122)", "EL1080 (0,69)-(0,70)" },
                diagnostics.Select(d => d.Id + " " + d.Location.GetLineSpan().Span).OrderBy(x => x, System.StringComparer.Ordinal));
        }

        [Fact]
        public Task Keys_match_without_case_and_a_colon_in_a_key_is_a_path() => CheckPlain(
            "services.Configure<ConsumerConfig>(configuration.GetSection(\"Kafka:Consumer\"));",
            ("/src/appsettings.json", "{ \"kafka:consumer\": { \"sessiontimeoutms\": {|EL1021:\"3000\"|} } }"));

        [Fact]
        public Task Each_environment_is_the_base_file_with_its_overlay() => CheckPlain(
            "services.AddOptions<ConsumerConfig>().BindConfiguration(\"Kafka\");",
            ("/src/appsettings.json", "{ \"Kafka\": { \"SessionTimeoutMs\": 45000, \"HeartbeatIntervalMs\": 3000 } }"),
            ("/src/appsettings.Production.json", "{ \"Kafka\": { \"HeartbeatIntervalMs\": {|EL1020:50000|} } }"));

        [Fact]
        public Task A_section_that_cannot_be_resolved_leaves_its_members_unknown() => CheckPlain(
            "services.Configure<ConsumerConfig>(someSection);\nservices.Configure<ConsumerConfig>(o => o.HeartbeatIntervalMs = 50000);",
            ("/src/appsettings.json", "{ \"HeartbeatIntervalMs\": 1 }"));

        [Fact]
        public Task Without_appsettings_a_bound_section_is_unknown() => CheckPlain(
            "services.AddOptions<ConsumerConfig>().Bind(configuration.GetSection(\"Kafka\")).Configure(o => o.HeartbeatIntervalMs = 50000);");

        [Fact]
        public Task Appsettings_that_do_not_parse_leave_the_section_unknown() => CheckPlain(
            "services.Configure<ConsumerConfig>(configuration.GetSection(\"Kafka\"));\nservices.Configure<ConsumerConfig>(o => o.HeartbeatIntervalMs = 50000);",
            ("/src/appsettings.json", "{ \"Kafka\": { \"SessionTimeoutMs\": 150000, "));

        [Fact]
        public async Task Values_the_binder_cannot_convert_fail_the_start_and_the_rest_are_unknown()
        {
            var diagnostics = await Verify.Analyzer()
                .WithAdditionalFile("/src/appsettings.json", "{ \"Kafka\": { \"SessionTimeoutMs\": \"45s\", \"HeartbeatIntervalMs\": { \"x\": 1 }, \"MaxPollIntervalMs\": 1.5e4 } }")
                .RunAsync(Header + "class C { void M(IServiceCollection services, IConfiguration configuration) {\nservices.Configure<ConsumerConfig>(configuration.GetSection(\"Kafka\"));\n} }");
            Assert.Equal(new[] { "EL1000 (0,33)-(0,38)", "EL1000 (0,96)-(0,101)" }, diagnostics.Select(d => d.Id + " " + d.Location.GetLineSpan().Span).OrderBy(x => x, System.StringComparer.Ordinal));
            Diagnostic session = diagnostics.Single(d => d.GetMessage().StartsWith("Kafka:SessionTimeoutMs", System.StringComparison.Ordinal));
            Assert.StartsWith("Kafka:SessionTimeoutMs value '45s' cannot be parsed by ", session.GetMessage());
            Assert.EndsWith(": the configuration binder cannot convert it to an integer of milliseconds and the app fails at start-up", session.GetMessage());
        }

        [Fact]
        public Task An_orleans_TimeSpan_reads_as_the_binder_reads_it() => CheckPlain(
            "services.Configure<ClusterMembershipOptions>(configuration.GetSection(\"Silo\"));",
            ("/src/appsettings.json", "{ \"Silo\": { \"ProbeTimeout\": \"00:00:05\", \"NumVotesForDeathDeclaration\": {|EL1080:0|}, \"MaxProbeTimeout\": {|EL1000:\"5s\"|} } }"));

        [Fact]
        public Task A_value_set_in_code_after_the_section_wins() => CheckPlain(
            "services.AddOptions<ConsumerConfig>().Bind(configuration.GetSection(\"Kafka\")).Configure(o => o.SessionTimeoutMs = 150000);",
            ("/src/appsettings.json", "{ \"Kafka\": { \"SessionTimeoutMs\": 3000, \"HeartbeatIntervalMs\": 50000 } }"));

        [Fact]
        public Task Get_reads_the_section_into_a_new_object() => CheckPlain(
            "var c = configuration.GetSection(\"Kafka\").Get<ConsumerConfig>()!;\nc.GroupId = \"g\";",
            ("/src/appsettings.json", "{ \"Kafka\": { \"HeartbeatIntervalMs\": {|EL1020:50000|} } }"));

        [Fact]
        public Task Bind_into_a_local_reads_the_section() => CheckPlain(
            "var c = new ConsumerConfig { GroupId = \"g\" };\nconfiguration.Bind(\"Kafka\", c);",
            ("/src/appsettings.json", "{ \"Kafka\": { \"SessionTimeoutMs\": {|EL1021:3000|} } }"));

        [Fact]
        public Task Host_builder_configuration_is_the_app_configuration() => CheckPlain(
            "var builder = Host.CreateApplicationBuilder();\nbuilder.Services.Configure<ConsumerConfig>(builder.Configuration.GetSection(\"Kafka\"));",
            ("/src/appsettings.json", "{ \"Kafka\": { \"SessionTimeoutMs\": {|EL1021:3000|} } }"));

        [Fact]
        public Task The_appsettings_of_the_project_folder_win_over_deeper_ones() => CheckPlain(
            "services.Configure<ConsumerConfig>(configuration.GetSection(\"Kafka\"));",
            ("/src/appsettings.json", "{ \"Kafka\": { \"SessionTimeoutMs\": {|EL1021:3000|} } }"),
            ("/src/testdata/appsettings.json", "{ \"Kafka\": { \"SessionTimeoutMs\": 4000 } }"));

        [Fact]
        public Task Configure_calls_of_one_type_are_one_configuration() => CheckPlain(
            "services.Configure<ConsumerConfig>(o => o.SessionTimeoutMs = 150000);\nservices.Configure<ConsumerConfig>(o => o.HeartbeatIntervalMs = 50000);");

        [Fact]
        public Task Another_body_that_registers_the_type_makes_unset_members_unknown() => Verify.DiagnosticsAsync(
            Header + "static class Kafka {\n" +
            "static void AddTimeouts(IServiceCollection s) => s.Configure<ConsumerConfig>(o => o.SessionTimeoutMs = 150000);\n" +
            "static void AddHeartbeat(IServiceCollection s) { s.Configure<ConsumerConfig>(o => o.HeartbeatIntervalMs = 50000); }\n" +
            "static void AddAudit(IServiceCollection s) { s.Configure<ProducerConfig>(o => o.Acks = Acks.All); }\n" +
            "static void Limits(IServiceCollection s) { s.Configure<ConsumerConfig>(o => o.SessionTimeoutMs = {|EL1021:3000|}); }\n}");

        [Fact]
        public Task PostConfigure_applies_after_every_Configure() => CheckPlain(
            "services.PostConfigure<ConsumerConfig>(o => o.SessionTimeoutMs = 30000);\nservices.Configure<ConsumerConfig>(o => { o.SessionTimeoutMs = 60000; o.HeartbeatIntervalMs = {|EL1020:40000|}; });");

        [Fact]
        public Task A_step_under_a_condition_makes_what_it_sets_unknown() => CheckPlain(
            "if (dev) { services.Configure<ConsumerConfig>(o => o.SessionTimeoutMs = 300000); }\nservices.Configure<ConsumerConfig>(o => o.HeartbeatIntervalMs = 50000);");

        [Fact]
        public Task Named_options_are_separate_configurations() => CheckPlain(
            "services.Configure<ConsumerConfig>(\"a\", o => o.SessionTimeoutMs = 60000);\nservices.Configure<ConsumerConfig>(\"b\", o => o.HeartbeatIntervalMs = {|EL1020:50000|});");

        [Fact]
        public Task ConfigureAll_joins_every_name() => CheckPlain(
            "services.ConfigureAll<ConsumerConfig>(o => o.SessionTimeoutMs = 150000);\nservices.Configure<ConsumerConfig>(\"b\", o => o.HeartbeatIntervalMs = 50000);");

        [Fact]
        public Task A_method_group_is_read_like_a_lambda() => Check(
            "services.Configure<ConsumerConfig>(Setup);");

        [Fact]
        public Task A_subclass_is_bound_and_its_own_constructor_makes_unset_members_unknown() => Verify.DiagnosticsAsync(
            Header + "class Plain : ConsumerConfig { }\nclass Tuned : ConsumerConfig { public Tuned() { SessionTimeoutMs = 60000; } }\n" +
            "class C { void M() {\nvar a = new Plain { HeartbeatIntervalMs = {|EL1020:50000|} };\nvar b = new Tuned { HeartbeatIntervalMs = 50000 };\n} }");

        [Fact]
        public Task A_copy_of_another_configuration_leaves_unset_members_unknown() => Verify.DiagnosticsAsync(
            Header + "class C { void M(ClientConfig other) {\nvar c = new ConsumerConfig(other) { HeartbeatIntervalMs = 50000 };\nvar d = new ConsumerConfig(other) { SessionTimeoutMs = {|EL1021:3000|} };\n} }");

        private const string CustomProfile = "bindings:\n  - system: custom\n    csharp:\n      type: Lease.Options\n      settings: { HeartbeatMs: \"heartbeat:ms\", ElectionTimeout: \"electionTimeout\" }\n";

        [Fact]
        public Task A_user_binding_takes_its_type_initializers() => Verify.DiagnosticsAsync(
            Header + "namespace Lease { public class Options { public int HeartbeatMs { get; set; } = 100; public TimeSpan ElectionTimeout { get; set; } } }\n" +
            "class C { void M(IServiceCollection services) { services.Configure<Lease.Options>(o => o.ElectionTimeout = {|EL2001:TimeSpan.FromMilliseconds(300)|}); } }",
            CustomProfile);

        [Fact]
        public Task A_user_binding_member_without_a_foldable_initializer_is_unknown() => Verify.DiagnosticsAsync(
            Header + "namespace Lease { public class Options { public int HeartbeatMs { get; set; } = Environment.ProcessorCount; public TimeSpan ElectionTimeout { get; set; } } }\n" +
            "class C { void M(IServiceCollection services) { services.Configure<Lease.Options>(o => o.ElectionTimeout = TimeSpan.FromMilliseconds(300)); } }",
            CustomProfile);

        [Fact]
        public Task A_positional_record_takes_its_constructor_arguments_and_with_keeps_the_rest_unknown() => Verify.DiagnosticsAsync(
            Header + "namespace Lease { public record Options(int HeartbeatMs, TimeSpan ElectionTimeout); }\n" +
            "class C { void M() {\nvar o = new Lease.Options(100, {|EL2001:TimeSpan.FromMilliseconds(300)|});\nvar p = o with { ElectionTimeout = TimeSpan.FromMilliseconds(200) };\n} }",
            CustomProfile);

        [Fact]
        public Task With_reports_what_it_sets_against_what_it_sets() => Verify.DiagnosticsAsync(
            Header + "namespace Lease { public record Options(int HeartbeatMs, TimeSpan ElectionTimeout); }\n" +
            "class C { void M(Lease.Options o) {\nvar p = o with { HeartbeatMs = 100, ElectionTimeout = {|EL2001:TimeSpan.FromMilliseconds(300)|} };\n} }",
            CustomProfile);
    }
}
