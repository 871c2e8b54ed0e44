// Shapes of G-Research/consuldotnet Consul/Session.cs and Consul/Lock.cs.
using System;

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
        public TimeSpan SessionTTL { get; set; } = TimeSpan.FromSeconds(15);
        public TimeSpan LockRetryTime { get; set; } = TimeSpan.FromSeconds(5);
    }
}
