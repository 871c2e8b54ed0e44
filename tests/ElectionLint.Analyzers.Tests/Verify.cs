using System;
using System.IO;
using System.Linq;
using ElectionLint.Analyzers;
using ElectionLint.Testing;

namespace ElectionLint.Analyzers.Tests
{
    internal static class Verify
    {
        private static readonly (string Path, string Text)[] Stubs = Directory
            .GetFiles(Path.Combine(AppContext.BaseDirectory, "Stubs"), "*.cs")
            .Select(f => ("/stubs/" + Path.GetFileName(f), File.ReadAllText(f)))
            .ToArray();

        /// <summary>A test of the C# analyzer with every library stub in the compilation.</summary>
        public static AnalyzerTest Analyzer(bool stubs = true)
        {
            var test = new AnalyzerTest(new TimingAnalyzer());
            if (stubs)
            {
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
