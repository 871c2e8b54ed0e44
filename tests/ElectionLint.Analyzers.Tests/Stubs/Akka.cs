// Shape of akka.net src/core/Akka.Coordination/TimeoutSettings.cs.
using System;

namespace Akka.Coordination
{
    public sealed class TimeoutSettings
    {
        public TimeoutSettings(TimeSpan heartbeatInterval, TimeSpan heartbeatTimeout, TimeSpan operationTimeout)
        {
            HeartbeatInterval = heartbeatInterval;
            HeartbeatTimeout = heartbeatTimeout;
            OperationTimeout = operationTimeout;
        }

        public TimeSpan HeartbeatInterval { get; }
        public TimeSpan HeartbeatTimeout { get; }
        public TimeSpan OperationTimeout { get; }
    }
}
