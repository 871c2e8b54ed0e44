using System.Collections.Generic;
using System.IO;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Profile;

namespace ElectionLint.Analyzers.Collection
{
    /// <summary>The profile of one compilation: the document and the folder its paths are relative to.</summary>
    internal sealed class AnalysisProfile
    {
        public static readonly AnalysisProfile None = new AnalysisProfile(ProfileDocument.Empty, null);

        public AnalysisProfile(ProfileDocument document, string? directory)
        {
            Document = document;
            Directory = directory;
        }

        public ProfileDocument Document { get; }

        public string? Directory { get; }

        public IReadOnlyDictionary<string, RuleSeverity> Severities => Document.RuleSeverities;

        /// <summary>The environment for a source file, with per-path overrides applied.</summary>
        public EnvironmentProfile For(string? filePath)
        {
            if (Document.Overrides.Count == 0 || filePath == null || Directory == null)
            {
                return Document.Profile;
            }

            string relative = PathRelativeTo(Directory, filePath);
            return Document.ProfileFor(relative);
        }

        /// <summary>Path.GetRelativePath is not in netstandard2.0.</summary>
        internal static string PathRelativeTo(string directory, string file)
        {
            string dir = directory.Replace('\\', '/').TrimEnd('/') + "/";
            string f = file.Replace('\\', '/');
            return f.StartsWith(dir, System.StringComparison.Ordinal) ? f.Substring(dir.Length) : Path.GetFileName(file);
        }
    }
}
