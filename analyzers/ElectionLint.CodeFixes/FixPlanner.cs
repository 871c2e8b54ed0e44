using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ElectionLint.CodeFixes
{
    /// <summary>One change a fix makes: replace a value, or add a member to an object initializer.</summary>
    internal sealed class PlannedEdit
    {
        public PlannedEdit(ExpressionSyntax? replace, ExpressionSyntax value, BaseObjectCreationExpressionSyntax? addTo, string member)
        {
            Replace = replace;
            Value = value;
            AddTo = addTo;
            Member = member;
        }

        public ExpressionSyntax? Replace { get; }

        public ExpressionSyntax Value { get; }

        public BaseObjectCreationExpressionSyntax? AddTo { get; }

        public string Member { get; }
    }

    internal static class FixPlanner
    {
        /// <summary>The edit that applies a suggestion, or null when it cannot be applied in the author's form.</summary>
        public static PlannedEdit? Plan(SyntaxNode root, Diagnostic diagnostic, Suggestion s)
        {
            if (s.Span is TextSpan span)
            {
                if (span.End > root.FullSpan.End)
                {
                    return null;
                }

                ExpressionSyntax? current = root.FindNode(span, getInnermostNodeForTie: true)
                    .DescendantNodesAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == span)
                    ?? root.FindNode(span).AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == span);
                ExpressionSyntax? replacement = current == null ? null : ValueWriter.Replace(current, s);
                return replacement == null ? null : new PlannedEdit(current, replacement, null, s.Member);
            }

            // Unset: add the member to the object creation the diagnostic is about.
            BaseObjectCreationExpressionSyntax? creation = root.FindNode(diagnostic.Location.SourceSpan)
                .AncestorsAndSelf().OfType<BaseObjectCreationExpressionSyntax>().FirstOrDefault();
            ExpressionSyntax? value = ValueWriter.New(s);
            return creation == null || value == null ? null : new PlannedEdit(null, value, creation, s.Member);
        }

        /// <summary>
        /// <see cref="Plan"/>, and for a value read from a constant, field or local: the edit at its declaration, when the
        /// declaration is in this document and the value is used nowhere else. Otherwise no edit.
        /// </summary>
        public static async Task<PlannedEdit?> PlanAsync(Document document, SyntaxNode root, Diagnostic diagnostic, Suggestion s, CancellationToken cancellation)
        {
            if (Plan(root, diagnostic, s) is PlannedEdit direct)
            {
                return direct;
            }

            if (s.Span is not TextSpan span || span.End > root.FullSpan.End ||
                root.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax named ||
                !(named is IdentifierNameSyntax || named is MemberAccessExpressionSyntax))
            {
                return null;
            }

            SemanticModel? model = await document.GetSemanticModelAsync(cancellation).ConfigureAwait(false);
            ISymbol? symbol = model?.GetSymbolInfo(named, cancellation).Symbol;
            if (symbol is not (IFieldSymbol or ILocalSymbol) || symbol.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            SyntaxReference declaration = symbol.DeclaringSyntaxReferences[0];
            if (declaration.SyntaxTree != root.SyntaxTree ||
                await declaration.GetSyntaxAsync(cancellation).ConfigureAwait(false) is not VariableDeclaratorSyntax { Initializer: { } initializer })
            {
                return null;
            }

            int uses = 0;
            foreach (ReferencedSymbol r in await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellation).ConfigureAwait(false))
            {
                uses += r.Locations.Count();
            }

            if (uses != 1)
            {
                return null; // fixing the declaration would change its other uses
            }

            ExpressionSyntax? replacement = ValueWriter.Replace(initializer.Value, s);
            return replacement == null ? null : new PlannedEdit(initializer.Value, replacement, null, s.Member);
        }

        /// <summary>Applies edits together: replacements first, then members added per initializer (FixAll never drops one).</summary>
        public static SyntaxNode Apply(SyntaxNode root, IEnumerable<PlannedEdit> edits)
        {
            var replacements = new Dictionary<SyntaxNode, ExpressionSyntax>();
            var additions = new Dictionary<BaseObjectCreationExpressionSyntax, List<PlannedEdit>>();
            foreach (PlannedEdit e in edits)
            {
                if (e.Replace != null)
                {
                    if (!replacements.ContainsKey(e.Replace))
                    {
                        replacements[e.Replace] = e.Value;
                    }
                }
                else if (e.AddTo != null)
                {
                    if (!additions.TryGetValue(e.AddTo, out List<PlannedEdit>? list))
                    {
                        additions[e.AddTo] = list = new List<PlannedEdit>();
                    }

                    if (!list.Any(x => x.Member == e.Member))
                    {
                        list.Add(e);
                    }
                }
            }

            // Mark the creations, replace the values inside them, then find the creations again and add members.
            var marks = additions.Keys.ToDictionary(c => c, _ => new SyntaxAnnotation("ElectionLint.AddMembers"));
            SyntaxNode marked = root.ReplaceNodes(marks.Keys, (original, _) => original.WithAdditionalAnnotations(marks[original]));
            var replacedNodes = marked.DescendantNodes().Where(n => replacements.Keys.Any(r => r.Span == n.Span && r.RawKind == n.RawKind)).ToList();
            SyntaxNode replaced = marked.ReplaceNodes(replacedNodes, (original, rewritten) =>
                replacements.First(r => r.Key.Span == original.Span && r.Key.RawKind == original.RawKind).Value);
            foreach (KeyValuePair<BaseObjectCreationExpressionSyntax, SyntaxAnnotation> m in marks)
            {
                var creation = replaced.GetAnnotatedNodes(m.Value).OfType<BaseObjectCreationExpressionSyntax>().Single();
                replaced = replaced.ReplaceNode(creation, AddMembers(creation, additions[m.Key]));
            }

            return replaced;
        }

        private static BaseObjectCreationExpressionSyntax AddMembers(BaseObjectCreationExpressionSyntax creation, List<PlannedEdit> adds)
        {
            ExpressionSyntax[] assignments = adds
                .Select(a => (ExpressionSyntax)AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName(a.Member), a.Value))
                .ToArray();
            InitializerExpressionSyntax initializer = creation.Initializer == null
                ? InitializerExpression(SyntaxKind.ObjectInitializerExpression, SeparatedList(assignments))
                : creation.Initializer.AddExpressions(assignments);
            return creation.WithInitializer(initializer.WithAdditionalAnnotations(Formatter.Annotation));
        }
    }
}
