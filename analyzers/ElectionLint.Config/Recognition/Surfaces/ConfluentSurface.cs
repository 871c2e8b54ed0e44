using System.Collections.Generic;
using ElectionLint.Config.Documents;
using ElectionLint.Rules.Systems;

namespace ElectionLint.Config.Recognition.Surfaces
{
    /// <summary>
    /// Confluent for Kubernetes: <c>spec.configOverrides.server</c> (Kafka, KRaftController, Zookeeper custom resources) and
    /// <c>configOverrides.consumer</c>, lists of <c>key=value</c> lines appended to the component's properties.
    /// </summary>
    internal static class ConfluentSurface
    {
        public static void Recognize(RecognitionContext ctx, MappingEntry block)
        {
            if (block.Value is not MappingNode overrides)
            {
                return;
            }

            foreach (MappingEntry list in overrides.Entries)
            {
                if ((list.KeyText != "server" && list.KeyText != "consumer") || list.Value is not SequenceNode lines)
                {
                    continue;
                }

                ctx.Consumed.Add(lines);
                var scopes = new Dictionary<string, Scope>();
                foreach (Node item in lines.Items)
                {
                    if (item is not ScalarNode line || line.Value.IndexOf('=') is int eq && eq <= 0)
                    {
                        continue;
                    }

                    string key = line.Value.Substring(0, eq).Trim();
                    if (SurfaceTable.Key(key) is not SurfaceName n || !(n.System.StartsWith("kafka-", System.StringComparison.Ordinal) || n.System == ZooKeeper.Id) ||
                        (n.System == KafkaConsumer.Id) != (list.KeyText == "consumer"))
                    {
                        continue;
                    }

                    if (!scopes.TryGetValue(n.System, out Scope? scope))
                    {
                        scope = ctx.NewScope(n.System, list.Key.Span, n.System == KafkaConsumer.Id ? KafkaConsumer.Java : null);
                        scopes[n.System] = scope;
                    }

                    string raw = line.Value.Substring(eq + 1).Trim();
                    var name = ctx.Locate(line, key);
                    scope.Add(n.Setting, raw, new SettingLocation(ctx.Locate(line, raw), name), key, n.Format);
                }
            }
        }
    }
}
