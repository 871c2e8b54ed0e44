using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ElectionLint.Analyzers.Collection
{
    /// <summary>
    /// The severities .editorconfig sections give a config file's findings. The compiler applies sections to source
    /// files only (for an additional file it applies global options), and it keeps dotnet_diagnostic.*.severity keys
    /// out of the options analyzers see; the package passes the .editorconfig files as AdditionalFiles, read here with
    /// the compiler's own parser and section matching.
    /// </summary>
    internal sealed class EditorConfigSeverities
    {
        private readonly AnalyzerConfigSet? set;

        private EditorConfigSeverities(AnalyzerConfigSet? set) => this.set = set;

        public static EditorConfigSeverities From(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
        {
            var configs = new List<AnalyzerConfig>();
            foreach (AdditionalText file in files)
            {
                if (Path.GetFileName(file.Path) == ".editorconfig" && file.GetText(cancellationToken) is SourceText text)
                {
                    configs.Add(AnalyzerConfig.Parse(text, file.Path));
                }
            }

            return new EditorConfigSeverities(configs.Count == 0 ? null : AnalyzerConfigSet.Create(configs));
        }

        /// <summary>The sections' options for one file: rule ID → severity, none where no section sets one.</summary>
        public ImmutableDictionary<string, ReportDiagnostic> For(string path) =>
            set?.GetOptionsForSourcePath(path).TreeOptions ?? ImmutableDictionary<string, ReportDiagnostic>.Empty;

        /// <summary>The severity a section sets for the rule, or the finding's own; false where a section switches it off.</summary>
        public static bool TryApply(ImmutableDictionary<string, ReportDiagnostic> options, string ruleId, ref DiagnosticSeverity severity)
        {
            if (!options.TryGetValue(ruleId, out ReportDiagnostic report) && !options.TryGetValue(ruleId.ToLowerInvariant(), out report))
            {
                return true;
            }

            switch (report)
            {
                case ReportDiagnostic.Suppress:
                case ReportDiagnostic.Hidden:
                    return false;
                case ReportDiagnostic.Error:
                    severity = DiagnosticSeverity.Error;
                    return true;
                case ReportDiagnostic.Warn:
                    severity = DiagnosticSeverity.Warning;
                    return true;
                case ReportDiagnostic.Info:
                    severity = DiagnosticSeverity.Info;
                    return true;
                default:
                    return true;
            }
        }
    }
}
