// Shapes of kubernetes-client/csharp src/KubernetesClient/LeaderElection (namespaces, names, property types).
using System;

namespace k8s
{
    public interface IKubernetes { }
}

namespace k8s.LeaderElection
{
    public interface ILock { }

    public class LeaderElectionConfig
    {
        public LeaderElectionConfig(ILock @lock) { Lock = @lock; }
        public ILock Lock { get; set; }
        public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);
        public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);
        public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);
    }

    public class LeaderElector : IDisposable
    {
        public LeaderElector(LeaderElectionConfig config) { }
        public void Dispose() { }
    }
}

namespace k8s.LeaderElection.ResourceLock
{
    public class LeaseLock : ILock
    {
        public LeaseLock(k8s.IKubernetes client, string @namespace, string name, string identity) { }
    }
}
