using System;
using System.Collections.Generic;
using ElectionLint.Rules.Model;

namespace ElectionLint.Config.Recognition.Surfaces
{
    /// <summary>Where a setting is written: a config key, a command-line flag or an environment variable.</summary>
    public enum SurfaceKind
    {
        Key,
        Flag,
        Env,
    }

    /// <summary>One name under which a system reads one of its settings, and the format it reads there.</summary>
    public sealed class SurfaceName
    {
        public SurfaceName(string system, string setting, SurfaceKind kind, string name, ValueFormat? format = null)
        {
            System = system;
            Setting = setting;
            Kind = kind;
            Name = name;
            Format = format;
        }

        public string System { get; }

        public string Setting { get; }

        public SurfaceKind Kind { get; }

        public string Name { get; }

        /// <summary>The format on this surface when it differs from the setting's own (null: the setting's).</summary>
        public ValueFormat? Format { get; }
    }

    /// <summary>Every system's surface names, looked up by kind and name.</summary>
    public static class SurfaceTable
    {
        private static readonly Dictionary<string, SurfaceName> Keys = new Dictionary<string, SurfaceName>(StringComparer.Ordinal);
        private static readonly Dictionary<string, SurfaceName> KeysIgnoreCase = new Dictionary<string, SurfaceName>(StringComparer.OrdinalIgnoreCase);
        private static readonly Dictionary<string, SurfaceName> Flags = new Dictionary<string, SurfaceName>(StringComparer.Ordinal);
        private static readonly Dictionary<string, SurfaceName> Envs = new Dictionary<string, SurfaceName>(StringComparer.Ordinal);

        static SurfaceTable()
        {
            foreach (IEnumerable<SurfaceName> names in new[] { EtcdSurface.Names, KubernetesSurface.Names, KafkaSurface.Names, ZooKeeperSurface.Names, DotNextSurface.Names, OrleansSurface.Names })
            {
                foreach (SurfaceName n in names)
                {
                    switch (n.Kind)
                    {
                        case SurfaceKind.Key:
                            if (n.System == DotNextSurface.System || n.System == OrleansSurface.System)
                            {
                                KeysIgnoreCase[n.Name] = n;
                            }
                            else
                            {
                                Keys[n.Name] = n;
                            }

                            break;
                        case SurfaceKind.Flag:
                            Flags[n.Name] = n;
                            break;
                        default:
                            Envs[n.Name] = n;
                            break;
                    }
                }
            }

            // The servers added since keep their keys in their own shapes (ttl, failoverTimeout are common words); only their
            // variables are looked up here.
            foreach (IEnumerable<SurfaceName> names in new[] { RedisSentinelSurface.Names, ElasticsearchSurface.Names, ZooKeeperSurface.EnsembleNames })
            {
                foreach (SurfaceName n in names)
                {
                    if (n.Kind == SurfaceKind.Env)
                    {
                        Envs[n.Name] = n;
                    }
                }
            }
        }

        /// <summary>A config key (case-sensitive for YAML/properties systems; .NET configuration keys ignore case).</summary>
        public static SurfaceName? Key(string key) =>
            Keys.TryGetValue(key, out SurfaceName? n) ? n : KeysIgnoreCase.TryGetValue(key, out n) ? n : null;

        /// <summary>A flag name without leading dashes.</summary>
        public static SurfaceName? Flag(string name) => Flags.TryGetValue(name, out SurfaceName? n) ? n : null;

        /// <summary>
        /// The flag of <paramref name="system"/>'s <paramref name="setting"/> spelled most like <paramref name="written"/>
        /// (without dashes): beside --leader-elect-lease-duration, retryPeriod is --leader-elect-retry-period, not the
        /// --leader-election- twin. Null when the setting has no flag.
        /// </summary>
        public static string? FlagLike(string system, string setting, string written)
        {
            string? best = null;
            int bestShared = -1;
            foreach (KeyValuePair<string, SurfaceName> f in Flags)
            {
                if (f.Value.System != system || f.Value.Setting != setting)
                {
                    continue;
                }

                int shared = 0;
                while (shared < f.Key.Length && shared < written.Length && f.Key[shared] == written[shared])
                {
                    shared++;
                }

                if (shared > bestShared || (shared == bestShared && string.CompareOrdinal(f.Key, best) < 0))
                {
                    best = f.Key;
                    bestShared = shared;
                }
            }

            return best;
        }

        /// <summary>An environment variable, including Kafka's prefix mappings.</summary>
        public static SurfaceName? Env(string name) => Envs.TryGetValue(name, out SurfaceName? n) ? n : KafkaSurface.FromEnv(name);
    }
}
