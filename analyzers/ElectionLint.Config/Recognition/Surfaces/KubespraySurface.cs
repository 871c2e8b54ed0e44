using System.Collections.Generic;
using ElectionLint.Config.Documents;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Systems;

namespace ElectionLint.Config.Recognition.Surfaces
{
    /// <summary>
    /// Kubespray's variables (role defaults, group_vars), read as the settings its templates pass them to:
    /// etcd.env.j2 (ETCD_HEARTBEAT_INTERVAL, ETCD_ELECTION_TIMEOUT), kubescheduler-config.yaml.j2 (leaderElection),
    /// kubeadm-config (kube-controller-manager's --leader-elect-* flags) and kube-vip.manifest.j2 (vip_* variables).
    /// </summary>
    public static class KubespraySurface
    {
        /// <summary>Each variable, and the component it configures (one configuration per component).</summary>
        public static IReadOnlyList<(string Component, SurfaceName Name)> Names { get; } = new[]
        {
            ("etcd", new SurfaceName(Etcd.Id, Etcd.HeartbeatInterval, SurfaceKind.Key, "etcd_heartbeat_interval", ValueFormat.GoUintMilliseconds)),
            ("etcd", new SurfaceName(Etcd.Id, Etcd.ElectionTimeout, SurfaceKind.Key, "etcd_election_timeout", ValueFormat.GoUintMilliseconds)),
            ("kube-scheduler", new SurfaceName(KubernetesLeaderElection.Id, KubernetesLeaderElection.LeaseDuration, SurfaceKind.Key, "kube_scheduler_leader_elect_lease_duration")),
            ("kube-scheduler", new SurfaceName(KubernetesLeaderElection.Id, KubernetesLeaderElection.RenewDeadline, SurfaceKind.Key, "kube_scheduler_leader_elect_renew_deadline")),
            ("kube-controller-manager", new SurfaceName(KubernetesLeaderElection.Id, KubernetesLeaderElection.LeaseDuration, SurfaceKind.Key, "kube_controller_manager_leader_elect_lease_duration")),
            ("kube-controller-manager", new SurfaceName(KubernetesLeaderElection.Id, KubernetesLeaderElection.RenewDeadline, SurfaceKind.Key, "kube_controller_manager_leader_elect_renew_deadline")),
            ("kube-vip", new SurfaceName(KubernetesLeaderElection.Id, KubernetesLeaderElection.LeaseDuration, SurfaceKind.Key, "kube_vip_leaseduration", ValueFormat.IntegerSeconds)),
            ("kube-vip", new SurfaceName(KubernetesLeaderElection.Id, KubernetesLeaderElection.RenewDeadline, SurfaceKind.Key, "kube_vip_renewdeadline", ValueFormat.IntegerSeconds)),
            ("kube-vip", new SurfaceName(KubernetesLeaderElection.Id, KubernetesLeaderElection.RetryPeriod, SurfaceKind.Key, "kube_vip_retryperiod", ValueFormat.IntegerSeconds)),
        };

        internal static void Recognize(RecognitionContext ctx, MappingNode m)
        {
            Dictionary<string, Scope>? scopes = null;
            foreach ((string component, SurfaceName n) in Names)
            {
                if (m.Entry(n.Name) is not MappingEntry e || e.Value is not ScalarNode)
                {
                    continue;
                }

                scopes ??= new Dictionary<string, Scope>();
                if (!scopes.TryGetValue(component, out Scope? scope))
                {
                    scope = ctx.NewScope(n.System, e.Key.Span);
                    scopes[component] = scope;
                }

                ctx.AddKey(scope, n, e);
            }
        }
    }
}
