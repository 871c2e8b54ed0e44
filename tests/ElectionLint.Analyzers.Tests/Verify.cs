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
        public static readonly ReferenceAssemblies Libraries = ElectionLint.Testing.ClientLibraries.All;

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
        public static Task DiagnosticsAsync(string markup, string? profile = null, bool libraries = true, params (string Path, string Markup)[] additionalFiles)
        {
            var test = new CSharpAnalyzerTest<TimingAnalyzer, DefaultVerifier>
            {
                ReferenceAssemblies = libraries ? Libraries : ElectionLint.Testing.ClientLibraries.Net10,
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

            foreach ((string path, string text) in additionalFiles)
            {
                test.TestState.AdditionalFiles.Add((path, text));
            }

            return test.RunAsync();
        }

        /// <summary>As <see cref="DiagnosticsAsync"/>, with the diagnostics (and their messages) given apart from the markup's locations (<c>{|#0:…|}</c>).</summary>
        public static Task ExpectAsync(string markup, string? profile, params DiagnosticResult[] expected)
        {
            var test = new CSharpAnalyzerTest<TimingAnalyzer, DefaultVerifier> { ReferenceAssemblies = Libraries };
            test.TestState.Sources.Add(("/src/Test.cs", markup));
            foreach ((string path, string text) in Stubs)
            {
                test.TestState.Sources.Add((path, text));
            }

            if (profile != null)
            {
                test.TestState.AdditionalFiles.Add(("/src/.electionlint.yaml", profile));
            }

            test.ExpectedDiagnostics.AddRange(expected);
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
