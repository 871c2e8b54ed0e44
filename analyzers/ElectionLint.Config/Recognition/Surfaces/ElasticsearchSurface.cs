using System;
using System.Collections.Generic;
using ElectionLint.Config.Documents;
using ElectionLint.Rules.Systems;

namespace ElectionLint.Config.Recognition.Surfaces
{
    /// <summary>
    /// Elasticsearch settings in elasticsearch.yml or ECK's <c>spec.nodeSets[].config</c>: flat
    /// (<c>cluster.fault_detection.leader_check.interval: 2s</c>), nested, or any mix, as Elasticsearch flattens YAML keys
    /// with dots; and the Docker image's variables: named like the settings, or <c>ES_SETTING_</c> and the name in upper case with
    /// <c>_</c> for <c>.</c> and <c>__</c> for <c>_</c> (<c>server/…/common/cli/EnvironmentAwareCommand.java</c>, putDockerEnvSettings).
    /// </summary>
    public static class ElasticsearchSurface
    {
        private static readonly string[] Settings =
        {
            Elasticsearch.LeaderInterval, Elasticsearch.LeaderTimeout, Elasticsearch.LeaderRetryCount,
            Elasticsearch.FollowerInterval, Elasticsearch.FollowerTimeout, Elasticsearch.FollowerRetryCount,
            Elasticsearch.InitialTimeout, Elasticsearch.MaxTimeout,
        };

        public static IEnumerable<SurfaceName> Names { get; } = Build();

        private static IEnumerable<SurfaceName> Build()
        {
            var names = new List<SurfaceName>();
            foreach (string s in Settings)
            {
                names.Add(new SurfaceName(Elasticsearch.Id, s, SurfaceKind.Key, s));
                names.Add(new SurfaceName(Elasticsearch.Id, s, SurfaceKind.Env, s));
                names.Add(new SurfaceName(Elasticsearch.Id, s, SurfaceKind.Env, DockerVariable(s)));
            }

            return names;
        }

        /// <summary>The image's upper-case variable for a setting: the inverse of putDockerEnvSettings.</summary>
        internal static string DockerVariable(string setting) =>
            "ES_SETTING_" + setting.Replace("_", "__").Replace('.', '_').ToUpperInvariant();

        /// <summary>True when some setting's name continues <paramref name="path"/> with a dot.</summary>
        private static bool Leads(string path)
        {
            foreach (string s in Settings)
            {
                if (s.Length > path.Length && s[path.Length] == '.' && s.StartsWith(path, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A mapping with a key "cluster" or "cluster.…" is where Elasticsearch's settings start.</summary>
        internal static void Recognize(RecognitionContext ctx, MappingNode m)
        {
            Scope? scope = null;
            var seen = new HashSet<MappingNode>();
            foreach (MappingEntry e in m.Entries)
            {
                string key = e.KeyText;
                if (key == "cluster" || key.StartsWith("cluster.", StringComparison.Ordinal))
                {
                    Collect(ctx, e, key, ref scope, seen);
                }
            }
        }

        /// <param name="seen">Mappings already read: an anchor's mapping is read once however many aliases repeat it
        /// (three levels of 400 aliases once cost 400³ visits).</param>
        private static void Collect(RecognitionContext ctx, MappingEntry e, string path, ref Scope? scope, HashSet<MappingNode> seen)
        {
            if (e.Value is ScalarNode)
            {
                foreach (string s in Settings)
                {
                    if (s == path)
                    {
                        scope ??= ctx.NewScope(Elasticsearch.Id, e.Key.Span);
                        scope.Add(s, (ScalarNode)e.Value, ctx.Text, path, e.Key.Span);
                    }
                }

                return;
            }

            if (e.Value is MappingNode child && Leads(path) && seen.Add(child))
            {
                foreach (MappingEntry c in child.Entries)
                {
                    Collect(ctx, c, path + "." + c.KeyText, ref scope, seen);
                }
            }
        }
    }
}
