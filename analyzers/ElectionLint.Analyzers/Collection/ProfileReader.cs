using System;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using ElectionLint.Config.ProfileFile;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ElectionLint.Analyzers.Collection
{
    /// <summary>Reads .electionlint.yaml passed as an additional file. Only called when there is one: it loads YamlDotNet.</summary>
    internal static class ProfileReader
    {
        public static AdditionalText? Find(ImmutableArray<AdditionalText> files)
        {
            AdditionalText? best = null;
            foreach (AdditionalText f in files)
            {
                string name = Path.GetFileName(f.Path);
                bool yaml = string.Equals(name, ProfileLoader.FileName, StringComparison.OrdinalIgnoreCase);
                if ((yaml || string.Equals(name, ProfileLoader.AlternateFileName, StringComparison.OrdinalIgnoreCase)) &&
                    (best == null || f.Path.Length > best.Path.Length || (yaml && Path.GetDirectoryName(f.Path) == Path.GetDirectoryName(best.Path))))
                {
                    best = f; // the deepest one is the nearest to the project; in one folder .yaml wins
                }
            }

            return best;
        }

        /// <summary>Loads the profile; a broken one is reported (EL9002) on its own file.</summary>
        public static AnalysisProfile Setup(CompilationStartAnalysisContext start, AdditionalText profileFile)
        {
            LoadedProfile? loaded = Load(profileFile, start.CancellationToken);
            if (loaded == null)
            {
                return AnalysisProfile.None;
            }

            if (!loaded.IsValid)
            {
                start.RegisterAdditionalFileAction(c => ReportProfileProblems(c, profileFile, loaded));
            }

            return new AnalysisProfile(loaded.Document, Path.GetDirectoryName(profileFile.Path));
        }

        /// <summary>Both analyzers of a compilation get the same AdditionalText: the profile is parsed once.</summary>
        private static readonly ConditionalWeakTable<AdditionalText, LoadedProfile> Loaded = new ConditionalWeakTable<AdditionalText, LoadedProfile>();

        public static LoadedProfile? Load(AdditionalText file, CancellationToken cancellation)
        {
            if (Loaded.TryGetValue(file, out LoadedProfile? cached))
            {
                return cached;
            }

            string? text = file.GetText(cancellation)?.ToString();
            return text == null ? null : Loaded.GetValue(file, f => ProfileLoader.Load(f.Path, text));
        }

        private static void ReportProfileProblems(AdditionalFileAnalysisContext context, AdditionalText profileFile, LoadedProfile loaded)
        {
            if (!string.Equals(context.AdditionalFile.Path, profileFile.Path, StringComparison.Ordinal))
            {
                return;
            }

            foreach (Config.Documents.FileProblem p in loaded.Problems)
            {
                Location location = Location.Create(profileFile.Path, new TextSpan(p.Span.StartOffset, p.Span.Length), Lines(p.Span));
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.Get("EL9002"), location, Path.GetFileName(profileFile.Path) + " is invalid: " + p.Message));
            }
        }

        internal static LinePositionSpan Lines(Config.Source.SourceSpan s) =>
            new LinePositionSpan(new LinePosition(Math.Max(0, s.StartLine - 1), Math.Max(0, s.StartColumn - 1)), new LinePosition(Math.Max(0, s.EndLine - 1), Math.Max(0, s.EndColumn - 1)));
    }
}
