using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using ElectionLint.Analyzers;
using ElectionLint.Testing;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ElectionLint.Analyzers.Tests
{
    internal static class Verify
    {
        /// <summary>net10.0 reference assemblies (the version the package mirror serves) and the real libraries ElectionLint binds.</summary>
        public static readonly ReferenceAssemblies Libraries =
            new ReferenceAssemblies("net10.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.14"), Path.Combine("ref", "net10.0"))
                .AddPackages(ImmutableArray.Create(
                    new PackageIdentity("KubernetesClient", "21.0.8"),
                    new PackageIdentity("Confluent.Kafka", "2.16.0"),
                    new PackageIdentity("DotNext.Net.Cluster", "6.12.0"),
                    new PackageIdentity("DotNext.AspNetCore.Cluster", "6.12.0"),
                    new PackageIdentity("Microsoft.Orleans.Core", "10.4.2"),
                    new PackageIdentity("Microsoft.Extensions.Options", "10.0.0"),
                    new PackageIdentity("Azure.Storage.Blobs", "12.30.1"),
                    new PackageIdentity("Akka.Coordination", "1.5.74")));

        /// <summary>The resolved references: the net10.0 pack and the libraries with their dependencies.</summary>
        public static ImmutableArray<MetadataReference> References => Resolved.Value;

        private static readonly Lazy<ImmutableArray<MetadataReference>> Resolved = new Lazy<ImmutableArray<MetadataReference>>(
            () => Libraries.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult(), LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>Consul is not served here (a stub with its exact shapes), and a file of shared constants for cross-file tests.</summary>
        public static readonly (string Path, string Text)[] Stubs = Directory
            .GetFiles(Path.Combine(AppContext.BaseDirectory, "Stubs"), "*.cs")
            .Where(f => Path.GetFileName(f) is "Consul.cs" or "ZOther.cs")
            .Select(f => ("/stubs/" + Path.GetFileName(f), File.ReadAllText(f)))
            .ToArray();

        /// <summary>
        /// Checks the analyzer's diagnostics against the markup (<c>{|EL1010:…|}</c>) with Microsoft.CodeAnalysis.Testing: the
        /// source at /src/Test.cs, the profile beside it, compiled against the real libraries (and the Consul stub).
        /// </summary>
        public static Task DiagnosticsAsync(string markup, string? profile = null, bool libraries = true)
        {
            var test = new CSharpAnalyzerTest<TimingAnalyzer, DefaultVerifier>
            {
                ReferenceAssemblies = libraries ? Libraries : new ReferenceAssemblies("net10.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.14"), Path.Combine("ref", "net10.0")),
            };
            test.TestState.Sources.Add(("/src/Test.cs", markup));
            if (libraries)
            {
                foreach ((string path, string text) in Stubs)
                {
                    test.TestState.Sources.Add((path, text));
                }
            }

            if (profile != null)
            {
                test.TestState.AdditionalFiles.Add(("/src/.electionlint.yaml", profile));
            }

            return test.RunAsync();
        }

        /// <summary>A test of the C# analyzer compiled against the real client libraries (and the Consul stub).</summary>
        public static AnalyzerTest Analyzer(bool stubs = true)
        {
            var test = new AnalyzerTest(new TimingAnalyzer());
            if (stubs)
            {
                test.WithFrameworkReferences(Resolved.Value);
                foreach ((string path, string text) in Stubs)
                {
                    test.WithSource(path, text);
                }
            }

            return test;
        }

        public const string Usings = "using System; using System.Threading; using k8s.LeaderElection; using Confluent.Kafka; using DotNext.Net.Cluster.Consensus.Raft; using Orleans.Configuration; using Microsoft.Extensions.DependencyInjection; using Consul; using Azure.Storage.Blobs.Specialized; using Akka.Coordination;\n";
    }
}
