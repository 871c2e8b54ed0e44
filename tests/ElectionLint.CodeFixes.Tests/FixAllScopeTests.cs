using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ElectionLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ElectionLint.CodeFixes.Tests
{
    /// <summary>FixAll in the containing member and the containing type (the framework checks document, project and solution).</summary>
    public class FixAllScopeTests
    {
        private const string Source = Verify.Usings +
            "class A\n{\n    void M1(ILock l) { var a = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(10) }; }\n" +
            "    void M2(ILock l) { var b = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(9) }; }\n}\n" +
            "class B\n{\n    void M3(ILock l) { var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(8) }; }\n}\n";

        [Theory]
        [InlineData(FixAllScope.ContainingMember, "FromSeconds(15) }; }", "FromSeconds(9) }; }", "FromSeconds(8) }; }")]
        [InlineData(FixAllScope.ContainingType, "FromSeconds(15) }; }", "FromSeconds(15) }; }", "FromSeconds(8) }; }")]
        public async Task FixAll_changes_only_what_the_scope_holds(FixAllScope scope, string m1, string m2, string m3)
        {
            var workspace = new AdhocWorkspace();
            ImmutableArray<MetadataReference> references = await FixTest.Libraries.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            Project project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "P", "P", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary), metadataReferences: references));
            Document document = project.AddDocument("/0/Test0.cs", SourceText.From(Source), filePath: "/0/Test0.cs");
            Compilation compilation = (await document.Project.GetCompilationAsync())!;
            ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TimingAnalyzer())).GetAnalyzerDiagnosticsAsync();
            Assert.Equal(3, diagnostics.Count(d => d.Id == "EL1010"));
            Diagnostic first = diagnostics.Where(d => d.Id == "EL1010").OrderBy(d => d.Location.SourceSpan.Start).First();

            var provider = new HardLimitFixProvider();
            Assert.Contains(scope, provider.GetFixAllProvider()!.GetSupportedFixAllScopes());
            var context = new FixAllContext(document, first.Location.SourceSpan, provider, scope, SuggestedValueFixProvider.RecommendedKey, new[] { "EL1010" },
                new Diagnostics(diagnostics), CancellationToken.None);
            CodeAction action = (await provider.GetFixAllProvider()!.GetFixAsync(context))!;
            Solution fixedSolution = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
            string text = (await fixedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();
            string[] lines = text.Split('\n');
            Assert.EndsWith(m1, lines.Single(x => x.Contains("void M1")));
            Assert.EndsWith(m2, lines.Single(x => x.Contains("void M2")));
            Assert.EndsWith(m3, lines.Single(x => x.Contains("void M3")));
        }

        private sealed class Diagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _all;

            public Diagnostics(ImmutableArray<Diagnostic> all) => _all = all;

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken ct) => Task.FromResult<IEnumerable<Diagnostic>>(_all);

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken ct) => Task.FromResult<IEnumerable<Diagnostic>>(_all);

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken ct) => Task.FromResult<IEnumerable<Diagnostic>>(Enumerable.Empty<Diagnostic>());
        }
    }
}
