using System.Collections.Generic;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Timing;
using static ElectionLint.Rules.Systems.Define;

namespace ElectionLint.Rules.Systems
{
    /// <summary>
    /// Kubernetes leader election: client-go tools/leaderelection, component-config leaderElection blocks and flags,
    /// and kubernetes-client/csharp's LeaderElectionConfig (which validates nothing).
    /// </summary>
    public static class KubernetesLeaderElection
    {
        public const string Id = "k8s-leader-election";
        public const string LeaseDuration = "leaseDuration";
        public const string RenewDeadline = "renewDeadline";
        public const string RetryPeriod = "retryPeriod";
        public const string LeaderElect = "leaderElect";

        /// <summary>Go's client-go and the components built on it (the default).</summary>
        public const string ClientGo = "client-go";

        /// <summary>kubernetes-client/csharp: no validation at all.</summary>
        public const string CSharp = "csharp";

        public static SystemDefinition Definition { get; } = new SystemDefinition(
            Id,
            "client-go",
            new SettingDefinition(LeaseDuration, SettingRole.Timeout, ValueFormat.GoDuration)
            {
                Default = Quantity.Constant(Sec(15)),
                Granularity = 1m,
                Step = Duration.NanosPerSecond,
                StepRule = "EL2050",
            },
            Go(RenewDeadline, SettingRole.Timeout, Sec(10)),
            Go(RetryPeriod, SettingRole.Heartbeat, Sec(2)),
            Switch(LeaderElect, true))
        {
            VariantNames = new Dictionary<string, string> { [CSharp] = "kubernetes-client/csharp" },
            EnabledSetting = LeaderElect,
            Heartbeat = Q(RetryPeriod),
            Detection = Q(LeaseDuration),
            PauseBudget = Q(RenewDeadline),
            // client-go leaderelection.go: a candidate counts the lease from when it observed the record (setObservedRecord,
            // isLeaseValid) and polls with JitterUntil(RetryPeriod, 1.2), every [RP, 2.2 RP). Worst case after the leader's
            // last renewal: up to 2.2 RP to observe it, LeaseDuration, then up to 2.2 RP to the acquiring poll.
            Failover = new Quantity("failover window", T(1m, LeaseDuration), T(4.4m, RetryPeriod)),
            FailoverPrimary = LeaseDuration,
            // The ratio rules here are renewDeadline ÷ retryPeriod, not leaseDuration ÷ retryPeriod. client-go
            // tools/leaderelection/leaderelection.go renew() (@32ce75a7): wait.PollUntilContextTimeout(ctx, RetryPeriod,
            // RenewDeadline, immediate) tries tryAcquireOrRenew at 0, RP, 2 RP, … before RenewDeadline, then gives up
            // leadership; candidates only take the lease at leaseDuration, after the leader has already stopped. So the
            // leader gets about RD ÷ RP attempts (defaults 10 s / 2 s: 5; the tick at RD races the deadline) and that many
            // failed API calls in a row end its term. EL1011 (RD > 1.2 RP) leaves at least 2. The finding is the fewest,
            // RD ≤ 2 RP (the CSI sidecars' shipped 120s/60s/30s and 30s/20s/10s): two failures in a row and the leader steps
            // down. That is a consequence the user may accept, not a failure: info. 3 or 4 attempts (kube-vip 5/3/1,
            // OpenShift 137s/107s/26s) say nothing beyond the tool's taste. No ceiling: more attempts cost only API calls,
            // and failover speed is leaseDuration's (EL2030).
            RatioOf = Q(RenewDeadline),
            MinRatio = 2m,
            MinRatioExclusive = true,
            RatioSeverity = Catalogue.RuleSeverity.Info,
            RatioConsequence = "the leader retries its renewal every {related} and gives up leadership at {setting}, so 2 failed API calls in a row end its term (client-go's defaults allow 5)",
            PauseConsequence = "the leader stops renewing and gives up leadership",
            Variants = new[] { ClientGo, CSharp },
            Ranges = new[]
            {
                Positive(LeaseDuration),
                Positive(RenewDeadline),
                Positive(RetryPeriod),
            },
            Relations = new[]
            {
                new RelationLimit("EL1010", Q(LeaseDuration), Comparison.Greater, 1m, Q(RenewDeadline),
                    new VariantText("client-go refuses it (leaseDuration must be greater than renewDeadline)")
                        .For(CSharp, "kubernetes-client/csharp accepts it, but the lease can expire while the old leader still acts, so two leaders overlap"))
                {
                    AcceptedBy = new[] { CSharp }, // LeaderElector validates nothing: a warning there
                },
                // time.Duration(1.2 * RetryPeriod) truncates to whole nanoseconds; decimals are exact, so this is the same bound.
                new RelationLimit("EL1011", Q(RenewDeadline), Comparison.Greater, 1.2m, Q(RetryPeriod),
                    new VariantText("client-go refuses it (renewDeadline must be greater than retryPeriod*JitterFactor)")
                        .For(CSharp, "kubernetes-client/csharp accepts it, but a jittered retry can miss the deadline and drop leadership"))
                {
                    AcceptedBy = new[] { CSharp },
                },
            },
            TuningChecks = new SystemCheck[] { WholeSeconds },
        }.Bound();

        private static RangeLimit Positive(string setting) => new RangeLimit("EL1012", setting,
            new VariantText("client-go refuses it").For(CSharp, "kubernetes-client/csharp accepts it and the elector misbehaves"))
        {
            Min = 0m,
            MinInclusive = false,
        };

        /// <summary>
        /// EL2050: the lease record stores int(LeaseDuration / time.Second) (client-go) and (int)LeaseDuration.TotalSeconds
        /// (kubernetes-client/csharp LeaderElector). Below one second that is 0 s: every other candidate sees the lease as
        /// already expired and takes it at once, so the value is silently changed into a broken one — an error.
        /// </summary>
        private static void WholeSeconds(EvaluationContext ctx)
        {
            if (!ctx.TryGet(LeaseDuration, out decimal lease) || lease <= 0m || lease % Duration.NanosPerSecond == 0m)
            {
                return;
            }

            decimal stored = decimal.Truncate(lease / Duration.NanosPerSecond) * Duration.NanosPerSecond;
            string shown = ctx.Instance.DurationDisplay != null ? DurationFormat.Seconds(stored) : EvaluationContext.ShowDuration(stored); // C#: the record's whole seconds
            var args = new Dictionary<string, string> { ["stored"] = stored == 0m ? shown + ", so every other candidate takes the lease at once" : shown };
            ctx.Report("EL2050", LeaseDuration, new string[0], args, stored == 0m ? RuleSeverity.Error : (RuleSeverity?)null);
        }
    }
}
