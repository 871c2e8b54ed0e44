using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ElectionLint.Config.Documents;
using ElectionLint.Config.Linting;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Profile;
using Xunit;

namespace ElectionLint.Config.Tests
{
    public class ReaderTests
    {
        [Fact]
        public void Yaml_scalars_keep_exact_spans_and_quotes_are_outside_the_content()
        {
            var text = new SourceText("a.yaml", "a:\n  b: \"15s\"\n  c: 100\n");
            ParsedFile f = YamlReader.Read(text);
            var root = (MappingNode)f.Documents.Single();
            var a = (MappingNode)root.Get("a")!;
            var b = (ScalarNode)a.Get("b")!;
            Assert.Equal("2:6-2:11", b.Span.ToString());
            Assert.Equal("2:7-2:10", b.ContentSpan(text).ToString());
            Assert.Equal("3:6-3:9", a.Get("c")!.Span.ToString());
        }

        [Fact]
        public void Multi_document_streams_and_anchors_are_read()
        {
            ParsedFile f = YamlReader.Read(new SourceText("a.yaml", "x: &d {t: 1}\ny: *d\n---\nz: 2\n"));
            Assert.Equal(2, f.Documents.Count);
            var first = (MappingNode)f.Documents[0];
            Assert.Same(first.Get("x"), first.Get("y"));
        }

        [Fact]
        public void Merge_keys_bring_entries_the_mapping_does_not_have()
        {
            ParsedFile f = YamlReader.Read(new SourceText("a.yaml", "base: &b {a: 1, b: 2}\nderived:\n  <<: *b\n  b: 3\n"));
            var derived = (MappingNode)((MappingNode)f.Documents[0]).Get("derived")!;
            Assert.Equal("1", ((ScalarNode)derived.Get("a")!).Value);
            Assert.Equal("3", ((ScalarNode)derived.Get("b")!).Value);
        }

        [Fact]
        public void Merged_keys_are_kept_once_so_a_merge_key_bomb_stays_small()
        {
            // Review R1: 7 levels of "<<: [*m ×10]" (580 bytes) took 40 s and 7.45 GB; each merged key is now kept once.
            var yaml = new StringBuilder("m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10}\n");
            for (int i = 1; i <= 7; i++)
            {
                yaml.Append($"m{i}: &m{i} {{<<: [{string.Join(", ", Enumerable.Repeat($"*m{i - 1}", 10))}]}}\n");
            }

            ParsedFile f = YamlReader.Read(new SourceText("bomb.yaml", yaml.ToString()));
            var m7 = (MappingNode)((MappingNode)f.Documents[0]).Get("m7")!;
            Assert.Equal(10, m7.Entries.Count);
            Assert.Equal("1", ((ScalarNode)m7.Get("a")!).Value);
        }

        [Fact]
        public void Earlier_merged_mappings_win_over_later_ones()
        {
            ParsedFile f = YamlReader.Read(new SourceText("a.yaml", "x: &x {a: 1}\ny: &y {a: 2, b: 2}\nz:\n  <<: [*x, *y]\n"));
            var z = (MappingNode)((MappingNode)f.Documents[0]).Get("z")!;
            Assert.Equal("1", ((ScalarNode)z.Get("a")!).Value);
            Assert.Equal("2", ((ScalarNode)z.Get("b")!).Value);
        }

        [Theory]
        [InlineData("a: 1\na: 2\n", "2:1 EL9001")]
        [InlineData("a: [1, 2\nb: 3\n", "1:5 EL9001")]
        [InlineData("a: *nope\n", "1:4 EL9001")]
        [InlineData("key: \"unterminated\n", "1:6 EL9001")]
        public void Yaml_problems_have_positions(string yaml, string expected)
        {
            Assert.Equal(new[] { expected }, Lint.Problems("a.yaml", yaml).Select(p => p.Substring(0, p.IndexOf(" EL") + 7)));
        }

        [Theory]
        // First use: YamlDotNet's internal exceptions were shown as they are, and a tab error pointed at the mapping.
        [InlineData("x: [\n1,\n1]\n", "1:4 EL9001 YAML syntax error: the collection that starts here does not continue correctly: a line inside it is not indented past its key, or a bracket is missing")]
        [InlineData("# c\n...\na: 1\n", "2:1 EL9001 YAML syntax error: content after a document end marker ('...') that starts no new document (add '---')")]
        [InlineData("a:\n  b: 1\n\tc: 2\n", "3:1 EL9001 YAML syntax error: a tab in indentation; YAML indents with spaces only")]
        [InlineData("a: 1\n b: 2\n", "2:3 EL9001 YAML syntax error: a 'key: value' inside a plain value: this line is indented differently from its siblings, or a value holding ': ' needs quotes (While scanning a plain scalar value, found invalid mapping.)")]
        public void Yaml_syntax_errors_are_said_in_words_where_they_are(string yaml, string expected)
        {
            Assert.Equal(expected, Lint.Problems("a.yaml", yaml).First());
        }

        [Fact]
        public void Duplicate_key_message_names_the_first_line()
        {
            Assert.Equal(
                "3:1 EL9001 duplicate key 'a' (first defined on line 1); YAML requires unique keys and Go's YAML decoders (Kubernetes, etcd) reject the file",
                Lint.Problems("a.yaml", "a: 1\nb: 2\na: 3\n").Single());
        }

        [Fact]
        public void A_quoted_scalar_continuation_line_at_the_parent_indent_is_read_like_libyaml_does()
        {
            string yaml = "spec:\n  args: [\"\n    echo hi\n  \"]\n  leaderElection:\n    leaseDuration: 10s\n    renewDeadline: 10s\n";
            var diagnostics = Lint.Text("a.yaml", yaml);
            Assert.Equal(new[] { "6:20 EL1010" }, Lint.Where(diagnostics));
        }

        [Fact]
        public void Json_allows_comments_and_trailing_commas_and_reports_duplicates()
        {
            var text = new SourceText("appsettings.json", "{\n  // comment\n  \"a\": 1, /* x */\n  \"A\": 2,\n}\n");
            ParsedFile f = JsonReader.Read(text);
            Assert.Single(f.Documents);
            FileProblem p = Assert.Single(f.Problems);
            Assert.Equal("4:3 EL9001 duplicate key 'A' (first defined on line 3); .NET configuration rejects the file", $"{p.Span.StartLine}:{p.Span.StartColumn} {p.RuleId} {p.Message}");
        }

        [Theory]
        [InlineData("{\"a\": }", "1:7 EL9001")]
        [InlineData("{\"a\": 1", "1:1 EL9001")]
        [InlineData("[1, 2] 3", "1:8 EL9001")]
        public void Json_syntax_errors_have_positions(string json, string expected)
        {
            Assert.Equal(new[] { expected }, Lint.Problems("x.json", json).Select(p => p.Substring(0, p.IndexOf(" EL") + 7)));
        }

        [Fact]
        public void Properties_follow_java_util_properties()
        {
            var text = new SourceText("a.properties", "# c\n! c\nk1=v1\nk2 : v2\nk3 v3\nk4=a\\\n   b\nk\\=5=x\n");
            var m = (MappingNode)PropertiesReader.Read(text).Documents.Single();
            Assert.Equal(new[] { "k1", "k2", "k3", "k4", "k=5" }, m.Entries.Select(e => e.KeyText));
            Assert.Equal(new[] { "v1", "v2", "v3", "ab", "x" }, m.Entries.Select(e => ((ScalarNode)e.Value).Value));
            Assert.Equal("4:6-4:8", m.Entries[1].Value.Span.ToString());
        }

        [Fact]
        public void Binary_invalid_utf8_and_oversized_files_get_clear_messages()
        {
            var empty = ProfileDocument.Empty;
            var binary = ConfigLinter.Lint("b.yaml", new byte[] { (byte)'a', 0, (byte)'b' }, empty, "b.yaml").Diagnostics.Single();
            Assert.Equal(("EL9004", "file skipped: binary content (NUL bytes)"), (binary.RuleId, binary.Message));

            byte[] bad = Encoding.ASCII.GetBytes("a: 1\nb: x").Concat(new byte[] { 0xC3, 0x28 }).ToArray();
            var invalid = ConfigLinter.Lint("u.yaml", bad, empty, "u.yaml").Diagnostics.Single();
            Assert.Equal("EL9001", invalid.RuleId);
            Assert.Equal("2:5", $"{invalid.Span.StartLine}:{invalid.Span.StartColumn}");
            Assert.StartsWith("not valid UTF-8: byte 0xC3 at byte offset 9", invalid.Message);

            var big = ConfigLinter.Lint("big.yaml", new byte[3 * 1024 * 1024], empty, "big.yaml", maxBytes: 2 * 1024 * 1024).Diagnostics.Single();
            Assert.Equal("file skipped: 3 MB is larger than the 2 MB limit", big.Message);
        }

        [Theory]
        // Review, observation 3: overlong and surrogate forms were accepted by the check and reported at the last byte.
        [InlineData(new byte[] { 0xC0, 0xAF }, "byte 0xC0 at byte offset 9")]
        [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "byte 0xED at byte offset 9")]
        [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 }, "byte 0xF4 at byte offset 9")]
        [InlineData(new byte[] { 0xE2, 0x82 }, "byte 0xE2 at byte offset 9")]
        [InlineData(new byte[] { 0xC3, 0xA9, 0xFF }, "byte 0xFF at byte offset 11")]
        public void Invalid_utf8_is_reported_at_the_first_bad_byte(byte[] bad, string expected)
        {
            byte[] bytes = Encoding.ASCII.GetBytes("a: 1\nb: x").Concat(bad).Concat(Encoding.ASCII.GetBytes("\n")).ToArray();
            var d = ConfigLinter.Lint("u.yaml", bytes, ProfileDocument.Empty, "u.yaml").Diagnostics.Single();
            Assert.Equal("EL9001", d.RuleId);
            Assert.StartsWith("not valid UTF-8: " + expected, d.Message);
        }

        [Theory]
        [InlineData(new byte[] { 0xFF, 0xFE, (byte)'a', 0 }, "UTF-16LE")]
        [InlineData(new byte[] { 0xFE, 0xFF, 0, (byte)'a' }, "UTF-16BE")]
        [InlineData(new byte[] { 0xFF, 0xFE, 0, 0, (byte)'a', 0, 0, 0 }, "UTF-32LE")]
        public void Utf16_and_utf32_are_named(byte[] bytes, string encoding)
        {
            var d = ConfigLinter.Lint("u.yaml", bytes, ProfileDocument.Empty, "u.yaml").Diagnostics.Single();
            Assert.Equal(("EL9004", $"file skipped: {encoding} text; ElectionLint reads UTF-8 (convert it, e.g. with iconv -f {encoding} -t UTF-8)"), (d.RuleId, d.Message));
        }

        [Fact]
        public void Messages_quote_long_values_shortened()
        {
            // Review, observation 6: a 9 MB value made a 37 MB message.
            string value = new string('9', 5000);
            var d = Lint.Text("zoo.cfg", "tickTime=" + value + "\n").Single();
            Assert.Equal("EL1000", d.RuleId);
            Assert.True(d.Message.Length < 500, d.Message);
            Assert.Contains("… (5000 characters)", d.Message);
        }

        [Fact]
        public void Re_indent_repairs_stay_within_a_budget_on_a_large_file()
        {
            // Review H4: 1 MB of quoted scalars continued at the parent's indentation was re-read 64 times (37 s).
            var sb = new StringBuilder("# leader-elect\nspec:\n");
            for (int i = 0; sb.Length < 1_000_000; i++)
            {
                sb.Append("  a").Append(i).Append(": \"x\n  y\"\n");
            }

            (long perByte, IReadOnlyList<LintDiagnostic> diagnostics) = Allocation("repair.yaml", sb.ToString());
            Assert.True(perByte < 100, $"{perByte} bytes allocated per input byte");
            Assert.Equal("EL9001", diagnostics.Single().RuleId);
        }

        [Fact]
        public void A_long_flow_sequence_costs_memory_in_proportion()
        {
            // Review R3: a 9.9 MB flow sequence took 21 s and 1 GB. Each value costs about 270 bytes allocated per input byte here.
            string yaml = "# leader-elect\na: [" + string.Join(",", Enumerable.Repeat("1", 300_000)) + "]\n";
            (long perByte, IReadOnlyList<LintDiagnostic> diagnostics) = Allocation("flow.yaml", yaml);
            Assert.True(perByte < 400, $"{perByte} bytes allocated per input byte");
            Assert.Empty(diagnostics);
        }

        private static (long PerByte, IReadOnlyList<LintDiagnostic> Diagnostics) Allocation(string name, string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            long before = GC.GetAllocatedBytesForCurrentThread();
            var diagnostics = ConfigLinter.Lint(name, bytes, ProfileDocument.Empty, name).Diagnostics;
            return ((GC.GetAllocatedBytesForCurrentThread() - before) / bytes.Length, diagnostics);
        }

        [Fact]
        public void Deep_nesting_is_skipped_with_a_reason()
        {
            string yaml = new string('[', 10_000) + new string(']', 10_000);
            Assert.Equal("1:1001 EL9004 file skipped: nesting deeper than 1000 levels", Lint.Problems("deep.yaml", yaml).Single());
            string j = Lint.Problems("deep.json", yaml).Single();
            Assert.Contains(" EL9001 ", j);
            Assert.Contains("nesting deeper than 1000 levels", j);
        }

        [Fact]
        public void Alias_bombs_stay_linear()
        {
            var sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
            for (int i = 1; i < 30; i++)
            {
                sb.Append($"a{i}: &a{i} [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))).Append("]\n");
            }

            sb.Append("leaderElection: {leaseDuration: 10s, renewDeadline: 10s}\n");
            var diagnostics = Lint.Text("bomb.yaml", sb.ToString());
            Assert.Equal(new[] { "31:33 EL1010" }, Lint.Where(diagnostics));
        }
    }
}
