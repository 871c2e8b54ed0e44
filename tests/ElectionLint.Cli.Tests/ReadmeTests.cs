using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ElectionLint.Cli.Tests
{
    /// <summary>The README's examples are what the command prints, so that the README cannot drift (first use: 5 of 26 had).</summary>
    [Collection("cli")]
    public class ReadmeTests
    {
        private static readonly string Readme = File.ReadAllText(Path.Combine(Cli.RepoRoot, "README.md")).Replace("\r\n", "\n");

        private static string[] TextBlocks() =>
            Regex.Matches(Readme, "```text\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToArray();

        [Fact]
        public void Every_excerpt_of_output_is_what_the_command_prints()
        {
            (_, string sample, _) = Cli.Run("lint", "samples/config-repo");
            int excerpts = 0;
            foreach (string block in TextBlocks())
            {
                string[] lines = block.TrimEnd('\n').Split('\n');
                string output;
                string[] expected;
                if (lines[0].StartsWith("$ electionlint ", StringComparison.Ordinal))
                {
                    // `$ electionlint ARGS` then an excerpt of what it prints.
                    output = Cli.Run(lines[0].Substring("$ electionlint ".Length).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Out;
                    expected = lines.Skip(1).ToArray();
                }
                else if (lines[0].StartsWith("samples/config-repo/", StringComparison.Ordinal))
                {
                    // Lines of the first command's report (README command 1: lint samples/config-repo).
                    output = sample;
                    expected = lines;
                }
                else
                {
                    continue;
                }

                excerpts++;
                string[] printed = output.Replace("\r\n", "\n").Split('\n');
                foreach (string[] excerpt in Excerpts(expected.Where(l => l.Trim() != "…").ToArray(), output == sample))
                {
                    AssertInOrder(excerpt, printed, block);
                }
            }

            Assert.Equal(5, excerpts);
        }

        [Fact]
        public void Every_option_of_the_synopsis_is_one_the_command_has()
        {
            string synopsis = TextBlocks().Single(b => b.StartsWith("electionlint [lint] [PATH…]", StringComparison.Ordinal));
            string help = string.Concat(new[] { "lint", "explain", "tune", "init", "rules" }.Select(verb => Cli.Run(verb, "--help").Out));
            string[] options = Regex.Matches(synopsis, @"(?<![\w-])--[a-z][a-z0-9-]*").Select(m => m.Value).Distinct().ToArray();
            Assert.NotEmpty(options);
            string[] unknown = options.Where(o => o != "--version" && !Regex.IsMatch(help, Regex.Escape(o) + @"(?![\w-])")).ToArray();
            Assert.Equal(Array.Empty<string>(), unknown);
        }

        /// <summary>Lines of a report are findings, each with its frame and notes in order; the findings in any order.</summary>
        private static System.Collections.Generic.IEnumerable<string[]> Excerpts(string[] lines, bool report)
        {
            if (!report)
            {
                yield return lines;
                yield break;
            }

            for (int i = 0; i < lines.Length;)
            {
                int next = i + 1;
                while (next < lines.Length && !lines[next].StartsWith("samples/", StringComparison.Ordinal))
                {
                    next++;
                }

                yield return lines[i..next];
                i = next;
            }
        }

        private static void AssertInOrder(string[] expected, string[] output, string block)
        {
            int at = 0;
            foreach (string line in expected)
            {
                while (at < output.Length && output[at].TrimEnd() != line.TrimEnd())
                {
                    at++;
                }

                Assert.True(at < output.Length, $"README line not printed (or not in this order): {line}\nin the block:\n{block}");
                at++;
            }
        }
    }
}
