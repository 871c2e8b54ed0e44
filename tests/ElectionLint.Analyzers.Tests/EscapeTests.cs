using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ElectionLint.Analyzers.Tests
{
    /// <summary>
    /// Review csharp-real D2: an options object that leaves the code read here may be set elsewhere (Brighter's
    /// protocol.Apply(config), Confluent's Set loop over a caller's dictionary, a field): its members are unknown from
    /// there on, never their defaults. session 6000 with the default heartbeat 3000 is EL2001 (2×) when nothing escapes.
    /// </summary>
    public class EscapeTests
    {
        private const string Members = "static void Apply(ConsumerConfig c) { } ConsumerConfig _field = null!; ";

        [Theory]
        [InlineData("var c = new ConsumerConfig { SessionTimeoutMs = 6000 };", 1)]
        [InlineData("var c = new ConsumerConfig { SessionTimeoutMs = 6000 }; using var consumer = new ConsumerBuilder<string, string>(c).Build();", 1)]
        [InlineData("var c = new ConsumerConfig { SessionTimeoutMs = 6000 }; Apply(c);", 0)]
        [InlineData("var c = new ConsumerConfig { SessionTimeoutMs = 6000 }; foreach (var p in props) c.Set(p.Key, p.Value);", 0)]
        [InlineData("var c = new ConsumerConfig { SessionTimeoutMs = 6000 }; c.Set(\"group.id\", \"g\");", 1)]
        [InlineData("var c = new ConsumerConfig { SessionTimeoutMs = 6000 }; _field = c;", 0)]
        [InlineData("_field = new ConsumerConfig { SessionTimeoutMs = 6000 };", 0)]
        [InlineData("Apply(new ConsumerConfig { SessionTimeoutMs = 6000 });", 0)]
        [InlineData("var c = new ConsumerConfig { SessionTimeoutMs = 6000 }; Action later = () => c.SessionTimeoutMs = 10000;", 0)]
        [InlineData("var c = new ConsumerConfig(); Apply(c); c.SessionTimeoutMs = 6000; c.HeartbeatIntervalMs = 3000;", 1)]
        // Deep in a later statement, among code that does not name the object (only the spans that name it are read).
        [InlineData("var c = new ConsumerConfig { SessionTimeoutMs = 6000 }; if (props.Count > 0) { var x = props.Count + 1; System.Console.WriteLine(x); Apply(c); }", 0)]
        [InlineData("var c = new ConsumerConfig { SessionTimeoutMs = 6000 }; using (var consumer = new ConsumerBuilder<string, string>(c).Build()) { System.Console.WriteLine(props.Count); if (props.Count > 1) { c.HeartbeatIntervalMs = 1000; } }", 0)]
        [InlineData("var c = new ConsumerConfig { SessionTimeoutMs = 6000 }; System.Threading.Tasks.Task.Run(() => { System.Console.WriteLine(props.Count); Apply(c); });", 0)]
        [InlineData("var c = new ConsumerConfig { SessionTimeoutMs = 6000 }; using (var consumer = new ConsumerBuilder<string, string>(c).Build()) { System.Console.WriteLine(props.Count); var d = new ConsumerConfig(); Apply(d); }", 1)]
        public async Task An_object_that_escapes_keeps_no_defaults(string body, int findings)
        {
            ImmutableArray<Diagnostic> diagnostics = await Verify.Analyzer().RunAsync(
                Verify.Usings + "using System.Collections.Generic;\nclass C { " + Members + "void M(Dictionary<string, string> props) { " + body + " } }");
            Assert.Equal(findings, diagnostics.Count(d => d.Id == "EL2001"));
        }
    }
}
