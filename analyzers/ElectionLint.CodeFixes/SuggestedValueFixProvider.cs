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
    /// Applies the engine's verified repairs. One action per repair (all its changes at once), titled "Set RenewDeadline to 8s",
    /// keyed "EL1010.SetRenewDeadline". FixAll applies, per diagnostic, the repair with the chosen key, or its first one.
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

        /// <summary>"EL1010.SetRenewDeadline", or "EL2030.SetLeaseDuration+RetryPeriod" for a repair that sets several members.</summary>
        public static string EquivalenceKey(string ruleId, IEnumerable<string> members) => ruleId + ".Set" + string.Join("+", members);

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                var keys = new HashSet<string>();
                foreach (List<Suggestion> repair in Suggestion.Read(diagnostic))
                {
                    string key = EquivalenceKey(diagnostic.Id, repair.Select(s => s.Member));
                    if (!keys.Add(key) || await PlanAsync(context.Document, root, diagnostic, repair, context.CancellationToken).ConfigureAwait(false) is not List<PlannedEdit> edits)
                    {
                        continue;
                    }

                    Document document = context.Document;
                    string title = "Set " + string.Join(repair.Count == 2 ? " and " : ", ", repair.Select(s => $"{s.Member} to {s.Display}"));
                    context.RegisterCodeFix(
                        CodeAction.Create(title, _ => Task.FromResult(document.WithSyntaxRoot(FixPlanner.Apply(root, edits))), key),
                        diagnostic);
                }
            }
        }

        /// <summary>The edits of every change of a repair, or null when one of them cannot be made in the author's form.</summary>
        private static async Task<List<PlannedEdit>?> PlanAsync(Document document, SyntaxNode root, Diagnostic diagnostic, List<Suggestion> repair, System.Threading.CancellationToken cancellation)
        {
            var edits = new List<PlannedEdit>();
            foreach (Suggestion s in repair)
            {
                if (await FixPlanner.PlanAsync(document, root, diagnostic, s, cancellation).ConfigureAwait(false) is not PlannedEdit edit)
                {
                    return null;
                }

                edits.Add(edit);
            }

            return edits;
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
                List<PlannedEdit>? chosen = null, first = null;
                foreach (List<Suggestion> repair in Suggestion.Read(diagnostic))
                {
                    if (await PlanAsync(document, root, diagnostic, repair, context.CancellationToken).ConfigureAwait(false) is not List<PlannedEdit> planned)
                    {
                        continue;
                    }

                    first ??= planned;
                    if (EquivalenceKey(diagnostic.Id, repair.Select(s => s.Member)) == context.CodeActionEquivalenceKey)
                    {
                        chosen = planned;
                        break;
                    }
                }

                if ((chosen ?? first) is List<PlannedEdit> e)
                {
                    edits.AddRange(e);
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
