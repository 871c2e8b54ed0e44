using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using ElectionLint.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ElectionLint.Analyzers.Tests
{
    public class ConfigFileAnalyzerTests
    {
        [Fact]
        public async Task Yaml_additional_files_get_the_config_linters_findings_at_the_same_positions()
        {
            var diagnostics = await new AnalyzerTest(new ConfigFileAnalyzer())
                .WithAdditionalFile("/repo/deploy/etcd.yaml", "name: etcd-0\nheartbeat-interval: 100\nelection-timeout: 300\n")
                .WithAdditionalFile("/repo/deploy/broken.yaml", "a: [1, 2\nb: 3\n# leader-elect below\n")
                .WithAdditionalFile("/repo/README.md", "not a config file")
                .RunAsync("class C { }");
            var d = diagnostics.Single(x => x.Id == "EL1001");
            FileLinePositionSpan span = d.Location.GetLineSpan();
            Assert.Equal("/repo/deploy/etcd.yaml", span.Path);
            Assert.Equal((2, 18, 2, 21), (span.StartLinePosition.Line, span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character));
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            Assert.Equal("/repo/deploy/etcd.yaml", Assert.Single(d.AdditionalLocations).GetLineSpan().Path);
            var broken = diagnostics.Single(x => x.Id == "EL9001");
            Assert.Equal(0, broken.Location.GetLineSpan().StartLinePosition.Line);
            Assert.Equal(2, diagnostics.Length);
        }

        [Fact]
        public async Task A_fifo_or_an_oversized_file_on_disk_is_never_read()
        {
            // Review H1/R2: a FIFO *.yaml in a project hung dotnet build; a link to a 1.5 GB file was read whole.
            string dir = Directory.CreateTempSubdirectory("el-af-").FullName;
            string fifo = Path.Combine(dir, "fifo.yaml"), big = Path.Combine(dir, "big.bin"), link = Path.Combine(dir, "big.yaml");
            System.Diagnostics.Process.Start("mkfifo", fifo)!.WaitForExit();
            using (FileStream f = File.Create(big))
            {
                f.SetLength(11 * 1024 * 1024);
            }

            File.CreateSymbolicLink(link, big);
            // The texts stand for what reading would give: neither is read, so neither is linted.
            var diagnostics = await new AnalyzerTest(new ConfigFileAnalyzer())
                .WithAdditionalFile(fifo, "heartbeat-interval: 100\nelection-timeout: 100\n")
                .WithAdditionalFile(link, "heartbeat-interval: 100\nelection-timeout: 100\n")
                .RunAsync("class C { }");
            Diagnostic d = Assert.Single(diagnostics);
            Assert.Equal(("EL9004", link, "file skipped: 11 MB is larger than the 10 MB limit"), (d.Id, d.Location.GetLineSpan().Path, d.GetMessage()));
        }

        [Fact]
        public async Task Values_too_large_to_represent_never_hide_the_other_files_findings()
        {
            // Review A4: these made the config-file analyzer throw (AD0001) and every other finding of the build disappeared.
            var diagnostics = await new AnalyzerTest(new ConfigFileAnalyzer())
                .WithAdditionalFile("/repo/sched.yaml", "leaderElection:\n  leaseDuration: 99999999999999999h\n")
                .WithAdditionalFile("/repo/appsettings.json", "{\"RaftCluster\": {\"heartbeatThreshold\": 1e28}, \"Orleans\": {\"ClusterMembership\": {\"ProbeTimeout\": \"106752.00:00:00\"}}}")
                .WithAdditionalFile("/repo/etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 300\n")
                .WithAdditionalFile("/repo/.electionlint.yaml", "profile:\n  gcPauseP99: 300ms\n  gcHeadroom: 79228162514264337593543950335\n  maxFailover: 10675199.02:48:05.4775807\n")
                .RunAsync("class C { }");
            Assert.Equal(
                // A pause budget of 7.9e28 × 300 ms leaves no configuration possible (EL2031): judged, not thrown.
                new[] { "EL1000 /repo/sched.yaml 2", "EL1001 /repo/etcd.yaml 2", "EL1080 /repo/appsettings.json 1", "EL2031 /repo/appsettings.json 1", "EL2031 /repo/etcd.yaml 2" },
                diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan().Path} {d.Location.GetLineSpan().StartLinePosition.Line + 1}").OrderBy(x => x, StringComparer.Ordinal));
        }

        [Fact]
        public async Task The_profile_applies_to_config_files()
        {
            var diagnostics = await new AnalyzerTest(new ConfigFileAnalyzer())
                .WithAdditionalFile("/repo/.electionlint.yaml", "profile:\n  network: wan\nignore: [\"vendor/**\"]\n")
                .WithAdditionalFile("/repo/etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 1000\n")
                .WithAdditionalFile("/repo/vendor/etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 100\n")
                .RunAsync("class C { }");
            Assert.Equal(new[] { "EL2010 /repo/etcd.yaml" }, diagnostics.Select(d => d.Id + " " + d.Location.GetLineSpan().Path));
        }

        [Fact]
        public async Task A_yml_profile_applies_and_yaml_wins_in_the_same_folder()
        {
            var diagnostics = await new AnalyzerTest(new ConfigFileAnalyzer())
                .WithAdditionalFile("/repo/.electionlint.yml", "profile:\n  network: wan\n")
                .WithAdditionalFile("/repo/etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 1000\n")
                .RunAsync("class C { }");
            Assert.Equal(new[] { "EL2010" }, diagnostics.Select(d => d.Id));

            diagnostics = await new AnalyzerTest(new ConfigFileAnalyzer())
                .WithAdditionalFile("/repo/.electionlint.yaml", "profile:\n  network: lan\n")
                .WithAdditionalFile("/repo/.electionlint.yml", "profile:\n  network: wan\n")
                .WithAdditionalFile("/repo/etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 1000\n")
                .RunAsync("class C { }");
            Assert.Empty(diagnostics);
        }

        [Fact]
        public async Task Editorconfig_sections_set_config_file_severities()
        {
            // First use D2: the compiler applies .editorconfig sections to C# files only, and keeps their severity keys out
            // of the options analyzers see; the package passes the .editorconfig files, and their sections apply here.
            const string Etcd = "heartbeat-interval: 100\nelection-timeout: 300\n";
            var diagnostics = await new AnalyzerTest(new ConfigFileAnalyzer())
                .WithAdditionalFile("/repo/.editorconfig", "root = true\n\n[*.{yaml,yml}]\ndotnet_diagnostic.EL1001.severity = warning\n\n[b/*.yaml]\ndotnet_diagnostic.EL1001.severity = none\n")
                .WithAdditionalFile("/repo/c/.editorconfig", "[*]\ndotnet_diagnostic.EL1001.severity = error\n")
                .WithAdditionalFile("/repo/a/etcd.yaml", Etcd)
                .WithAdditionalFile("/repo/b/etcd.yaml", Etcd)
                .WithAdditionalFile("/repo/c/etcd.yaml", Etcd)
                .WithAdditionalFile("/repo/d/etcd.conf.yml.sample", Etcd)
                .RunAsync("class C { }");
            Assert.Equal(
                new[] { "EL1001 /repo/a/etcd.yaml Warning", "EL1001 /repo/c/etcd.yaml Error", "EL1001 /repo/d/etcd.conf.yml.sample Error" },
                diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan().Path} {d.Severity}").OrderBy(x => x, StringComparer.Ordinal));
        }

        [Fact]
        public async Task Without_config_files_nothing_is_registered()
        {
            var analyzer = new ConfigFileAnalyzer();
            var compilation = new AnalyzerTest(analyzer).Compile("class C { }");
            var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/repo/notes.txt", "x"))));
            await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
            Assert.Equal(0, telemetry.AdditionalFileActionsCount);
        }

        /// <summary>
        /// The analyzers run from their own load context (as in the compiler); after a C#-only compilation with bound
        /// types, YamlDotNet has not been loaded. With a YAML file it has.
        /// </summary>
        [Fact]
        public async Task YamlDotNet_stays_unloaded_on_the_csharp_only_path()
        {
            string dir = Path.GetDirectoryName(typeof(TimingAnalyzer).Assembly.Location)!;
            var context = new IsolatedContext(dir);
            Assembly analyzers = context.LoadFromAssemblyPath(Path.Combine(dir, "ElectionLint.Analyzers.dll"));
            var timing = (DiagnosticAnalyzer)Activator.CreateInstance(analyzers.GetType("ElectionLint.Analyzers.TimingAnalyzer")!)!;
            var config = (DiagnosticAnalyzer)Activator.CreateInstance(analyzers.GetType("ElectionLint.Analyzers.ConfigFileAnalyzer")!)!;

            var csharpOnly = Verify.Analyzer().Compile(Verify.Usings + "class C { void M(ILock l) { var c = new LeaderElectionConfig(l) { LeaseDuration = TimeSpan.FromSeconds(10) }; } }");
            var found = await csharpOnly.WithAnalyzers(ImmutableArray.Create(timing, config)).GetAnalyzerDiagnosticsAsync();
            Assert.Contains(found, d => d.Id == "EL1010");
            Assert.DoesNotContain(context.Assemblies, a => a.GetName().Name == "YamlDotNet");

            var withYaml = csharpOnly.WithAnalyzers(ImmutableArray.Create(timing, config), new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/r/etcd.yaml", "election-timeout: 300\n"))));
            Assert.Contains(await withYaml.GetAnalyzerDiagnosticsAsync(), d => d.Id == "EL1001");
            Assert.Contains(context.Assemblies, a => a.GetName().Name == "YamlDotNet");
        }

        private sealed class IsolatedContext : AssemblyLoadContext
        {
            private readonly string _dir;

            public IsolatedContext(string dir)
                : base(isCollectible: true)
            {
                _dir = dir;
            }

            protected override Assembly? Load(AssemblyName name)
            {
                // Roslyn is shared with the host; ElectionLint and YamlDotNet come from the analyzer folder.
                if (name.Name!.StartsWith("ElectionLint.", StringComparison.Ordinal) || name.Name == "YamlDotNet")
                {
                    return LoadFromAssemblyPath(Path.Combine(_dir, name.Name + ".dll"));
                }

                return null;
            }
        }
    }
}
