using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;
using Xunit;

namespace ElectionLint.Cli.Tests
{
    /// <summary>The JSON output against the schema documented in docs/json-output.md.</summary>
    [Collection("cli")]
    public class JsonOutputTests
    {
        private static JsonSchema DocumentedSchema()
        {
            string doc = File.ReadAllText(Path.Combine(Cli.RepoRoot, "docs", "json-output.md"));
            int at = doc.IndexOf("## JSON Schema", System.StringComparison.Ordinal);
            int start = doc.IndexOf("```json", at, System.StringComparison.Ordinal) + "```json".Length;
            int end = doc.IndexOf("```", start, System.StringComparison.Ordinal);
            return JsonSchema.FromText(doc.Substring(start, end - start));
        }

        [Fact]
        public void Sample_json_is_valid_against_the_documented_schema_and_carries_repairs()
        {
            (int code, string output, _) = Cli.Run("lint", "--format", "json", "samples/config-repo");
            Assert.Equal(1, code);
            JsonElement json = JsonDocument.Parse(output).RootElement;
            EvaluationResults result = DocumentedSchema().Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, string.Join("\n", (result.Details ?? new System.Collections.Generic.List<EvaluationResults>()).Where(d => d.Errors != null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value))));

            // The static pod needs two settings changed together: one alternative, both changes, in the file's own format.
            JsonElement pod = JsonDocument.Parse(output).RootElement.GetProperty("diagnostics").EnumerateArray()
                .Single(d => d.GetProperty("file").GetString()!.EndsWith("etcd-static-pod.yaml", System.StringComparison.Ordinal));
            JsonElement repair = Assert.Single(pod.GetProperty("repairs").EnumerateArray());
            Assert.Equal(new[] { "--election-timeout=15000", "--heartbeat-interval=1500" },
                repair.EnumerateArray().Select(c => c.GetProperty("setting").GetString() + "=" + c.GetProperty("text").GetString()));
            Assert.Contains("set --election-timeout to 15000 ms and --heartbeat-interval to 1500 ms", pod.GetProperty("message").GetString());
        }

        [Fact]
        public void A_charts_value_points_at_the_template_that_passes_it_on_in_every_format()
        {
            string dir = Cli.Scratch(
                ("chart/Chart.yaml", "apiVersion: v2\nname: demo\n"),
                ("chart/templates/deployment.yaml", "args:\n- --leader-elect-lease-duration={{ .Values.lease }}\n- --leader-elect-renew-deadline={{ .Values.renew }}\n"),
                ("chart/values.yaml", "lease: 10s\nrenew: 10s\n"));

            (int code, string output, _) = Cli.RunIn(dir, "lint", "--format", "json", "chart");
            Assert.Equal(1, code);
            JsonElement json = JsonDocument.Parse(output).RootElement;
            Assert.True(DocumentedSchema().Evaluate(json).IsValid);
            JsonElement d = Assert.Single(json.GetProperty("diagnostics").EnumerateArray());
            Assert.Equal("chart/values.yaml", d.GetProperty("file").GetString());
            JsonElement via = d.GetProperty("related").EnumerateArray().Single(r => r.GetProperty("file").GetString() != "chart/values.yaml");
            Assert.Equal("chart/templates/deployment.yaml:2:3", via.GetProperty("file").GetString() + ":" + via.GetProperty("line").GetInt32() + ":" + via.GetProperty("column").GetInt32());

            (_, string sarif, _) = Cli.RunIn(dir, "lint", "--format", "sarif", "chart");
            Assert.Contains(JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("relatedLocations").EnumerateArray(),
                r => r.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!.EndsWith("chart/templates/deployment.yaml", System.StringComparison.Ordinal));

            (_, string text, _) = Cli.RunIn(dir, "lint", "chart");
            Assert.Contains("    chart/templates/deployment.yaml:2:3: note: the template that passes this value on", text);
        }

        [Fact]
        public void A_clean_run_is_valid_too()
        {
            string dir = Cli.Scratch(("etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 1000\n"));
            (int code, string output, _) = Cli.RunIn(dir, "--format", "json");
            Assert.Equal(0, code);
            Assert.True(DocumentedSchema().Evaluate(JsonDocument.Parse(output).RootElement).IsValid);
        }
    
        /// <summary>Records the size of each write the formatter makes.</summary>
        private sealed class WriteSizes : MemoryStream
        {
            public System.Collections.Generic.List<int> Sizes { get; } = new System.Collections.Generic.List<int>();

            public override void Write(byte[] buffer, int offset, int count)
            {
                Sizes.Add(count);
                base.Write(buffer, offset, count);
            }

            public override void Write(System.ReadOnlySpan<byte> buffer)
            {
                Sizes.Add(buffer.Length);
                base.Write(buffer);
            }
        }

        [Theory]
        [InlineData("json")]
        [InlineData("sarif")]
        public void A_large_report_reaches_its_stream_in_pieces_and_reads_as_one_document(string format)
        {
            // 4,000 diagnostics make about 1.5 MB: held whole, the writer's buffer doubled through the large-object heap.
            var span = new ElectionLint.Config.Source.SourceSpan(3, 18, 3, 21, 40, 43);
            var diagnostics = Enumerable.Range(0, 4000)
                .Select(i => new ElectionLint.Config.Linting.LintDiagnostic($"/repo/f{i}.yaml", ElectionLint.Rules.Catalogue.RuleCatalogue.Get("EL2001"), ElectionLint.Rules.Catalogue.RuleSeverity.Warning, "leaseDuration is only 1.5× renewDeadline " + i, span))
                .ToList();
            var report = new ElectionLint.Cli.Output.LintReport(diagnostics, new System.Collections.Generic.Dictionary<string, ElectionLint.Config.Source.SourceText>(), 4000, "/repo");
            using var stream = new WriteSizes();
            if (format == "json")
            {
                ElectionLint.Cli.Output.JsonFormatter.Write(report, stream);
            }
            else
            {
                ElectionLint.Cli.Output.SarifFormatter.Write(report, stream, "0.0.0");
            }

            Assert.True(stream.Length > 1_000_000, stream.Length.ToString());
            Assert.True(stream.Sizes.Max() < 64 * 1024, string.Join(",", stream.Sizes));
            JsonElement root = JsonDocument.Parse(stream.ToArray()).RootElement;
            JsonElement list = format == "json" ? root.GetProperty("diagnostics") : root.GetProperty("runs")[0].GetProperty("results");
            Assert.Equal(4000, list.GetArrayLength());
            Assert.EndsWith(" 3999", format == "json" ? list[3999].GetProperty("message").GetString() : list[3999].GetProperty("message").GetProperty("text").GetString());
        }
}
}
