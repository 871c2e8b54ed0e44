using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis.Testing;

namespace ElectionLint.Testing
{
    /// <summary>What analyzer and code-fix tests compile against: the real libraries ElectionLint binds (Consul is not served: a stub).</summary>
    public static class ClientLibraries
    {
        /// <summary>The net10.0 reference pack, in the version the package mirror serves.</summary>
        public static readonly ReferenceAssemblies Net10 =
            new ReferenceAssemblies("net10.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.14"), Path.Combine("ref", "net10.0"));

        public static readonly ReferenceAssemblies All = Net10.AddPackages(ImmutableArray.Create(
            new PackageIdentity("KubernetesClient", "21.0.8"),
            new PackageIdentity("Confluent.Kafka", "2.16.0"),
            new PackageIdentity("DotNext.Net.Cluster", "6.12.0"),
            new PackageIdentity("DotNext.AspNetCore.Cluster", "6.12.0"),
            new PackageIdentity("Microsoft.Orleans.Core", "10.4.2"),
            new PackageIdentity("Microsoft.Extensions.Options", "10.0.0"),
            new PackageIdentity("Microsoft.Extensions.Hosting", "10.0.5"),
            new PackageIdentity("Azure.Storage.Blobs", "12.30.1"),
            new PackageIdentity("Akka.Coordination", "1.5.74")));
    }
}
