using System.Collections.Generic;
using System.Linq;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Timing;
using Xunit;

namespace ElectionLint.Rules.Tests
{
    public class ProfileTests
    {
        [Fact]
        public void Unset_values_switch_rules_off_except_wan()
        {
            Assert.Null(EnvironmentProfile.Default.EffectiveRtt);
            var wan = new EnvironmentProfile { Network = NetworkKind.Wan };
            Assert.Equal(Duration.FromMilliseconds(200), wan.EffectiveRtt);
            Assert.True(wan.RttAssumed);
            var declared = new EnvironmentProfile { Network = NetworkKind.Wan, RttP99 = Duration.FromMilliseconds(150) };
            Assert.Equal(Duration.FromMilliseconds(150), declared.EffectiveRtt);
            Assert.False(declared.RttAssumed);
        }

        [Fact]
        public void Overrides_merge_in_order_for_matching_paths()
        {
            var doc = new ProfileDocument
            {
                Profile = new EnvironmentProfile { Network = NetworkKind.Lan, RttP99 = Duration.FromMilliseconds(10), MaxFailover = Duration.FromSeconds(5) },
                Overrides = new[]
                {
                    new ProfileOverride(new[] { new Glob("clusters/eu-us/**") }, new EnvironmentProfile { Network = NetworkKind.Wan, RttP99 = Duration.FromMilliseconds(150) }),
                    new ProfileOverride(new[] { new Glob("**/gc-heavy/*.yaml") }, new EnvironmentProfile { GcPauseP99 = Duration.FromMilliseconds(400) }),
                },
            };
            EnvironmentProfile eu = doc.ProfileFor("clusters/eu-us/etcd.yaml");
            Assert.Equal(NetworkKind.Wan, eu.Network);
            Assert.Equal(Duration.FromMilliseconds(150), eu.RttP99);
            Assert.Equal(Duration.FromSeconds(5), eu.MaxFailover);
            Assert.Null(eu.GcPauseP99);
            EnvironmentProfile both = doc.ProfileFor("clusters/eu-us/gc-heavy/a.yaml");
            Assert.Equal(Duration.FromMilliseconds(400), both.GcPauseP99);
            Assert.Equal(NetworkKind.Lan, doc.ProfileFor("clusters/eu/etcd.yaml").Network);
        }

        [Theory]
        [InlineData("vendor/**", "vendor/a/b.yaml", true)]
        [InlineData("vendor/**", "src/vendor/b.yaml", false)]
        [InlineData("vendor/", "vendor/x.yaml", true)]
        [InlineData("*.tmpl.yaml", "deep/dir/x.tmpl.yaml", true)]
        [InlineData("*.tmpl.yaml", "deep/dir/x.yaml", false)]
        [InlineData("clusters/*/etcd.yaml", "clusters/eu/etcd.yaml", true)]
        [InlineData("clusters/*/etcd.yaml", "clusters/eu/x/etcd.yaml", false)]
        [InlineData("**/*.{yml,yaml}", "a/b/c.yml", true)]
        [InlineData("conf?.yaml", "conf1.yaml", true)]
        [InlineData("./ops/**", "ops/a.yaml", true)]
        [InlineData("node_modules", "web/node_modules/x.yaml", true)]
        [InlineData("a/**/b/*.yaml", "a/b/x.yaml", true)]
        [InlineData("a/**/b/*.yaml", "a/x/y/b/x.yaml", true)]
        [InlineData("a/**/b/*.yaml", "a/x/y/b/c/x.yaml", false)]
        [InlineData("**", "any/thing.yaml", true)]
        [InlineData("x{.yaml", "x{.yaml", true)]
        [InlineData("{a,bc}/*.yaml", "bc/x.yaml", true)]
        [InlineData("{a,bc}/*.yaml", "b/x.yaml", false)]
        [InlineData("dir/", "dir", false)] // a folder pattern covers what is below the folder
        [InlineData("*.yaml", "x.yml", false)]
        public void Globs_match_like_gitignore_paths(string pattern, string path, bool match)
        {
            Assert.Equal(match, new Glob(pattern).IsMatch(path));
        }

        [Fact]
        public async System.Threading.Tasks.Task Globs_cannot_be_made_to_backtrack()
        {
            // Review H3: as a backtracking regex, 20 × "**/" against a 30-deep path ran past 120 s (×2.7 per "**/").
            string deep = string.Join("/", System.Linq.Enumerable.Repeat("d", 30)) + "/f.yaml";
            var patterns = new[] { string.Concat(System.Linq.Enumerable.Repeat("**/", 20)) + "zzz", string.Concat(System.Linq.Enumerable.Repeat("*a", 14)) + "*b" };
            var run = System.Threading.Tasks.Task.Run(() => patterns.Select(p => new Glob(p).IsMatch(p.StartsWith("*a") ? new string('a', 60) : deep)).ToArray());
            Assert.Same(run, await System.Threading.Tasks.Task.WhenAny(run, System.Threading.Tasks.Task.Delay(System.TimeSpan.FromSeconds(60))));
            Assert.Equal(new[] { false, false }, await run);
        }

        [Fact]
        public void Rule_severities_override_defaults()
        {
            var doc = new ProfileDocument { RuleSeverities = new Dictionary<string, RuleSeverity> { ["EL2002"] = RuleSeverity.Off } };
            Assert.Equal(RuleSeverity.Off, doc.SeverityOf(RuleCatalogue.Get("EL2002")));
            Assert.Equal(RuleSeverity.Error, doc.SeverityOf(RuleCatalogue.Get("EL1001")));
        }

        [Fact]
        public void Ignore_globs()
        {
            var doc = new ProfileDocument { Ignore = new[] { new Glob("vendor/**") } };
            Assert.True(doc.IsIgnored("vendor/x/y.yaml"));
            Assert.False(doc.IsIgnored("src/y.yaml"));
        }
    }
}
