using System;
using System.Collections.Generic;
using ElectionLint.Config.Documents;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Systems;
using ElectionLint.Rules.Timing;

namespace ElectionLint.Config.Recognition.Surfaces
{
    /// <summary>
    /// Kafka consumer settings in Spring Boot's application*.yml and application*.properties (profile files too): the bound
    /// <c>spring.kafka.consumer.heartbeat-interval</c> (a Duration, bare numbers in milliseconds) and the raw client properties
    /// under <c>spring.kafka.consumer.properties.*</c> or, for every client, <c>spring.kafka.properties.*</c> (the consumer's own
    /// win). Spring's relaxed binding applies to the bound names (heartbeatInterval, heartbeat_interval), and YAML nesting
    /// and the <c>properties[session.timeout.ms]</c> form are flattened as Spring flattens them. Spring Kafka uses the Java client.
    /// </summary>
    public static class SpringKafkaSurface
    {
        private const string Prefix = "spring.kafka.";

        private static readonly string[] RawProperties = { KafkaConsumer.SessionTimeout, KafkaConsumer.HeartbeatInterval, KafkaConsumer.MaxPollInterval };

        /// <summary>A Spring Boot configuration file: application.yml, application-prod.properties, bootstrap.yml (also a ConfigMap's data key: cm.yaml:application.yml).</summary>
        public static bool IsSpringFile(string path)
        {
            string name = System.IO.Path.GetFileName(path).ToLowerInvariant();
            name = name.Substring(name.LastIndexOf(':') + 1);
            return name.StartsWith("application", StringComparison.Ordinal) || name.StartsWith("bootstrap", StringComparison.Ordinal);
        }

        internal static void Recognize(RecognitionContext ctx, Node root)
        {
            if (root is not MappingNode m)
            {
                return;
            }

            var leaves = new List<(string Key, MappingEntry Entry)>();
            Flatten(ctx, m, string.Empty, leaves, 0, new HashSet<MappingNode>());
            (MappingEntry Entry, string Key)? heartbeat = null;
            var common = new Dictionary<string, (MappingEntry, string)>(StringComparer.Ordinal);
            var consumer = new Dictionary<string, (MappingEntry, string)>(StringComparer.Ordinal);
            foreach ((string key, MappingEntry e) in leaves)
            {
                string k = key.Replace("[", ".").Replace("]", string.Empty);
                if (!k.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                string rest = k.Substring(Prefix.Length);
                if (Relaxed(rest) == "consumer.heartbeatinterval")
                {
                    heartbeat = (e, key);
                }
                else if (Raw(rest, "consumer.properties.") is string c)
                {
                    consumer[c] = (e, key);
                }
                else if (Raw(rest, "properties.") is string p)
                {
                    common[p] = (e, key);
                }
            }

            Scope? scope = null;
            Scope For(MappingEntry e) => scope ??= ctx.NewScope(KafkaConsumer.Id, e.Key.Span, KafkaConsumer.Java);
            foreach (string property in RawProperties)
            {
                if ((consumer.TryGetValue(property, out var c) ? c : common.TryGetValue(property, out var p) ? p : default) is (MappingEntry e, string key) && e != null)
                {
                    For(e).Add(property, (ScalarNode)e.Value, ctx.Text, key, e.Key.Span);
                }
            }

            // The bound Duration is what Spring passes as heartbeat.interval.ms; a raw property of the same name loses to it.
            if (heartbeat is (MappingEntry h, string name))
            {
                For(h).Add(KafkaConsumer.HeartbeatInterval, (ScalarNode)h.Value, ctx.Text, name, h.Key.Span, ValueFormat.SpringDuration, Duration.NanosPerMillisecond);
            }
        }

        /// <summary>The Kafka property after <paramref name="head"/> (matched with relaxed binding), as Kafka spells it.</summary>
        private static string? Raw(string rest, string head)
        {
            int dot = 0;
            for (int parts = head.Split('.').Length - 1; parts > 0; parts--)
            {
                dot = rest.IndexOf('.', dot) + 1;
                if (dot == 0)
                {
                    return null;
                }
            }

            return Relaxed(rest.Substring(0, dot)) == Relaxed(head) ? rest.Substring(dot) : null;
        }

        /// <summary>Spring's relaxed form of a bound name: no dashes or underscores, lower case.</summary>
        private static string Relaxed(string name) => name.Replace("-", string.Empty).Replace("_", string.Empty).ToLowerInvariant();

        /// <param name="seen">Mappings already flattened: an anchor's mapping is read once, under the first key that reaches it,
        /// however many aliases repeat it (803 bytes of nested aliases once expanded to 2.3 GB).</param>
        private static void Flatten(RecognitionContext ctx, MappingNode m, string prefix, List<(string, MappingEntry)> leaves, int depth, HashSet<MappingNode> seen)
        {
            if (depth > 32 || !seen.Add(m))
            {
                return;
            }

            foreach (MappingEntry e in m.Entries)
            {
                string key = prefix.Length == 0 ? e.KeyText : prefix + "." + e.KeyText;
                if (e.Value is ScalarNode s && !(s.IsNull && s.Style == ScalarStyle.Plain))
                {
                    leaves.Add((key, e));
                }
                else if (e.Value is MappingNode child && (key.Length < Prefix.Length ? Prefix.StartsWith(key.ToLowerInvariant() + ".", StringComparison.Ordinal) : key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)))
                {
                    if (key.Length > Prefix.Length && Relaxed(key).EndsWith(".properties", StringComparison.Ordinal))
                    {
                        ctx.Consumed.Add(child); // Kafka's own keys: read here, as the consumer's
                    }

                    Flatten(ctx, child, key, leaves, depth + 1, seen);
                }
            }
        }
    }
}
