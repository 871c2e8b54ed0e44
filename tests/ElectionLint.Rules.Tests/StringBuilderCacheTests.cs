using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Text;
using ElectionLint.Rules.Timing;
using Xunit;

namespace ElectionLint.Rules.Tests
{
    public class StringBuilderCacheTests
    {
        [Fact]
        public void A_use_inside_another_gets_its_own_builder_and_both_texts_are_whole()
        {
            StringBuilderCache.ToStringAndRelease(StringBuilderCache.Acquire()); // the thread has a builder kept
            System.Text.StringBuilder outer = StringBuilderCache.Acquire();
            outer.Append("window ");
            string inner = DurationFormat.Go(Duration.FromMilliseconds(1500)); // takes the thread's builder while outer is out
            outer.Append(inner);
            Assert.Equal("window 1.5s", StringBuilderCache.ToStringAndRelease(outer));
            Assert.Equal("1.5s", inner);
        }

        [Fact]
        public void A_released_builder_comes_back_empty()
        {
            System.Text.StringBuilder first = StringBuilderCache.Acquire();
            first.Append("leftover");
            StringBuilderCache.ToStringAndRelease(first);
            System.Text.StringBuilder second = StringBuilderCache.Acquire();
            Assert.Same(first, second);
            Assert.Equal(0, second.Length);
            Assert.Equal("set a to 1", MessageTemplate.Format("set {name} to {value}", new System.Collections.Generic.Dictionary<string, string> { ["name"] = "a", ["value"] = "1" }));
        }
    }
}
