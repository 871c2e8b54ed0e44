using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace ElectionLint.Cli.Tests
{
    /// <summary>Structural checks of SARIF 2.1.0 (the schema's required properties, types and cross-references).</summary>
    internal static class SarifValidator
    {
        private static readonly string[] Levels = { "none", "note", "warning", "error" };

        public static JsonElement Validate(string json)
        {
            JsonElement root = JsonDocument.Parse(json).RootElement;
            Assert.Equal("2.1.0", root.GetProperty("version").GetString());
            Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", root.GetProperty("$schema").GetString());
            JsonElement run = Assert.Single(root.GetProperty("runs").EnumerateArray());
            JsonElement driver = run.GetProperty("tool").GetProperty("driver");
            Assert.False(string.IsNullOrEmpty(driver.GetProperty("name").GetString()));
            var ruleIds = new List<string>();
            foreach (JsonElement rule in driver.GetProperty("rules").EnumerateArray())
            {
                string id = rule.GetProperty("id").GetString()!;
                Assert.DoesNotContain(id, ruleIds);
                ruleIds.Add(id);
                Assert.False(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
                Assert.StartsWith("https://", rule.GetProperty("helpUri").GetString());
                Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), Levels);
            }

            Assert.Equal(JsonValueKind.Array, run.GetProperty("results").ValueKind);
            foreach (JsonElement result in run.GetProperty("results").EnumerateArray())
            {
                string ruleId = result.GetProperty("ruleId").GetString()!;
                int index = result.GetProperty("ruleIndex").GetInt32();
                Assert.Equal(ruleId, ruleIds[index]);
                Assert.Contains(result.GetProperty("level").GetString(), Levels);
                Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
                Region(Assert.Single(result.GetProperty("locations").EnumerateArray()));
                if (result.TryGetProperty("relatedLocations", out JsonElement related))
                {
                    var ids = related.EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ToList();
                    Assert.Equal(ids.Count, ids.Distinct().Count());
                    foreach (JsonElement r in related.EnumerateArray())
                    {
                        Region(r);
                    }
                }
            }

            return run;
        }

        private static void Region(JsonElement location)
        {
            JsonElement physical = location.GetProperty("physicalLocation");
            string uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            Assert.False(string.IsNullOrEmpty(uri));
            Assert.DoesNotContain("\\", uri);
            JsonElement region = physical.GetProperty("region");
            int startLine = region.GetProperty("startLine").GetInt32();
            int startColumn = region.GetProperty("startColumn").GetInt32();
            Assert.True(startLine >= 1 && startColumn >= 1);
            Assert.True(region.GetProperty("endLine").GetInt32() >= startLine);
            Assert.True(region.GetProperty("endColumn").GetInt32() >= 1);
        }
    }
}
