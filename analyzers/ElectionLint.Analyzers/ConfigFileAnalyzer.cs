using System.Collections.Immutable;
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
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.ConfigFiles;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                foreach (AdditionalText file in start.Options.AdditionalFiles)
                {
                    if (Config.Linting.ConfigFileNames.IsConfigFile(file.Path))
                    {
                        ConfigFileRegistration.Register(start);
                        return;
                    }
                }
            });
        }
    }
}
