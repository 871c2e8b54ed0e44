using BenchmarkDotNet.Attributes;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Systems;
using ElectionLint.Rules.Timing;

namespace ElectionLint.Benchmarks
{
    /// <summary>
    /// Cost of evaluating one configuration: the clean path (most configurations), a single-setting repair, a joint repair
    /// and EL2031. Each reads every finding's message and repairs, as a report does (repairs are found when first read).
    /// The searches forget what they found before each run (a configuration met for the first time); the last case is a
    /// configuration met again, as in a templated repository.
    /// </summary>
    [MemoryDiagnoser]
    public class EngineBenchmarks
    {
        private static readonly EnvironmentProfile Wan = new EnvironmentProfile
        {
            Network = NetworkKind.Wan,
            RttP99 = Duration.FromMilliseconds(150),
            GcPauseP99 = Duration.FromMilliseconds(300),
            MaxFailover = Duration.FromSeconds(30),
        };

        private ConfigurationInstance _etcdClean = null!;
        private ConfigurationInstance _k8sClean = null!;
        private ConfigurationInstance _etcdFinding = null!;
        private ConfigurationInstance _k8sJoint = null!;
        private ConfigurationInstance _etcdConflict = null!;

        private static readonly EnvironmentProfile Wan3s = new EnvironmentProfile
        {
            Network = NetworkKind.Wan,
            RttP99 = Duration.FromMilliseconds(150),
            GcPauseP99 = Duration.FromMilliseconds(300),
            MaxFailover = Duration.FromSeconds(3),
        };

        [GlobalSetup]
        public void Setup()
        {
            _etcdClean = new ConfigurationInstance(Etcd.Definition).SetText(Etcd.HeartbeatInterval, "100").SetText(Etcd.ElectionTimeout, "1000");
            _k8sClean = new ConfigurationInstance(KubernetesLeaderElection.Definition).SetText(KubernetesLeaderElection.LeaseDuration, "15s");
            _etcdFinding = new ConfigurationInstance(Etcd.Definition).SetText(Etcd.HeartbeatInterval, "100").SetText(Etcd.ElectionTimeout, "300");
            _k8sJoint = new ConfigurationInstance(KubernetesLeaderElection.Definition)
                .SetText(KubernetesLeaderElection.LeaseDuration, "15s").SetText(KubernetesLeaderElection.RenewDeadline, "10s").SetText(KubernetesLeaderElection.RetryPeriod, "2s");
            _etcdConflict = new ConfigurationInstance(Etcd.Definition).SetText(Etcd.HeartbeatInterval, "100").SetText(Etcd.ElectionTimeout, "1000");
        }

        private static int Shown(EvaluationResult r)
        {
            int n = 0;
            foreach (Finding f in r.Findings)
            {
                n += f.Message.Length + f.Repairs.Count;
            }

            return n;
        }

        [Benchmark(Baseline = true, Description = "etcd, clean, default profile")]
        public int EtcdClean() => Shown(Evaluator.Evaluate(_etcdClean));

        [Benchmark(Description = "k8s, clean, full WAN/GC/budget profile")]
        public int K8sCleanWithProfile() => Shown(Evaluator.Evaluate(_k8sClean, Wan));

        [Benchmark(Description = "etcd, EL1001 with verified single-setting repairs")]
        public int EtcdFindingWithRepairs()
        {
            RepairMemo.Clear();
            return Shown(Evaluator.Evaluate(_etcdFinding));
        }

        [Benchmark(Description = "k8s, EL2030 needing a joint repair of three settings")]
        public int K8sJointRepair()
        {
            RepairMemo.Clear();
            return Shown(Evaluator.Evaluate(_k8sJoint, Wan3s));
        }

        [Benchmark(Description = "etcd, EL2031: the profile cannot be met")]
        public int EtcdConflict()
        {
            RepairMemo.Clear();
            return Shown(Evaluator.Evaluate(_etcdConflict, Wan3s));
        }

        [Benchmark(Description = "k8s, the same joint repair met again (the memo)")]
        public int K8sJointRepairAgain() => Shown(Evaluator.Evaluate(_k8sJoint, Wan3s));
    }
}
