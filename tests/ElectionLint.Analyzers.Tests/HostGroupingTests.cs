using System.Threading.Tasks;
using Xunit;

namespace ElectionLint.Analyzers.Tests
{
    /// <summary>
    /// Review csharp-real D1 (issue 29 item 1): the registrations of one host or builder are one configuration, in pipeline
    /// order; a method that builds two hosts (two silos from one Main, a test building several hosts) gives two, so one
    /// host's values neither hide nor repair another's.
    /// </summary>
    public class HostGroupingTests
    {
        private const string Header = Verify.Usings + "using Microsoft.Extensions.Hosting;\n";

        private const string Refused = "o => { o.NumProbedSilos = 3; o.NumVotesForDeathDeclaration = {|EL1080:4|}; }";

        [Fact]
        public Task Two_application_builders_in_one_method_are_two_configurations() => Verify.DiagnosticsAsync(
            Header + "class C { static void Main() {\n" +
            "var first = Host.CreateApplicationBuilder();\n" +
            "first.Services.Configure<ClusterMembershipOptions>(" + Refused + ");\n" +
            "first.Build();\n" +
            "var second = Host.CreateApplicationBuilder();\n" +
            "second.Services.Configure<ClusterMembershipOptions>(o => o.NumProbedSilos = 10);\n" +
            "second.Build();\n} }");

        [Fact]
        public Task The_services_of_two_ConfigureServices_lambdas_on_two_hosts_are_two_configurations() => Verify.DiagnosticsAsync(
            Header + "class C { static void Main() {\n" +
            "using var a = new HostBuilder().ConfigureServices(services => services.Configure<ClusterMembershipOptions>(" + Refused + ")).Build();\n" +
            "using var b = new HostBuilder().ConfigureServices((context, services) => services.Configure<ClusterMembershipOptions>(o => o.NumProbedSilos = 10)).Build();\n} }");

        [Fact]
        public Task The_services_of_two_ConfigureServices_lambdas_on_one_host_are_one_configuration() => Verify.DiagnosticsAsync(
            // The second lambda's 10 probed silos meet the first's 4 votes; judged apart, the first would be refused (EL1080).
            Header + "class C { static void Main() {\n" +
            "using var host = Host.CreateDefaultBuilder()\n" +
            ".ConfigureServices(services => services.Configure<ClusterMembershipOptions>(o => { o.NumProbedSilos = 3; o.NumVotesForDeathDeclaration = 4; }))\n" +
            ".ConfigureServices((context, services) => services.Configure<ClusterMembershipOptions>(o => o.NumProbedSilos = 10)).Build();\n} }");

        [Fact]
        public Task Two_hosts_made_by_static_calls_are_two_configurations() => Verify.DiagnosticsAsync(
            Header + "class C { static void Main() {\n" +
            "Host.CreateApplicationBuilder().Services.Configure<ClusterMembershipOptions>(" + Refused + ");\n" +
            "Host.CreateApplicationBuilder().Services.Configure<ClusterMembershipOptions>(o => o.NumProbedSilos = 10);\n} }");

        [Fact]
        public Task The_registrations_of_one_builder_stay_one_configuration_in_pipeline_order() => Verify.DiagnosticsAsync(
            Header + "class C { static void Main() {\n" +
            "var builder = Host.CreateApplicationBuilder();\n" +
            "builder.Services.PostConfigure<ClusterMembershipOptions>(o => o.NumVotesForDeathDeclaration = {|EL1080:4|});\n" +
            "builder.Services.Configure<ClusterMembershipOptions>(o => o.NumProbedSilos = 10).Configure<ClusterMembershipOptions>(o => o.NumProbedSilos = 3);\n" +
            "builder.Build();\n} }");
    }
}
