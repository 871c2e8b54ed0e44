using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ElectionLint.Config.Linting;
using ElectionLint.Config.Recognition;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Solving;

namespace ElectionLint.Cli
{
    /// <summary>
    /// <c>lint --fix</c>: writes the recommended repair of each reported finding into its file. Only the characters of the
    /// changed values change; a file with a syntax problem, or a repair that would add a setting, is left alone.
    /// </summary>
    internal static class Fixer
    {
        /// <summary>The edits per file: each value's span (without quotes) and its new text, in the file's own form.</summary>
        /// <param name="unreadable">Files with a syntax problem whether reported or not (suppressed, baselined, turned off).</param>
        public static Dictionary<string, List<(int Start, int End, string Text)>> Plan(IEnumerable<LintDiagnostic> diagnostics, IEnumerable<string>? unreadable = null)
        {
            var byFile = new Dictionary<string, List<(int Start, int End, string Text)>>(StringComparer.Ordinal);
            var broken = new HashSet<string>(unreadable ?? Array.Empty<string>(), StringComparer.Ordinal);
            foreach (LintDiagnostic d in diagnostics)
            {
                if (d.RuleId == "EL9001" || d.RuleId == "EL9004")
                {
                    broken.Add(d.Path);
                    continue;
                }

                RepairPlan? plan = d.Finding?.Repairs.Count > 0 ? d.Finding.Repairs[0] : null;
                if (plan == null || plan.Changes.Any(c => c.Occurrence?.Location is not SettingLocation))
                {
                    continue; // no repair, or one that adds a setting: the finding stays for a person (see Added)
                }

                if (!byFile.TryGetValue(d.Path, out List<(int, int, string)>? edits))
                {
                    byFile[d.Path] = edits = new List<(int, int, string)>();
                }

                foreach (SettingChange c in plan.Changes)
                {
                    var span = ((SettingLocation)c.Occurrence!.Location!).Value;
                    // One value, one new text: the first finding's repair wins; overlapping edits are dropped.
                    if (!edits.Any(e => e.Item1 < span.EndOffset && span.StartOffset < e.Item2 || (e.Item1 == span.StartOffset && e.Item2 == span.EndOffset)))
                    {
                        edits.Add((span.StartOffset, span.EndOffset, c.Text));
                    }
                }
            }

            foreach (string file in broken)
            {
                byFile.Remove(file);
            }

            foreach (List<(int Start, int End, string Text)> edits in byFile.Values)
            {
                edits.Sort((a, b) => a.Start.CompareTo(b.Start));
            }

            return byFile;
        }

        /// <summary>
        /// Findings whose recommended repair adds a setting the file does not write: --fix changes values, it does not add
        /// keys or flags, so each gets a line naming what to add (the values stay those of the message and of tune).
        /// </summary>
        public static IEnumerable<(LintDiagnostic Diagnostic, string Names)> Added(IEnumerable<LintDiagnostic> diagnostics)
        {
            foreach (LintDiagnostic d in diagnostics)
            {
                if (d.Finding?.Repairs.Count > 0 && d.Finding.Repairs[0] is RepairPlan plan &&
                    plan.Changes.Where(c => c.Occurrence?.Location is not SettingLocation).Select(c => c.Name + " " + c.Text).ToList() is { Count: > 0 } added)
                {
                    yield return (d, added.Count == 1 ? added[0] : string.Join(", ", added.Take(added.Count - 1)) + " and " + added[added.Count - 1]);
                }
            }
        }

        /// <summary>Rounds of repairs on one file before it is judged not to settle.</summary>
        private const int MaxRounds = 4;

        /// <summary>
        /// The file's text once its repairs settle, verified as a whole, or null with the reason it is left alone. Repairs of
        /// several findings of one configuration can disagree (Patroni: ttl 20 for one, loop_wait 5 and ttl 25 for another);
        /// so the repaired text is linted again in memory and repaired again until a lint proposes nothing more, and it is
        /// kept only when it parses and has no finding (rule and setting) the original did not have. A second run then
        /// changes nothing.
        /// </summary>
        /// <param name="before">Every finding the file had, baselined or not.</param>
        /// <param name="lint">Lints a text as this file, under its profile.</param>
        public static string? Converge(string path, string original, IReadOnlyList<(int Start, int End, string Text)> edits, IReadOnlyList<LintDiagnostic> before,
            Func<string, FileResult> lint, out int changed, out string? why)
        {
            changed = 0;
            string current = Apply(original, edits);
            List<(int Start, int End)> values = Moved(new List<(int, int)>(), edits);
            why = null;
            for (int round = 1; ; round++)
            {
                FileResult r = lint(current);
                if (r.Unreadable || r.Diagnostics.Any(d => d.RuleId == "EL9001" || d.RuleId == "EL9004"))
                {
                    why = "the repaired text would not read back";
                    return null;
                }

                var next = Plan(r.Diagnostics);
                if (!next.TryGetValue(path, out List<(int Start, int End, string Text)>? more) || more.Count == 0)
                {
                    var known = new HashSet<string>(before.Select(Key), StringComparer.Ordinal);
                    LintDiagnostic? added = r.Diagnostics.FirstOrDefault(d => !known.Contains(Key(d)));
                    if (added != null)
                    {
                        why = $"the repairs together would raise {added.RuleId} ({added.Message})";
                        return null;
                    }

                    changed = values.Count;
                    return current;
                }

                if (round == MaxRounds)
                {
                    why = $"its repairs do not settle in {MaxRounds} rounds";
                    return null;
                }

                current = Apply(current, more);
                values = Moved(values, more);
            }
        }

        /// <summary>
        /// The spans of the values changed so far, in the text after <paramref name="edits"/>: a value changed again in a
        /// later round is still one value ("fixed 3 values", not one per round).
        /// </summary>
        private static List<(int Start, int End)> Moved(List<(int Start, int End)> values, IReadOnlyList<(int Start, int End, string Text)> edits)
        {
            var result = new List<(int Start, int End)>();
            foreach ((int start, int end) in values)
            {
                if (!edits.Any(e => e.Start < end && start < e.End || (e.Start == start && e.End == end)))
                {
                    int shift = edits.Where(e => e.End <= start).Sum(e => e.Text.Length - (e.End - e.Start));
                    result.Add((start + shift, end + shift));
                }
            }

            foreach ((int start, int end, string text) in edits)
            {
                int shift = edits.Where(e => e.End <= start && e.Start < start).Sum(e => e.Text.Length - (e.End - e.Start));
                result.Add((start + shift, start + shift + text.Length));
            }

            return result;
        }

        private static string Key(LintDiagnostic d) => d.RuleId + "|" + d.SettingKey;

        /// <summary>The text with the edits applied (edits sorted and apart).</summary>
        public static string Apply(string text, IReadOnlyList<(int Start, int End, string Text)> edits)
        {
            var sb = new StringBuilder(text.Length + 16);
            int at = 0;
            foreach ((int start, int end, string replacement) in edits)
            {
                sb.Append(text, at, start - at).Append(replacement);
                at = end;
            }

            return sb.Append(text, at, text.Length - at).ToString();
        }

        /// <summary>
        /// Writes the file through a temporary file in the same folder and a rename: a write interrupted at any point leaves
        /// either the original or the fixed file, never a mix. A failed write removes its temporary file.
        /// </summary>
        public static void WriteAtomically(string path, string text)
        {
            // Through a symbolic link the file it names is written, and the link stays (replacing it would fix a copy).
            if (new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is FileSystemInfo target)
            {
                path = target.FullName;
            }

            byte[] original = File.ReadAllBytes(path);
            bool bom = original.Length >= 3 && original[0] == 0xEF && original[1] == 0xBB && original[2] == 0xBF;
            string temp = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + TempSuffix);
            try
            {
                using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    if (bom)
                    {
                        stream.Write(new byte[] { 0xEF, 0xBB, 0xBF });
                    }

                    stream.Write(new UTF8Encoding(false).GetBytes(text));
                    stream.Flush(flushToDisk: true);
                }

                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
                }

                File.Move(temp, path, overwrite: true);
            }
            catch
            {
                TryDelete(temp);
                throw;
            }
        }

        /// <summary>The ending of the temporary file a write goes through, <c>.NAME.electionlint-fix</c>.</summary>
        private const string TempSuffix = ".electionlint-fix";

        /// <summary>
        /// Removes the temporaries a killed <c>--fix</c> left beside these files: a <c>.NAME.electionlint-fix</c> whose NAME is
        /// still there. Returns how many were removed.
        /// </summary>
        public static int RemoveStaleTemporaries(IEnumerable<string> files)
        {
            int removed = 0;
            foreach (string dir in files.Select(Path.GetDirectoryName).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                try
                {
                    foreach (string temp in Directory.EnumerateFiles(dir, ".*" + TempSuffix))
                    {
                        string name = Path.GetFileName(temp);
                        if (name.Length > 1 + TempSuffix.Length && File.Exists(Path.Combine(dir, name.Substring(1, name.Length - 1 - TempSuffix.Length))))
                        {
                            TryDelete(temp);
                            removed += File.Exists(temp) ? 0 : 1;
                        }
                    }
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    // A folder that cannot be listed keeps what it holds; the run goes on.
                }
            }

            return removed;
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        /// <summary>A unified diff of one file's change (3 lines of context).</summary>
        public static void Diff(TextWriter w, string displayPath, string before, string after)
        {
            // The text after a final line break is not a line.
            string[] a = before.TrimEnd('\n').Split('\n'), b = after.TrimEnd('\n').Split('\n');
            if (a.Length != b.Length)
            {
                return; // values never hold line breaks; a repair does not add lines
            }

            var changed = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToList();
            if (changed.Count == 0)
            {
                return;
            }

            w.WriteLine($"--- a/{displayPath}");
            w.WriteLine($"+++ b/{displayPath}");
            int k = 0;
            while (k < changed.Count)
            {
                int from = Math.Max(0, changed[k] - 3), to = Math.Min(a.Length - 1, changed[k] + 3);
                while (k + 1 < changed.Count && changed[k + 1] - 3 <= to + 1)
                {
                    k++;
                    to = Math.Min(a.Length - 1, changed[k] + 3);
                }

                int count = to - from + 1;
                w.WriteLine($"@@ -{from + 1},{count} +{from + 1},{count} @@");
                for (int i = from; i <= to; i++)
                {
                    if (a[i] == b[i])
                    {
                        w.WriteLine(" " + a[i].TrimEnd('\r'));
                        continue;
                    }

                    // A run of changed lines: the old ones, then the new ones.
                    int end = i;
                    while (end + 1 <= to && a[end + 1] != b[end + 1])
                    {
                        end++;
                    }

                    for (int j = i; j <= end; j++)
                    {
                        w.WriteLine("-" + a[j].TrimEnd('\r'));
                    }

                    for (int j = i; j <= end; j++)
                    {
                        w.WriteLine("+" + b[j].TrimEnd('\r'));
                    }

                    i = end;
                }

                k++;
            }
        }
    }
}
