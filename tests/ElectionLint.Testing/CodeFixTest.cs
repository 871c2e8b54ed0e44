using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ElectionLint.Testing
{
    /// <summary>
    /// What Microsoft.CodeAnalysis.Testing does not offer: the list of actions a diagnostic gets (titles, keys), and
    /// applying first fixes until the code converges. Fixed text, FixAll and iterations are tested with the framework.
    /// </summary>
    public sealed class CodeFixTest
    {
        private const int MaxIterations = 8;
        private readonly DiagnosticAnalyzer _analyzer;
        private readonly CodeFixProvider[] _providers;
        private readonly List<(string Path, string Text)> _sources = new List<(string, string)>();
        private readonly List<(string Path, string Text)> _additional = new List<(string, string)>();
        private ImmutableArray<MetadataReference>? _references;

        public CodeFixTest(DiagnosticAnalyzer analyzer, params CodeFixProvider[] providers)
        {
            _analyzer = analyzer;
            _providers = providers;
        }

        public CodeFixTest WithSource(string path, string text)
        {
            _sources.Add((path, text));
            return this;
        }

        /// <summary>Compile against these references instead of the framework alone (the real client libraries).</summary>
        public CodeFixTest WithReferences(IEnumerable<MetadataReference> references)
        {
            _references = references.ToImmutableArray();
            return this;
        }

        public CodeFixTest WithAdditionalFile(string path, string text)
        {
            _additional.Add((path, text));
            return this;
        }

        /// <summary>The titles and equivalence keys offered for the first diagnostic with <paramref name="id"/>.</summary>
        public async Task<List<(string Title, string? Key)>> ActionsAsync(string source, string id)
        {
            Document doc = CreateDocument(source);
            Diagnostic d = (await AnalyzeAsync(doc)).First(x => x.Id == id);
            return (await ActionsFor(doc, d)).Select(a => (a.Title, a.EquivalenceKey)).ToList();
        }

        /// <summary>Applies the first fix again and again; fails when it does not converge (A→B→A or endless).</summary>
        public async Task<string> FixUntilStableAsync(string source)
        {
            Document doc = CreateDocument(source);
            var seen = new HashSet<string> { source };
            for (int i = 0; i < MaxIterations; i++)
            {
                ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync(doc);
                CodeAction? action = null;
                foreach (Diagnostic d in diagnostics)
                {
                    action = (await ActionsFor(doc, d)).FirstOrDefault();
                    if (action != null)
                    {
                        break;
                    }
                }

                if (action == null)
                {
                    return (await doc.GetTextAsync()).ToString();
                }

                doc = await Apply(doc, action);
                string text = (await doc.GetTextAsync()).ToString();
                Assert.True(seen.Add(text), "The fixes loop: a text came back\n" + text);
            }

            Assert.Fail($"The fixes did not converge in {MaxIterations} rounds");
            return string.Empty;
        }

        private Document CreateDocument(string source)
        {
            var workspace = new AdhocWorkspace();
            ProjectInfo info = ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "Test", "Test", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: _references ?? References.Framework);
            Project project = workspace.AddProject(info);
            foreach ((string path, string text) in _sources)
            {
                project = project.AddDocument(path, SourceText.From(text), filePath: path).Project;
            }

            foreach ((string path, string text) in _additional)
            {
                project = project.AddAdditionalDocument(path, SourceText.From(text), filePath: path).Project;
            }

            return project.AddDocument("/src/Test.cs", SourceText.From(source), filePath: "/src/Test.cs");
        }

        private async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Document doc)
        {
            Compilation compilation = (await doc.Project.GetCompilationAsync())!;
            var options = new AnalyzerOptions(doc.Project.AdditionalDocuments.Select(a => (AdditionalText)new InMemoryAdditionalText(a.FilePath!, a.GetTextAsync().Result.ToString())).ToImmutableArray());
            ImmutableArray<Diagnostic> all = await compilation.WithAnalyzers(ImmutableArray.Create(_analyzer), options).GetAnalyzerDiagnosticsAsync();
            Assert.DoesNotContain(all, d => d.Id == "AD0001");
            return all.Where(d => d.Location.SourceTree?.FilePath == doc.FilePath).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        }

        private async Task<List<CodeAction>> ActionsFor(Document doc, Diagnostic diagnostic)
        {
            var actions = new List<CodeAction>();
            foreach (CodeFixProvider p in _providers.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                await p.RegisterCodeFixesAsync(new CodeFixContext(doc, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
            }

            return actions;
        }

        private static async Task<Document> Apply(Document doc, CodeAction action)
        {
            ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
            Solution solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            return solution.GetDocument(doc.Id)!;
        }
    }
}
