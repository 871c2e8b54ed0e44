// Shapes of Azure.Storage.Blobs BlobLeaseClient (Acquire/AcquireAsync(TimeSpan duration, …)) and of Azure.Core types it uses.
using System;
using System.Threading;
using System.Threading.Tasks;

namespace Azure
{
    public class RequestConditions { }
    public abstract class Response<T> { }
}

namespace Azure.Storage.Blobs.Models
{
    public class BlobLease { }
}

namespace Azure.Storage.Blobs.Specialized
{
    public class BlobLeaseClient
    {
        public static readonly TimeSpan InfiniteLeaseDuration = TimeSpan.FromSeconds(-1);
        public virtual Response<Azure.Storage.Blobs.Models.BlobLease> Acquire(TimeSpan duration, RequestConditions? conditions = default, CancellationToken cancellationToken = default) => null!;
        public virtual Task<Response<Azure.Storage.Blobs.Models.BlobLease>> AcquireAsync(TimeSpan duration, RequestConditions? conditions = default, CancellationToken cancellationToken = default) => null!;
    }
}
