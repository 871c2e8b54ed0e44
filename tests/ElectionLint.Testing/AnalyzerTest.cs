using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ElectionLint.Testing
{
    /// <summary>
    /// Compiles a test source and runs analyzers for the tests that inspect diagnostics directly (properties, telemetry,
    /// per-file options, several paths). Markup comparisons use Microsoft.CodeAnalysis.Testing.
    /// </summary>
    public sealed class AnalyzerTest
    {
        private readonly List<(string Path, string Text)> _sources = new List<(string, string)>();
        private readonly List<AdditionalText> _additional = new List<AdditionalText>();
        private readonly Dictionary<string, ReportDiagnostic> _severities = new Dictionary<string, ReportDiagnostic>();
        private readonly List<MetadataReference> _references = new List<MetadataReference>();
        private readonly DiagnosticAnalyzer[] _analyzers;
        private readonly FileOptions _fileOptions = new FileOptions();
        private ImmutableArray<MetadataReference>? _framework;

        public AnalyzerTest(params DiagnosticAnalyzer[] analyzers)
        {
            _analyzers = analyzers;
        }

        public AnalyzerTest WithSource(string path, string text)
        {
            _sources.Add((path, text));
            return this;
        }

        public AnalyzerTest WithAdditionalFile(string path, string text)
        {
            _additional.Add(new InMemoryAdditionalText(path, text));
            return this;
        }

        /// <summary>What <c>dotnet_diagnostic.ID.severity</c> in .editorconfig (or a global config) does.</summary>
        public AnalyzerTest WithSeverity(string id, ReportDiagnostic severity)
        {
            _severities[id] = severity;
            return this;
        }

        /// <summary>Compile against these instead of the SDK's framework references (the net10.0 pack and the real client libraries).</summary>
        public AnalyzerTest WithFrameworkReferences(ImmutableArray<MetadataReference> references)
        {
            _framework = references;
            return this;
        }

        public AnalyzerTest WithReference(MetadataReference reference)
        {
            _references.Add(reference);
            return this;
        }

        public CSharpCompilation Compile(string source, string path = "/src/Test.cs")
        {
            var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path) };
            trees.AddRange(_sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, new CSharpParseOptions(LanguageVersion.Latest), s.Path)));
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(_severities);
            return CSharpCompilation.Create("TestProject", trees, (_framework ?? References.Framework).Concat(_references), options);
        }

        /// <summary>Runs the analyzers; fails on compiler errors (unless allowed) and on any AD0001.</summary>
        public async Task<ImmutableArray<Diagnostic>> RunAsync(string source, bool allowCompilerErrors = false, string path = "/src/Test.cs")
        {
            CSharpCompilation compilation = Compile(source, path);
            if (!allowCompilerErrors)
            {
                Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
                Assert.True(errors.Length == 0, "The test source does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));
            }

            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create(_analyzers),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray.CreateRange(_additional), _fileOptions), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
            ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
            Diagnostic[] crashes = diagnostics.Where(d => d.Id == "AD0001").ToArray();
            Assert.True(crashes.Length == 0, "An analyzer threw:\n" + string.Join("\n", crashes.Select(c => c.GetMessage())));
            return diagnostics;
        }
    }
}
