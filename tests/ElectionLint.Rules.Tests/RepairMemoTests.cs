using System.Linq;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Solving;
using ElectionLint.Rules.Systems;
using ElectionLint.Rules.Timing;
using Xunit;

namespace ElectionLint.Rules.Tests
{
    /// <summary>
    /// A configuration met again (a templated repository, a test suite's copies) takes the repairs found for the first one,
    /// rebuilt on its own occurrences; anything a search reads that differs (a name, a value, the component's default, the
    /// profile) is a different configuration.
    /// </summary>
    public class RepairMemoTests
    {
        private static readonly EnvironmentProfile Wan3s = new EnvironmentProfile
        {
            Network = NetworkKind.Wan,
            RttP99 = Duration.FromMilliseconds(150),
            GcPauseP99 = Duration.FromMilliseconds(300),
            MaxFailover = Duration.FromSeconds(3),
        };

        private static ConfigurationInstance Scheduler(string at, string lease = "15s", string? leaseName = null) =>
            new ConfigurationInstance(KubernetesLeaderElection.Definition, anchor: at)
                .SetText(KubernetesLeaderElection.LeaseDuration, lease, location: at + ":lease", name: leaseName)
                .SetText(KubernetesLeaderElection.RenewDeadline, "10s", location: at + ":renew")
                .SetText(KubernetesLeaderElection.RetryPeriod, "2s", location: at + ":retry");

        private static string Shown(EvaluationResult r) =>
            string.Join("\n", r.Findings.Select(f => f.RuleId + " " + f.Message + " | " + string.Join(" / ", f.Repairs.Select(p => p.Describe()))));

        [Fact]
        public void A_configuration_met_again_gets_the_same_repairs_written_where_it_writes_them()
        {
            RepairMemo.Clear();
            EvaluationResult first = Evaluator.Evaluate(Scheduler("a"), Wan3s);
            ConfigurationInstance again = Scheduler("b");
            EvaluationResult second = Evaluator.Evaluate(again, Wan3s);

            Assert.Equal(
                "EL2030 worst-case failover window 23.8s (leaseDuration + 4.4 × retryPeriod) is above maxFailover 3s — set leaseDuration to 2s, retryPeriod to 200ms and renewDeadline to 1.5s | set leaseDuration to 2s, retryPeriod to 200ms and renewDeadline to 1.5s",
                Shown(first));
            Assert.Equal(Shown(first), Shown(second));
            RepairPlan plan = second.Findings.Single().Repairs[0];
            Assert.All(plan.Changes, c => Assert.Same(again[c.Setting.Id], c.Occurrence));
            Assert.Equal(new object?[] { "b:lease", "b:retry", "b:renew" }, plan.Changes.Select(c => c.Occurrence!.Location));
            Assert.Equal(new[] { "a:lease", "a:retry", "a:renew" }, first.Findings.Single().Repairs[0].Changes.Select(c => (string)c.Occurrence!.Location!));
        }

        [Fact]
        public void A_configuration_that_differs_only_in_a_name_or_a_value_is_searched_again()
        {
            RepairMemo.Clear();
            string plain = Shown(Evaluator.Evaluate(Scheduler("a"), Wan3s));
            string named = Shown(Evaluator.Evaluate(Scheduler("b", leaseName: "--leader-elect-lease-duration"), Wan3s));
            string longer = Shown(Evaluator.Evaluate(Scheduler("c", lease: "20s"), Wan3s));

            Assert.Contains("set --leader-elect-lease-duration to 2s, retryPeriod to 200ms and renewDeadline to 1.5s", named);
            Assert.Contains("worst-case failover window 28.8s", longer);
            Assert.DoesNotContain("--leader-elect", plain);
        }

        [Fact]
        public void The_component_default_and_the_profile_are_part_of_the_configuration()
        {
            RepairMemo.Clear();
            ConfigurationInstance Unwritten(string at) => new ConfigurationInstance(KubernetesLeaderElection.Definition, anchor: at)
                .SetText(KubernetesLeaderElection.LeaseDuration, "15s", location: at + ":lease");
            string systemDefaults = Shown(Evaluator.Evaluate(Unwritten("a"), Wan3s));
            string ownDefault = Shown(Evaluator.Evaluate(Unwritten("b").Default(KubernetesLeaderElection.RetryPeriod, 4_000_000_000m), Wan3s));
            string laxer = Shown(Evaluator.Evaluate(Unwritten("c"), Wan3s with { MaxFailover = Duration.FromSeconds(60) }));

            Assert.Contains("worst-case failover window 23.8s", systemDefaults); // retryPeriod's default 2s
            Assert.Contains("worst-case failover window 32.6s", ownDefault); // this component's 4s
            Assert.DoesNotContain("EL2030", laxer);
        }

        [Fact]
        public void A_different_profile_is_searched_again()
        {
            RepairMemo.Clear();
            string tight = Shown(Evaluator.Evaluate(Scheduler("a"), Wan3s));
            string looser = Shown(Evaluator.Evaluate(Scheduler("b"), Wan3s with { MaxFailover = Duration.FromSeconds(5) }));
            string impossible = Shown(Evaluator.Evaluate(Scheduler("c"), Wan3s with { MaxFailover = Duration.FromSeconds(1) }));

            Assert.EndsWith("| set leaseDuration to 2s, retryPeriod to 200ms and renewDeadline to 1.5s", tight);
            Assert.EndsWith("| set leaseDuration to 2s, retryPeriod to 600ms and renewDeadline to 1.5s", looser);
            Assert.StartsWith("EL2031 no configuration of client-go satisfies the profile", impossible);
        }

        [Fact]
        public void The_memo_tells_configurations_apart_by_everything_a_search_reads_and_nothing_else()
        {
            RepairMemo.Clear();
            var severities = new System.Collections.Generic.Dictionary<string, Catalogue.RuleSeverity> { ["EL2001"] = Catalogue.RuleSeverity.Off };
            RepairMemo.Entry Of(ConfigurationInstance i, EnvironmentProfile? p = null, System.Collections.Generic.IReadOnlyDictionary<string, Catalogue.RuleSeverity>? sev = null) =>
                RepairMemo.For(i, p ?? Wan3s, sev);
            RepairMemo.Entry first = Of(Scheduler("a"));

            Assert.Same(first, Of(Scheduler("b")));
            Assert.Same(first, Of(Scheduler("c"), new EnvironmentProfile { Network = NetworkKind.Wan, RttP99 = Duration.FromMilliseconds(150), GcPauseP99 = Duration.FromMilliseconds(300), MaxFailover = Duration.FromSeconds(3) }));
            var different = new (string What, RepairMemo.Entry Entry)[]
            {
                ("a value", Of(Scheduler("d", lease: "16s"))),
                ("the text of a value", Of(Scheduler("d", lease: "15000ms"))),
                ("a name", Of(Scheduler("d", leaseName: "--leader-elect-lease-duration"))),
                ("a format", Of(new ConfigurationInstance(KubernetesLeaderElection.Definition).SetText(KubernetesLeaderElection.LeaseDuration, "15s", format: Model.ValueFormat.FlexibleDuration)
                    .SetText(KubernetesLeaderElection.RenewDeadline, "10s").SetText(KubernetesLeaderElection.RetryPeriod, "2s"))),
                ("a unit", Of(new ConfigurationInstance(KubernetesLeaderElection.Definition).SetText(KubernetesLeaderElection.LeaseDuration, "15s", unitNanos: Duration.NanosPerMillisecond)
                    .SetText(KubernetesLeaderElection.RenewDeadline, "10s").SetText(KubernetesLeaderElection.RetryPeriod, "2s"))),
                ("an unwritten setting's name", Of(Scheduler("d").Name(KubernetesLeaderElection.RetryPeriod, "RetryPeriod"))),
                ("a component's default", Of(Scheduler("d").Default(KubernetesLeaderElection.RetryPeriod, 4_000_000_000m))),
                ("a setting written twice", Of(Scheduler("d").Conflict(KubernetesLeaderElection.RetryPeriod, "x", "retryPeriod", "--leader-elect-retry-period"))),
                ("how durations are shown", Of(ShownAsTimeSpan(Scheduler("d")))),
                ("the variant", Of(new ConfigurationInstance(KubernetesLeaderElection.Definition, variant: KubernetesLeaderElection.CSharp).SetText(KubernetesLeaderElection.LeaseDuration, "15s")
                    .SetText(KubernetesLeaderElection.RenewDeadline, "10s").SetText(KubernetesLeaderElection.RetryPeriod, "2s"))),
                ("the profile", Of(Scheduler("d"), Wan3s with { MaxFailover = Duration.FromSeconds(5) })),
                ("the rules' severities", Of(Scheduler("d"), null, severities)),
            };

            Assert.All(different, d => Assert.False(ReferenceEquals(first, d.Entry), d.What));
            Assert.Equal(different.Length, different.Select(d => d.Entry).Distinct().Count());
        }

        private static ConfigurationInstance ShownAsTimeSpan(ConfigurationInstance i)
        {
            i.DurationDisplay = Model.ValueFormat.TimeSpan;
            return i;
        }
    }
}
