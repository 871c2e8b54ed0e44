using System.Collections.Generic;
using ElectionLint.Config.Linting;
using ElectionLint.Config.Source;

namespace ElectionLint.Cli.Output
{
    /// <summary>Everything a formatter needs: the diagnostics in order and each file's text for code frames.</summary>
    internal sealed record LintReport
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

        /// <summary>Text: no summary line (--quiet).</summary>
        public bool Quiet { get; init; }

        /// <summary>Text: ANSI colour for severities and rule ids (--color).</summary>
        public bool Color { get; init; }

        /// <summary>The nearest folder upward from <see cref="BaseDirectory"/> with a .git, else BaseDirectory (SARIF %SRCROOT%).</summary>
        public string RepositoryRoot
        {
            get
            {
                for (string? dir = BaseDirectory; dir != null; dir = System.IO.Path.GetDirectoryName(dir))
                {
                    if (System.IO.Directory.Exists(System.IO.Path.Combine(dir, ".git")) || System.IO.File.Exists(System.IO.Path.Combine(dir, ".git")))
                    {
                        return dir;
                    }
                }

                return BaseDirectory;
            }
        }

        public string DisplayPath(string path)
        {
            string rel = System.IO.Path.GetRelativePath(BaseDirectory, path);
            return (rel.StartsWith("..", System.StringComparison.Ordinal) ? path : rel).Replace('\\', '/');
        }
    }
}
