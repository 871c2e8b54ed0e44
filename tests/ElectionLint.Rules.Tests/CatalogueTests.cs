using System.Linq;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Systems;
using Xunit;

namespace ElectionLint.Rules.Tests
{
    public class CatalogueTests
    {
        private static readonly string[] SpecIds =
        {
            "EL1000", "EL1001", "EL1002", "EL1003", "EL1004", "EL1010", "EL1011", "EL1012", "EL1020", "EL1021", "EL1022", "EL1023",
            "EL1024", "EL1025", "EL1026", "EL1030", "EL1031", "EL1032", "EL1040", "EL1050", "EL1051", "EL1052", "EL1060", "EL1070", "EL1080", "EL1090", "EL1091", "EL1092", "EL1093", "EL1094", "EL1095", "EL1096", "EL1097", "EL1098",
            "EL2001", "EL2002", "EL2010", "EL2011", "EL2020", "EL2030", "EL2031", "EL2040", "EL2050", "EL2051",
            "EL9001", "EL9002", "EL9003", "EL9004",
        };

        [Fact]
        public void The_catalogue_holds_exactly_the_spec_rules_in_order()
        {
            Assert.Equal(SpecIds, RuleCatalogue.Rules.Select(r => r.Id));
        }

        [Fact]
        public void Every_system_is_found_by_its_id_and_nothing_else_is()
        {
            Assert.Equal(19, SystemCatalogue.Systems.Count);
            Assert.Equal(SystemCatalogue.Systems.Count, SystemCatalogue.Systems.Select(s => s.Id).Distinct().Count());
            foreach (SystemDefinition s in SystemCatalogue.Systems)
            {
                Assert.Same(s, SystemCatalogue.Get(s.Id));
                Assert.True(SystemCatalogue.TryGet(s.Id, out SystemDefinition found));
                Assert.Same(s, found);
            }

            Assert.False(SystemCatalogue.TryGet("Etcd", out _));
            Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => SystemCatalogue.Get("nope"));
        }

        [Fact]
        public void Severities_follow_false_positive_risk()
        {
            foreach (Rule r in RuleCatalogue.Rules)
            {
                RuleSeverity expected = r.Id switch
                {
                    "EL1030" => RuleSeverity.Warning, // clamped: the system changes the value; min > max escalates to error
                    "EL1051" => RuleSeverity.Warning, // clamped by the server
                    "EL1090" or "EL1091" => RuleSeverity.Warning, // Patroni raises or shrinks the value and logs a warning
                    "EL1096" => RuleSeverity.Warning, // Patroni runs without the watchdog; watchdog.mode required escalates to error
                    "EL1098" => RuleSeverity.Warning, // Sentinel can abort a failover, not always
                    "EL2002" or "EL2051" or "EL9004" => RuleSeverity.Info,
                    "EL9003" => RuleSeverity.Warning,
                    _ when r.Id.StartsWith("EL1") || r.Id == "EL9001" || r.Id == "EL9002" => RuleSeverity.Error,
                    _ => RuleSeverity.Warning,
                };
                Assert.True(expected == r.DefaultSeverity, r.Id);
            }
        }

        [Fact]
        public void Every_rule_has_a_category_help_link_title_and_description()
        {
            foreach (Rule r in RuleCatalogue.Rules)
            {
                string expectedCategory = r.Id[2] == '1' ? RuleCategory.HardLimit : r.Id[2] == '2' ? RuleCategory.Tuning : RuleCategory.Linter;
                Assert.Equal(expectedCategory, r.Category);
                Assert.Equal($"docs/rules/{r.Id}.md", r.DocPath);
                Assert.EndsWith($"/docs/rules/{r.Id}.md", r.HelpLink);
                Assert.False(string.IsNullOrWhiteSpace(r.Title));
                Assert.False(string.IsNullOrWhiteSpace(r.Description));
            }
        }

        [Fact]
        public void Every_rule_names_known_systems()
        {
            foreach (Rule r in RuleCatalogue.Rules)
            {
                Assert.NotEmpty(r.Systems);
                foreach (string s in r.Systems)
                {
                    Assert.True(s == "*" || SystemCatalogue.TryGet(s, out _), $"{r.Id} names unknown system {s}");
                }
            }
        }

        [Fact]
        public void Every_system_limit_names_a_hard_rule_of_the_catalogue()
        {
            foreach (SystemDefinition s in SystemCatalogue.Systems)
            {
                foreach (string id in s.Ranges.Select(r => r.RuleId).Concat(s.Relations.Select(r => r.RuleId)))
                {
                    Assert.True(RuleCatalogue.TryGet(id, out Rule rule), id);
                    Assert.Equal(RuleCategory.HardLimit, rule.Category);
                    Assert.True(rule.Systems.Contains(s.Id) || rule.Systems.Contains("*"), $"{id} does not list {s.Id}");
                }
            }
        }

        [Fact]
        public void Templates_use_only_placeholders_the_engine_fills()
        {
            string[] known =
            {
                "setting", "value", "related", "relatedValue", "ratio", "factor", "limit", "consequence", "fix", "system", "raw", "reason",
                "lower", "upper", "detail", "rtt", "gc", "window", "formula", "max", "relax", "stored", "effective", "id", "collision", "by", "falseFailover",
            };
            foreach (Rule r in RuleCatalogue.Rules)
            {
                foreach (string p in MessageTemplate.Placeholders(r.MessageTemplate))
                {
                    Assert.True(known.Contains(p), $"{r.Id} uses {{{p}}}");
                }
            }
        }
    }
}
