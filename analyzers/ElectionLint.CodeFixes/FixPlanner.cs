using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Text;

namespace ElectionLint.CodeFixes
{
    internal enum EditKind
    {
        /// <summary>Replace a value expression (here, or at a declaration).</summary>
        Replace,

        /// <summary>Add a member to the bound object's initializer.</summary>
        AddMember,

        /// <summary>Add <c>receiver.Member = value;</c> after an assignment to the same object.</summary>
        AddStatement,
    }

    /// <summary>One change a fix makes, and how its title says it.</summary>
    internal sealed class PlannedEdit
    {
        public PlannedEdit(EditKind kind, DocumentId document, SyntaxNode target, ExpressionSyntax value, string member, string title, ExpressionSyntax? receiver = null)
        {
            Kind = kind;
            Document = document;
            Target = target;
            Value = value;
            Member = member;
            Title = title;
            Receiver = receiver;
        }

        public EditKind Kind { get; }

        public DocumentId Document { get; }

        /// <summary>The value to replace, the object creation, or the statement to add after.</summary>
        public SyntaxNode Target { get; }

        public ExpressionSyntax Value { get; }

        public string Member { get; }

        /// <summary>"Change LeaseDuration to TimeSpan.FromSeconds(12)".</summary>
        public string Title { get; }

        public ExpressionSyntax? Receiver { get; }
    }

    /// <summary>Finds where each change of a repair is written, in the author's form.</summary>
    internal static class FixPlanner
    {
        /// <summary>The edit for one change, or null when it cannot be made in the author's form without breaking something.</summary>
        public static async Task<PlannedEdit?> PlanAsync(Document document, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, Suggestion s, CancellationToken ct)
        {
            if (s.Span is TextSpan span)
            {
                if (span.End > root.FullSpan.End || Find(root, span) is not ExpressionSyntax current)
                {
                    return null;
                }

                if (ValueWriter.Replace(current, s, model, ct) is ExpressionSyntax replacement)
                {
                    return new PlannedEdit(EditKind.Replace, document.Id, current, replacement, s.Member, $"Change {s.Member} to {Code(replacement)}");
                }

                return await AtDeclarationAsync(document, model, current, s, ct).ConfigureAwait(false);
            }

            return Unset(document, root, model, diagnostic, s, ct);
        }

        private static ExpressionSyntax? Find(SyntaxNode root, TextSpan span) =>
            root.FindNode(span, getInnermostNodeForTie: true).DescendantNodesAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == span)
            ?? root.FindNode(span).AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == span);

        /// <summary>
        /// A value that is a name (or built from one): the name's declaration is changed when this is its only use, in any
        /// document of the project; otherwise a value built from it is changed here and the name stays.
        /// </summary>
        private static async Task<PlannedEdit?> AtDeclarationAsync(Document document, SemanticModel model, ExpressionSyntax current, Suggestion s, CancellationToken ct)
        {
            ExpressionSyntax? name = ValueWriter.IsName(current, model, ct) ? current
                : current.DescendantNodes().OfType<ExpressionSyntax>().FirstOrDefault(e => ValueWriter.IsName(e, model, ct));
            if (name == null || model.GetSymbolInfo(name, ct).Symbol is not ISymbol symbol || symbol is IParameterSymbol)
            {
                return null;
            }

            if (symbol.DeclaringSyntaxReferences.Length == 1 && await UsesAsync(symbol, document.Project.Solution, ct).ConfigureAwait(false) == 1 &&
                await symbol.DeclaringSyntaxReferences[0].GetSyntaxAsync(ct).ConfigureAwait(false) is VariableDeclaratorSyntax { Initializer: { } initializer } declarator &&
                document.Project.Solution.GetDocument(declarator.SyntaxTree) is Document declaring)
            {
                SemanticModel? declaringModel = declaring.Id == document.Id ? model : await declaring.GetSemanticModelAsync(ct).ConfigureAwait(false);
                Suggestion? atName = name == current ? s : s.ForPart(current, name, model, ct);
                if (declaringModel != null && atName != null && ValueWriter.Replace(initializer.Value, atName, declaringModel, ct) is ExpressionSyntax value)
                {
                    string where = declaring.Id == document.Id ? string.Empty : $" ({Path.GetFileName(declaring.FilePath ?? declaring.Name)})";
                    return new PlannedEdit(EditKind.Replace, declaring.Id, initializer.Value, value, s.Member, $"Change {Kind(symbol)} {symbol.Name} to {Code(value)}{where}");
                }

                return null;
            }

            // Used elsewhere too: a value built from the name is written here, and the name keeps its value for its other uses.
            if (name != current && ValueWriter.ReplaceAtUse(current, s, model, ct) is ExpressionSyntax atUse)
            {
                return new PlannedEdit(EditKind.Replace, document.Id, current, atUse, s.Member, $"Change {s.Member} to {Code(atUse)} ({symbol.Name} is used elsewhere and stays)");
            }

            return null;
        }

        private static async Task<int> UsesAsync(ISymbol symbol, Solution solution, CancellationToken ct)
        {
            int uses = 0;
            foreach (ReferencedSymbol r in await SymbolFinder.FindReferencesAsync(symbol, solution, ct).ConfigureAwait(false))
            {
                uses += r.Locations.Count();
            }

            return uses;
        }

        private static string Kind(ISymbol symbol) => symbol switch
        {
            IFieldSymbol { IsConst: true } => "const",
            ILocalSymbol { IsConst: true } => "const",
            IFieldSymbol => "field",
            _ => "local",
        };

        /// <summary>
        /// An unset member: added to the initializer of the bound object the diagnostic is in, or after the assignment that
        /// sets another member of it. Never to another object (a TimeSpan, a Lazy&lt;T&gt;).
        /// </summary>
        private static PlannedEdit? Unset(Document document, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, Suggestion s, CancellationToken ct)
        {
            SyntaxNode start = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            foreach (SyntaxNode node in start.AncestorsAndSelf())
            {
                switch (node)
                {
                    case BaseObjectCreationExpressionSyntax creation when Member(model.GetTypeInfo(creation, ct).Type, s.Member) is ITypeSymbol type:
                        return ValueWriter.New(s, type) is ExpressionSyntax value
                            ? new PlannedEdit(EditKind.AddMember, document.Id, creation, value, s.Member, $"Set {s.Member} = {Code(value)} in the initializer")
                            : null;
                    case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax target } } statement
                        when Member(model.GetTypeInfo(target.Expression, ct).Type, s.Member) is ITypeSymbol type2:
                        return ValueWriter.New(s, type2) is ExpressionSyntax value2
                            ? new PlannedEdit(EditKind.AddStatement, document.Id, statement, value2, s.Member, $"Add {target.Expression.WithoutTrivia()}.{s.Member} = {Code(value2)};", target.Expression)
                            : null;
                    case LambdaExpressionSyntax { ExpressionBody: AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax target3 } } lambda
                        when Member(model.GetTypeInfo(target3.Expression, ct).Type, s.Member) is ITypeSymbol type3:
                        // o => o.A = 1 becomes o => { o.A = 1; o.B = 2; }
                        return ValueWriter.New(s, type3) is ExpressionSyntax value3
                            ? new PlannedEdit(EditKind.AddStatement, document.Id, lambda, value3, s.Member, $"Add {target3.Expression.WithoutTrivia()}.{s.Member} = {Code(value3)};", target3.Expression)
                            : null;
                    case LambdaExpressionSyntax { Block: not null } blockLambda when Parameter(blockLambda) is ParameterSyntax p &&
                        model.GetDeclaredSymbol(p, ct) is IParameterSymbol parameter && Member(parameter.Type, s.Member) is ITypeSymbol type4:
                        // Configure<T>(o => { … }) whose finding is about defaults: o.B = 2; at the end of the block
                        ExpressionSyntax receiver = SyntaxFactory.IdentifierName(p.Identifier.ValueText);
                        return ValueWriter.New(s, type4) is ExpressionSyntax value4
                            ? new PlannedEdit(EditKind.AddStatement, document.Id, blockLambda, value4, s.Member, $"Add {p.Identifier.ValueText}.{s.Member} = {Code(value4)};", receiver)
                            : null;
                    case StatementSyntax:
                    case MemberDeclarationSyntax:
                    case AnonymousFunctionExpressionSyntax:
                        return null; // nothing of the bound object up to here
                }
            }

            return null;
        }

        /// <summary>A lambda's only parameter (the options object of a Configure delegate), or null.</summary>
        private static ParameterSyntax? Parameter(LambdaExpressionSyntax lambda) => lambda switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter,
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0],
            _ => null,
        };

        /// <summary>The type of a settable property or field of that name, or null.</summary>
        private static ITypeSymbol? Member(ITypeSymbol? type, string name)
        {
            for (ITypeSymbol? t = type; t != null; t = t.BaseType)
            {
                foreach (ISymbol m in t.GetMembers(name))
                {
                    switch (m)
                    {
                        case IPropertySymbol { SetMethod: not null } p:
                            return p.Type;
                        case IFieldSymbol { IsReadOnly: false, IsConst: false } f:
                            return f.Type;
                    }
                }
            }

            return null;
        }

        /// <summary>How a title shows code: one line, TimeSpan unqualified as the simplifier writes it.</summary>
        public static string Code(SyntaxNode node) =>
            System.Text.RegularExpressions.Regex.Replace(node.WithoutTrivia().ToString().Replace("System.TimeSpan.", "TimeSpan."), @"\s+", " ");

        /// <summary>Applies edits across documents: replacements, then members and statements added (FixAll never drops one).</summary>
        public static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<PlannedEdit> edits, CancellationToken ct)
        {
            foreach (IGrouping<DocumentId, PlannedEdit> group in edits.GroupBy(e => e.Document))
            {
                Document? document = solution.GetDocument(group.Key);
                SyntaxNode? root = document == null ? null : await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
                if (document == null || root == null)
                {
                    continue;
                }

                SourceText text = await document.GetTextAsync(ct).ConfigureAwait(false);
                solution = solution.WithDocumentSyntaxRoot(group.Key, Apply(root, group, EndOfLine(text)));
            }

            return solution;
        }

        /// <summary>Applies edits that are all in <paramref name="document"/> to it (a document-level change, merged by hosts as text changes).</summary>
        public static async Task<Document> ApplyAsync(Document document, IEnumerable<PlannedEdit> edits, CancellationToken ct)
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            SourceText text = await document.GetTextAsync(ct).ConfigureAwait(false);
            return document.WithSyntaxRoot(Apply(root, edits, EndOfLine(text)));
        }

        /// <summary>The file's own line ending: CRLF files stay CRLF.</summary>
        private static string EndOfLine(SourceText text)
        {
            string s = text.ToString();
            int lf = s.IndexOf('\n');
            return lf > 0 && s[lf - 1] == '\r' ? "\r\n" : "\n";
        }

        private static SyntaxNode Apply(SyntaxNode root, IEnumerable<PlannedEdit> edits, string eol)
        {
            var replacements = new Dictionary<SyntaxNode, ExpressionSyntax>();
            var members = new Dictionary<SyntaxNode, List<PlannedEdit>>();
            var statements = new Dictionary<SyntaxNode, List<PlannedEdit>>();
            foreach (PlannedEdit e in edits)
            {
                switch (e.Kind)
                {
                    case EditKind.Replace:
                        if (!replacements.ContainsKey(e.Target))
                        {
                            replacements[e.Target] = e.Value;
                        }

                        break;
                    default:
                        Dictionary<SyntaxNode, List<PlannedEdit>> into = e.Kind == EditKind.AddMember ? members : statements;
                        if (!into.TryGetValue(e.Target, out List<PlannedEdit>? list))
                        {
                            into[e.Target] = list = new List<PlannedEdit>();
                        }

                        if (!list.Any(x => x.Member == e.Member))
                        {
                            list.Add(e);
                        }

                        break;
                }
            }

            // Mark where members and statements go, replace the values (possibly inside them), then add.
            var marks = members.Keys.Concat(statements.Keys).Distinct().ToDictionary(n => n, _ => new SyntaxAnnotation("ElectionLint.Add"));
            SyntaxNode marked = root.ReplaceNodes(marks.Keys, (original, _) => original.WithAdditionalAnnotations(marks[original]));
            var replacedNodes = marked.DescendantNodes().Where(n => replacements.Keys.Any(r => r.Span == n.Span && r.RawKind == n.RawKind)).ToList();
            SyntaxNode result = marked.ReplaceNodes(replacedNodes, (original, rewritten) =>
                replacements.First(r => r.Key.Span == original.Span && r.Key.RawKind == original.RawKind).Value);
            foreach (KeyValuePair<SyntaxNode, List<PlannedEdit>> m in members)
            {
                var creation = result.GetAnnotatedNodes(marks[m.Key]).OfType<BaseObjectCreationExpressionSyntax>().Single();
                result = result.ReplaceNode(creation, Layout.AddMembers(creation, m.Value.Select(e => (e.Member, e.Value)).ToList(), eol));
            }

            foreach (KeyValuePair<SyntaxNode, List<PlannedEdit>> st in statements)
            {
                SyntaxNode at = result.GetAnnotatedNodes(marks[st.Key]).Single();
                var adds = st.Value.Select(e => (e.Receiver!, e.Member, e.Value)).ToList();
                result = at switch
                {
                    LambdaExpressionSyntax { Block: { Statements.Count: > 0 } block } => Layout.AddStatementsAfter(result, block.Statements.Last(), adds, eol),
                    LambdaExpressionSyntax { Block: { } empty } => result.ReplaceNode(empty, Layout.FillEmptyBlock(empty, adds, eol)),
                    LambdaExpressionSyntax lambda => result.ReplaceNode(lambda, Layout.AddToExpressionLambda(lambda, adds)),
                    _ => Layout.AddStatementsAfter(result, (StatementSyntax)at, adds, eol),
                };
            }

            return result;
        }
    }
}
