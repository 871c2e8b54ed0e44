using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ElectionLint.Config.Documents;
using ElectionLint.Config.Recognition.Surfaces;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Systems;

namespace ElectionLint.Config.Recognition
{
    /// <summary>Where in a template a value is passed on: the file and the span of the flag, variable or key that takes it.</summary>
    public sealed class TemplateSite
    {
        public TemplateSite(string path, SourceSpan span)
        {
            Path = path;
            Span = span;
        }

        public string Path { get; }

        public SourceSpan Span { get; }
    }

    /// <summary>A value of a chart's values.yaml (or a role's defaults) that a template passes to a known setting.</summary>
    public sealed class TemplateBinding
    {
        public TemplateBinding(string valuesPath, SurfaceName surface, string group)
        {
            ValuesPath = valuesPath;
            Surface = surface;
            Group = group;
        }

        /// <summary>The dotted path in the values file (global.leaderElection.leaseDuration).</summary>
        public string ValuesPath { get; }

        /// <summary>The setting the template writes it to, and the format it writes it in.</summary>
        public SurfaceName Surface { get; }

        /// <summary>The template it came from: one configuration per template and system.</summary>
        public string Group { get; }

        /// <summary>Where the template passes it on (null when the template's path was not given).</summary>
        public TemplateSite? Site { get; init; }

        /// <summary>
        /// The literal of the template's <c>| default "X"</c>: Helm's (sprig) default replaces an empty value (<c>""</c>,
        /// null, <c>~</c>, 0, false), so such a value runs as X.
        /// </summary>
        public string? TemplateDefault { get; init; }

        /// <summary>Jinja's <c>d(X, true)</c>: X also replaces 0 and false, not only an empty value.</summary>
        public bool DefaultOnFalsy { get; init; }

        /// <summary>Jinja's <c>| int</c>: a value that is not a plain integer renders as another number (unknown here).</summary>
        public bool Integer { get; init; }
    }

    /// <summary>
    /// Reads, in a template's text, where a value reaches a setting ElectionLint knows: a flag
    /// (<c>--leader-elect-lease-duration={{ .Values.x }}</c>), a variable (<c>- name: ZOO_TICK_TIME</c> then
    /// <c>value: {{ .Values.x | quote }}</c>) or a config key (<c>heartbeat-interval: {{ .Values.x }}</c>, <c>tickTime={{ x }}</c>).
    /// Only a bare reference binds; an expression that computes the value (arithmetic, a default chain) is left alone.
    /// </summary>
    public static class TemplateBindings
    {
        // A bare reference, optionally through sprig's `default "X"` (a literal only) and quoting filters.
        private const string Helm = @"\{\{-?\s*(?:\$)?\.Values\.(?<path>[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)\s*(?:\|\s*default\s+(?:""(?<def>[^""{}]*)""|(?<def>[0-9][\w.]*))\s*)?(?:\|\s*(?:quote|squote|toString|toYaml|int)\s*)?-?\}\}";
        private const string Jinja = @"\{\{-?\s*(?<path>[A-Za-z_][\w]*)\s*(?:\|\s*(?:string|quote|to_json|int)\s*)*-?\}\}";

        private static readonly Regex HelmFlag = Flag(Helm), JinjaFlag = Flag(Jinja);
        private static readonly Regex HelmEnv = Env(Helm), JinjaEnv = Env(Jinja);
        private static readonly Regex HelmKey = Key(Helm), JinjaKey = Key(Jinja);

        // sentinel.conf written by a template: `sentinel down-after-milliseconds {{ master }} {{ .Values.x }}` (Bitnami).
        private static readonly Regex HelmSentinel = Sentinel(Helm), JinjaSentinel = Sentinel(Jinja);

        // redis-ha (DandyDeveloper/charts@6224454 templates/_configs.tpl:69-75): `range $key, $value := .Values.sentinel.config`
        // writes `sentinel {{ $key }} {{ master }} {{ $value }}` for each entry, so the map's keys are the directives.
        private static readonly Regex HelmRange = new Regex(@"\{\{-?\s*range\s+\$(?<key>\w+)\s*,\s*\$(?<value>\w+)\s*:=\s*\.Values\.(?<path>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*-?\}\}", RegexOptions.CultureInvariant);

        /// <summary>How far after a range the directive line is looked for: the body of one range.</summary>
        private const int RangeBody = 400;

        private static readonly Regex RangeEnd = new Regex(@"\{\{-?\s*end\b", RegexOptions.CultureInvariant);

        private static readonly Regex RangeSentinelLine = new Regex(@"(?m)^[ \t]*sentinel[ \t]+\{\{-?\s*\$(?<key>\w+)\s*-?\}\}[ \t]+[^\r\n]*?\{\{-?\s*\$(?<value>\w+)\s*-?\}\}[ \t]*\r?$", RegexOptions.CultureInvariant);

        private static Regex Sentinel(string value) => new Regex(@"(?m)^[ \t]*sentinel[ \t]+(?<name>down-after-milliseconds|failover-timeout)[ \t]+(?>\S+)[ \t]+[""']?" + value, RegexOptions.CultureInvariant);

        // Linear in the template: no quantifier can give back what it took across a line (blank lines, `--a--a…`), and a
        // flag starts only where a run of flag characters starts (a template of 100 KB once took 31 s).
        private static Regex Flag(string value) => new Regex(@"(?<![a-z0-9-])--(?<name>(?>[a-z][a-z0-9-]*))(?:=|[ \t]+)[""']?" + value, RegexOptions.CultureInvariant);

        private static Regex Env(string value) => new Regex(@"name:[ \t]*[""']?(?<name>(?>[A-Za-z_][\w.]*))[""']?[ \t]*\r?\n[ \t]*value:[ \t]*[""']?" + value, RegexOptions.CultureInvariant);

        private static Regex Key(string value) => new Regex(@"(?m)^[ \t]*(?<name>(?>[A-Za-z][\w.-]*))[ \t]*[:=][ \t]*[""']?" + value, RegexOptions.CultureInvariant);

        /// <param name="jinja">An Ansible template (<c>{{ var }}</c>) rather than a Helm one (<c>{{ .Values.a.b }}</c>).</param>
        /// <param name="prefix">The subchart's key in an umbrella chart's values ("etcd."), or empty.</param>
        /// <param name="path">The template's path, for the related location of what is found in it.</param>
        public static List<TemplateBinding> Scan(string template, string group, bool jinja, string prefix = "", string? path = null)
        {
            var found = new List<TemplateBinding>();
            SourceText? source = null;
            TemplateSite? Site(Match m) => path == null ? null : new TemplateSite(path, (source ??= new SourceText(path, template)).Span(m.Index, m.Index + m.Length));
            bool etcd = template.IndexOf("etcd", StringComparison.OrdinalIgnoreCase) >= 0;
            foreach (Match m in (jinja ? JinjaFlag : HelmFlag).Matches(template))
            {
                string name = m.Groups["name"].Value;
                if (SurfaceTable.Flag(name) is SurfaceName n && (n.System != Etcd.Id || etcd))
                {
                    found.Add(new TemplateBinding(Path(prefix, m), n, group) { Site = Site(m), TemplateDefault = Default(m) });
                }
            }

            foreach (Match m in (jinja ? JinjaEnv : HelmEnv).Matches(template))
            {
                if (SurfaceTable.Env(m.Groups["name"].Value) is SurfaceName n)
                {
                    found.Add(new TemplateBinding(Path(prefix, m), n, group) { Site = Site(m), TemplateDefault = Default(m) });
                }
            }

            foreach (Match m in (jinja ? JinjaSentinel : HelmSentinel).Matches(template))
            {
                SurfaceName n = m.Groups["name"].Value == RedisSentinel.DownAfter ? SentinelDirective(RedisSentinel.DownAfter) : SentinelDirective(RedisSentinel.FailoverTimeout);
                found.Add(new TemplateBinding(Path(prefix, m), n, group) { Site = Site(m), TemplateDefault = Default(m) });
            }

            if (!jinja)
            {
                foreach (Match m in HelmRange.Matches(template))
                {
                    string body = template.Substring(m.Index + m.Length, Math.Min(RangeBody, template.Length - m.Index - m.Length));
                    // Up to the first `end` (the range's, or an if's inside it: then nothing binds), `sentinel {{ $key }} … {{ $value }}`.
                    Match end = RangeEnd.Match(body);
                    Match line = RangeSentinelLine.Match(end.Success ? body.Substring(0, end.Index) : body);
                    if (line.Success && line.Groups["key"].Value == m.Groups["key"].Value && line.Groups["value"].Value == m.Groups["value"].Value)
                    {
                        foreach (string directive in new[] { RedisSentinel.DownAfter, RedisSentinel.FailoverTimeout })
                        {
                            found.Add(new TemplateBinding(Path(prefix, m) + "." + directive, SentinelDirective(directive), group) { Site = Site(m) });
                        }
                    }
                }
            }

            // The OT-CONTAINER-KIT operator's RedisSentinel resource: spec.redisSentinelConfig's strings become the directives.
            bool sentinelResource = template.IndexOf("kind: RedisSentinel", StringComparison.Ordinal) >= 0;
            foreach (Match m in (jinja ? JinjaKey : HelmKey).Matches(template))
            {
                if (sentinelResource && SentinelResourceKey(m.Groups["name"].Value) is SurfaceName sk)
                {
                    found.Add(new TemplateBinding(Path(prefix, m), sk, group) { Site = Site(m), TemplateDefault = Default(m) });
                    continue;
                }

                // A config key, or a variable in an env file (ETCD_ELECTION_TIMEOUT={{ etcd_election_timeout }}).
                if ((KeyOf(m.Groups["name"].Value) ?? SurfaceTable.Env(m.Groups["name"].Value)) is SurfaceName n)
                {
                    found.Add(new TemplateBinding(Path(prefix, m), n, group) { Site = Site(m), TemplateDefault = Default(m) });
                }
            }

            return found;
        }

        /// <summary>
        /// An Ansible YAML template read as a tree (<see cref="JinjaYaml"/>): each setting the recognizer finds there whose
        /// value is <c>{{ var }}</c> (through <c>int</c>, <c>string</c>, <c>d(N, true)</c>) binds var. Settings in a loop
        /// body, in two branches or where an expression line may add keys are unknown, so they bind nothing.
        /// </summary>
        public static List<TemplateBinding> ScanYaml(string template, string group, string path)
        {
            var found = new List<TemplateBinding>();
            JinjaYaml.Result? read = JinjaYaml.Read(new SourceText(path, template));
            if (read == null)
            {
                return found;
            }

            foreach (ConfigurationInstanceView i in Instances(read))
            {
                if (JinjaText.Variable(template.Substring(i.Location.Value.StartOffset, i.Location.Value.Length), out string? fallback, out bool falsy, out bool integer) is not string variable ||
                    KeySurface(i.System, i.Setting, i.Name) is not SurfaceName n)
                {
                    continue;
                }

                found.Add(new TemplateBinding(variable, n, group)
                {
                    Site = new TemplateSite(path, i.Location.Value),
                    TemplateDefault = falsy ? fallback : null, // d(X) without true keeps a defined null: it renders None
                    DefaultOnFalsy = falsy,
                    Integer = integer,
                });
            }

            return found;
        }

        private readonly struct ConfigurationInstanceView
        {
            public ConfigurationInstanceView(string system, string setting, string name, SettingLocation location)
            {
                System = system;
                Setting = setting;
                Name = name;
                Location = location;
            }

            public string System { get; }

            public string Setting { get; }

            public string Name { get; }

            public SettingLocation Location { get; }
        }

        /// <summary>Unknown settings of the template's configurations, outside the mappings an expression line writes into.</summary>
        private static IEnumerable<ConfigurationInstanceView> Instances(JinjaYaml.Result read)
        {
            foreach (Rules.Evaluation.ConfigurationInstance instance in Recognizer.Recognize(read.Parsed))
            {
                if (JinjaOpen(read, instance))
                {
                    continue;
                }

                for (int s = 0; s < instance.System.Settings.Count; s++)
                {
                    if (instance[s] is Rules.Evaluation.SettingOccurrence o && o.State == Rules.Evaluation.OccurrenceState.Unknown && o.Location is SettingLocation l && o.Name is string name)
                    {
                        yield return new ConfigurationInstanceView(instance.System.Id, instance.System.Settings[s].Id, name, l);
                    }
                }
            }
        }

        /// <summary>True when a configuration reads anything where a Jinja expression line may add keys.</summary>
        public static bool JinjaOpen(JinjaYaml.Result read, Rules.Evaluation.ConfigurationInstance instance)
        {
            if (read.Open.Count == 0)
            {
                return false;
            }

            if (instance.Anchor is SettingLocation a && read.InOpen(a.Value.StartOffset))
            {
                return true;
            }

            for (int s = 0; s < instance.System.Settings.Count; s++)
            {
                if (instance[s]?.Location is SettingLocation l && read.InOpen(l.Value.StartOffset))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The key surface a recognized setting was read under; null unless exactly one format is known for it.</summary>
        private static SurfaceName? KeySurface(string system, string setting, string name)
        {
            SurfaceName? found = null;
            foreach (IEnumerable<SurfaceName> names in new[] { PatroniSurface.Names, PatroniSurface.WatchdogNames, KubernetesSurface.BlockKeys, RedisSentinelSurface.Names, ElasticsearchSurface.Names, EtcdSurface.Names, ZooKeeperSurface.Names, KafkaSurface.Names })
            {
                foreach (SurfaceName n in names)
                {
                    if (n.Kind == SurfaceKind.Key && n.System == system && n.Setting == setting && n.Name == name)
                    {
                        if (found != null && found.Format != n.Format)
                        {
                            return null;
                        }

                        found = n;
                    }
                }
            }

            return found;
        }

        private static SurfaceName SentinelDirective(string setting)
        {
            foreach (SurfaceName n in RedisSentinelSurface.Directives)
            {
                if (n.Setting == setting)
                {
                    return n;
                }
            }

            throw new InvalidOperationException(setting);
        }

        private static SurfaceName? SentinelResourceKey(string name)
        {
            foreach (SurfaceName n in RedisSentinelSurface.Names)
            {
                if (n.Kind == SurfaceKind.Key && n.Name == name)
                {
                    return n;
                }
            }

            return null;
        }

        private static string? Default(Match m) => m.Groups["def"].Success ? m.Groups["def"].Value : null;

        private static string Path(string prefix, Match m)
        {
            string path = m.Groups["path"].Value;
            return path.StartsWith("global.", StringComparison.Ordinal) ? path : prefix + path;
        }

        /// <summary>A config key a template writes: leaderElection's durations, etcd's keys, zoo.cfg's and Kafka's properties.</summary>
        private static SurfaceName? KeyOf(string name)
        {
            foreach (SurfaceName n in KubernetesSurface.BlockKeys)
            {
                if (n.Name == name && n.Setting != KubernetesLeaderElection.LeaderElect)
                {
                    return n;
                }
            }

            return SurfaceTable.Key(name) is SurfaceName k && (k.System == Etcd.Id || k.System == ZooKeeper.Id || k.System.StartsWith("kafka-", StringComparison.Ordinal)) ? k : null;
        }

        /// <summary>
        /// Adds the bound values of <paramref name="root"/> as configurations: one per template and system, at the values'
        /// own positions. A value another shape already reads (a leaderElection block in the values) is not read twice, and
        /// a setting no template binds is unknown, never defaulted: the template may write it some other way.
        /// </summary>
        internal static void Apply(RecognitionContext ctx, Node root, IReadOnlyList<TemplateBinding> bindings)
        {
            var used = new HashSet<int>();
            foreach (Scope s in ctx.Scopes)
            {
                foreach (SettingLocation l in s.Locations)
                {
                    used.Add(l.Value.StartOffset);
                }
            }

            var groups = new Dictionary<(string, string), Scope>();
            foreach (TemplateBinding b in bindings)
            {
                if (Find(root, b.ValuesPath) is not MappingEntry e || e.Value is not ScalarNode v || used.Contains(v.ContentSpan(ctx.Text).StartOffset))
                {
                    continue;
                }

                bool empty = (v.IsNull && v.Style == ScalarStyle.Plain) || v.Value.Length == 0 ||
                    (b.DefaultOnFalsy && (v.Value == "0" || (v.Style == ScalarStyle.Plain && (v.Value == "false" || v.Value == "False" || v.Value == "FALSE"))));
                if (b.Integer && !empty && !IsInteger(v.Value))
                {
                    continue; // `| int` turns "30s" into 0 and "2.5" into 2: not the value written
                }

                if (empty && b.TemplateDefault == null)
                {
                    continue; // unset and no default in the template: what it renders is not known here
                }

                if (!groups.TryGetValue((b.Group, b.Surface.System), out Scope? scope))
                {
                    scope = ctx.NewScope(b.Surface.System, e.Key.Span);
                    groups[(b.Group, b.Surface.System)] = scope;
                    foreach (Rules.Model.SettingDefinition s in scope.System.Settings)
                    {
                        scope.Default(s.Id, null);
                    }
                }

                if (empty)
                {
                    // "" / null / ~ renders the template's default: that value is the packaging's default, not 0.
                    Rules.Model.SettingDefinition def = scope.System.Settings[scope.System.IndexOf(b.Surface.Setting)];
                    Rules.Timing.ParseResult<Rules.Model.SettingValue> parsed = Rules.Model.SettingValues.Parse(b.Surface.Format ?? def.Format, b.TemplateDefault!);
                    scope.Default(b.Surface.Setting, parsed.Value is Rules.Model.SettingValue pv ? pv.Number : null);
                    continue;
                }

                scope.Add(b.Surface.Setting, v.Value, new SettingLocation(v.ContentSpan(ctx.Text), e.Key.Span) { Via = b.Site }, b.ValuesPath, b.Surface.Format);
            }

            // Two templates binding the very same values make one configuration.
            var kept = new HashSet<string>(StringComparer.Ordinal);
            foreach (KeyValuePair<(string, string), Scope> g in groups)
            {
                string signature = g.Key.Item2 + ":" + string.Join(",", SortedOffsets(g.Value));
                if (!kept.Add(signature))
                {
                    g.Value.Clear();
                }
            }
        }

        private static bool IsInteger(string value)
        {
            int i = value.StartsWith("-", StringComparison.Ordinal) ? 1 : 0;
            if (i >= value.Length)
            {
                return false;
            }

            for (; i < value.Length; i++)
            {
                if (value[i] < '0' || value[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static IEnumerable<int> SortedOffsets(Scope scope)
        {
            var offsets = new List<int>();
            foreach (SettingLocation l in scope.Locations)
            {
                offsets.Add(l.Value.StartOffset);
            }

            offsets.Sort();
            return offsets;
        }

        /// <summary>The entry at a dotted path of nested mappings.</summary>
        private static MappingEntry? Find(Node root, string path)
        {
            Node? node = root;
            MappingEntry? entry = null;
            foreach (string segment in path.Split('.'))
            {
                if (node is not MappingNode m || m.Entry(segment) is not MappingEntry e)
                {
                    return null;
                }

                entry = e;
                node = e.Value;
            }

            return entry;
        }
    }
}
