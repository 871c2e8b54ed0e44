using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ElectionLint.Cli.Metrics;
using ElectionLint.Config.ProfileFile;
using ElectionLint.Testing;
using Xunit;

namespace ElectionLint.Cli.Tests
{
    /// <summary>Mutated scrapes and GC logs: no exception, and what init would write is always a valid profile.</summary>
    public class MetricsFuzzTests
    {
        [Fact]
        [Trait("Category", "Fuzz")]
        public void Mutated_scrapes_and_gc_logs_never_crash_and_always_write_a_valid_profile()
        {
            string data = Path.Combine(Cli.RepoRoot, "tests", "metrics");
            var seeds = Mutator.Load(Directory.EnumerateFiles(data).OrderBy(f => f, StringComparer.Ordinal));
            var mutator = new Mutator(seeds.Select(s => s.Bytes).ToList(), FuzzTests.Seed);
            var failures = new List<string>();
            int inputs = FuzzTests.Budget(400);
            for (int i = 0; i < inputs && failures.Count < 5; i++)
            {
                (int s, byte[] bytes) = mutator.Next();
                string text = new UTF8Encoding(false).GetString(bytes);
                try
                {
                    var evidence = new List<Evidence>();
                    (List<Sample> samples, string? error) = Exposition.Parse(text);
                    if (error == null)
                    {
                        evidence.AddRange(ScrapeReader.Read(Scrape.FromFile("a.prom", samples, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero))));
                    }

                    (List<Evidence> fromLog, _) = GcLogReader.Read("gc.log", text);
                    evidence.AddRange(fromLog);
                    string profile = "profile:\n  network: lan\n" + MeasuredProfile.Lines(evidence, new Dictionary<string, string>());
                    LoadedProfile loaded = ProfileLoader.Load(".electionlint.yaml", profile);
                    if (!loaded.IsValid)
                    {
                        failures.Add($"{seeds[s].Name} #{i}: {loaded.Problems[0].Message}");
                    }
                }
                catch (Exception e)
                {
                    failures.Add($"{seeds[s].Name} #{i}: {e.GetType().Name}: {e.Message}");
                }
            }

            Assert.Empty(failures);
        }
    }
}
