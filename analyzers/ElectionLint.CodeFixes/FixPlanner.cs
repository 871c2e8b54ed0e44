using System.Collections.Generic;
using System.Linq;
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
