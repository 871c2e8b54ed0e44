using System;
using System.Collections.Generic;
using System.IO;
using ElectionLint.Config.Linting;
using ElectionLint.Rules.Profile;

namespace ElectionLint.Cli
{
    /// <summary>Expands the paths given on the command line into the configuration files to lint.</summary>
    internal static class FileWalker
    {
        private static readonly HashSet<string> SkippedDirectories = new HashSet<string>(StringComparer.Ordinal) { ".git", "bin", "obj", "node_modules", ".vs", ".idea" };

        /// <summary>Files to lint, sorted; missing paths are returned separately.</summary>
        public static (List<string> Files, List<string> Missing) Expand(IEnumerable<string> paths)
        {
            var files = new List<string>();
            var missing = new List<string>();
            foreach (string p in paths)
            {
                if (File.Exists(p))
                {
                    files.Add(Path.GetFullPath(p)); // an explicit file is linted whatever its name
                }
                else if (Directory.Exists(p))
                {
                    Walk(Path.GetFullPath(p), files);
                }
                else
                {
                    missing.Add(p);
                }
            }

            // `lint d d/f` lints d/f once.
            var unique = new List<string>(new SortedSet<string>(files, StringComparer.Ordinal));
            return (unique, missing);
        }

        /// <summary>The files named on the command line themselves (full paths), not found by walking a folder.</summary>
        public static HashSet<string> NamedFiles(IEnumerable<string> paths)
        {
            var named = new HashSet<string>(StringComparer.Ordinal);
            foreach (string p in paths)
            {
                if (File.Exists(p))
                {
                    named.Add(Path.GetFullPath(p));
                }
            }

            return named;
        }

        /// <summary>
        /// The line that says why a file named on the command line is not linted: an <c>ignore:</c> glob of its profile
        /// (silence would read as "no finding").
        /// </summary>
        public static string IgnoredLine(string file, string? profilePath, Glob glob, string cwd) =>
            $"electionlint: {Path.GetRelativePath(cwd, file)} is not linted: {(profilePath != null ? Path.GetRelativePath(cwd, profilePath) : "the profile")} ignores it (ignore: \"{glob.Pattern}\")";

        /// <summary>Reports paths that name nothing, with the usage hint; true when there were any (a usage error).</summary>
        public static bool ReportMissing(List<string> missing, TextWriter stderr)
        {
            foreach (string m in missing)
            {
                // A bare word is more likely a mistyped command (`electionlint tnue`) than a file name.
                bool word = m.Length > 0 && m.IndexOfAny(new[] { '/', '\\', '.' }) < 0;
                stderr.WriteLine(
                    m == "-" ? "error: '-' (standard input) is read by lint only; name the file here"
                    : m.StartsWith('-') ? $"error: unknown option '{m}'"
                    : word ? $"error: '{m}' is not a command (lint, explain, tune, init, rules, help) nor a file or folder"
                    : $"error: {m}: no such file or directory");
            }

            if (missing.Count > 0)
            {
                stderr.WriteLine("Run 'electionlint --help' for usage.");
            }

            return missing.Count > 0;
        }

        private static void Walk(string root, List<string> into)
        {
            var stack = new Stack<string>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                string dir = stack.Pop();
                IEnumerable<string> entries;
                try
                {
                    entries = Directory.EnumerateFileSystemEntries(dir);
                    foreach (string entry in entries)
                    {
                        string name = Path.GetFileName(entry);
                        if (Directory.Exists(entry))
                        {
                            if (!SkippedDirectories.Contains(name) && (File.GetAttributes(entry) & FileAttributes.ReparsePoint) == 0)
                            {
                                stack.Push(entry);
                            }
                        }
                        else if (ConfigFileNames.IsConfigFile(entry))
                        {
                            into.Add(entry);
                        }
                    }
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    // An unreadable folder is skipped; its files cannot be linted anyway.
                }
            }
        }
    }
}
