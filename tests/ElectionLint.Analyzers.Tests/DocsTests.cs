using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ElectionLint.Config.Linting;
using ElectionLint.Config.ProfileFile;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Profile;
using Xunit;

namespace ElectionLint.Analyzers.Tests
{
    /// <summary>docs/rules/&lt;ID&gt;.md is generated from the catalogue and RuleDocs; every example is executed.</summary>
    public class DocsTests
    {
        private static string Repo
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

        public static IEnumerable<object[]> RuleIds() => RuleCatalogue.Rules.Select(r => new object[] { r.Id });

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Every_rule_has_its_page_in_step_with_the_catalogue(string id)
        {
            string path = Path.Combine(Repo, "docs", "rules", id + ".md");
            string page = Render(RuleCatalogue.Get(id));
            if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
            {
                File.WriteAllText(path, page);
            }

            Assert.True(File.Exists(path), $"{id} has no page; run the tests with UPDATE_DOCS=1");
            Assert.Equal(page, File.ReadAllText(path).Replace("\r\n", "\n"));
        }

        [Fact]
        public void The_repository_url_is_declared_once_and_used_for_every_link()
        {
            string props = File.ReadAllText(Path.Combine(Repo, "Directory.Build.props"));
            string url = System.Text.RegularExpressions.Regex.Match(props, "<RepositoryUrl>(.*?)</RepositoryUrl>").Groups[1].Value;
            Assert.StartsWith("https://", url);
            Assert.Equal(url, Rule.RepositoryUrl);
            Assert.Equal(url + "/blob/main/docs/rules/EL1001.md", RuleCatalogue.Get("EL1001").HelpLink);
        }

        [Fact]
        public void No_page_names_an_unknown_rule_and_help_links_point_at_the_pages()
        {
            foreach (string page in Directory.GetFiles(Path.Combine(Repo, "docs", "rules"), "*.md"))
            {
                Assert.True(RuleCatalogue.Exists(Path.GetFileNameWithoutExtension(page)), $"{page} names no rule");
            }

            foreach (var d in Descriptors.All)
            {
                Assert.Equal(Rule.HelpBase + d.Id + ".md", d.HelpLinkUri);
                Assert.True(File.Exists(Path.Combine(Repo, "docs", "rules", d.Id + ".md")));
            }
        }

        [Fact]
        public void Release_tracking_lists_every_rule_with_its_category_and_severity()
        {
            string[] lines = File.ReadAllLines(Path.Combine(Repo, "docs", "release-tracking", "AnalyzerReleases.Unshipped.md"));
            var rows = lines.Where(l => l.StartsWith("EL", StringComparison.Ordinal)).Select(l => l.Split('|').Select(c => c.Trim()).ToArray()).ToList();
            Assert.Equal(RuleCatalogue.Rules.Select(r => r.Id), rows.Select(r => r[0]));
            foreach (string[] row in rows)
            {
                Rule r = RuleCatalogue.Get(row[0]);
                Assert.Equal(r.Category, row[1]);
                Assert.Equal(Descriptors.ToRoslyn(r.DefaultSeverity).ToString(), row[2]);
            }
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public async Task Examples_fail_and_pass_as_the_page_says(string id)
        {
            foreach (DocExample e in RuleDocs.Rules[id].Examples)
            {
                Assert.Equal(new[] { id }, await Ids(e.File, e.Fails, e.Profile));
                Assert.Empty(await Ids(e.File, e.Passes, e.PassesProfile));
            }
        }

        private static async Task<string[]> Ids(string file, string text, string? profile)
        {
            if (file == "C#")
            {
                var test = Verify.Analyzer();
                if (profile != null)
                {
                    test.WithAdditionalFile("/src/.electionlint.yaml", profile);
                }

                string source = Verify.Usings + "class C { void M(ILock @lock, IServiceCollection services, BlobLeaseClient lease) { " + text + " } }";
                var diagnostics = await test.RunAsync(source);
                return diagnostics.Where(d => d.Location.SourceTree?.FilePath == "/src/Test.cs").Select(d => d.Id).Distinct().ToArray();
            }

            ProfileDocument doc = profile == null ? ProfileDocument.Empty : ProfileLoader.Load(".electionlint.yaml", profile).Document;
            return ConfigLinter.Lint(file, Encoding.UTF8.GetBytes(text), doc, file).Diagnostics.Select(d => d.RuleId).Distinct().ToArray();
        }

        private static string Render(Rule r)
        {
            (string source, string options, DocExample[] examples) = RuleDocs.Rules[r.Id];
            var sb = new StringBuilder();
            sb.Append("# ").Append(r.Id).Append(": ").Append(r.Title).Append("\n\n");
            sb.Append("| | |\n|---|---|\n");
            sb.Append("| Category | `").Append(r.Category).Append("` |\n");
            sb.Append("| Default severity | ").Append(RuleSeverityText.Name(r.DefaultSeverity)).Append(" |\n");
            sb.Append("| Systems | ").Append(string.Join(", ", r.Systems.Select(s => s == "*" ? "all" : "`" + s + "`"))).Append(" |\n");
            sb.Append("| Repairs | ").Append(r.Fixable ? "yes: the message names the values to set, verified against every rule" : "no").Append(" |\n\n");
            sb.Append("## What it checks\n\n").Append(r.Description).Append("\n\n");
            sb.Append("## Why\n\n").Append(Why(r)).Append(" Source: ").Append(source).Append(".\n\n");
            sb.Append("## Message\n\n```text\n").Append(r.MessageTemplate).Append("\n```\n\n");
            sb.Append("## Examples\n\n");
            if (examples.Length == 0)
            {
                sb.Append("A `.electionlint.yaml` with an unknown key, a bad duration or an unknown rule id, e.g. `profile: { rttP99: fast }`.\n\n");
            }

            foreach (DocExample e in examples)
            {
                string lang = e.File == "C#" ? "csharp" : e.File.EndsWith(".json", StringComparison.Ordinal) ? "json" : e.File.EndsWith(".properties", StringComparison.Ordinal) || e.File.EndsWith(".cfg", StringComparison.Ordinal) ? "properties" : e.File.EndsWith(".conf", StringComparison.Ordinal) ? "text" : e.File.EndsWith(".hcl", StringComparison.Ordinal) ? "hcl" : "yaml";
                sb.Append("### ").Append(e.File).Append("\n\n");
                if (e.Profile != null)
                {
                    sb.Append("With this `.electionlint.yaml`:\n\n```yaml\n").Append(e.Profile).Append("```\n\n");
                }

                sb.Append("Fails:\n\n```").Append(lang).Append('\n').Append(e.Fails.TrimEnd('\n')).Append("\n```\n\n");
                if (e.PassesProfile != e.Profile)
                {
                    sb.Append("Passes, with the profile fixed instead:\n\n```yaml\n").Append(e.PassesProfile).Append("```\n\n");
                }
                else
                {
                    sb.Append("Passes:\n\n```").Append(lang).Append('\n').Append(e.Passes.TrimEnd('\n')).Append("\n```\n\n");
                }
            }

            sb.Append("## How to fix\n\n").Append(r.Id == "EL9002"
                ? "Correct the profile at the position the message gives: the key, duration or rule id it names (docs/profile.md lists every key and its format).\n\n"
                : r.Fixable
                ? "Set the values the message names: one setting where that is enough, else several together. Each repair was checked by evaluating every rule again: it clears this finding and raises no other. In C# the light bulb offers each repair as one action (`dotnet format analyzers --diagnostics " + r.Id + "` applies the first), and `electionlint --format json` lists them under `repairs` (see docs/json-output.md).\n\n"
                : "Follow the message: it names the settings involved and the numbers.\n\n");
            sb.Append("## How to suppress\n\n");
            if (r.Id == "EL9002")
            {
                // First use D12: the page promised a comment and `rules:`, which an invalid profile cannot honour.
                sb.Append("It cannot be: an invalid profile stops the run (exit 2), because every finding under it would be judged against the wrong environment. Neither a comment nor `rules:` in the profile applies to it.\n\n");
                sb.Append("## Options\n\nNone.\n");
                return sb.ToString();
            }

            sb.Append("- YAML and properties: `# electionlint-disable-next-line ").Append(r.Id).Append(" -- reason` (also `-line`, `-file`, and `electionlint-disable` … `electionlint-enable` blocks); JSON: `// electionlint-disable-next-line ").Append(r.Id).Append("`.\n");
            sb.Append("- C#: `#pragma warning disable ").Append(r.Id).Append("`, or `dotnet_diagnostic.").Append(r.Id).Append(".severity = none` in `.editorconfig`.\n");
            sb.Append("- Everywhere: `rules: { ").Append(r.Id).Append(": off }` in `.electionlint.yaml`.\n\n");
            sb.Append("## Options\n\n").Append(options == "none" ? "None besides its severity." : options).Append('\n');
            return sb.ToString();
        }

        private static string Why(Rule r) => r.Category switch
        {
            RuleCategory.HardLimit => "The system itself refuses this value, or silently changes it, so the mistake otherwise surfaces only at start-up in production.",
            RuleCategory.Tuning => "Timeouts trade failover speed against stability: too short and a hiccup or a pause triggers a false election, too long and a real failure leaves no leader for longer than needed.",
            _ => "A file ElectionLint cannot read, or a profile or comment it cannot apply, means settings go unchecked.",
        };
    }
}
