using System.Collections.Generic;
using ElectionLint.Config.Documents;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Systems;
using ElectionLint.Rules.Timing;

namespace ElectionLint.Config.Recognition
{
    /// <summary>The user's own keys declared under <c>bindings:</c> in .electionlint.yaml.</summary>
    internal static class BindingShape
    {
        public static void Apply(RecognitionContext ctx, Node document, IReadOnlyList<Binding> bindings)
        {
            foreach (Binding b in bindings)
            {
                if (b.YamlSettings.Count == 0 || !SystemCatalogue.TryGet(b.System, out SystemDefinition system) || !Matches(document, b))
                {
                    continue;
                }

                Scope? scope = null;
                foreach (BoundSetting s in b.YamlSettings)
                {
                    string role = b.System == Custom.Id ? Custom.CanonicalRole(s.Role) : s.Role;
                    if (!system.TryGetSetting(role, out SettingDefinition setting) || Path(document, s.Source) is not (MappingEntry entry, ScalarNode value))
                    {
                        continue;
                    }

                    long? unit = s.Unit != null ? DurationParser.UnitNanos(s.Unit) : (long?)null;
                    ValueFormat? format = unit != null || system.Id == Custom.Id ? ValueFormat.FlexibleDuration : (ValueFormat?)null;
                    scope ??= ctx.NewScope(system.Id, document.Span);
                    scope.Add(setting.Id, value, ctx.Text, s.Source, entry.Key.Span, format, unit);
                }
            }
        }

        private static bool Matches(Node document, Binding b)
        {
            foreach (KeyValuePair<string, string> pair in b.YamlMatch)
            {
                if (Path(document, pair.Key) is not (_, ScalarNode v) || v.Value != pair.Value)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The entry at a dotted path (spec.raft.heartbeatMs).</summary>
        private static (MappingEntry Entry, ScalarNode Value)? Path(Node node, string path)
        {
            string[] parts = path.Split('.');
            MappingEntry? entry = null;
            foreach (string p in parts)
            {
                if (node is not MappingNode m || m.Entry(p) is not MappingEntry e)
                {
                    return null;
                }

                entry = e;
                node = e.Value;
            }

            return entry != null && node is ScalarNode s ? (entry, s) : ((MappingEntry, ScalarNode)?)null;
        }
    }
}
