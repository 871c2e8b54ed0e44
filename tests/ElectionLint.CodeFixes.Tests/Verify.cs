using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ElectionLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ElectionLint.CodeFixes.Tests
{
    /// <summary>A code-fix test with both providers, compiled against the real client libraries (a stub only for Consul).</summary>
    internal sealed class FixTest : CSharpCodeFixTest<TimingAnalyzer, HardLimitFixProvider, DefaultVerifier>
    {
        public static readonly ReferenceAssemblies Libraries = ElectionLint.Testing.ClientLibraries.All;

        /// <summary>The Consul package is not served here: its two types, with the library's exact shapes.</summary>
        public static readonly string ConsulStub = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Stubs", "Consul.cs"));

        public FixTest()
        {
            ReferenceAssemblies = Libraries;
        }

        protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => new CodeFixProvider[] { new HardLimitFixProvider(), new TuningFixProvider() };
    }

    internal static class Verify
    {
        public const string Usings = "using System;\nusing k8s.LeaderElection;\nusing Confluent.Kafka;\n";

        /// <summary>
        /// <paramref name="iterations"/>: one fix per diagnostic until none is left; FixAll runs <paramref name="fixAllIterations"/> times.
        /// Checks the diagnostics marked in <paramref name="source"/> (<c>{|EL1010:…|}</c>), that the action with
        /// <paramref name="key"/> (or the first) gives <paramref name="fixedSource"/>, and that FixAll in every scope gives the same.
        /// </summary>
        public static async Task FixAsync(string source, string fixedSource, string? key = null, string? profile = null, bool consul = false, int iterations = 1,
            int fixAllIterations = 1, params (string Path, string Text)[] otherFiles)
        {
            foreach (CodeFixTestBehaviors scope in new[] { CodeFixTestBehaviors.SkipFixAllCheck, CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck })
            {
                var test = Create(source, fixedSource, profile, consul, otherFiles);
                test.CodeActionEquivalenceKey = key;
                test.NumberOfIncrementalIterations = iterations;
                test.NumberOfFixAllIterations = fixAllIterations;
                test.CodeFixTestBehaviors = scope == CodeFixTestBehaviors.SkipFixAllCheck ? CodeFixTestBehaviors.SkipFixAllCheck : CodeFixTestBehaviors.None;
                await test.RunAsync(CancellationToken.None);
            }
        }

        public static FixTest Create(string source, string fixedSource, string? profile = null, bool consul = false, params (string Path, string Text)[] otherFiles)
        {
            var test = new FixTest { TestCode = source, FixedCode = fixedSource };
            if (profile != null)
            {
                test.TestState.AdditionalFiles.Add(("/0/.electionlint.yaml", profile));
                test.FixedState.AdditionalFiles.Add(("/0/.electionlint.yaml", profile));
            }

            if (consul)
            {
                test.TestState.Sources.Add(("/0/ConsulStub.cs", FixTest.ConsulStub));
                test.FixedState.Sources.Add(("/0/ConsulStub.cs", FixTest.ConsulStub));
            }

            foreach ((string path, string text) in otherFiles)
            {
                test.TestState.Sources.Add((path, text));
            }

            return test;
        }

        /// <summary>The light bulb of the first <paramref name="id"/> diagnostic: titles and keys in order, compiled against the real libraries.</summary>
        public static async Task<List<(string Title, string? Key)>> ActionsAsync(string source, string id, string? profile = null, params (string Path, string Text)[] otherFiles) =>
            await (await HarnessAsync(profile, otherFiles)).ActionsAsync(source, id);

        /// <summary>Applies first fixes until nothing is left to fix; fails when the fixes loop.</summary>
        public static async Task<string> FixUntilStableAsync(string source, string? profile = null) => await (await HarnessAsync(profile)).FixUntilStableAsync(source);

        private static async Task<ElectionLint.Testing.CodeFixTest> HarnessAsync(string? profile, params (string Path, string Text)[] otherFiles)
        {
            var harness = new ElectionLint.Testing.CodeFixTest(new TimingAnalyzer(), new HardLimitFixProvider(), new TuningFixProvider())
                .WithReferences(await FixTest.Libraries.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));
            if (profile != null)
            {
                harness.WithAdditionalFile("/src/.electionlint.yaml", profile);
            }

            foreach ((string path, string text) in otherFiles)
            {
                harness.WithSource(path, text);
            }

            return harness;
        }
    }
}
