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
    /// <summary>Applies code fixes (single and FixAll) in an AdhocWorkspace and checks the result.</summary>
    public sealed class CodeFixTest
    {
        private const int MaxIterations = 8;
        private readonly DiagnosticAnalyzer _analyzer;
        private readonly CodeFixProvider[] _providers;
        private readonly List<(string Path, string Text)> _sources = new List<(string, string)>();
        private readonly List<(string Path, string Text)> _additional = new List<(string, string)>();

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

        /// <summary>Applies the action with <paramref name="key"/> (or the first) to the first <paramref name="id"/> diagnostic and checks the text.</summary>
        public async Task VerifyFixAsync(string source, string id, string expected, string? key = null)
        {
            Document doc = CreateDocument(source);
            ImmutableArray<Diagnostic> before = await AnalyzeAsync(doc);
            Diagnostic target = before.First(x => x.Id == id);
            List<CodeAction> actions = await ActionsFor(doc, target);
            CodeAction action = key == null ? actions.First() : actions.Single(a => a.EquivalenceKey == key);
            Document fixedDoc = await Apply(doc, action);
            await CheckAsync(fixedDoc, before, new[] { target }, expected);
        }

        /// <summary>FixAll in the document for <paramref name="id"/> with the given key (or the first action's).</summary>
        public async Task VerifyFixAllAsync(string source, string id, string expected, string? key = null)
        {
            Document doc = CreateDocument(source);
            ImmutableArray<Diagnostic> before = await AnalyzeAsync(doc);
            Diagnostic[] targets = before.Where(x => x.Id == id).ToArray();
            Assert.True(targets.Length > 1, $"FixAll needs several {id} diagnostics, found {targets.Length}");
            List<CodeAction> first = await ActionsFor(doc, targets[0]);
            CodeFixProvider provider = _providers.First(p => p.FixableDiagnosticIds.Contains(id));
            string equivalence = key ?? first.First().EquivalenceKey!;
            var context = new FixAllContext(doc, provider, FixAllScope.Document, equivalence, new[] { id }, new Provider(before), CancellationToken.None);
            CodeAction? action = await provider.GetFixAllProvider()!.GetFixAsync(context);
            Assert.NotNull(action);
            await CheckAsync(await Apply(doc, action!), before, targets, expected);
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

        private async Task CheckAsync(Document fixedDoc, ImmutableArray<Diagnostic> before, IEnumerable<Diagnostic> fixedOnes, string expected)
        {
            string text = (await fixedDoc.GetTextAsync()).ToString();
            Assert.True(expected.Replace("\r\n", "\n") == text.Replace("\r\n", "\n"), "Expected:\n" + expected + "\nActual:\n" + text);
            Compilation compilation = (await fixedDoc.Project.GetCompilationAsync())!;
            Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, "The fixed code does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));
            ImmutableArray<Diagnostic> after = await AnalyzeAsync(fixedDoc);
            var remaining = before.Except(fixedOnes).Select(d => d.Id).ToList();
            foreach (Diagnostic d in after.Where(d => d.Id.StartsWith("EL", StringComparison.Ordinal)))
            {
                Assert.True(remaining.Remove(d.Id), $"After the fix: {d.Id} {d.GetMessage()}");
            }
        }

        private Document CreateDocument(string source)
        {
            var workspace = new AdhocWorkspace();
            ProjectInfo info = ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "Test", "Test", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: References.Framework);
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

        private sealed class Provider : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public Provider(ImmutableArray<Diagnostic> diagnostics)
            {
                _diagnostics = diagnostics;
            }

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(Enumerable.Empty<Diagnostic>());
        }
    }
}
