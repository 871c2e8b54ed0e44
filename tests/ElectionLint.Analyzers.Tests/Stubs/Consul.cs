// Shapes of G-Research/consuldotnet Consul/Session.cs, Consul/Lock.cs and Consul/Interfaces/IConsulClient.cs.
using System;
using System.Threading;
using System.Threading.Tasks;

namespace Consul
{
    public class SessionEntry
    {
        public string? Name { get; set; }
        public TimeSpan? TTL { get; set; }
        public TimeSpan? LockDelay { get; set; }
    }

    public class LockOptions
    {
        public LockOptions(string key) { Key = key; }
        public string Key { get; set; }
        public string? Session { get; set; }
        public string SessionName { get; set; } = "Consul API Lock";
        public TimeSpan LockWaitTime { get; set; } = TimeSpan.FromSeconds(15);
        public bool LockTryOnce { get; set; }
        public TimeSpan SessionTTL { get; set; } = TimeSpan.FromSeconds(15);
        public TimeSpan LockRetryTime { get; set; } = TimeSpan.FromSeconds(5);
    }

    public interface IDistributedLock
    {
    }

    public interface IConsulClient : IDisposable
    {
        Task<IDistributedLock> AcquireLock(LockOptions opts, CancellationToken ct);
        Task<IDistributedLock> AcquireLock(LockOptions opts);
        Task<IDistributedLock> AcquireLock(string key, CancellationToken ct);
        Task<IDistributedLock> AcquireLock(string key);
        IDistributedLock CreateLock(LockOptions opts);
        IDistributedLock CreateLock(string key);
        Task ExecuteLocked(LockOptions opts, Action action, CancellationToken ct);
        Task ExecuteLocked(LockOptions opts, Action action);
        Task ExecuteLocked(string key, Action action, CancellationToken ct);
        Task ExecuteLocked(string key, Action action);
    }

    public class ConsulClient : IConsulClient
    {
        public Task<IDistributedLock> AcquireLock(LockOptions opts, CancellationToken ct) => throw null!;
        public Task<IDistributedLock> AcquireLock(LockOptions opts) => throw null!;
        public Task<IDistributedLock> AcquireLock(string key, CancellationToken ct) => throw null!;
        public Task<IDistributedLock> AcquireLock(string key) => throw null!;
        public IDistributedLock CreateLock(LockOptions opts) => throw null!;
        public IDistributedLock CreateLock(string key) => throw null!;
        public Task ExecuteLocked(LockOptions opts, Action action, CancellationToken ct) => throw null!;
        public Task ExecuteLocked(LockOptions opts, Action action) => throw null!;
        public Task ExecuteLocked(string key, Action action, CancellationToken ct) => throw null!;
        public Task ExecuteLocked(string key, Action action) => throw null!;
        public void Dispose() { }
    }
}
