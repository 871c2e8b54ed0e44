using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace ElectionLint.Analyzers.Tests
{
    /// <summary>
    /// The C# snippets `electionlint tune` prints (tests/snippets/TunedSnippets.cs.txt, kept equal to the CLI's output by
    /// ElectionLint.Cli.Tests) compile against the real client packages and raise nothing: no compiler error, no finding.
    /// </summary>
    public class SnippetTests
    {
        [Fact]
        public Task Tuned_CSharp_snippets_compile_and_raise_nothing()
        {
            string dir = System.AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(dir, "Linter.sln")))
            {
                dir = Path.GetDirectoryName(dir)!;
            }

            string snippets = File.ReadAllText(Path.Combine(dir, "tests", "snippets", "TunedSnippets.cs.txt"));
            Assert.Contains("class TunedSnippets", snippets);
            return Verify.DiagnosticsAsync(Verify.Usings + snippets);
        }
    }
}
