using System;
using System.Collections.Immutable;
using System.IO;
using ElectionLint.Analyzers.Collection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ElectionLint.Analyzers
{
    /// <summary>
    /// Reports the config linter's findings on YAML, properties and JSON files passed as AdditionalFiles, with the same
    /// rules and positions as the electionlint command. A compilation without such files never loads the YAML reader.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConfigFileAnalyzer : DiagnosticAnalyzer
    {
        private static readonly string[] Extensions = { ".yaml", ".yml", ".json", ".properties", ".cfg" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.All;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                foreach (AdditionalText file in start.Options.AdditionalFiles)
                {
                    if (IsConfigFile(file.Path))
                    {
                        ConfigFileRegistration.Register(start);
                        return;
                    }
                }
            });
        }

        /// <summary>A config file (not the profile): by extension, template suffixes ignored.</summary>
        public static bool IsConfigFile(string path)
        {
            string name = Path.GetFileName(path);
            if (string.Equals(name, ".electionlint.yaml", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            foreach (string e in Extensions)
            {
                if (name.EndsWith(e, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
