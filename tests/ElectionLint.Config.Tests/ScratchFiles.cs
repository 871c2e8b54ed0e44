using System;
using System.IO;
using System.Linq;
using ElectionLint.Config.Linting;
using ElectionLint.Rules.Profile;

namespace ElectionLint.Config.Tests
{
    /// <summary>A scratch folder of files a test writes (a chart, a role) and lints one by one; deleted after the test.</summary>
    public abstract class ScratchFiles : IDisposable
    {
        /// <summary>The folder the files are written in.</summary>
        protected string Dir { get; } = Path.Combine(Path.GetTempPath(), "electionlint-scratch-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(Dir))
            {
                Directory.Delete(Dir, recursive: true);
            }

            GC.SuppressFinalize(this);
        }

        protected string Write(string relative, string text)
        {
            string path = Path.Combine(Dir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return path;
        }

        protected static LintDiagnostic[] Diagnostics(string path) => ConfigLinter.LintFile(path, ProfileDocument.Empty, Path.GetFileName(path)).Diagnostics.ToArray();

        /// <summary>"line:column RULE" of each finding in the file.</summary>
        protected static string[] LintAt(string path) => Lint.Where(Diagnostics(path));
    }
}
