using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace ElectionLint.CodeFixes.Tests
{
    /// <summary>
    /// The cases of the code-fix review (shared/research/review-2026-11/code-fixes.md, C01–C49, W01–W05, U01): each fixed
    /// text exactly, the single action and FixAll in document, project and solution scope, compiled against the real libraries.
    /// </summary>
    public class ReviewCaseTests
    {
        private const string Usings = "using System;\nusing System.Threading.Tasks;\nusing k8s.LeaderElection;\nusing Confluent.Kafka;\nusing DotNext.Net.Cluster.Consensus.Raft;\nusing Orleans.Configuration;\nusing Akka.Coordination;\nusing Azure.Storage.Blobs.Specialized;\nusing Microsoft.Extensions.DependencyInjection;\n";

        private const string Wan = "profile:\n  network: wan\n  rttP99: 150ms\n  gcPauseP99: 400ms\n  maxFailover: 30s\n";

        private static string In(string body) =>
            Usings + "class C\n{\n    static readonly TimeSpan Shared = TimeSpan.FromSeconds(10);\n    static TimeSpan Twice => Shared;\n    async Task M(ILock l, BlobLeaseClient lease, IServiceCollection services)\n    {\n        " + body + "\n        await Task.CompletedTask;\n    }\n}\n";

        private static Task Case(string body, string fixedBody, string? key = null, string? profile = null, int iterations = 1) =>
            Verify.FixAsync(In(body), In(fixedBody), key, profile, iterations: iterations);

        [Fact]
        public Task The_fix_changes_the_value_that_takes_effect_in_a_pipeline_of_Configure_calls() => Case(
            "services.PostConfigure<ConsumerConfig>(o => o.SessionTimeoutMs = 30000);\n        services.Configure<ConsumerConfig>(o => { o.SessionTimeoutMs = 60000; o.HeartbeatIntervalMs = {|EL1020:40000|}; });",
            "services.PostConfigure<ConsumerConfig>(o => o.SessionTimeoutMs = 30000);\n        services.Configure<ConsumerConfig>(o => { o.SessionTimeoutMs = 60000; o.HeartbeatIntervalMs = 3000; });");

        [Fact]
        public Task C02_FromMilliseconds_stays_milliseconds() => Case(
            "var c = new LeaderElectionConfig(l) { RenewDeadline = {|EL1011:TimeSpan.FromMilliseconds(500)|} };",
            "var c = new LeaderElectionConfig(l) { RenewDeadline = TimeSpan.FromMilliseconds(10000) };");

        [Fact]
        public Task C03_a_fraction_of_seconds_stays_in_seconds() => Case(
            "var c = new LeaderElectionConfig(l) { RenewDeadline = {|EL1011:TimeSpan.FromSeconds(1.5)|} };",
            "var c = new LeaderElectionConfig(l) { RenewDeadline = TimeSpan.FromSeconds(10.0) };");

        [Fact]
        public Task C04_the_other_member_goes_into_the_config_not_into_the_TimeSpan() => Case(
            "var c = new LeaderElectionConfig(l) { LeaseDuration = {|EL1010:new TimeSpan(0, 0, 10)|} };",
            "var c = new LeaderElectionConfig(l) { LeaseDuration = new TimeSpan(0, 0, 10), RenewDeadline = TimeSpan.FromSeconds(8) };",
            key: "ElectionLint.EL1010.Set.RenewDeadline");

        [Fact]
        public Task C07_digit_separators_stay() => Case(
            "var c = new ConsumerConfig { SessionTimeoutMs = {|EL1021:3_000|} };",
            "var c = new ConsumerConfig { SessionTimeoutMs = 45_000 };");

        [Fact]
        public Task A_TimeSpan_total_keeps_its_form() => Case(
            "var c = new ConsumerConfig { SessionTimeoutMs = {|EL1021:(int)TimeSpan.FromSeconds(3).TotalMilliseconds|} };",
            "var c = new ConsumerConfig { SessionTimeoutMs = (int)TimeSpan.FromSeconds(45).TotalMilliseconds };");

        [Fact]
        public Task C08_a_product_keeps_its_unit_factor() => Case(
            "var c = new ConsumerConfig { MaxPollIntervalMs = {|EL1022:10 * 1000|} };",
            "var c = new ConsumerConfig { MaxPollIntervalMs = 300 * 1000 };");

        [Fact]
        public Task C10_a_constant_used_once_is_changed_at_its_declaration() => Verify.FixAsync(
            Usings + "static class Settings { public const int SessionMs = 3000; }\nclass C { void M() { var c = new ConsumerConfig { SessionTimeoutMs = {|EL1021:Settings.SessionMs|} }; } }\n",
            Usings + "static class Settings { public const int SessionMs = 45000; }\nclass C { void M() { var c = new ConsumerConfig { SessionTimeoutMs = Settings.SessionMs }; } }\n");

        [Fact]
        public Task C11_a_constant_used_twice_stays_and_the_other_member_is_added() => Verify.FixAsync(
            Usings + "static class T { public const int HeartbeatMs = 50000; }\nclass C { void M() { var a = new ConsumerConfig { HeartbeatIntervalMs = {|EL1020:T.HeartbeatMs|} }; var b = new ConsumerConfig { HeartbeatIntervalMs = {|EL1020:T.HeartbeatMs|} }; } }\n",
            Usings + "static class T { public const int HeartbeatMs = 50000; }\nclass C { void M() { var a = new ConsumerConfig { HeartbeatIntervalMs = T.HeartbeatMs, SessionTimeoutMs = 150000 }; var b = new ConsumerConfig { HeartbeatIntervalMs = T.HeartbeatMs, SessionTimeoutMs = 150000 }; } }\n",
            iterations: 2);

        [Fact]
        public Task C14_a_Configure_lambda_value() => Case(
            "services.Configure<ClusterMembershipOptions>(o => { o.NumProbedSilos = 3; o.NumVotesForDeathDeclaration = {|EL1080:4|}; });",
            "services.Configure<ClusterMembershipOptions>(o => { o.NumProbedSilos = 3; o.NumVotesForDeathDeclaration = 2; });");

        [Fact]
        public Task C17_named_arguments_out_of_order() => Case(
            "var t = new TimeoutSettings(operationTimeout: TimeSpan.FromSeconds(5), heartbeatTimeout: TimeSpan.FromSeconds(120), heartbeatInterval: {|EL1070:TimeSpan.FromSeconds(60)|});",
            "var t = new TimeoutSettings(operationTimeout: TimeSpan.FromSeconds(5), heartbeatTimeout: TimeSpan.FromSeconds(120), heartbeatInterval: TimeSpan.FromSeconds(12));");

        [Fact]
        public Task C19_a_member_is_added_after_the_assignment_that_completes_the_object() => Case(
            "var c = new LeaderElectionConfig(l);\n        c.LeaseDuration = {|EL1010:Shared|};",
            "var c = new LeaderElectionConfig(l);\n        c.LeaseDuration = Shared;\n        c.RenewDeadline = TimeSpan.FromSeconds(8);");

        [Fact]
        public Task C20_inside_a_Lazy_lambda_the_statement_goes_into_the_lambda() => Case(
            "var lazy = new Lazy<LeaderElector>(() =>\n        {\n            var config = new LeaderElectionConfig(l);\n            config.LeaseDuration = {|EL1010:Shared|};\n            return new LeaderElector(config);\n        });",
            "var lazy = new Lazy<LeaderElector>(() =>\n        {\n            var config = new LeaderElectionConfig(l);\n            config.LeaseDuration = Shared;\n            config.RenewDeadline = TimeSpan.FromSeconds(8);\n            return new LeaderElector(config);\n        });");

        [Fact]
        public Task C21_constructor_arguments() => Case(
            "var t = new TimeoutSettings({|EL1070:TimeSpan.FromSeconds(60)|}, TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(5));",
            "var t = new TimeoutSettings(TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(5));");

        [Fact]
        public Task C22_an_awaited_lease_acquisition() => Case(
            "await lease.AcquireAsync({|EL1060:TimeSpan.FromSeconds(90)|});",
            "await lease.AcquireAsync(TimeSpan.FromSeconds(60));");

        [Fact]
        public Task C23_a_cast_stays() => Case(
            "var c = new ConsumerConfig();\n        c.SessionTimeoutMs = {|EL1021:(int?)3000|};",
            "var c = new ConsumerConfig();\n        c.SessionTimeoutMs = (int?)45000;");

        [Fact]
        public Task C24_comments_inside_and_after_the_value_stay() => Case(
            "var c = new LeaderElectionConfig(l)\n        {\n            LeaseDuration = {|EL1010:TimeSpan.FromSeconds(10 /* seconds */)|}, // TODO: shorter\n        };",
            "var c = new LeaderElectionConfig(l)\n        {\n            LeaseDuration = TimeSpan.FromSeconds(15 /* seconds */), // TODO: shorter\n        };");

        [Fact]
        public Task C25_odd_spacing_stays() => Case(
            "var c = new LeaderElectionConfig(l) { LeaseDuration={|EL1010:TimeSpan . FromSeconds ( 10 )|} , };",
            "var c = new LeaderElectionConfig(l) { LeaseDuration=TimeSpan . FromSeconds ( 15 ) , };");

        [Fact]
        public Task C31_a_unit_that_would_need_a_fraction_switches() => Case(
            "var c = new LeaderElectionConfig(l) { LeaseDuration = {|EL2030:TimeSpan.FromMinutes(1)|} };",
            "var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(20) };",
            profile: "profile:\n  maxFailover: 30s\n");

        [Fact]
        public async Task C32_a_value_off_whole_seconds_offers_both_neighbours()
        {
            var actions = await Verify.ActionsAsync(In("var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromMilliseconds(15500) };"), "EL2050");
            Assert.Equal(new[]
            {
                ("Change LeaseDuration to TimeSpan.FromMilliseconds(15000)", "ElectionLint.Recommended"),
                ("Change LeaseDuration to TimeSpan.FromMilliseconds(16000)", "ElectionLint.EL2050.Set.LeaseDuration"),
            }, actions.Select(a => (a.Title, a.Key ?? string.Empty)));
        }

        [Fact]
        public Task C33_DotNext_node_configuration() => Case(
            "var c = new RaftCluster.TcpConfiguration(new System.Net.IPEndPoint(0, 3262)) { ConfigurationStorage = null!, UpperElectionTimeout = {|EL1040:100|} };",
            "var c = new RaftCluster.TcpConfiguration(new System.Net.IPEndPoint(0, 3262)) { ConfigurationStorage = null!, UpperElectionTimeout = 300 };");

        [Fact]
        public Task C35_an_election_timeout_range() => Case(
            "var r = new ElectionTimeout { LowerValue = 150, UpperValue = {|EL2040:180|} };",
            "var r = new ElectionTimeout { LowerValue = 150, UpperValue = 300 };");

        [Fact]
        public Task C37_Consul_milliseconds() => Verify.FixAsync(
            Usings + "class C { void M() { var s = new Consul.SessionEntry { TTL = {|EL1050:TimeSpan.FromMilliseconds(500)|} }; } }\n",
            Usings + "class C { void M() { var s = new Consul.SessionEntry { TTL = TimeSpan.FromMilliseconds(10000) }; } }\n", consul: true);

        [Fact]
        public Task C39_using_static_and_global_stay() => Verify.FixAsync(
            "using static System.TimeSpan;\nusing k8s.LeaderElection;\nclass C { void M(ILock l) { var a = new LeaderElectionConfig(l) { LeaseDuration = {|EL1010:FromSeconds(10)|} }; var b = new LeaderElectionConfig(l) { LeaseDuration = {|EL1010:global::System.TimeSpan.FromSeconds(10)|} }; } }\n",
            "using static System.TimeSpan;\nusing k8s.LeaderElection;\nclass C { void M(ILock l) { var a = new LeaderElectionConfig(l) { LeaseDuration = FromSeconds(15) }; var b = new LeaderElectionConfig(l) { LeaseDuration = global::System.TimeSpan.FromSeconds(15) }; } }\n",
            iterations: 2);

        [Fact]
        public Task C41_a_negative_value() => Case(
            "var c = new LeaderElectionConfig(l) { RetryPeriod = {|EL1012:TimeSpan.FromSeconds(-1)|} };",
            "var c = new LeaderElectionConfig(l) { RetryPeriod = TimeSpan.FromSeconds(2) };");

        [Fact]
        public async Task C42_a_constant_used_elsewhere_stays_and_the_title_says_so()
        {
            const string Source = "const int LeaseSeconds = 10;\n        var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(LeaseSeconds) };\n        Console.WriteLine(LeaseSeconds);";
            var actions = await Verify.ActionsAsync(In(Source), "EL1010");
            Assert.Equal("Change LeaseDuration to TimeSpan.FromSeconds(15) (LeaseSeconds is used elsewhere and stays)", actions[0].Title);
            await Case(Source.Replace("TimeSpan.FromSeconds(LeaseSeconds)", "{|EL1010:TimeSpan.FromSeconds(LeaseSeconds)|}"), Source.Replace("TimeSpan.FromSeconds(LeaseSeconds)", "TimeSpan.FromSeconds(15)"));
        }

        [Fact]
        public Task C42b_a_constant_used_only_here_changes_at_its_declaration() => Case(
            "const int LeaseSeconds = 10;\n        var c = new LeaderElectionConfig(l) { LeaseDuration = {|EL1010:TimeSpan.FromSeconds(LeaseSeconds)|} };",
            "const int LeaseSeconds = 15;\n        var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(LeaseSeconds) };");

        [Fact]
        public Task C43_the_comma_goes_before_a_trailing_comment() => Case(
            "var c = new LeaderElectionConfig(l)\n        {\n            LeaseDuration = {|EL1010:Shared|} // shared with the other services\n        };",
            "var c = new LeaderElectionConfig(l)\n        {\n            LeaseDuration = Shared, // shared with the other services\n            RenewDeadline = TimeSpan.FromSeconds(8)\n        };");

        [Fact]
        public Task C45_a_CRLF_file_stays_CRLF() => Verify.FixAsync(
            In("var c = new LeaderElectionConfig(l)\n        {\n            LeaseDuration = {|EL1010:Shared|},\n        };").Replace("\n", "\r\n"),
            In("var c = new LeaderElectionConfig(l)\n        {\n            LeaseDuration = Shared,\n            RenewDeadline = TimeSpan.FromSeconds(8),\n        };").Replace("\n", "\r\n"));

        [Fact]
        public Task C46_a_double_literal_stays_a_double() => Case(
            "var c = new LeaderElectionConfig(l) { LeaseDuration = {|EL1010:TimeSpan.FromSeconds(10.0)|} };",
            "var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(15.0) };");

        [Fact]
        public Task C47_an_Akka_TimeSpan_constructor_stays() => Case(
            "var t = new TimeoutSettings({|EL1070:new TimeSpan(0, 1, 0)|}, TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(5));",
            "var t = new TimeoutSettings(new TimeSpan(0, 0, 12), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(5));");

        [Fact]
        public Task C48_a_local_constant() => Case(
            "const int heartbeatMs = 50000;\n        var c = new ConsumerConfig { HeartbeatIntervalMs = {|EL1020:heartbeatMs|} };",
            "const int heartbeatMs = 3000;\n        var c = new ConsumerConfig { HeartbeatIntervalMs = heartbeatMs };");

        [Fact]
        public Task C49_a_named_argument() => Case(
            "lease.Acquire(duration: {|EL1060:TimeSpan.FromSeconds(5)|});",
            "lease.Acquire(duration: TimeSpan.FromSeconds(15));");

        [Fact]
        public async Task W01_two_rules_on_one_value_give_one_entry()
        {
            var actions = await Verify.ActionsAsync(In("var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromMilliseconds(1200), RenewDeadline = TimeSpan.FromSeconds(1), RetryPeriod = TimeSpan.FromMilliseconds(200) };"), "EL2010", Wan);
            Assert.Equal(actions.Count, actions.Select(a => a.Title).Distinct().Count());
        }

        [Fact]
        public Task W04_a_retry_period_that_outruns_the_round_trip() => Case(
            "var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(2), RenewDeadline = TimeSpan.FromSeconds(1), RetryPeriod = {|EL2011:TimeSpan.FromMilliseconds(50)|} };",
            "var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(2), RenewDeadline = TimeSpan.FromSeconds(1), RetryPeriod = TimeSpan.FromMilliseconds(100) };",
            profile: Wan + "rules:\n  EL2002: off\n");

        [Fact]
        public Task U01_a_user_binding_gets_its_fix() => Verify.FixAsync(
            "using System;\nnamespace MyCompany.Raft { public class RaftOptions { public int HeartbeatMs { get; set; } public TimeSpan ElectionTimeout { get; set; } } }\n"
            + "class C { void M() { var o = new MyCompany.Raft.RaftOptions { HeartbeatMs = 500, ElectionTimeout = {|EL2001:TimeSpan.FromSeconds(1)|} }; } }\n",
            "using System;\nnamespace MyCompany.Raft { public class RaftOptions { public int HeartbeatMs { get; set; } public TimeSpan ElectionTimeout { get; set; } } }\n"
            + "class C { void M() { var o = new MyCompany.Raft.RaftOptions { HeartbeatMs = 500, ElectionTimeout = TimeSpan.FromSeconds(5) }; } }\n",
            profile: "bindings:\n  - system: custom\n    csharp:\n      type: MyCompany.Raft.RaftOptions\n      settings: { HeartbeatMs: \"heartbeat:ms\", ElectionTimeout: electionTimeout }\n");

        [Fact]
        public async Task C09_a_constant_used_once_in_another_file_is_changed_there()
        {
            const string Timeouts = "static class Timeouts\n{\n    public const int KafkaSessionMs = 3000;\n}\n";
            var actions = await Verify.ActionsAsync(Usings + "class C { void M() { var c = new ConsumerConfig { SessionTimeoutMs = Timeouts.KafkaSessionMs }; } }\n", "EL1021", null, ("/src/Timeouts.cs", Timeouts));
            Assert.Equal("Change const KafkaSessionMs to 45000 (Timeouts.cs)", actions[0].Title);
            var test = Verify.Create(Usings + "class C { void M() { var c = new ConsumerConfig { SessionTimeoutMs = {|EL1021:Timeouts.KafkaSessionMs|} }; } }\n",
                Usings + "class C { void M() { var c = new ConsumerConfig { SessionTimeoutMs = Timeouts.KafkaSessionMs }; } }\n");
            test.TestState.Sources.Add(("/0/Timeouts.cs", Timeouts));
            test.FixedState.Sources.Add(("/0/Timeouts.cs", Timeouts.Replace("3000", "45000")));
            test.CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipFixAllCheck; // FixAll changes the document it fixes only
            await test.RunAsync();
        }

        [Fact]
        public Task C15_an_expression_lambda() => Case(
            "services.AddOptions<ClusterMembershipOptions>().Configure(o => o.NumVotesForDeathDeclaration = {|EL1080:12|});",
            "services.AddOptions<ClusterMembershipOptions>().Configure(o => o.NumVotesForDeathDeclaration = 2);");

        [Fact]
        public Task C15_an_expression_lambda_becomes_a_block_to_set_another_member() => Case(
            "services.AddOptions<ClusterMembershipOptions>().Configure(o => o.NumVotesForDeathDeclaration = {|EL1080:12|});",
            "services.AddOptions<ClusterMembershipOptions>().Configure(o => { o.NumVotesForDeathDeclaration = 12; o.NumProbedSilos = 12; });",
            key: "ElectionLint.EL1080.Set.NumProbedSilos");

        [Fact]
        public Task C18_FixAll_adds_the_member_where_the_recommended_change_is_in_another_file()
        {
            const string Other = "static class Other\n{\n    public static readonly System.TimeSpan Lease = System.TimeSpan.FromSeconds(10);\n}\n";
            var test = Verify.Create(In("var c = new LeaderElectionConfig(l) { LeaseDuration = {|EL1010:Other.Lease|} };"), In("var c = new LeaderElectionConfig(l) { LeaseDuration = Other.Lease };"));
            test.TestState.Sources.Add(("/0/Other.cs", Other));
            test.FixedState.Sources.Add(("/0/Other.cs", Other.Replace("FromSeconds(10)", "FromSeconds(15)")));
            test.BatchFixedState.Sources.Add(In("var c = new LeaderElectionConfig(l) { LeaseDuration = Other.Lease, RenewDeadline = TimeSpan.FromSeconds(8) };"));
            test.BatchFixedState.Sources.Add(("/0/Other.cs", Other));
            return test.RunAsync();
        }

        [Fact]
        public Task C26_only_the_active_branch_changes() => Case(
            "var c = new LeaderElectionConfig(l)\n        {\n#if DEBUG\n            LeaseDuration = TimeSpan.FromSeconds(10),\n#else\n            LeaseDuration = {|EL1010:TimeSpan.FromSeconds(10)|},\n#endif\n        };",
            "var c = new LeaderElectionConfig(l)\n        {\n#if DEBUG\n            LeaseDuration = TimeSpan.FromSeconds(10),\n#else\n            LeaseDuration = TimeSpan.FromSeconds(15),\n#endif\n        };");

        [Fact]
        public Task C27_a_CRLF_file_keeps_its_line_ends_when_a_value_changes() => Verify.FixAsync(
            (Usings + "class C\n{\n    void M()\n    {\n        var s = new Consul.SessionEntry { TTL = {|EL1050:TimeSpan.FromSeconds(5)|} };\n    }\n}\n").Replace("\n", "\r\n"),
            (Usings + "class C\n{\n    void M()\n    {\n        var s = new Consul.SessionEntry { TTL = TimeSpan.FromSeconds(10) };\n    }\n}\n").Replace("\n", "\r\n"),
            consul: true);

        [Fact]
        public Task C29_FixAll_fixes_nine_findings_of_five_rules_in_one_file() => Verify.FixAsync(
            In("var a = new LeaderElectionConfig(l) { LeaseDuration = {|EL1010:TimeSpan.FromSeconds(10)|} };\n"
                + "        var b = new LeaderElectionConfig(l) { RenewDeadline = {|EL1011:TimeSpan.FromSeconds(2)|} };\n"
                + "        var c = new LeaderElectionConfig(l) { RetryPeriod = {|EL1012:TimeSpan.Zero|} };\n"
                + "        var d = new ConsumerConfig { HeartbeatIntervalMs = {|EL1020:50000|} };\n"
                + "        var e = new ConsumerConfig { SessionTimeoutMs = {|EL1021:3000|} };"),
            In("var a = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(15) };\n"
                + "        var b = new LeaderElectionConfig(l) { RenewDeadline = TimeSpan.FromSeconds(10) };\n"
                + "        var c = new LeaderElectionConfig(l) { RetryPeriod = TimeSpan.FromSeconds(2) };\n"
                + "        var d = new ConsumerConfig { HeartbeatIntervalMs = 3000 };\n"
                + "        var e = new ConsumerConfig { SessionTimeoutMs = 45000 };"),
            iterations: 5);

        [Fact]
        public Task C34_the_ASP_NET_member_configuration() => Verify.FixAsync(
            Usings + "class C { void M() { var c = new DotNext.Net.Cluster.Consensus.Raft.Http.HttpClusterMemberConfiguration { HeartbeatThreshold = {|EL2001:1.5|} }; } }\n",
            Usings + "class C { void M() { var c = new DotNext.Net.Cluster.Consensus.Raft.Http.HttpClusterMemberConfiguration { HeartbeatThreshold = 0.5 }; } }\n");

        [Fact]
        public Task C38_hours_that_would_need_a_fraction_become_seconds() => Verify.FixAsync(
            Usings + "class C { void M() { var o = new Consul.LockOptions(\"k\") { SessionTTL = {|EL1050:TimeSpan.FromHours(48)|} }; } }\n",
            Usings + "class C { void M() { var o = new Consul.LockOptions(\"k\") { SessionTTL = TimeSpan.FromSeconds(15) }; } }\n", consul: true);

        [Fact]
        public Task C40_target_typed_new() => Case(
            "LeaderElectionConfig c = new(l) { LeaseDuration = {|EL1010:TimeSpan.FromSeconds(10)|} };",
            "LeaderElectionConfig c = new(l) { LeaseDuration = TimeSpan.FromSeconds(15) };");

        [Fact]
        public Task C44_a_member_added_to_an_initializer_with_directives() => Case(
            "var c = new LeaderElectionConfig(l)\n        {\n#if DEBUG\n            RetryPeriod = TimeSpan.FromSeconds(1),\n#endif\n            LeaseDuration = {|EL1010:Shared|},\n        };",
            "var c = new LeaderElectionConfig(l)\n        {\n#if DEBUG\n            RetryPeriod = TimeSpan.FromSeconds(1),\n#endif\n            LeaseDuration = Shared,\n            RenewDeadline = TimeSpan.FromSeconds(8),\n        };");

        [Fact]
        public Task W03_a_lease_above_the_failover_budget() => Case(
            "var c = new LeaderElectionConfig(l) { LeaseDuration = {|EL2030:TimeSpan.FromSeconds(30)|} };",
            "var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(20) };",
            profile: Wan + "rules:\n  EL2002: off\n");

        [Fact]
        public async Task W05_Orleans_probe_timeout_on_a_WAN_one_entry_per_change()
        {
            var actions = await Verify.ActionsAsync(In("var o = new ClusterMembershipOptions { ProbeTimeout = TimeSpan.FromMilliseconds(100), NumMissedProbesLimit = 3 };"), "EL2010", Wan);
            Assert.NotEmpty(actions);
            Assert.Equal(actions.Count, actions.Select(a => a.Title).Distinct().Count());
        }
        [Fact]
        public Task N6_a_byte_cast_that_cannot_hold_the_new_value_goes() => Case(
            "var c = new ConsumerConfig { SessionTimeoutMs = {|EL1021:(byte)200|} };",
            "var c = new ConsumerConfig { SessionTimeoutMs = 45000 };");

        [Fact]
        public Task N6_a_byte_cast_inside_a_factory_goes() => Case(
            "var c = new LeaderElectionConfig(l) { RenewDeadline = {|EL1011:TimeSpan.FromMilliseconds((byte)100)|} };",
            "var c = new LeaderElectionConfig(l) { RenewDeadline = TimeSpan.FromMilliseconds(10000) };");

        [Fact]
        public Task N6_a_cast_that_holds_the_new_value_stays() => Case(
            "var c = new LeaderElectionConfig(l) { RenewDeadline = {|EL1011:TimeSpan.FromMilliseconds((short)500)|} };",
            "var c = new LeaderElectionConfig(l) { RenewDeadline = TimeSpan.FromMilliseconds((short)10000) };");

        [Fact]
        public Task N6_a_value_under_a_tick_is_written_as_whole_ticks() => Verify.FixAsync(
            In("var c = new LeaderElectionConfig(l) { RenewDeadline = {|EL1011:TimeSpan.FromMilliseconds(1200)|}, LeaseDuration = {|EL1010:{|EL2050:TimeSpan.FromSeconds(0.0000001)|}|} };"),
            In("var c = new LeaderElectionConfig(l) { RenewDeadline = TimeSpan.FromMilliseconds(10000), LeaseDuration = TimeSpan.FromSeconds(15.0) };"),
            iterations: 2, // both refused values go back to client-go's defaults: no sub-tick value is written
            fixAllIterations: 1);
    }
}
