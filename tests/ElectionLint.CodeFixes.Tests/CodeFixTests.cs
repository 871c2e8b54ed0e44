using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace ElectionLint.CodeFixes.Tests
{
    /// <summary>Fixed text, FixAll in every scope and iterations, on Microsoft.CodeAnalysis.Testing with the real libraries.</summary>
    public class CodeFixTests
    {
        private static string Code(string body) =>
            Verify.Usings + "class C\n{\n    static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);\n    void M(ILock l)\n    {\n        " + body + "\n    }\n}\n";

        private const string Wan3s = "profile:\n  network: wan\n  rttP99: 150ms\n  gcPauseP99: 300ms\n  maxFailover: 3s\n";

        [Fact]
        public async Task Every_diagnostic_offers_the_recommended_repair_first_under_stable_namespaced_keys()
        {
            var actions = await Verify.ActionsAsync(Code("var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(10) };"), "EL1010");
            Assert.Equal(new[]
            {
                ("Change LeaseDuration to TimeSpan.FromSeconds(15)", "ElectionLint.Recommended"),
                ("Change LeaseDuration to TimeSpan.FromSeconds(12)", "ElectionLint.EL1010.Set.LeaseDuration"),
                ("Set RenewDeadline = TimeSpan.FromSeconds(8) in the initializer", "ElectionLint.EL1010.Set.RenewDeadline"),
            }, actions.Select(a => (a.Title, a.Key ?? string.Empty)));
        }

        [Fact]
        public async Task A_joint_repair_is_one_action_that_sets_every_member()
        {
            const string body = "var c = new LeaderElectionConfig(l) { LeaseDuration = {|EL2030:TimeSpan.FromSeconds(15)|}, RenewDeadline = TimeSpan.FromSeconds(10), RetryPeriod = TimeSpan.FromSeconds(2) };";
            var actions = await Verify.ActionsAsync(Code(body.Replace("{|EL2030:", string.Empty).Replace(")|}", ")")), "EL2030", Wan3s);
            Assert.Equal(("Change LeaseDuration to TimeSpan.FromSeconds(2); change RetryPeriod to TimeSpan.FromSeconds(0.2); change RenewDeadline to TimeSpan.FromSeconds(1.5)", "ElectionLint.Recommended"),
                actions.Select(a => (a.Title, a.Key ?? string.Empty)).Single());
            await Verify.FixAsync(Code(body),
                Code("var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(2), RenewDeadline = TimeSpan.FromSeconds(1.5), RetryPeriod = TimeSpan.FromSeconds(0.2) };"),
                profile: Wan3s);
        }

        [Fact]
        public Task FromSeconds_stays_FromSeconds() => Verify.FixAsync(
            Code("var c = new LeaderElectionConfig(l) { LeaseDuration = {|EL1010:TimeSpan.FromSeconds(10)|} };"),
            Code("var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(15) };"));

        [Fact]
        public Task FromMilliseconds_stays_milliseconds() => Verify.FixAsync(
            Code("var c = new LeaderElectionConfig(l) { RenewDeadline = {|EL1011:TimeSpan.FromMilliseconds(2000)|} };"),
            Code("var c = new LeaderElectionConfig(l) { RenewDeadline = TimeSpan.FromMilliseconds(10000) };"));

        [Fact]
        public Task A_TimeSpan_constructor_stays_a_constructor() => Verify.FixAsync(
            Code("var c = new LeaderElectionConfig(l) { LeaseDuration = {|EL1010:new TimeSpan(0, 0, 10)|} };"),
            Code("var c = new LeaderElectionConfig(l) { LeaseDuration = new TimeSpan(0, 0, 15) };"));

        [Fact]
        public Task Int_literal_stays_a_literal() => Verify.FixAsync(
            Code("var c = new ConsumerConfig { HeartbeatIntervalMs = {|EL1020:50000|} };"),
            Code("var c = new ConsumerConfig { HeartbeatIntervalMs = 3000 };"));

        [Fact]
        public Task String_value_of_Set_stays_a_string() => Verify.FixAsync(
            Code("var c = new ConsumerConfig();\n        c.Set(\"session.timeout.ms\", {|EL1021:\"3000\"|});"),
            Code("var c = new ConsumerConfig();\n        c.Set(\"session.timeout.ms\", \"45000\");"));

        [Fact]
        public Task Unset_member_is_added_to_the_initializer() => Verify.FixAsync(
            Code("var c = new LeaderElectionConfig(l) { RenewDeadline = {|EL1011:TimeSpan.FromSeconds(2)|} };"),
            Code("var c = new LeaderElectionConfig(l) { RenewDeadline = TimeSpan.FromSeconds(2), RetryPeriod = TimeSpan.FromMilliseconds(800) };"),
            key: "ElectionLint.EL1011.Set.RetryPeriod");

        [Fact]
        public Task An_initializer_is_created_when_there_is_none() => Verify.FixAsync(
            Code("var c = {|EL2020:new LeaderElectionConfig|}(l);"),
            Code("var c = new LeaderElectionConfig(l) { RenewDeadline = TimeSpan.FromSeconds(15), LeaseDuration = TimeSpan.FromSeconds(20) };"),
            profile: "profile:\n  gcPauseP99: 6s\n");

        [Fact]
        public Task A_field_used_once_in_this_document_is_fixed_at_its_declaration() => Verify.FixAsync(
            Code("var c = new LeaderElectionConfig(l) { LeaseDuration = {|EL1010:Lease|} };"),
            Code("var c = new LeaderElectionConfig(l) { LeaseDuration = Lease };").Replace("Lease = TimeSpan.FromSeconds(10)", "Lease = TimeSpan.FromSeconds(15)"));

        [Fact]
        public Task A_local_used_once_is_fixed_at_its_declaration() => Verify.FixAsync(
            Code("var retry = TimeSpan.FromSeconds(2);\n        var c = new LeaderElectionConfig(l) { RenewDeadline = {|EL1011:TimeSpan.FromSeconds(2)|}, RetryPeriod = retry };"),
            Code("var retry = TimeSpan.FromSeconds(0.8);\n        var c = new LeaderElectionConfig(l) { RenewDeadline = TimeSpan.FromSeconds(2), RetryPeriod = retry };"),
            key: "ElectionLint.EL1011.Set.RetryPeriod");

        [Fact]
        public async Task A_named_value_used_elsewhere_is_not_changed()
        {
            var actions = await Verify.ActionsAsync(Code("var c = new LeaderElectionConfig(l) { LeaseDuration = Lease };\n        var d = Lease;"), "EL1010");
            Assert.Equal(new[] { "ElectionLint.Recommended" }, actions.Select(a => a.Key));
            Assert.Equal("Set RenewDeadline = TimeSpan.FromSeconds(8) in the initializer", actions[0].Title);
        }

        [Fact]
        public Task FixAll_keeps_every_edit_in_one_initializer() => Verify.FixAsync(
            Code("var c = new LeaderElectionConfig(l) { LeaseDuration = {|EL1012:TimeSpan.Zero|}, RetryPeriod = {|EL1012:TimeSpan.Zero|} };\n        var d = new LeaderElectionConfig(l) { RenewDeadline = {|EL1012:TimeSpan.Zero|} };"),
            Code("var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(15), RetryPeriod = TimeSpan.FromSeconds(2) };\n        var d = new LeaderElectionConfig(l) { RenewDeadline = TimeSpan.FromSeconds(10) };"),
            iterations: 3); // each refused value goes back to its default on its own

        [Fact]
        public Task FixAll_with_an_alternative_key_takes_that_alternative_everywhere() => Verify.FixAsync(
            Code("var c = new LeaderElectionConfig(l) { LeaseDuration = {|EL1010:TimeSpan.FromSeconds(10)|} };\n        var d = new LeaderElectionConfig(l) { LeaseDuration = {|EL1010:TimeSpan.FromSeconds(12)|}, RenewDeadline = TimeSpan.FromSeconds(12) };"),
            Code("var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(10), RenewDeadline = TimeSpan.FromSeconds(8) };\n        var d = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(12), RenewDeadline = TimeSpan.FromSeconds(10) };"),
            key: "ElectionLint.EL1010.Set.RenewDeadline", iterations: 2);

        [Fact]
        public async Task Fixes_converge_to_clean_code()
        {
            string result = await Verify.FixUntilStableAsync(Code(
                "var a = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(10), RenewDeadline = TimeSpan.FromSeconds(2), RetryPeriod = TimeSpan.FromSeconds(2) };\n" +
                "        var b = new ConsumerConfig { HeartbeatIntervalMs = 50000, SessionTimeoutMs = 3000 };"));
            Assert.Equal(Code(
                "var a = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(10), RenewDeadline = TimeSpan.FromSeconds(5), RetryPeriod = TimeSpan.FromSeconds(2) };\n" +
                "        var b = new ConsumerConfig { HeartbeatIntervalMs = 50000, SessionTimeoutMs = 150000 };"), result);
        }
    }
}
