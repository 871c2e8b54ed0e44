using System.Collections.Generic;
using ElectionLint.Config.Linting;
using ElectionLint.Config.Source;

namespace ElectionLint.Cli.Output
{
    /// <summary>Everything a formatter needs: the diagnostics in order and each file's text for code frames.</summary>
    internal sealed class LintReport
    {
        public LintReport(IReadOnlyList<LintDiagnostic> diagnostics, IReadOnlyDictionary<string, SourceText> sources, int filesLinted, string baseDirectory)
        {
            Diagnostics = diagnostics;
            Sources = sources;
            FilesLinted = filesLinted;
            BaseDirectory = baseDirectory;
        }

        public IReadOnlyList<LintDiagnostic> Diagnostics { get; }

        public IReadOnlyDictionary<string, SourceText> Sources { get; }

        public int FilesLinted { get; }

        /// <summary>Paths are shown relative to this folder (the current directory).</summary>
        public string BaseDirectory { get; }

        public string DisplayPath(string path)
        {
            string rel = System.IO.Path.GetRelativePath(BaseDirectory, path);
            return (rel.StartsWith("..", System.StringComparison.Ordinal) ? path : rel).Replace('\\', '/');
        }
    }
}
