using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ElectionLint.Config.Linting;
using Xunit;

namespace ElectionLint.Config.Tests
{
    /// <summary>One list of linted files: the CLI's (ConfigFileNames), the package's default glob and the pre-commit hook's pattern.</summary>
    public class ConfigFileListTests
    {
        /// <summary>Names made from the list's own pieces, and names that must stay out.</summary>
        private static IEnumerable<string> Names()
        {
            string[] stems = { "etcd", "deploy/etcd.conf", "sentinel", "redis-sentinel", "charts/x/templates/cm", "Values" };
            string[] ends = ConfigFileNames.Extensions.Concat(new[] { ".conf", ".md", ".cs", ".sh", ".txt", ".toml", ".ini", ".env", "" }).ToArray();
            string[] suffixes = new[] { "" }.Concat(ConfigFileNames.TemplateSuffixes).ToArray();
            foreach (string stem in stems)
            {
                foreach (string end in ends)
                {
                    foreach (string suffix in suffixes)
                    {
                        yield return stem + end + suffix;
                        yield return (stem + end + suffix).ToUpperInvariant();
                    }
                }
            }

            yield return "sentinel/redis.conf";
            yield return "my-sentinel-26379.conf";
            yield return "etcd.yml.j2.sample";
            yield return "nginx.conf";
        }

        [Fact]
        public void The_pre_commit_hook_passes_exactly_the_files_the_CLI_lints()
        {
            string line = File.ReadAllLines(Path.Combine(Lint.RepoRoot, ".pre-commit-hooks.yaml")).Single(l => l.TrimStart().StartsWith("files:", StringComparison.Ordinal));
            string pattern = line.Substring(line.IndexOf(':') + 1).Trim().Replace("(?i)", string.Empty);
            var hook = new Regex(pattern, RegexOptions.IgnoreCase); // pre-commit uses Python's re.search
            var differ = Names().Where(n => hook.IsMatch(n) != ConfigFileNames.IsConfigFile(n)).ToArray();
            Assert.Empty(differ);
            Assert.Contains($"`files: {line.Substring(line.IndexOf(':') + 1).Trim()}`", File.ReadAllText(Path.Combine(Lint.RepoRoot, "README.md")), StringComparison.Ordinal);
        }

        [Fact]
        public void The_package_glob_holds_every_file_the_CLI_lints()
        {
            string props = File.ReadAllText(Path.Combine(Lint.RepoRoot, "analyzers", "ElectionLint.Package", "build", "ElectionLint.props"));
            string glob = Regex.Match(props, "<ElectionLintConfigFiles [^>]*>([^<]*)<").Groups[1].Value;
            // Each pattern is **/NAME with * in NAME; MSBuild matches it against the file name below the project.
            var patterns = glob.Split(';').Select(p => new Regex("^" + Regex.Escape(p.Substring("**/".Length)).Replace("\\*", "[^/]*") + "$")).ToArray();
            var missing = Names().Where(n => ConfigFileNames.IsConfigFile(n) && !patterns.Any(p => p.IsMatch(Path.GetFileName(n).ToLowerInvariant()))).ToArray();
            Assert.Empty(missing);
            string readme = File.ReadAllText(Path.Combine(Lint.RepoRoot, "README.md"));
            Assert.All(ConfigFileNames.Extensions.Select(e => "`*" + e + "`").Append("`*sentinel*.conf`"), name => Assert.Contains(name, readme, StringComparison.Ordinal));
        }
    }
}
