using System;
using System.Linq;
using System.Text;
using ElectionLint.Config.Documents;
using ElectionLint.Config.Recognition;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Evaluation;
using Xunit;

namespace ElectionLint.Config.Tests
{
    /// <summary>Issue 30 item 3: a lint holds one configuration of a long stream at a time, not all of them.</summary>
    public class RecognitionStreamTests
    {
        private static ParsedFile Stream(int documents) =>
            YamlReader.Read(new SourceText("etcd.yaml", new StringBuilder().Insert(0, "---\nheartbeat-interval: 100\nelection-timeout: 300\n", documents).ToString()));

        [Fact]
        public void Each_configuration_is_the_one_the_list_gives_in_the_same_order()
        {
            ParsedFile file = Stream(5);
            string[] listed = Recognizer.Recognize(file).Select(Describe).ToArray();
            string[] streamed = Recognizer.RecognizeEach(Stream(5)).Select(Describe).ToArray();
            Assert.Equal(5, listed.Length);
            Assert.Equal(listed, streamed);
        }

        [Fact]
        public void A_configuration_read_and_dropped_is_let_go_before_the_stream_ends()
        {
            ParsedFile file = Stream(200);
            using var each = Recognizer.RecognizeEach(file).GetEnumerator();
            Assert.Equal((199, false), LetGo.AfterNext(each)); // nothing but the caller held the first
        }

        private static string Describe(ConfigurationInstance c) =>
            c.System.Id + ":" + string.Join(",", Enumerable.Range(0, c.System.Settings.Count).Select(i => c[i]?.Raw ?? "-"));
    }
}
