using System.Collections.Generic;
using System.Linq;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Solving;
using ElectionLint.Rules.Systems;
using ElectionLint.Rules.Timing;
using Xunit;
using Xunit.Abstractions;

namespace ElectionLint.Rules.Tests
{
    /// <summary>
    /// EL2031's remedy, applied: over every system (and variant) × a grid of profiles, each "raise maxFailover to at least X"
    /// is tuned again at X, which must give a clean recommendation within X, and at X − 1 ms, where EL2031 must still
    /// stand. A brute-force grid (the oracle's fine ladder, EL2031 off) must find no clean configuration at X − 1 ms.
    /// </summary>
    public class RemedyTests
    {
        private const long Ms = 1_000_000;

        private readonly ITestOutputHelper _output;

        public RemedyTests(ITestOutputHelper output) => _output = output;

        public static IEnumerable<object[]> Cases()
        {
            foreach (SystemDefinition s in SystemCatalogue.Systems.Where(s => s.Id != Custom.Id))
            {
                foreach (string? variant in new string?[] { null }.Concat(s.Variants))
                {
                    yield return new object[] { s.Id, variant ?? string.Empty };
                }
            }
        }

        private static IEnumerable<string> Profiles()
        {
            foreach (string rtt in new[] { "rtt=1ms", "rtt=50ms", "network=wan rtt=150ms", "network=wan rtt=300ms", "network=wan" })
            {
                foreach (string gc in new[] { string.Empty, " gc=300ms", " gc=1s", " gc=2s" })
                {
                    foreach (string max in new[] { " max=1s", " max=3s", " max=3.4s", " max=5s", " max=10s", " max=30s" })
                    {
                        yield return rtt + gc + max;
                    }
                }
            }
        }

        /// <summary>Systems whose grid has EL2031 (so the test is not empty for them).</summary>
        private static readonly HashSet<string> Conflicting = new HashSet<string>
        {
            Etcd.Id, KubernetesLeaderElection.Id, OrleansMembership.Id, Patroni.Id, HashiCorpRaft.Id, KafkaConsumer.Id,
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Every_EL2031_remedy_holds_when_applied(string system, string variant)
        {
            SystemDefinition def = SystemCatalogue.Get(system);
            string? v = variant.Length == 0 ? null : variant;
            var failures = new List<string>();
            int conflicts = 0;
            foreach (string spec in Profiles())
            {
                EnvironmentProfile profile = Build.Profile(spec);
                TuneResult r = Tuner.FromScratch(def, v, profile);
                if (r.Conflict?.ShortestWindow is not decimal x)
                {
                    continue;
                }

                conflicts++;
                string shown = SettingValues.DisplayDuration(x);
                Assert.Contains("raise maxFailover to at least " + shown, r.Conflict.Relax);
                Assert.Equal(0m, x % Ms);
                Assert.True(x > profile.MaxFailover!.Value.Nanoseconds, $"{system} {spec}: {shown} is no raise");
                TuneResult at = Tuner.FromScratch(def, v, profile.MergedWith(new EnvironmentProfile { MaxFailover = new Duration((long)x) }));
                if (at.After.Findings.Count > 0)
                {
                    failures.Add($"{spec}: at {shown}: {string.Join("; ", at.After.Findings.Select(f => f.RuleId + " " + f.Message))}");
                }
                else if (at.After.FailoverWindow is decimal w && w > x)
                {
                    failures.Add($"{spec}: at {shown} the window is {SettingValues.DisplayDuration(w)}");
                }

                EnvironmentProfile below = profile.MergedWith(new EnvironmentProfile { MaxFailover = new Duration((long)x - Ms) });
                TuneResult under = Tuner.FromScratch(def, v, below);
                if (under.Conflict == null)
                {
                    failures.Add($"{spec}: at {shown} − 1ms EL2031 no longer stands");
                }

                if (BruteForceClean(def, v, below) is string clean)
                {
                    failures.Add($"{spec}: at {shown} − 1ms {clean} is clean");
                }
            }

            _output.WriteLine($"{system} {variant}: {conflicts} EL2031 remedies applied, {conflicts - failures.Count} hold");
            Assert.True(conflicts > 0 || !Conflicting.Contains(system), $"{system}: no EL2031 on the grid");
            Assert.True(failures.Count == 0, $"{system} {variant}: {failures.Count} of {conflicts} remedies fail:\n" + string.Join("\n", failures));
        }

        /// <summary>A clean configuration on a fine grid of round values with EL2031 off, or null (small systems only).</summary>
        private static string? BruteForceClean(SystemDefinition def, string? variant, EnvironmentProfile profile)
        {
            var numeric = def.Settings.Where(s => SystemModel.IsNumeric(s) && s.Tunable).ToList();
            if (numeric.Count > 3)
            {
                return null;
            }

            var off = new Dictionary<string, RuleSeverity> { ["EL2031"] = RuleSeverity.Off };
            decimal[] ladder = numeric.Count <= 2 ? new[] { 1m, 1.2m, 1.5m, 2m, 2.5m, 3m, 4m, 5m, 6m, 8m } : new[] { 1m, 2m, 5m };
            decimal[] durations = new[] { 1m, 10m, 100m, 1000m, 10000m }.SelectMany(d => ladder.Select(m => m * d * Ms)).Where(n => n <= 60_000m * Ms).ToArray();
            decimal[][] axes = numeric.Select(s => s.Role switch
            {
                SettingRole.Count => Enumerable.Range(1, numeric.Count <= 2 ? 40 : 12).Select(c => (decimal)c).ToArray(),
                SettingRole.Fraction => new[] { 0.1m, 0.2m, 0.25m, 0.3m, 0.4m, 0.5m, 0.6m, 0.8m },
                _ => durations,
            }).ToArray();
            foreach (decimal[] point in OracleTests.Product(axes))
            {
                var instance = new ConfigurationInstance(def, "anchor", variant);
                if (def.EnabledSetting != null)
                {
                    instance.Set(def.EnabledSetting, SettingValue.Of(true), "loc:" + def.EnabledSetting);
                }

                for (int i = 0; i < axes.Length; i++)
                {
                    instance.Set(numeric[i].Id, SettingValue.Of(point[i]), "loc:" + numeric[i].Id);
                }

                if (Evaluator.Evaluate(instance, profile, off, suggest: false).Findings.Count == 0)
                {
                    return string.Join(", ", numeric.Select((s, i) => s.Id + "=" + SettingValues.Display(s, point[i])));
                }
            }

            return null;
        }
    }
}
