using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ElectionLint.Rules.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ElectionLint.CodeFixes
{
    /// <summary>
    /// Applies the engine's verified repairs, one action per repair (all its changes at once). Every diagnostic offers its
    /// actions in the same order under the same keys: first "ElectionLint.Recommended" (the engine's best repair that can be
    /// written here), then "ElectionLint.EL1010.Set.RenewDeadline" and the other alternatives. <c>dotnet format</c> runs
    /// FixAll with the first action's key of whatever diagnostic it meets first (even another rule's): any key but one of
    /// this rule's alternatives means each diagnostic's own recommended repair, so a file's result depends on that file only.
    /// </summary>
    public abstract class SuggestedValueFixProvider : CodeFixProvider
    {
        private static readonly ImmutableArray<FixAllScope> Scopes = ImmutableArray.Create(
            FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution, FixAllScope.ContainingMember, FixAllScope.ContainingType);

        private readonly ImmutableArray<string> _ids;

        protected SuggestedValueFixProvider(char family)
        {
            _ids = RuleCatalogue.Rules.Where(r => r.Fixable && r.Id[2] == family).Select(r => r.Id).ToImmutableArray();
        }

        public sealed override ImmutableArray<string> FixableDiagnosticIds => _ids;

        public sealed override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllAsync, Scopes);

        public const string RecommendedKey = "ElectionLint.Recommended";

        /// <summary>"ElectionLint.EL1010.Set.RenewDeadline"; "…Set.LeaseDuration+RetryPeriod" for a joint repair.</summary>
        public static string AlternativeKey(string ruleId, IEnumerable<string> members) => $"ElectionLint.{ruleId}.Set.{string.Join("+", members)}";

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            Document document = context.Document;
            SyntaxNode? root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            SemanticModel? model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return;
            }

            // Two rules on one value with the same change give one entry (for both diagnostics).
            var offered = new Dictionary<string, (string Key, List<PlannedEdit> Edits, List<Diagnostic> Diagnostics)>();
            var order = new List<string>();
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                foreach ((string key, _, List<PlannedEdit> edits) in await ActionsAsync(document, root, model, diagnostic, context.CancellationToken).ConfigureAwait(false))
                {
                    string title = Title(edits);
                    if (offered.TryGetValue(title, out var existing))
                    {
                        existing.Diagnostics.Add(diagnostic);
                        continue;
                    }

                    offered[title] = (key, edits, new List<Diagnostic> { diagnostic });
                    order.Add(title);
                }
            }

            Solution solution = document.Project.Solution;
            foreach (string title in order)
            {
                (string key, List<PlannedEdit> edits, List<Diagnostic> diagnostics) = offered[title];
                // A change in this document only is a document change: hosts merge it as text; another document needs a solution change.
                CodeAction action = edits.All(e => e.Document == document.Id)
                    ? CodeAction.Create(title, ct => FixPlanner.ApplyAsync(document, edits, ct), key)
                    : CodeAction.Create(title, ct => FixPlanner.ApplyAsync(solution, edits, ct), key);
                context.RegisterCodeFix(action, diagnostics.ToImmutableArray());
            }
        }

        /// <summary>A diagnostic's actions in the order every diagnostic of the rule offers them, with their keys.</summary>
        private static async Task<List<(string Key, string Members, List<PlannedEdit> Edits)>> ActionsAsync(Document document, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken ct)
        {
            var actions = new List<(string, string, List<PlannedEdit>)>();
            var keys = new HashSet<string>();
            foreach (List<Suggestion> repair in Suggestion.Read(diagnostic))
            {
                if (await PlanAsync(document, root, model, diagnostic, repair, ct).ConfigureAwait(false) is not List<PlannedEdit> edits)
                {
                    continue;
                }

                string key = actions.Count == 0 ? RecommendedKey : AlternativeKey(diagnostic.Id, repair.Select(s => s.Member));
                for (int n = 2; !keys.Add(key); n++)
                {
                    key = AlternativeKey(diagnostic.Id, repair.Select(s => s.Member)) + "." + n;
                }

                actions.Add((key, AlternativeKey(diagnostic.Id, repair.Select(s => s.Member)), edits));
            }

            return actions;
        }

        /// <summary>The edits of every change of a repair, or null when one of them cannot be made in the author's form.</summary>
        private static async Task<List<PlannedEdit>?> PlanAsync(Document document, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, List<Suggestion> repair, CancellationToken ct)
        {
            var edits = new List<PlannedEdit>();
            foreach (Suggestion s in repair)
            {
                if (await FixPlanner.PlanAsync(document, root, model, diagnostic, s, ct).ConfigureAwait(false) is not PlannedEdit edit)
                {
                    return null;
                }

                edits.Add(edit);
            }

            return edits;
        }

        /// <summary>"Change LeaseDuration to TimeSpan.FromSeconds(12)"; a joint repair's changes joined with "; ".</summary>
        private static string Title(List<PlannedEdit> edits) => string.Join("; ", edits.Select((e, i) => i == 0 ? e.Title : char.ToLowerInvariant(e.Title[0]) + e.Title.Substring(1)));

        private static async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            CancellationToken ct = context.CancellationToken;
            SyntaxNode? root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            SemanticModel? model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return null;
            }

            var edits = new List<PlannedEdit>();
            foreach (Diagnostic diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var actions = await ActionsAsync(document, root, model, diagnostic, ct).ConfigureAwait(false);
                // One of this rule's alternatives takes the action that sets those members where this diagnostic has one (first
                // or not); any other key takes each diagnostic's own first action.
                string? key = context.CodeActionEquivalenceKey;
                bool alternative = key != null && key.StartsWith($"ElectionLint.{diagnostic.Id}.Set.", System.StringComparison.Ordinal);
                // FixAll changes this document only: a repair at a declaration in another file is the single action's.
                List<PlannedEdit>? chosen = actions.Where(a => alternative ? a.Key == key || a.Members == key : true)
                    .Select(a => a.Edits).FirstOrDefault(e => e.All(x => x.Document == document.Id));
                if (chosen != null)
                {
                    edits.AddRange(chosen);
                }
            }

            if (edits.Count == 0)
            {
                return null;
            }

            return await FixPlanner.ApplyAsync(document, edits, ct).ConfigureAwait(false);
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
