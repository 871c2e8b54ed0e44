using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using ElectionLint.Config.Documents;
using ElectionLint.Config.Recognition;
using ElectionLint.Config.Source;
using Xunit;

namespace ElectionLint.Config.Tests
{
    /// <summary>
    /// Issue 30 item 3: a tree a few times its file's size. A long sequence of plain scalars keeps values and offsets, and a
    /// key repeated past <see cref="EntryList.KeptRepeats"/> times keeps its first occurrences and its last; what readers
    /// and recognisers see is unchanged.
    /// </summary>
    public class CompactTreeTests
    {
        private static string Describe(Node n) =>
            n is ScalarNode s ? $"{s.Value}|{s.Style}|{s.Span}|{s.Span.StartOffset}-{s.Span.EndOffset}" : n.GetType().Name + "|" + n.Span;

        private static string[] Items(ParsedFile f, string key) =>
            ((SequenceNode)((MappingNode)f.Documents[0]).Get(key)!).Items.Select(Describe).ToArray();

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_long_sequence_of_plain_scalars_reads_back_the_nodes_the_reader_made(bool block)
        {
            // The same text but for the first item: an anchor keeps every item a node, three spaces let the sequence be compact.
            string Text(string first)
            {
                var sb = new StringBuilder("x:");
                string[] styles = { "v{0}", "'q{0}'", "\"d{0}\"", "{0}" };
                for (int i = 0; i < 3000; i++)
                {
                    string item = i == 0 ? first : string.Format(styles[i % 4], i);
                    sb.Append(block ? "\n  - " : i == 0 ? " [" : ",\n    ").Append(item);
                }

                return sb.Append(block ? "\n" : "]\n").ToString();
            }

            string[] nodes = Items(YamlReader.Read(new SourceText("a.yaml", Text("&a 1"))), "x");
            string[] compact = Items(YamlReader.Read(new SourceText("a.yaml", Text("   1"))), "x");
            Assert.Equal(3000, compact.Length);
            Assert.Equal(nodes.Skip(1), compact.Skip(1));
            Assert.Equal("1|Plain|" + (block ? "2:8-2:9|10-11" : "1:8-1:9|7-8"), compact[0]);
            Assert.Equal(block ? "q1|SingleQuoted|3:5-3:9|16-20" : "q1|SingleQuoted|2:5-2:9|14-18", compact[1]);
        }

        [Fact]
        public void A_long_sequence_in_a_config_map_file_keeps_the_outer_file_positions()
        {
            string inner = "x: [" + string.Join(", ", Enumerable.Range(0, 2000)) + "]\n";
            string outer = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  zoo.yaml: |\n    " + inner;
            var text = new SourceText("cm.yaml", outer);
            var embedded = new SourceText("cm.yaml#zoo.yaml", inner, text, Enumerable.Range(0, inner.Length + 1).Select(i => outer.IndexOf("x: [", StringComparison.Ordinal) + i).ToArray());
            ParsedFile f = YamlReader.Read(embedded);
            var items = ((SequenceNode)((MappingNode)f.Documents[0]).Get("x")!).Items;
            Assert.Equal(2000, items.Count);
            int at = outer.IndexOf("1999", StringComparison.Ordinal);
            Assert.Equal($"1999|Plain|7:{at - outer.LastIndexOf('\n', at)}-7:{at - outer.LastIndexOf('\n', at) + 4}|{at}-{at + 4}", Describe(items[1999]));
        }

        [Fact]
        public void A_node_after_the_first_thousand_scalars_keeps_every_item_in_order()
        {
            string yaml = "x: [" + string.Join(", ", Enumerable.Range(0, 1500)) + ", {a: 1}, " + string.Join(", ", Enumerable.Range(2000, 10)) + "]\n";
            var items = ((SequenceNode)((MappingNode)YamlReader.Read(new SourceText("a.yaml", yaml)).Documents[0]).Get("x")!).Items;
            Assert.Equal(1511, items.Count);
            Assert.IsType<MappingNode>(items[1500]);
            Assert.Equal(Enumerable.Range(0, 1500).Concat(Enumerable.Range(2000, 10)).Select(i => i.ToString()), items.OfType<ScalarNode>().Select(s => s.Value));
            Assert.Equal(yaml.IndexOf("1499", StringComparison.Ordinal), items[1499].Span.StartOffset);
            Assert.Equal(yaml.IndexOf("2009", StringComparison.Ordinal), items[1510].Span.StartOffset);
        }

        [Fact]
        public void A_long_json_array_reads_back_the_nodes_the_reader_made()
        {
            string Text(string first) => "{\"x\": [" + first + string.Concat(Enumerable.Range(1, 2999).Select(i => i % 2 == 0 ? $", {i}" : $",\n \"s{i}\\n\"")) + "]}";
            string[] nodes = Items(JsonReader.Read(new SourceText("a.json", Text("{}"))), "x");
            string[] compact = Items(JsonReader.Read(new SourceText("a.json", Text("1 "))), "x");
            Assert.Equal(3000, compact.Length);
            Assert.Equal(nodes.Skip(1), compact.Skip(1));
            Assert.Equal("s1\n|DoubleQuoted|2:2-2:8|12-18", compact[1]);
        }

        private static string[] Entries(ParsedFile f) =>
            ((MappingNode)f.Documents[0]).Entries.Select(e => Describe(e.Key) + " => " + Describe(e.Value)).ToArray();

        [Theory]
        [InlineData("yaml")]
        [InlineData("flow")]
        [InlineData("json")]
        public void A_long_mapping_of_plain_scalars_reads_back_the_entries_the_reader_made(string form)
        {
            string text = form switch
            {
                "yaml" => string.Concat(Enumerable.Range(0, 3000).Select(i => i == 0 ? "k0: &a 1\n" : i == 1 ? "k1: {x: 1}\n" : i % 3 == 0 ? $"'k{i}': \"v{i}\"\n" : $"k{i}: {i}\n")),
                "flow" => "{" + string.Join(",\n ", Enumerable.Range(0, 3000).Select(i => i == 1 ? "k1: [1]" : $"k{i}: {i}")) + "}\n",
                _ => "{" + string.Join(",\n ", Enumerable.Range(0, 3000).Select(i => i == 1 ? "\"k1\": {}" : $"\"k{i}\": \"v{i}\\t\"")) + "}",
            };

            ParsedFile Read(int minEntries)
            {
                int before = ScalarEntries.MinEntries;
                ScalarEntries.MinEntries = minEntries;
                try
                {
                    return form == "json" ? JsonReader.Read(new SourceText("a.json", text)) : YamlReader.Read(new SourceText("a.yaml", text));
                }
                finally
                {
                    ScalarEntries.MinEntries = before;
                }
            }

            // Read with nodes only, then with long mappings kept compact; an anchor and a collection stay nodes in both.
            ParsedFile nodes = Read(int.MaxValue), compact = Read(1024);
            Assert.IsNotType<ScalarEntries>(((MappingNode)nodes.Documents[0]).Entries);
            Assert.IsType<ScalarEntries>(((MappingNode)compact.Documents[0]).Entries);
            string[] a = Entries(nodes), b = Entries(compact);
            Assert.Equal(3000, b.Length);
            Assert.Equal(a, b);
            var root = (MappingNode)compact.Documents[0];
            Assert.IsNotType<ScalarNode>(root.Get("k1"));
            Assert.Equal(form == "json" ? "v2999\t" : "2999", root.GetText("k2999"));
            Assert.Null(root.Get("K2999"));
            Assert.Equal(form == "json" ? "v2999\t" : "2999", ((ScalarNode?)root.Get("K2999", ignoreCase: true))?.Value);
            Assert.Equal(root.Entries[2999].Value.Span, root.Get("k2999")!.Span);
        }

        [Fact]
        public void A_long_mapping_with_a_key_repeated_in_it_keeps_the_repeats_it_keeps_in_order()
        {
            var json = new StringBuilder("{");
            var expected = new System.Collections.Generic.List<string>();
            for (int i = 0; i < 3000; i++)
            {
                json.Append($"\"k{i}\": {i}, ");
                expected.Add($"k{i}={i}");
                if (i % 100 == 50)
                {
                    json.Append($"\"dup\": {i}, ");
                    expected.Add($"dup={i}");
                }
            }

            json.Append("\"z\": 0}");
            expected.Add("z=0");
            // The first 8 repeats and the last: those in between are dropped from their places.
            string[] dups = expected.Where(e => e.StartsWith("dup=", StringComparison.Ordinal)).ToArray();
            expected.RemoveAll(e => e.StartsWith("dup=", StringComparison.Ordinal) && Array.IndexOf(dups, e) >= 8 && e != dups[^1]);
            ParsedFile f = JsonReader.Read(new SourceText("a.json", json.ToString()));
            var root = (MappingNode)f.Documents[0];
            Assert.Equal(expected, root.Entries.Select(e => e.KeyText + "=" + ((ScalarNode)e.Value).Value));
            Assert.Equal(dups.Length - 1, f.Problems.Count);
            Assert.Equal("50", root.GetText("dup"));
        }

        [Fact]
        public void A_node_after_the_first_thousand_entries_keeps_every_entry_in_order()
        {
            string yaml = string.Concat(Enumerable.Range(0, 1500).Select(i => $"k{i}: {i}\n")) + "m: {a: 1}\n" + string.Concat(Enumerable.Range(2000, 10).Select(i => $"k{i}: {i}\n"));
            var root = (MappingNode)YamlReader.Read(new SourceText("a.yaml", yaml)).Documents[0];
            Assert.Equal(1511, root.Entries.Count);
            Assert.IsType<MappingNode>(root.Entries[1500].Value);
            Assert.Equal(Enumerable.Range(0, 1500).Concat(Enumerable.Range(2000, 10)).Select(i => $"k{i}"), root.Entries.Where(e => e.Value is ScalarNode).Select(e => e.KeyText));
            Assert.Equal(yaml.IndexOf("k1499:", StringComparison.Ordinal), root.Entries[1499].Key.Span.StartOffset);
        }

        [Fact]
        public void A_key_repeated_many_times_keeps_its_first_occurrences_and_its_last()
        {
            string yaml = string.Concat(Enumerable.Range(0, 20).Select(i => $"a: {i}\n"));
            ParsedFile f = YamlReader.Read(new SourceText("a.yaml", yaml));
            var root = (MappingNode)f.Documents[0];
            Assert.Equal(new[] { "0", "1", "2", "3", "4", "5", "6", "7", "19" }, root.Entries.Select(e => ((ScalarNode)e.Value).Value));
            Assert.Equal("0", root.GetText("a"));
            Assert.Equal(19, f.Problems.Count);
            Assert.Equal("20:1 EL9001 duplicate key 'a' (first defined on line 1); YAML requires unique keys and Go's YAML decoders (Kubernetes, etcd) reject the file", f.Problems[18].ToString());
        }

        [Fact]
        public void Keys_repeated_in_turn_keep_their_order_when_dropped_repeats_are_squeezed_out()
        {
            var yaml = new StringBuilder();
            var properties = new StringBuilder();
            for (int i = 0; i < 6000; i++)
            {
                yaml.Append($"a: {i}\nb: {i}\n");
                properties.Append($"a={i}\nb={i}\n");
            }

            string[] expected = Enumerable.Range(0, 8).Append(5999).SelectMany(i => new[] { $"a={i}", $"b={i}" }).ToArray();
            foreach (ParsedFile f in new[] { YamlReader.Read(new SourceText("a.yaml", yaml.ToString())), PropertiesReader.Read(new SourceText("a.properties", properties.ToString())) })
            {
                var root = (MappingNode)f.Documents[0];
                Assert.Equal(expected, root.Entries.Select(e => e.KeyText + "=" + ((ScalarNode)e.Value).Value));
                Assert.Equal(11998, f.Problems.Count + f.OmittedProblems);
                int last = f.Kind == FileKind.Properties ? properties.ToString().LastIndexOf("b=5999", StringComparison.Ordinal) + 2 : yaml.ToString().LastIndexOf("b: 5999", StringComparison.Ordinal) + 3;
                Assert.Equal(last, root.Entries[17].Value.Span.StartOffset);
            }
        }

        [Fact]
        public void Json_keys_repeated_in_any_case_keep_their_first_occurrences_and_their_last()
        {
            string json = "{" + string.Join(", ", Enumerable.Range(0, 12).Select(i => $"\"{(i % 2 == 0 ? "t" : "T")}\": {i}")) + "}";
            ParsedFile f = JsonReader.Read(new SourceText("a.json", json));
            var root = (MappingNode)f.Documents[0];
            Assert.Equal(new[] { "t=0", "T=1", "t=2", "T=3", "t=4", "T=5", "t=6", "T=7", "T=11" }, root.Entries.Select(e => e.KeyText + "=" + ((ScalarNode)e.Value).Value));
            Assert.Equal(11, f.Problems.Count);
        }

        [Fact]
        public void A_setting_repeated_many_times_is_recognised_as_before()
        {
            string yaml = string.Concat(Enumerable.Range(0, 30).Select(i => $"heartbeat-interval: {100 + i}\nelection-timeout: {1000 + i}\n"));
            var c = Recognizer.Recognize(YamlReader.Read(new SourceText("etcd.yaml", yaml))).Single();
            Assert.Equal("etcd:", c.System.Id + ":");
            Assert.Equal(new[] { "129", "1029" }, new[] { "heartbeat-interval", "election-timeout" }.Select(n => c[c.System.IndexOf(n)]?.Raw));
        }
    }

    [CollectionDefinition("tree memory", DisableParallelization = true)]
    public class TreeMemoryCollection
    {
    }

    /// <summary>Retained bytes are measured with no other test running (the heap's size is the process's).</summary>
    [Collection("tree memory")]
    public class TreeMemoryTests
    {
        [Fact]
        public void A_long_sequence_holds_a_fraction_of_what_a_node_per_item_did()
        {
            const int count = 300_000;
            var text = new SourceText("a.yaml", "x: [" + string.Join(",", Enumerable.Repeat("1", count)) + "]\n");
            _ = text.LineCount; // the line index is not the tree's
            long before = GC.GetTotalMemory(true);
            ParsedFile f = YamlReader.Read(text);
            long after = GC.GetTotalMemory(true);
            Assert.Equal(count, ((SequenceNode)((MappingNode)f.Documents[0]).Get("x")!).Items.Count);
            GC.KeepAlive(f);
            // A node and its slot were 64 bytes an item; a value and two offsets are 17 (the bound leaves room for other threads).
            Assert.InRange((after - before) / (double)count, 0, 32);
        }

        [Fact]
        public void A_long_mapping_holds_a_fraction_of_what_an_entry_and_two_nodes_did()
        {
            const int count = 200_000;
            var text = new SourceText("a.json", "{\"Kafka\": {\"SessionTimeoutMs\": 45000}, " + string.Join(",", Enumerable.Range(0, count).Select(i => $"\"k{i}\": 1")) + "}");
            _ = text.LineCount;
            long before = GC.GetTotalMemory(true);
            ParsedFile f = JsonReader.Read(text);
            long after = GC.GetTotalMemory(true);
            Assert.Equal(count + 1, ((MappingNode)f.Documents[0]).Entries.Count);
            GC.KeepAlive(f);
            // An entry and two nodes were 152 bytes, and the key's own string about 40; values and offsets are 34.
            Assert.InRange((after - before) / (double)count, 0, 120);
        }

        [Fact]
        public void Sentinel_masters_are_recognised_holding_one_master_at_a_time()
        {
            const int masters = 20_000;
            var text = new StringBuilder();
            for (int i = 0; i < masters; i++)
            {
                text.Append($"sentinel monitor m{i} 10.0.0.{i % 250} 6379 2\nsentinel down-after-milliseconds m{i} {30000 + i}\n");
            }

            ParsedFile file = SentinelConfReader.Read(new SourceText("sentinel.conf", text.ToString()));
            long before = GC.GetTotalMemory(true), most = 0;
            int n = 0;
            foreach (Rules.Evaluation.ConfigurationInstance c in Recognizer.RecognizeEach(file))
            {
                Assert.Equal((30000 + n).ToString(), c[c.System.IndexOf(Rules.Systems.RedisSentinel.DownAfter)]?.Raw);
                if (n % 5000 == 0)
                {
                    most = Math.Max(most, GC.GetTotalMemory(true) - before);
                }

                n++;
            }

            Assert.Equal(masters, n);
            GC.KeepAlive(file);
            // Every master's scope, made before the first was built, was about 400 bytes.
            Assert.InRange(most / (double)masters, -1000, 64);
        }
    }
}
