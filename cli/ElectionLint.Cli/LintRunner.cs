using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ElectionLint.Cli.Output;
using ElectionLint.Config.Documents;
using ElectionLint.Config.Linting;
using ElectionLint.Config.ProfileFile;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Profile;

namespace ElectionLint.Cli
{
    /// <summary>What <c>electionlint lint</c> was asked to do.</summary>
    internal sealed class LintOptions
    {
        public IReadOnlyList<string> Paths { get; init; } = new[] { "." };

        public IReadOnlyList<string> Formats { get; init; } = new string[0];

        public IReadOnlyList<string> Outputs { get; init; } = new string[0];

        public RuleSeverity? FailLevel { get; init; } = RuleSeverity.Warning;

        public string? Config { get; init; }

        /// <summary>Text format: findings only, no summary.</summary>
        public bool Quiet { get; init; }

        /// <summary>Text format: ANSI colour for severities and rule ids.</summary>
        public bool Color { get; init; }

        /// <summary>Report only the findings this baseline does not hold.</summary>
        public string? Baseline { get; init; }

        /// <summary>Record every current finding in this baseline and exit 0.</summary>
        public string? WriteBaseline { get; init; }

        /// <summary>With the path <c>-</c>: the name standard input is linted as (its format, its profile, its place in reports).</summary>
        public string? StdinFilename { get; init; }

        /// <summary>Standard input (tests pass their own).</summary>
        public Func<Stream> Stdin { get; init; } = Console.OpenStandardInput;

        /// <summary>Write each reported finding's recommended repair into its file.</summary>
        public bool Fix { get; init; }

        /// <summary>With <see cref="Fix"/>: print the change as a unified diff and write nothing.</summary>
        public bool DryRun { get; init; }

        /// <summary>Lints one file on disk (tests pass one that fails).</summary>
        public Func<string, ProfileDocument, string, FileResult> LintFile { get; init; } = (file, doc, rel) => ConfigLinter.LintFile(file, doc, rel, reportOnly: true);
    }

    /// <summary>Runs a lint: files, profiles, parallel linting, formats, exit code.</summary>
    internal static class LintRunner
    {
        public const int Clean = 0;
        public const int Findings = 1;
        public const int UsageError = 2;
        public const int InternalError = 3;

        public static int Run(LintOptions options, TextWriter stdout, TextWriter stderr, Stream stdoutStream)
        {
            string[] formats = options.Formats.Count > 0
                ? options.Formats.ToArray()
                : new[] { Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true" ? "github" : "text" };
            if (options.Outputs.Count > formats.Length)
            {
                stderr.WriteLine("error: each --output needs a --format before it");
                return UsageError;
            }

            // Usage mistakes are found before any file is read: exit 2 with what to change.
            foreach ((string flag, string? value) in new[] { ("--baseline", options.Baseline), ("--stdin-filename", options.StdinFilename) })
            {
                if (value != null && value.Trim().Length == 0)
                {
                    stderr.WriteLine($"error: {flag} needs a file name");
                    return UsageError;
                }
            }

            foreach ((string flag, string path) in options.Outputs.Select(o => ("--output", o)).Concat(options.WriteBaseline != null ? new[] { ("--write-baseline", options.WriteBaseline) } : Array.Empty<(string, string)>()))
            {
                if (OutputProblem(path) is string problem)
                {
                    stderr.WriteLine($"error: {flag} {path}: {problem}");
                    return UsageError;
                }
            }

            LoadedProfile? explicitProfile = null;
            if (options.Config != null)
            {
                if (!File.Exists(options.Config))
                {
                    stderr.WriteLine(Directory.Exists(options.Config)
                        ? $"error: --config {options.Config}: a folder; name the profile file itself (for example {Path.Combine(options.Config, ProfileLoader.FileName)})"
                        : $"error: --config {options.Config}: no such file");
                    return UsageError;
                }

                explicitProfile = ProfileResolver.LoadFile(options.Config);
            }

            List<BaselineEntry>? baseline = null;
            if (options.Baseline != null)
            {
                baseline = Cli.Baseline.Read(options.Baseline, out string? baselineError);
                if (baseline == null)
                {
                    stderr.WriteLine($"error: --baseline {options.Baseline}: {baselineError}");
                    return UsageError;
                }
            }

            string? baselineFile = options.WriteBaseline ?? options.Baseline;
            string baselineDirectory = baselineFile != null ? Path.GetDirectoryName(Path.GetFullPath(baselineFile))! : string.Empty;

            // `-` is standard input, linted as --stdin-filename (default stdin.yaml: rendered manifests are YAML).
            bool stdin = options.Paths.Contains("-");
            if (stdin && options.Fix)
            {
                stderr.WriteLine("error: --fix writes files; it cannot fix standard input (lint the file itself)");
                return UsageError;
            }

            if (!stdin && options.StdinFilename != null)
            {
                stderr.WriteLine("error: --stdin-filename names standard input; give '-' as the path too");
                return UsageError;
            }

            (List<string> files, List<string> missing) = FileWalker.Expand(options.Paths.Where(p => p != "-"));
            if (FileWalker.ReportMissing(missing, stderr))
            {
                return UsageError;
            }

            if (files.Count == 0 && !stdin && !options.Quiet)
            {
                stderr.WriteLine("electionlint: no config file found: it lints *.yaml, *.yml, *.json, *.properties, *.cfg, *.hcl and *sentinel*.conf files (and templates of them), outside .git, bin, obj and node_modules");
            }

            byte[]? stdinBytes = null;
            string? stdinPath = null;
            if (stdin)
            {
                stdinPath = Path.GetFullPath(options.StdinFilename ?? "stdin.yaml");
                stdinBytes = ReadBounded(options.Stdin(), ConfigLinter.DefaultMaxBytes + 1);
                files.Remove(stdinPath);
                files.Add(stdinPath);
            }

            var resolver = new ProfileResolver(explicitProfile);
            var targets = new List<(string File, ProfileDocument Doc, string Rel)>(files.Count);
            HashSet<string> named = FileWalker.NamedFiles(options.Paths);
            foreach (string f in files)
            {
                if (baselineFile != null && f == Path.GetFullPath(baselineFile))
                {
                    continue; // the baseline is not a config file, though it names settings
                }

                (ProfileDocument doc, string rel) = resolver.For(f);
                if (doc.IgnoredBy(rel) is Glob ignoredBy)
                {
                    if (named.Contains(f))
                    {
                        stderr.WriteLine(FileWalker.IgnoredLine(f, resolver.PathFor(f), ignoredBy, Directory.GetCurrentDirectory()));
                    }
                }
                else
                {
                    targets.Add((f, doc, rel));
                }
            }

            // An invalid profile stops the run: its findings would be wrong.
            var profileErrors = new List<LintDiagnostic>();
            var sources = new Dictionary<string, SourceText>(StringComparer.Ordinal);
            foreach (LoadedProfile p in resolver.Loaded)
            {
                foreach (FileProblem problem in p.Problems)
                {
                    profileErrors.Add(new LintDiagnostic(Path.GetFullPath(p.Path), RuleCatalogue.Get("EL9002"), RuleSeverity.Error, Path.GetFileName(p.Path) + " is invalid: " + problem.Message, problem.Span));
                }

                if (p.Problems.Count > 0)
                {
                    byte[]? bytes = null;
                    try
                    {
                        bytes = BoundedFile.Read(p.Path, ProfileResolver.MaxProfileBytes, out _);
                    }
                    catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                    {
                    }

                    sources[Path.GetFullPath(p.Path)] = new SourceText(p.Path, new System.Text.UTF8Encoding(false).GetString(bytes ?? Array.Empty<byte>()));
                }
            }

            string cwd = Directory.GetCurrentDirectory();
            if (profileErrors.Count > 0)
            {
                Emit(new LintReport(profileErrors, sources, 0, cwd) { Quiet = options.Quiet, Color = options.Color }, formats, options.Outputs, stdout, stdoutStream, stderr);
                return UsageError;
            }

            // Keep only what the report needs: a file's text only when it has diagnostics (memory stays flat on big repositories).
            var results = new (IReadOnlyList<LintDiagnostic> Diagnostics, SourceText? Source, BaselineEntry[]? Keys, bool Unreadable)[targets.Count];
            void LintOne(int i)
            {
                // Each file in its own guard: an exception (a bug) is this file's EL9004, and the run and its report go on.
                try
                {
                    FileResult r = targets[i].File == stdinPath
                        ? ConfigLinter.Lint(stdinPath, stdinBytes!, targets[i].Doc, targets[i].Rel)
                        : options.LintFile(targets[i].File, targets[i].Doc, targets[i].Rel);
                    BaselineEntry[]? keys = baselineFile == null ? null : r.Diagnostics.Select(d => BaselineEntry.For(d, baselineDirectory, r.Parsed, r.Source)).ToArray();
                    results[i] = (r.Diagnostics, r.Diagnostics.Count > 0 ? r.Source : null, keys, r.Unreadable);
                }
                catch (Exception e)
                {
                    FileResult r = ConfigLinter.Skipped(targets[i].File, targets[i].Doc, ConfigLinter.CouldNotLint(e));
                    BaselineEntry[]? keys = baselineFile == null ? null : r.Diagnostics.Select(d => BaselineEntry.For(d, baselineDirectory, null, null)).ToArray();
                    results[i] = (r.Diagnostics, null, keys, true);
                }
            }

            // A few files (a pre-commit hook) are done before worker threads would start.
            if (targets.Count <= 4)
            {
                for (int i = 0; i < targets.Count; i++)
                {
                    LintOne(i);
                }
            }
            else
            {
                Parallel.For(0, targets.Count, LintOne);
            }
            var diagnostics = new List<LintDiagnostic>();
            var keys = new List<BaselineEntry>();
            var unreadable = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < results.Length; i++)
            {
                if (results[i].Unreadable)
                {
                    unreadable.Add(targets[i].File);
                }

                diagnostics.AddRange(results[i].Diagnostics);
                keys.AddRange(results[i].Keys ?? Array.Empty<BaselineEntry>());
                if (results[i].Source is SourceText source)
                {
                    sources[targets[i].File] = source;
                }
            }

            if (options.WriteBaseline != null)
            {
                try
                {
                    Cli.Baseline.Write(options.WriteBaseline, keys);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    stderr.WriteLine($"error: --write-baseline {options.WriteBaseline}: cannot be written ({e.Message})");
                    return UsageError;
                }

                stderr.WriteLine($"electionlint: wrote {keys.Count} {(keys.Count == 1 ? "finding" : "findings")} to the baseline {options.WriteBaseline}");
                return Clean;
            }

            if (baseline != null)
            {
                bool[] accepted = Cli.Baseline.Accepted(keys, baseline);
                diagnostics = diagnostics.Where((d, i) => !accepted[i]).ToList();
            }

            if (options.Fix)
            {
                if (!options.DryRun)
                {
                    Fixer.RemoveStaleTemporaries(targets.Select(t => t.File).Where(f => f != stdinPath));
                }

                // A file that does not read cleanly is never written, even when its EL9001 is suppressed or off.
                var plan = Fixer.Plan(diagnostics, unreadable);
                foreach ((LintDiagnostic d, string names) in Fixer.Added(diagnostics).Where(a => !unreadable.Contains(a.Diagnostic.Path)))
                {
                    stderr.WriteLine($"electionlint: {Path.GetRelativePath(cwd, d.Path)}:{d.Span.StartLine}:{d.Span.StartColumn}: {d.RuleId} is not fixed: its repair adds {names}, and --fix only changes values that are written; add {(names.Contains(" and ") ? "them" : "it")} by hand");
                }

                var targetIndex = new Dictionary<string, int>(StringComparer.Ordinal);
                for (int i = 0; i < targets.Count; i++)
                {
                    targetIndex[targets[i].File] = i;
                }

                foreach ((string file, List<(int Start, int End, string Text)> edits) in plan.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (edits.Count == 0 || !sources.TryGetValue(file, out SourceText? text))
                    {
                        continue;
                    }

                    (string File, ProfileDocument Doc, string Rel) target = targets[targetIndex[file]];
                    string? fixedText = Fixer.Converge(file, text.Text, edits, results[targetIndex[file]].Diagnostics,
                        t => ConfigLinter.Lint(file, new System.Text.UTF8Encoding(false).GetBytes(t), target.Doc, target.Rel, ConfigLinter.DefaultMaxBytes, ChartBindings.For(file)),
                        out int changed, out string? why);
                    if (fixedText == null)
                    {
                        stderr.WriteLine($"electionlint: {Path.GetRelativePath(cwd, file)} is not fixed: {why}; `electionlint tune {Path.GetRelativePath(cwd, file)}` shows values that meet every rule");
                        continue;
                    }

                    if (options.DryRun)
                    {
                        Fixer.Diff(stdout, Path.GetRelativePath(cwd, file).Replace('\\', '/'), text.Text, fixedText);
                    }
                    else
                    {
                        try
                        {
                            Fixer.WriteAtomically(file, fixedText);
                            stderr.WriteLine($"electionlint: fixed {changed} {(changed == 1 ? "value" : "values")} in {Path.GetRelativePath(cwd, file)}");
                        }
                        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                        {
                            // The file keeps its original content; its findings are reported below.
                            stderr.WriteLine($"electionlint: cannot write {Path.GetRelativePath(cwd, file)}: {e.Message}");
                        }
                    }
                }

                if (options.DryRun)
                {
                    stdout.Flush();
                    return options.FailLevel is RuleSeverity dryLevel && diagnostics.Any(d => d.Severity >= dryLevel) ? Findings : Clean;
                }

                // What remains, reported as a lint without --fix would.
                return Run(new LintOptions
                {
                    Paths = options.Paths, Formats = options.Formats, Outputs = options.Outputs, FailLevel = options.FailLevel, Config = options.Config,
                    Quiet = options.Quiet, Color = options.Color, Baseline = options.Baseline, LintFile = options.LintFile,
                }, stdout, stderr, stdoutStream);
            }

            if (!Emit(new LintReport(diagnostics, sources, targets.Count, cwd) { Quiet = options.Quiet, Color = options.Color }, formats, options.Outputs, stdout, stdoutStream, stderr))
            {
                return UsageError;
            }

            bool fail = options.FailLevel is RuleSeverity level && diagnostics.Any(d => d.Severity >= level);
            return fail ? Findings : Clean;
        }

        /// <summary>Why a file cannot be written at this path (a folder, under a file, empty); null when it can be tried.</summary>
        internal static string? OutputProblem(string path)
        {
            if (path.Trim().Length == 0)
            {
                return "needs a file name";
            }

            if (Directory.Exists(path))
            {
                return "is a folder; name a file in it";
            }

            for (string? dir = Path.GetDirectoryName(Path.GetFullPath(path)); dir != null; dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(dir))
                {
                    return $"{dir} is a file, not a folder";
                }

                if (Directory.Exists(dir))
                {
                    break;
                }
            }

            return null;
        }

        /// <summary>Writes every format; false (with a message) when an --output file cannot be written.</summary>
        private static bool Emit(LintReport report, string[] formats, IReadOnlyList<string> outputs, TextWriter stdout, Stream stdoutStream, TextWriter stderr)
        {
            bool written = true;
            for (int i = 0; i < formats.Length; i++)
            {
                if (i < outputs.Count)
                {
                    string path = outputs[i];
                    try
                    {
                        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
                        if (dir != null)
                        {
                            Directory.CreateDirectory(dir);
                        }

                        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
                        using var writer = new StreamWriter(file, new System.Text.UTF8Encoding(false));
                        Write(report with { Color = false }, formats[i], writer, file);
                    }
                    catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                    {
                        stderr.WriteLine($"error: --output {path}: cannot be written ({e.Message})");
                        written = false;
                    }
                }
                else
                {
                    stdout.Flush();
                    Write(report, formats[i], stdout, stdoutStream);
                    stdout.Flush();
                }
            }

            return written;
        }

        private static void Write(LintReport report, string format, TextWriter writer, Stream stream)
        {
            switch (format)
            {
                case "json":
                    writer.Flush();
                    JsonFormatter.Write(report, stream);
                    stream.Flush();
                    writer.WriteLine();
                    break;
                case "sarif":
                    writer.Flush();
                    SarifFormatter.Write(report, stream, Program.Version);
                    stream.Flush();
                    writer.WriteLine();
                    break;
                case "github":
                    GitHubFormatter.Write(report, writer);
                    break;
                default:
                    TextFormatter.Write(report, writer);
                    break;
            }

            writer.Flush();
        }

        /// <summary>At most <paramref name="max"/> bytes of a stream: enough to tell a too-large input from one that fits.</summary>
        private static byte[] ReadBounded(Stream input, int max)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while (buffer.Length < max && (read = input.Read(chunk, 0, (int)Math.Min(chunk.Length, max - buffer.Length))) > 0)
            {
                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }
}
