using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ElectionLint.Rules.Catalogue;
using Microsoft.CodeAnalysis;

namespace ElectionLint.Analyzers
{
    /// <summary>Roslyn descriptors made from the rule catalogue (the only place rules are declared).</summary>
    public static class Descriptors
    {
        private static readonly Dictionary<string, DiagnosticDescriptor> ById = Build();

        public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.CreateRange(ById.Values);

        /// <summary>
        /// What the C# analyzer reports: the engine's rules (a profile binding may bind any system) and an invalid profile;
        /// never a config file's parse error, skip or suppression comment.
        /// </summary>
        public static ImmutableArray<DiagnosticDescriptor> Timing { get; } =
            ImmutableArray.CreateRange(RuleCatalogue.Rules.Where(r => r.Category != RuleCategory.Linter || r.Id == "EL9002").Select(r => ById[r.Id]));

        /// <summary>What the config-file analyzer reports: every rule (a profile binding may bind any system to a file's keys).</summary>
        public static ImmutableArray<DiagnosticDescriptor> ConfigFiles { get; } = All;

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
