using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ElectionLint.Config.Linting;
using BoundedFile = ElectionLint.Config.Source.BoundedFile;
using ElectionLint.Rules.Profile;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ElectionLint.Analyzers.Collection
{
    /// <summary>The part of the config-file analyzer that touches ElectionLint.Config (and so YamlDotNet).</summary>
    internal static class ConfigFileRegistration
    {
        public static void Register(CompilationStartAnalysisContext start)
        {
            AdditionalText? profileFile = ProfileReader.Find(start.Options.AdditionalFiles);
            AnalysisProfile profile = AnalysisProfile.None;
            if (profileFile != null && ProfileReader.Load(profileFile, start.CancellationToken) is { } loaded)
            {
                profile = new AnalysisProfile(loaded.Document, System.IO.Path.GetDirectoryName(profileFile.Path));
            }

            EditorConfigSeverities sections = EditorConfigSeverities.From(start.Options.AdditionalFiles, start.CancellationToken);
            start.RegisterAdditionalFileAction(c => Analyze(c, profile, sections));
        }

        private static void Analyze(AdditionalFileAnalysisContext context, AnalysisProfile profile, EditorConfigSeverities sections)
        {
            string path = context.AdditionalFile.Path;
            if (!ConfigFileNames.IsConfigFile(path))
            {
                return;
            }

            // Before the compiler reads the file: a FIFO or a device would block or never end, a huge file would be read whole.
            if (BoundedFile.SkipBeforeReading(path, ConfigLinter.DefaultMaxBytes, out string? skipped))
            {
                if (skipped != null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.Get("EL9004"), Location.Create(path, new TextSpan(0, 0), new LinePositionSpan(default, default)), skipped));
                }

                return;
            }

            if (context.AdditionalFile.GetText(context.CancellationToken) is not SourceText text)
            {
                return;
            }

            ProfileDocument document = profile.Document;
            string relative = profile.Directory != null ? AnalysisProfile.PathRelativeTo(profile.Directory, path) : System.IO.Path.GetFileName(path);
            if (document.IsIgnored(relative))
            {
                return;
            }

            FileResult result;
            try
            {
                result = ConfigLinter.Lint(new Config.Source.SourceText(path, text.ToString()), document, relative);
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                // One file that cannot be linted never hides the findings of the others.
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.Get("EL9004"), Location.Create(path, new TextSpan(0, 0), new LinePositionSpan(default, default)), ConfigLinter.CouldNotLint(e)));
                return;
            }

            // A ConsumerConfig section of appsettings.json is the timing analyzer's, judged with the code that binds it.
            var bound = new HashSet<int>();
            foreach (Rules.Evaluation.EvaluationResult e in result.Evaluations)
            {
                if (Config.Recognition.Surfaces.KafkaSurface.IsConfluentSection(e.Instance))
                {
                    foreach (Rules.Evaluation.Finding f in e.Findings)
                    {
                        if (f.Location is Config.Recognition.SettingLocation l)
                        {
                            bound.Add(l.Value.StartOffset);
                        }
                    }
                }
            }

            ImmutableDictionary<string, ReportDiagnostic> configured = sections.For(path);
            foreach (LintDiagnostic d in result.Diagnostics)
            {
                if (bound.Contains(d.Span.StartOffset))
                {
                    continue;
                }

                DiagnosticSeverity severity = Descriptors.ToRoslyn(d.Severity);
                if (!EditorConfigSeverities.TryApply(configured, d.RuleId, ref severity))
                {
                    continue;
                }

                var additional = new List<Location>();
                foreach (RelatedLocation r in d.Related)
                {
                    additional.Add(Location.Create(r.Path ?? path, new TextSpan(r.Span.StartOffset, r.Span.Length), ProfileReader.Lines(r.Span)));
                }

                Location location = Location.Create(path, new TextSpan(d.Span.StartOffset, d.Span.Length), ProfileReader.Lines(d.Span));
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.Get(d.RuleId), location, severity, additional, null, d.Message));
            }
        }
    }
}
