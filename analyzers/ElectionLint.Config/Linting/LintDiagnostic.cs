using System.Collections.Generic;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Evaluation;

namespace ElectionLint.Config.Linting
{
    /// <summary>A second location of a diagnostic: the related setting.</summary>
    public sealed class RelatedLocation
    {
        public RelatedLocation(SourceSpan span, string message)
        {
            Span = span;
            Message = message;
        }

        public SourceSpan Span { get; }

        public string Message { get; }

        /// <summary>The file it is in when that is not the diagnostic's (the chart template that passes a value on).</summary>
        public string? Path { get; init; }

        /// <summary>The related setting's name as written, when the location is one (a baseline keys the finding by its value too).</summary>
        public string? Setting { get; init; }
    }

    /// <summary>One diagnostic in one file, with exact positions.</summary>
    public sealed class LintDiagnostic
    {
        public LintDiagnostic(string path, Rule rule, RuleSeverity severity, string message, SourceSpan span)
        {
            Path = path;
            Rule = rule;
            Severity = severity;
            _message = message;
            Span = span;
        }

        /// <summary>The engine's finding as a diagnostic: its message (which names the first repair) is read when first asked for.</summary>
        internal LintDiagnostic(string path, Finding finding, SourceSpan span)
        {
            Path = path;
            Rule = finding.Rule;
            Severity = finding.Severity;
            Span = span;
            Finding = finding;
        }

        private readonly string? _message;

        public string Path { get; }

        public Rule Rule { get; }

        public string RuleId => Rule.Id;

        public RuleSeverity Severity { get; }

        public string Message => _message ?? Finding!.Message;

        public SourceSpan Span { get; }

        public IReadOnlyList<RelatedLocation> Related { get; init; } = new RelatedLocation[0];

        /// <summary>The engine's finding behind this diagnostic (null for EL9xxx).</summary>
        public Finding? Finding { get; init; }

        /// <summary>A stable key for baselines: rule, file and setting path, never the line.</summary>
        public string? SettingKey { get; init; }

        public override string ToString() => $"{Path}:{Span.StartLine}:{Span.StartColumn}: {RuleSeverityText.Name(Severity)} {RuleId} {Message}";
    }
}
