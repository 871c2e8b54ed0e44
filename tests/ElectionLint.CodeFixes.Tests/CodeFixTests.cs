using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ElectionLint.Analyzers;
using ElectionLint.Testing;
using Xunit;

namespace ElectionLint.CodeFixes.Tests
{
    public class CodeFixTests
    {
        private const string Head = "using System; using k8s.LeaderElection; using Confluent.Kafka;\nclass C { static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);\nvoid M(ILock l) {\n";
        private const string Tail = "\n} }";

        private static CodeFixTest Test(string? profile = null)
        {
            var test = new CodeFixTest(new TimingAnalyzer(), new HardLimitFixProvider(), new TuningFixProvider());
            foreach (string f in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Stubs"), "*.cs"))
            {
                test.WithSource("/stubs/" + Path.GetFileName(f), File.ReadAllText(f));
            }

            if (profile != null)
            {
                test.WithAdditionalFile("/src/.electionlint.yaml", profile);
            }

            return test;
        }

        private static string Code(string body) => Head + body + Tail;

        [Fact]
        public async Task Both_repairs_are_offered_with_stable_keys()
        {
            var actions = await Test().ActionsAsync(Code("var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(10) };"), "EL1010");
            Assert.Equal(new[] { ("Set LeaseDuration to 12s", "EL1010.SetLeaseDuration"), ("Set RenewDeadline to 8s", "EL1010.SetRenewDeadline") }, actions.Select(a => (a.Title, a.Key ?? string.Empty)));
        }

        private const string Wan3s = "profile:\n  network: wan\n  rttP99: 150ms\n  gcPauseP99: 300ms\n  maxFailover: 3s\n";

        [Fact]
        public async Task A_joint_repair_is_one_action_that_sets_every_member()
        {
            const string body = "var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(15), RenewDeadline = TimeSpan.FromSeconds(10), RetryPeriod = TimeSpan.FromSeconds(2) };";
            var actions = await Test(Wan3s).ActionsAsync(Code(body), "EL2030");
            Assert.Equal(("Set LeaseDuration to 2s, RetryPeriod to 200ms, RenewDeadline to 1.5s", "EL2030.SetLeaseDuration+RetryPeriod+RenewDeadline"), actions.Select(a => (a.Title, a.Key ?? string.Empty)).Single());
            await Test(Wan3s).VerifyFixAsync(Code(body), "EL2030",
                Code("var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(2), RenewDeadline = TimeSpan.FromSeconds(1.5), RetryPeriod = TimeSpan.FromSeconds(0.2) };"));
        }

        [Fact]
        public Task FromSeconds_stays_FromSeconds() => Test().VerifyFixAsync(
            Code("var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(10) };"), "EL1010",
            Code("var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(12) };"));

        [Fact]
        public Task FromMilliseconds_stays_milliseconds() => Test().VerifyFixAsync(
            Code("var c = new LeaderElectionConfig(l) { RenewDeadline = TimeSpan.FromMilliseconds(2000) };"), "EL1011",
            Code("var c = new LeaderElectionConfig(l) { RenewDeadline = TimeSpan.FromMilliseconds(2500) };"));

        [Fact]
        public Task New_TimeSpan_becomes_a_readable_factory() => Test().VerifyFixAsync(
            Code("var c = new LeaderElectionConfig(l) { RenewDeadline = new TimeSpan(0, 0, 2) };"), "EL1011",
            Code("var c = new LeaderElectionConfig(l) { RenewDeadline = TimeSpan.FromMilliseconds(2500) };"));

        [Fact]
        public Task Int_literal_stays_a_literal() => Test().VerifyFixAsync(
            Code("var c = new ConsumerConfig { HeartbeatIntervalMs = 50000 };"), "EL1020",
            Code("var c = new ConsumerConfig { HeartbeatIntervalMs = 15000 };"));

        [Fact]
        public Task String_value_of_Set_stays_a_string() => Test().VerifyFixAsync(
            Code("var c = new ConsumerConfig();\nc.Set(\"session.timeout.ms\", \"3000\");"), "EL1021",
            Code("var c = new ConsumerConfig();\nc.Set(\"session.timeout.ms\", \"10000\");"));

        [Fact]
        public Task Unset_member_is_added_to_the_initializer() => Test().VerifyFixAsync(
            Code("var c = new LeaderElectionConfig(l) { RenewDeadline = TimeSpan.FromSeconds(2) };"), "EL1011",
            Code("var c = new LeaderElectionConfig(l) { RenewDeadline = TimeSpan.FromSeconds(2), RetryPeriod = TimeSpan.FromMilliseconds(1500) };"),
            key: "EL1011.SetRetryPeriod");

        [Fact]
        public Task An_initializer_is_created_when_there_is_none() => Test("profile:\n  gcPauseP99: 6s\n").VerifyFixAsync(
            Code("var c = new LeaderElectionConfig(l);"), "EL2020",
            Code("var c = new LeaderElectionConfig(l) { RenewDeadline = TimeSpan.FromSeconds(12) };"));

        [Fact]
        public Task A_field_used_once_in_this_document_is_fixed_at_its_declaration() => Test().VerifyFixAsync(
            Code("var c = new LeaderElectionConfig(l) { LeaseDuration = Lease };"), "EL1010",
            Code("var c = new LeaderElectionConfig(l) { LeaseDuration = Lease };").Replace("Lease = TimeSpan.FromSeconds(10)", "Lease = TimeSpan.FromSeconds(12)"));

        [Fact]
        public Task A_local_used_once_is_fixed_at_its_declaration() => Test().VerifyFixAsync(
            Code("var retry = TimeSpan.FromSeconds(2);\nvar c = new LeaderElectionConfig(l) { RenewDeadline = TimeSpan.FromSeconds(2), RetryPeriod = retry };"), "EL1011",
            Code("var retry = TimeSpan.FromSeconds(1.5);\nvar c = new LeaderElectionConfig(l) { RenewDeadline = TimeSpan.FromSeconds(2), RetryPeriod = retry };"),
            key: "EL1011.SetRetryPeriod");

        [Fact]
        public async Task A_named_value_used_elsewhere_gets_no_fix()
        {
            var actions = await Test().ActionsAsync(Code("var c = new LeaderElectionConfig(l) { LeaseDuration = Lease };\nvar d = Lease;"), "EL1010");
            Assert.Equal(new[] { "EL1010.SetRenewDeadline" }, actions.Select(a => a.Key));
        }

        [Fact]
        public Task FixAll_keeps_every_edit_in_one_initializer() => Test().VerifyFixAllAsync(
            Code("var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.Zero, RetryPeriod = TimeSpan.Zero };\nvar d = new LeaderElectionConfig(l) { RenewDeadline = TimeSpan.Zero };"), "EL1012",
            Code("var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(15), RetryPeriod = TimeSpan.FromSeconds(2) };\nvar d = new LeaderElectionConfig(l) { RenewDeadline = TimeSpan.FromSeconds(10) };"));

        [Fact]
        public Task FixAll_with_a_key_prefers_that_member() => Test().VerifyFixAllAsync(
            Code("var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(10) };\nvar d = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(12), RenewDeadline = TimeSpan.FromSeconds(12) };"), "EL1010",
            Code("var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(10), RenewDeadline = TimeSpan.FromSeconds(8) };\nvar d = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(12), RenewDeadline = TimeSpan.FromSeconds(10) };"),
            key: "EL1010.SetRenewDeadline");

        [Fact]
        public async Task Fixes_converge_to_clean_code()
        {
            string result = await Test().FixUntilStableAsync(Code(
                "var a = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(10), RenewDeadline = TimeSpan.FromSeconds(2), RetryPeriod = TimeSpan.FromSeconds(2) };\n" +
                "var b = new ConsumerConfig { HeartbeatIntervalMs = 50000, SessionTimeoutMs = 3000 };"));
            Assert.Equal(Code(
                "var a = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(10), RenewDeadline = TimeSpan.FromSeconds(2.5), RetryPeriod = TimeSpan.FromSeconds(2) };\n" +
                "var b = new ConsumerConfig { HeartbeatIntervalMs = 50000, SessionTimeoutMs = 150000 };"), result);
        }
    }
}
