using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ElectionLint.Config.Documents;
using ElectionLint.Config.Linting;
using ElectionLint.Config.Recognition;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Profile;
using Xunit;

namespace ElectionLint.Config.Tests
{
    /// <summary>
    /// Issue 30 item 3: a lint report reads a long YAML stream one document at a time (only ConfigMaps are kept, since other
    /// documents refer to them). What it reports is what reading the whole stream at once reports.
    /// </summary>
    public class StreamedDocumentsTests
    {
        /// <summary>Each diagnostic with its baseline path, from a report-only lint with streams read whole or one by one.</summary>
        private static string[] Report(string path, byte[] bytes, bool streamed) => Report(path, bytes, streamed, out _);

        private static string[] Report(string path, byte[] bytes, bool streamed, out bool wasStreamed)
        {
            int before = YamlReader.StreamFrom;
            YamlReader.StreamFrom = streamed ? 0 : int.MaxValue;
            try
            {
                FileResult r = ConfigLinter.Lint(path, bytes, ProfileDocument.Empty, Path.GetFileName(path), keepEvaluations: false);
                wasStreamed = r.Parsed?.Documents is IDocumentCursor;
                Assert.True(streamed || !wasStreamed);
                return r.Diagnostics.Select(d => $"{d.Span} {d.RuleId} {d.Message} @{SettingPath.Of(r.Parsed, d.Span)}").ToArray();
            }
            finally
            {
                YamlReader.StreamFrom = before;
            }
        }

        private static bool IsConfigMap(Node d) => d is MappingNode m && m.GetText("kind") == "ConfigMap";

        [Fact]
        public void Every_corpus_file_and_sample_is_reported_the_same_read_whole_or_one_document_at_a_time()
        {
            int streams = 0, diagnostics = 0;
            foreach (string file in Directory.EnumerateFiles(Lint.CorpusRoot, "*", SearchOption.AllDirectories)
                .Concat(Directory.EnumerateFiles(Path.Combine(Lint.RepoRoot, "samples", "config-repo"), "*", SearchOption.AllDirectories))
                .Where(ConfigFileNames.IsConfigFile).OrderBy(f => f, StringComparer.Ordinal))
            {
                byte[] bytes = File.ReadAllBytes(file);
                string[] whole = Report(file, bytes, streamed: false);
                Assert.Equal(whole, Report(file, bytes, streamed: true, out bool wasStreamed));
                diagnostics += whole.Length;
                streams += wasStreamed ? 1 : 0;
            }

            Assert.InRange(streams, 10, int.MaxValue);
            Assert.InRange(diagnostics, 30, int.MaxValue);
        }

        [Fact]
        public void Every_corpus_stream_reads_back_the_same_documents_and_configurations()
        {
            int streams = 0;
            foreach (string file in Directory.EnumerateFiles(Lint.CorpusRoot, "*", SearchOption.AllDirectories)
                .Where(f => ConfigFileNames.KindOf(f) == FileKind.Yaml).OrderBy(f => f, StringComparer.Ordinal))
            {
                var text = new SourceText(file, File.ReadAllText(file));
                ParsedFile whole = YamlReader.Read(text, stream: false);
                int before = YamlReader.StreamFrom;
                YamlReader.StreamFrom = 0;
                ParsedFile streamed;
                try
                {
                    streamed = YamlReader.Read(text, stream: true);
                }
                finally
                {
                    YamlReader.StreamFrom = before;
                }

                Assert.Equal(whole.Problems.Select(p => p.ToString()), streamed.Problems.Select(p => p.ToString()));
                Assert.Equal(whole.Documents.Count, streamed.Documents.Count);
                Assert.Equal(whole.Documents.Select(Tree), streamed.Documents.Select(Tree));
                Assert.Equal(Recognizer.Recognize(whole).Select(Describe), Recognizer.Recognize(streamed).Select(Describe));
                streams += streamed.Documents is IDocumentCursor ? 1 : 0;
            }

            Assert.InRange(streams, 80, int.MaxValue);
        }

        private static string Tree(Node n) => n switch
        {
            ScalarNode s => $"{s.Value}|{s.Style}|{s.Span}",
            SequenceNode q => "[" + string.Join(",", q.Items.Select(Tree)) + "]" + q.Span,
            MappingNode m => "{" + string.Join(",", m.Entries.Select(e => Tree(e.Key) + ":" + Tree(e.Value))) + "}" + m.Span,
            _ => "?",
        };

        private static string Describe(Rules.Evaluation.ConfigurationInstance c) =>
            c.System.Id + ":" + string.Join(",", Enumerable.Range(0, c.System.Settings.Count).Select(i => c[i] is { } v ? v.Raw + "@" + v.Location : "-"));

        [Fact]
        public void Config_maps_before_and_after_their_readers_kraft_roles_and_embedded_files_are_read_as_in_a_whole_stream()
        {
            string cm(string name, string data) => $"---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\ndata:\n{data}";
            string etcd(string name, string configMap) =>
                $"---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {name}\nspec:\n  template:\n    spec:\n      containers:\n      - name: etcd\n        image: quay.io/coreos/etcd:v3.5.9\n        envFrom:\n        - configMapRef:\n            name: {configMap}\n";
            string text =
                etcd("a", "later") +
                cm("earlier", "  ETCD_HEARTBEAT_INTERVAL: \"500\"\n  ETCD_ELECTION_TIMEOUT: \"1000\"\n") +
                etcd("b", "earlier") +
                cm("later", "  ETCD_HEARTBEAT_INTERVAL: \"100\"\n  ETCD_ELECTION_TIMEOUT: \"300\"\n") +
                cm("files", "  etcd.conf.yml: |\n    heartbeat-interval: 100\n    election-timeout: 200\n") +
                "---\nprocess.roles: controller\ncontroller.quorum.voters: 1@c:9093\nbroker.session.timeout.ms: 4000\n" +
                "---\nprocess.roles: broker\nbroker.heartbeat.interval.ms: 3000\n" +
                "---\nheartbeat-interval: 100\nelection-timeout: 200\n" +
                "---\nheartbeat-interval: 100\nheartbeat-interval: 200\nelection-timeout: 300\n";
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            string[] whole = Report("stream.yaml", bytes, streamed: false);
            Assert.Equal(whole, Report("stream.yaml", bytes, streamed: true, out bool wasStreamed));
            Assert.True(wasStreamed);
            Assert.Contains(whole, d => d.Contains(" EL1010 ", StringComparison.Ordinal) || d.Contains(" EL2001 ", StringComparison.Ordinal) || d.Contains(" EL2002 ", StringComparison.Ordinal));
            Assert.Contains(whole, d => d.Contains("@#4.data", StringComparison.Ordinal)); // the embedded file's finding
            Assert.Contains(whole, d => d.Contains(" EL9001 duplicate key 'heartbeat-interval'", StringComparison.Ordinal));
        }

        [Fact]
        public void A_streamed_document_is_let_go_once_the_next_is_read()
        {
            int before = YamlReader.StreamFrom;
            YamlReader.StreamFrom = 0;
            try
            {
                var text = new SourceText("s.yaml", new StringBuilder().Insert(0, "---\nheartbeat-interval: 100\nelection-timeout: 300\n", 50).ToString());
                ParsedFile f = YamlReader.Read(text, stream: true);
                Assert.Equal(50, f.Documents.Count);
                using IEnumerator<Node> each = f.Documents.GetEnumerator();
                Assert.True(each.MoveNext()); // the first document is kept: a file of one document is read once
                Assert.Equal((48, false), LetGo.AfterNext(each));
                Assert.Equal("election-timeout", ((MappingNode)f.Documents[49]).Entries[1].KeyText);
            }
            finally
            {
                YamlReader.StreamFrom = before;
            }
        }
    }
}
