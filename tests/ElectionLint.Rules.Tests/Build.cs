using System.Collections.Generic;
using System.Linq;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Systems;
using ElectionLint.Rules.Timing;

namespace ElectionLint.Rules.Tests
{
    /// <summary>Short ways to build instances and profiles in tests.</summary>
    internal static class Build
    {
        /// <summary>An instance of <paramref name="system"/> with settings given as "id=text" (parsed as the system would).</summary>
        public static ConfigurationInstance Instance(string system, params string[] settings) => InstanceOf(system, null, settings);

        public static ConfigurationInstance InstanceOf(string system, string? variant, params string[] settings)
        {
            var instance = new ConfigurationInstance(SystemCatalogue.Get(system), anchor: "anchor", variant: variant);
            foreach (string s in settings)
            {
                int eq = s.IndexOf('=');
                string id = s.Substring(0, eq);
                instance.SetText(id, s.Substring(eq + 1), location: "loc:" + id, unitNanos: system == Custom.Id ? Duration.NanosPerMillisecond : null);
            }

            return instance;
        }

        public static EnvironmentProfile Profile(string? spec)
        {
            if (string.IsNullOrEmpty(spec))
            {
                return EnvironmentProfile.Default;
            }

            var p = new EnvironmentProfile();
            foreach (string part in spec!.Split(' '))
            {
                string[] kv = part.Split('=');
                Duration D() => DurationParser.Flexible(kv[1]).Value!.Value;
                p = kv[0] switch
                {
                    "network" => p.MergedWith(new EnvironmentProfile { Network = kv[1] == "wan" ? NetworkKind.Wan : NetworkKind.Lan }),
                    "rtt" => p.MergedWith(new EnvironmentProfile { RttP99 = D() }),
                    "gc" => p.MergedWith(new EnvironmentProfile { GcPauseP99 = D() }),
                    "max" => p.MergedWith(new EnvironmentProfile { MaxFailover = D() }),
                    "kmin" => p.MergedWith(new EnvironmentProfile { KafkaGroupMinSessionTimeout = D() }),
                    "kmax" => p.MergedWith(new EnvironmentProfile { KafkaGroupMaxSessionTimeout = D() }),
                    _ => throw new System.ArgumentException(part),
                };
            }

            return p;
        }

        public static IReadOnlyList<Finding> Findings(ConfigurationInstance instance, string? profile = null) =>
            Evaluator.Evaluate(instance, Profile(profile)).Findings;

        public static string Ids(IEnumerable<Finding> findings) => string.Join(",", findings.Select(f => f.RuleId));
    }
}
