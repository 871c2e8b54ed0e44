using System.Collections.Generic;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Systems;

namespace ElectionLint.Config.Recognition.Surfaces
{
    /// <summary>
    /// Kubernetes leader election: leaderElection blocks (component-base LeaderElectionConfiguration) and the
    /// --leader-elect-* flags (component-base BindLeaderElectionFlags); cert-manager's --leader-election-* twins; kube-vip's
    /// vip_* variables.
    /// </summary>
    public static class KubernetesSurface
    {
        public const string BlockKey = "leaderElection";

        public static IEnumerable<SurfaceName> BlockKeys { get; } = new[]
        {
            new SurfaceName(KubernetesLeaderElection.Id, KubernetesLeaderElection.LeaseDuration, SurfaceKind.Key, "leaseDuration"),
            new SurfaceName(KubernetesLeaderElection.Id, KubernetesLeaderElection.RenewDeadline, SurfaceKind.Key, "renewDeadline"),
            new SurfaceName(KubernetesLeaderElection.Id, KubernetesLeaderElection.RetryPeriod, SurfaceKind.Key, "retryPeriod"),
            new SurfaceName(KubernetesLeaderElection.Id, KubernetesLeaderElection.LeaderElect, SurfaceKind.Key, "leaderElect"),
        };

        public static IEnumerable<SurfaceName> Names { get; } = new[]
        {
            Flag(KubernetesLeaderElection.LeaderElect, "leader-elect"),
            Flag(KubernetesLeaderElection.LeaseDuration, "leader-elect-lease-duration"),
            Flag(KubernetesLeaderElection.RenewDeadline, "leader-elect-renew-deadline"),
            Flag(KubernetesLeaderElection.RetryPeriod, "leader-elect-retry-period"),
            Flag(KubernetesLeaderElection.LeaseDuration, "leader-election-lease-duration"),
            Flag(KubernetesLeaderElection.RenewDeadline, "leader-election-renew-deadline"),
            Flag(KubernetesLeaderElection.RetryPeriod, "leader-election-retry-period"),
            // kube-vip: whole seconds, strconv.ParseInt(env, 10, 32) × time.Second into client-go (pkg/kubevip/config_environment.go).
            Vip(KubernetesLeaderElection.LeaseDuration, "vip_leaseduration"),
            Vip(KubernetesLeaderElection.RenewDeadline, "vip_renewdeadline"),
            Vip(KubernetesLeaderElection.RetryPeriod, "vip_retryperiod"),
        };

        private static SurfaceName Vip(string setting, string name) => new SurfaceName(KubernetesLeaderElection.Id, setting, SurfaceKind.Env, name, ValueFormat.IntegerSeconds);

        private static SurfaceName Flag(string setting, string name) => new SurfaceName(KubernetesLeaderElection.Id, setting, SurfaceKind.Flag, name);
    }
}
