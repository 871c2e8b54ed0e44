using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ElectionLint.Analyzers.Tests
{
    /// <summary>
    /// Issue 31 item 3: only bodies whose text names a bound type, a subclass, an alias, a bound member or a registration
    /// method are analysed; the names a file does not contain (a global alias, a subclass declared elsewhere) still count.
    /// </summary>
    public class TriggerTests
    {
        private const string Usings = "using Microsoft.Extensions.DependencyInjection;\n";

        [Fact]
        public async Task A_global_alias_declared_in_another_file_is_followed()
        {
            var diagnostics = await Verify.Analyzer()
                .WithSource("/src/Usings.cs", "global using KC = Confluent.Kafka.ConsumerConfig;\n")
                .RunAsync("class C { void M() { var c = new KC(); c.Set(\"session.timeout.ms\", \"3000\"); } }");
            Assert.Equal("EL1021", Assert.Single(diagnostics).Id);
        }

        [Fact]
        public async Task A_subclass_declared_in_another_file_is_followed()
        {
            var diagnostics = await Verify.Analyzer()
                .WithSource("/src/Mine.cs", "namespace Deep { public class Mine : Confluent.Kafka.ConsumerConfig { } }\n")
                .RunAsync("class C { void M() { var c = new Deep.Mine(); c.Set(\"session.timeout.ms\", \"3000\"); } }");
            Assert.Equal("EL1021", Assert.Single(diagnostics).Id);
        }

        [Fact]
        public async Task A_subclass_of_a_subclass_through_an_alias_in_other_files_is_followed()
        {
            var diagnostics = await Verify.Analyzer()
                .WithSource("/src/Base.cs", "using KC = Confluent.Kafka.ConsumerConfig;\nnamespace Deep { public partial class Mine : KC { } }\n")
                .WithSource("/src/Outer.cs", "public class Outer { public class Theirs : Deep.Mine { } }\n")
                .RunAsync("class C { void M() { var c = new Outer.Theirs(); c.Set(\"session.timeout.ms\", \"3000\"); } }");
            Assert.Equal("EL1021", Assert.Single(diagnostics).Id);
        }

        [Fact]
        public async Task A_registration_elsewhere_through_an_alias_makes_unset_members_unknown()
        {
            const string Main = Usings + "using Confluent.Kafka;\nclass C { void M(IServiceCollection s) { s.Configure<ConsumerConfig>(o => o.SessionTimeoutMs = 6000); } }";
            var alone = await Verify.Analyzer().RunAsync(Main);
            Assert.Contains(alone, d => d.Id == "EL2001"); // the default heartbeat is read

            var withOther = await Verify.Analyzer()
                .WithSource("/src/Other.cs", Usings + "using KC = Confluent.Kafka.ConsumerConfig;\nclass D { void N(IServiceCollection s) { s.Configure<KC>(o => o.GroupId = \"g\"); } }")
                .RunAsync(Main);
            Assert.DoesNotContain(withOther, d => d.Id == "EL2001"); // another body registers it: the heartbeat is unknown
        }

        [Fact]
        public async Task A_body_without_a_trigger_name_is_not_analysed_but_one_with_a_member_name_is()
        {
            var diagnostics = await Verify.Analyzer().RunAsync(
                "class C { static Confluent.Kafka.ConsumerConfig M() => new() { SessionTimeoutMs = 3000 }; void N() { System.Console.WriteLine(1); } }");
            Assert.Equal("EL1021", Assert.Single(diagnostics).Id);
        }

        [Theory]
        // Only the operations whose text holds a trigger name, a new( or a with { are entered: a target-typed new() names
        // no type, in a declarator (c = new(), read with the later statements) or a return, and is still found.
        [InlineData("void M() { ConsumerConfig c = new(); c.SessionTimeoutMs = 6000; }")]
        [InlineData("void M() { var c = new ConsumerConfig(); c.SessionTimeoutMs = 6000; }")]
        [InlineData("void M() { ConsumerConfig c = new() { SessionTimeoutMs = 6000 }; }")]
        [InlineData("ConsumerConfig M(bool b) { if (b) { System.Console.WriteLine(1); } return new() { SessionTimeoutMs = 6000 }; }")]
        public async Task A_target_typed_new_among_code_that_names_nothing_is_found(string member)
        {
            var diagnostics = await Verify.Analyzer().RunAsync(Verify.Usings + "class C { " + member + " }");
            Assert.Contains(diagnostics, d => d.Id == "EL2001");
        }

        [Fact]
        public async Task A_member_name_alone_in_a_file_that_names_no_bound_type_is_another_types_member()
        {
            var diagnostics = await Verify.Analyzer()
                .WithSource("/src/Check.cs", "public class AgentCheck { public System.TimeSpan TTL { get; set; } }\n")
                .RunAsync("class C { void M() { var check = new AgentCheck { TTL = System.TimeSpan.FromSeconds(1) }; } }");
            Assert.Empty(diagnostics);
        }
    }
}
