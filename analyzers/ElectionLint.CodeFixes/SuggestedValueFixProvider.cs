using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using ElectionLint.Rules.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ElectionLint.CodeFixes
{
    /// <summary>
    /// Applies the engine's verified suggested values. One action per suggestion, titled "Set RenewDeadline to 8s",
    /// keyed "EL1010.SetRenewDeadline". FixAll applies, per diagnostic, the suggestion with the chosen key, or its first one.
    /// </summary>
    public abstract class SuggestedValueFixProvider : CodeFixProvider
    {
        private readonly ImmutableArray<string> _ids;

        protected SuggestedValueFixProvider(char family)
        {
            _ids = RuleCatalogue.Rules.Where(r => r.Fixable && r.Id[2] == family).Select(r => r.Id).ToImmutableArray();
        }

        public sealed override ImmutableArray<string> FixableDiagnosticIds => _ids;

        public sealed override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllAsync);

        public static string EquivalenceKey(string ruleId, string member) => ruleId + ".Set" + member;

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                var members = new HashSet<string>();
                foreach (Suggestion s in Suggestion.Read(diagnostic))
                {
                    if (!members.Add(s.Member) || await FixPlanner.PlanAsync(context.Document, root, diagnostic, s, context.CancellationToken).ConfigureAwait(false) is not PlannedEdit edit)
                    {
                        continue;
                    }

                    Document document = context.Document;
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Set {s.Member} to {s.Display}",
                            _ => Task.FromResult(document.WithSyntaxRoot(FixPlanner.Apply(root, new[] { edit }))),
                            EquivalenceKey(diagnostic.Id, s.Member)),
                        diagnostic);
                }
            }
        }

        private static async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return null;
            }

            var edits = new List<PlannedEdit>();
            foreach (Diagnostic diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                PlannedEdit? chosen = null, first = null;
                foreach (Suggestion s in Suggestion.Read(diagnostic))
                {
                    if (await FixPlanner.PlanAsync(document, root, diagnostic, s, context.CancellationToken).ConfigureAwait(false) is not PlannedEdit edit)
                    {
                        continue;
                    }

                    first ??= edit;
                    if (EquivalenceKey(diagnostic.Id, s.Member) == context.CodeActionEquivalenceKey)
                    {
                        chosen = edit;
                        break;
                    }
                }

                if ((chosen ?? first) is PlannedEdit e)
                {
                    edits.Add(e);
                }
            }

            return edits.Count == 0 ? null : document.WithSyntaxRoot(FixPlanner.Apply(root, edits));
        }
    }

    /// <summary>Fixes for EL1xxx: values the system refuses.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardLimitFixProvider))]
    [Shared]
    public sealed class HardLimitFixProvider : SuggestedValueFixProvider
    {
        public HardLimitFixProvider()
            : base('1')
        {
        }
    }

    /// <summary>Fixes for EL2xxx: failover speed against stability.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TuningFixProvider))]
    [Shared]
    public sealed class TuningFixProvider : SuggestedValueFixProvider
    {
        public TuningFixProvider()
            : base('2')
        {
        }
    }
}
