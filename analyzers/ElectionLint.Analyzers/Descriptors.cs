using System.Collections.Generic;
using System.Collections.Immutable;
using ElectionLint.Rules.Catalogue;
using Microsoft.CodeAnalysis;

namespace ElectionLint.Analyzers
{
    /// <summary>Roslyn descriptors made from the rule catalogue (the only place rules are declared).</summary>
    public static class Descriptors
    {
        private static readonly Dictionary<string, DiagnosticDescriptor> ById = Build();

        public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.CreateRange(ById.Values);

        public static DiagnosticDescriptor Get(string id) => ById[id];

        public static DiagnosticSeverity ToRoslyn(RuleSeverity s) => s switch
        {
            RuleSeverity.Error => DiagnosticSeverity.Error,
            RuleSeverity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        };

        private static Dictionary<string, DiagnosticDescriptor> Build()
        {
            var map = new Dictionary<string, DiagnosticDescriptor>();
            foreach (Rule r in RuleCatalogue.Rules)
            {
                // The engine writes the whole message (with the real numbers); the descriptor carries it as {0}.
                map[r.Id] = new DiagnosticDescriptor(
                    r.Id,
                    r.Title,
                    "{0}",
                    r.Category,
                    ToRoslyn(r.DefaultSeverity),
                    isEnabledByDefault: true,
                    description: r.Description,
                    helpLinkUri: r.HelpLink);
            }

            return map;
        }
    }
}
