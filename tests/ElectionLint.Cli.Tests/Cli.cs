using System;
using System.IO;
using System.Text;
using Xunit;

namespace ElectionLint.Cli.Tests
{
    [CollectionDefinition("cli", DisableParallelization = true)]
    public class CliCollection
    {
    }

    /// <summary>Runs the real command line in-process from the repository root and captures stdout, stderr and the exit code.</summary>
    internal static class Cli
    {
        public static string RepoRoot
        {
            get
            {
                string? dir = AppContext.BaseDirectory;
                while (dir != null && !File.Exists(Path.Combine(dir, "Linter.sln")))
                {
                    dir = Path.GetDirectoryName(dir);
                }

                return dir!;
            }
        }

        public static (int Code, string Out, string Err) RunIn(string workingDirectory, params string[] args) => RunWithInput(workingDirectory, null, args);

        /// <summary>Runs with <paramref name="input"/> as standard input (null: an empty one).</summary>
        public static (int Code, string Out, string Err) RunWithInput(string workingDirectory, byte[]? input, params string[] args)
        {
            // The working directory is process-wide: one run at a time, whatever collection the caller is in.
            lock (Gate)
            {
                return RunLocked(workingDirectory, input, args);
            }
        }

        private static readonly object Gate = new object();

        private static (int Code, string Out, string Err) RunLocked(string workingDirectory, byte[]? input, string[] args)
        {
            string previous = Directory.GetCurrentDirectory();
            Directory.SetCurrentDirectory(workingDirectory);
            try
            {
                var stream = new MemoryStream();
                var writer = new StreamWriter(stream, new UTF8Encoding(false));
                var err = new StringWriter();
                int code = Program.Run(args, writer, err, stream, () => new MemoryStream(input ?? Array.Empty<byte>()));
                writer.Flush();
                return (code, Encoding.UTF8.GetString(stream.ToArray()), err.ToString());
            }
            finally
            {
                Directory.SetCurrentDirectory(previous);
            }
        }

        public static (int Code, string Out, string Err) Run(params string[] args) => RunIn(RepoRoot, args);

        /// <summary>A scratch folder with a .git marker (so profile discovery stops there), deleted by the caller.</summary>
        public static string Scratch(params (string Path, string Text)[] files)
        {
            string dir = Path.Combine(Path.GetTempPath(), "electionlint-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(dir, ".git"));
            foreach ((string path, string text) in files)
            {
                string full = Path.Combine(dir, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
            }

            return dir;
        }
    }
}
