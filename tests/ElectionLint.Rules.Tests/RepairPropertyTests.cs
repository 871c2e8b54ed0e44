using System.Collections.Generic;
using System.Linq;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Solving;
using ElectionLint.Rules.Systems;
using ElectionLint.Rules.Timing;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace ElectionLint.Rules.Tests
{
    /// <summary>A repair, applied whole, really clears its finding and raises no finding that was not there before.</summary>
    public class RepairPropertyTests
    {
        private static readonly EnvironmentProfile[] Profiles =
        {
            EnvironmentProfile.Default,
            new EnvironmentProfile { Network = NetworkKind.Wan },
            new EnvironmentProfile { RttP99 = Duration.FromMilliseconds(40) },
            new EnvironmentProfile { GcPauseP99 = Duration.FromMilliseconds(300) },
            new EnvironmentProfile { MaxFailover = Duration.FromSeconds(5) },
            new EnvironmentProfile { Network = NetworkKind.Wan, RttP99 = Duration.FromMilliseconds(150), GcPauseP99 = Duration.FromMilliseconds(400), MaxFailover = Duration.FromSeconds(30) },
        };

        private static Gen<decimal> Value(SettingDefinition s)
        {
            if (s.Role == SettingRole.Count)
            {
                return Gen.Choose(0, 14).Select(v => (decimal)v);
            }

            if (s.Role == SettingRole.Fraction)
            {
                return Gen.Choose(1, 19).Select(v => v / 20m);
            }

            // Milliseconds spread over five orders of magnitude, on the setting's own step.
            Gen<decimal> ms = from exp in Gen.Choose(0, 5)
                              from mant in Gen.Choose(1, 99)
                              select (decimal)mant * Pow10(exp) / 10m;
            decimal step = s.Granularity == 0m ? 1m : s.Granularity;
            return ms.Select(v => decimal.Ceiling(v * 1_000_000m / step) * step);
        }

        private static decimal Pow10(int e)
        {
            decimal r = 1m;
            for (int i = 0; i < e; i++)
            {
                r *= 10m;
            }

            return r;
        }

        private static Gen<(ConfigurationInstance, EnvironmentProfile)> Case(SystemDefinition system)
        {
            IEnumerable<SettingDefinition> tunable = system.Settings.Where(s => s.Role != SettingRole.Switch && s.Role != SettingRole.Choice);
            Gen<List<(SettingDefinition, decimal?)>> settings = Gen.CollectToList(tunable, s =>
                Gen.Frequency((1, Gen.Constant<decimal?>(null)), (2, Value(s).Select(v => (decimal?)v))).Select(v => (s, v)))
                .Select(x => x.ToList());
            return from values in settings
                   from p in Gen.Elements(Profiles)
                   from variant in Gen.Elements(system.Variants.Select(v => (string?)v).Append(null).ToArray())
                   select (Instance(system, variant, values), p);
        }

        private static ConfigurationInstance Instance(SystemDefinition system, string? variant, List<(SettingDefinition S, decimal? V)> values)
        {
            var instance = new ConfigurationInstance(system, "anchor", variant);
            foreach ((SettingDefinition s, decimal? v) in values)
            {
                if (v is decimal d)
                {
                    instance.Set(s.Id, SettingValue.Of(d), "loc:" + s.Id);
                }
            }

            return instance;
        }

        private static bool RepairsHold(ConfigurationInstance instance, EnvironmentProfile profile)
        {
            EvaluationResult before = Evaluator.Evaluate(instance, profile);
            var keys = new HashSet<(string, string?)>(before.Findings.Select(Key));
            foreach (Finding f in before.Findings)
            {
                foreach (RepairPlan plan in f.Repairs)
                {
                    var fixedInstance = Copy(instance);
                    foreach (SettingChange c in plan.Changes)
                    {
                        fixedInstance.Set(c.Setting.Id, SettingValue.Of(c.Value), "loc:" + c.Setting.Id);
                        if (!SettingValues.Parse(c.Occurrence?.Format ?? c.Setting.Format, c.Text).Value!.Value.Number.Equals(c.Value))
                        {
                            return false; // the text must read back as the value
                        }
                    }

                    foreach (Finding after in Evaluator.Evaluate(fixedInstance, profile).Findings)
                    {
                        bool same = after.RuleId == f.RuleId && after.Setting?.Id == f.Setting?.Id;
                        bool isNew = !keys.Contains(Key(after));
                        if (same || isNew)
                        {
                            return false;
                        }
                    }
                }
            }

            return true;
        }

        /// <summary>A finding's identity: EL2031 is one per configuration, anchored at whichever written setting it collides on.</summary>
        private static (string, string?) Key(Finding f) => (f.RuleId, f.RuleId == "EL2031" ? null : f.Setting?.Id);

        private static ConfigurationInstance Copy(ConfigurationInstance source)
        {
            var copy = new ConfigurationInstance(source.System, source.Anchor, source.Variant);
            for (int i = 0; i < source.System.Settings.Count; i++)
            {
                if (source[i] is SettingOccurrence o && o.State == OccurrenceState.Set)
                {
                    copy.Set(o.Setting.Id, o.Value, o.Location);
                }
            }

            return copy;
        }

        public static IEnumerable<object[]> AllSystems() => SystemCatalogue.Systems.Select(s => new object[] { s.Id });

        [Theory]
        [MemberData(nameof(AllSystems))]
        public void Every_repair_clears_its_finding_and_raises_no_new_one(string system)
        {
            SystemDefinition def = SystemCatalogue.Get(system);
            Prop.ForAll(Case(def).ToArbitrary(), c => RepairsHold(c.Item1, c.Item2))
                .Check(Config.QuickThrowOnFailure.WithMaxTest(400));
        }

        [Fact]
        public void Generated_cases_do_produce_repairs()
        {
            // Guards the property above against vacuity: most random etcd cases carry findings with repairs.
            int withRepairs = 0;
            var sample = Gen.Sample(Case(Etcd.Definition), 200);
            foreach ((ConfigurationInstance i, EnvironmentProfile p) in sample)
            {
                withRepairs += Evaluator.Evaluate(i, p).Findings.Count(f => f.Repairs.Count > 0);
            }

            Assert.True(withRepairs > 50, $"only {withRepairs} findings with repairs in 200 cases");
        }
    }
}
