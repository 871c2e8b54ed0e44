using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using ElectionLint.Config.Documents;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Systems;
using ElectionLint.Rules.Timing;
using static ElectionLint.Rules.Evaluation.MessageTemplate;

namespace ElectionLint.Config.ProfileFile
{
    /// <summary>A loaded profile document and the problems found in it (EL9002, with positions).</summary>
    public sealed class LoadedProfile
    {
        public LoadedProfile(ProfileDocument document, IReadOnlyList<FileProblem> problems, string path)
        {
            Document = document;
            // In the file's order, whatever order the checks ran in (first use: line 3 was printed before line 2).
            Problems = problems.OrderBy(p => p.Span.StartOffset).ToArray();
            Path = path;
        }

        public ProfileDocument Document { get; }

        public IReadOnlyList<FileProblem> Problems { get; }

        public string Path { get; }

        public bool IsValid => Problems.Count == 0;
    }

    /// <summary>Reads <c>.electionlint.yaml</c> (SPEC §4). Unknown keys, bad durations and unknown rule ids are EL9002.</summary>
    public static class ProfileLoader
    {
        public const string FileName = ".electionlint.yaml";

        /// <summary>Found like <see cref="FileName"/> (as .yamllint.yml, .kube-linter.yml are); in one folder .yaml wins.</summary>
        public const string AlternateFileName = ".electionlint.yml";

        internal static readonly string[] TopKeys = { "profile", "overrides", "rules", "ignore", "bindings" };
        internal static readonly string[] ProfileKeys =
        {
            "network", "rttP99", "gcPauseP99", "maxFailover", "gcHeadroom", "rttMultiplier", "headroom", "kafkaBroker",
            "rttP50", "rttP999", "gcPauseP50", "gcPauseP999", "gcPausesPerHour", "packetLoss", "maxFalseElectionsPerYear",
        };

        public static LoadedProfile Load(string path, string text)
        {
            var source = new SourceText(path, text);
            ParsedFile parsed = YamlReader.Read(source);
            var problems = new List<FileProblem>();
            foreach (FileProblem p in parsed.Problems)
            {
                problems.Add(new FileProblem("EL9002", p.Message, p.Span));
            }

            if (parsed.Documents.Count == 0 || (parsed.Documents[0] is ScalarNode s0 && s0.IsNull))
            {
                return new LoadedProfile(ProfileDocument.Empty, problems, path);
            }

            if (parsed.Documents[0] is not MappingNode root)
            {
                problems.Add(Problem("the file must be a mapping of profile, overrides, rules, ignore and bindings", parsed.Documents[0].Span));
                return new LoadedProfile(ProfileDocument.Empty, problems, path);
            }

            if (parsed.Documents.Count > 1)
            {
                problems.Add(Problem("a profile is one YAML document; remove the second one or merge it into the first", parsed.Documents[1].Span));
            }

            var reader = new Reader(problems);
            EnvironmentProfile profile = EnvironmentProfile.Default;
            var overrides = new List<ProfileOverride>();
            var rules = new Dictionary<string, RuleSeverity>(StringComparer.Ordinal);
            var ignore = new List<Glob>();
            var bindings = new List<Binding>();
            foreach (MappingEntry e in root.Entries)
            {
                switch (e.KeyText)
                {
                    case "profile":
                        profile = reader.Profile(e.Value);
                        break;
                    case "overrides":
                        foreach (Node item in reader.Items(e.Value))
                        {
                            if (item is not MappingNode om)
                            {
                                problems.Add(Problem("an override is a mapping with paths and profile", item.Span));
                                continue;
                            }

                            reader.OnlyKeys(om, new[] { "paths", "profile" }, "override");
                            var globs = new List<Glob>();
                            foreach (ScalarNode p in reader.Scalars(om.Get("paths")))
                            {
                                globs.Add(new Glob(p.Value));
                            }

                            if (globs.Count == 0)
                            {
                                problems.Add(Problem("an override needs paths", om.Span));
                            }

                            overrides.Add(new ProfileOverride(globs, om.Get("profile") is Node pn ? reader.Profile(pn) : EnvironmentProfile.Default));
                        }

                        break;
                    case "rules":
                        if (e.Value is MappingNode rm)
                        {
                            foreach (MappingEntry r in rm.Entries)
                            {
                                if (!RuleCatalogue.Exists(r.KeyText))
                                {
                                    problems.Add(Problem($"unknown rule id '{Quote(r.KeyText)}'", r.Key.Span));
                                }
                                else if (r.Value is ScalarNode sv && RuleSeverityText.TryParse(sv.Value, out RuleSeverity sev))
                                {
                                    rules[r.KeyText] = sev;
                                }
                                else
                                {
                                    problems.Add(Problem($"severity of {r.KeyText} must be off, info, warning or error", r.Value.Span));
                                }
                            }
                        }
                        else
                        {
                            problems.Add(Problem("rules is a mapping of rule id to off | info | warning | error", e.Value.Span));
                        }

                        break;
                    case "ignore":
                        foreach (ScalarNode g in reader.Scalars(e.Value))
                        {
                            ignore.Add(new Glob(g.Value));
                        }

                        break;
                    case "bindings":
                        foreach (Node item in reader.Items(e.Value))
                        {
                            if (reader.Binding(item) is Binding b)
                            {
                                bindings.Add(b);
                            }
                        }

                        break;
                    default:
                        problems.Add(Problem($"unknown key '{Quote(e.KeyText)}' (expected one of {string.Join(", ", TopKeys)})", e.Key.Span));
                        break;
                }
            }

            var doc = new ProfileDocument
            {
                Profile = profile,
                Overrides = overrides,
                RuleSeverities = rules,
                Ignore = ignore,
                Bindings = bindings,
            };
            return new LoadedProfile(doc, problems, path);
        }

        private static FileProblem Problem(string message, SourceSpan span) => new FileProblem("EL9002", message, span);

        private sealed class Reader
        {
            private readonly List<FileProblem> _problems;

            public Reader(List<FileProblem> problems)
            {
                _problems = problems;
            }

            public EnvironmentProfile Profile(Node node)
            {
                if (node is not MappingNode m)
                {
                    if (!(node is ScalarNode s && s.IsNull))
                    {
                        _problems.Add(Problem("profile is a mapping", node.Span));
                    }

                    return EnvironmentProfile.Default;
                }

                OnlyKeys(m, ProfileKeys, "profile");
                NetworkKind? network = null;
                Node? networkNode = m.Get("network");
                if (networkNode != null && networkNode is not ScalarNode)
                {
                    _problems.Add(Problem("network must be lan or wan", networkNode.Span));
                }
                else if (networkNode is ScalarNode n && !n.IsNull)
                {
                    switch (n.Value.ToLowerInvariant())
                    {
                        case "lan": network = NetworkKind.Lan; break;
                        case "wan": network = NetworkKind.Wan; break;
                        default: _problems.Add(Problem($"network must be lan or wan, not '{Quote(n.Value)}'", n.Span)); break;
                    }
                }

                Duration? min = null, max = null;
                if (m.Get("kafkaBroker") is MappingNode kb)
                {
                    OnlyKeys(kb, new[] { "groupMinSessionTimeout", "groupMaxSessionTimeout" }, "kafkaBroker");
                    min = Duration(kb, "groupMinSessionTimeout");
                    max = Duration(kb, "groupMaxSessionTimeout");
                }
                else
                {
                    MappingOrNull(m.Get("kafkaBroker"), "kafkaBroker is a mapping of groupMinSessionTimeout and groupMaxSessionTimeout");
                }

                var profile = new EnvironmentProfile
                {
                    Network = network,
                    RttP99 = Duration(m, "rttP99"),
                    GcPauseP99 = Duration(m, "gcPauseP99"),
                    MaxFailover = Duration(m, "maxFailover"),
                    GcHeadroom = Number(m, "gcHeadroom"),
                    RttMultiplier = Number(m, "rttMultiplier"),
                    Headroom = AtLeastOne(m, "headroom"),
                    KafkaGroupMinSessionTimeout = min,
                    KafkaGroupMaxSessionTimeout = max,
                    RttP50 = Duration(m, "rttP50"),
                    RttP999 = Duration(m, "rttP999"),
                    GcPauseP50 = Duration(m, "gcPauseP50"),
                    GcPauseP999 = Duration(m, "gcPauseP999"),
                    GcPausesPerHour = Number(m, "gcPausesPerHour", allowZero: true),
                    PacketLoss = Fraction(m, "packetLoss"),
                    MaxFalseElectionsPerYear = Number(m, "maxFalseElectionsPerYear"),
                };
                Ordered(m, "rttP50", profile.RttP50, "rttP99", profile.RttP99, "rttP999", profile.RttP999);
                Ordered(m, "gcPauseP50", profile.GcPauseP50, "gcPauseP99", profile.GcPauseP99, "gcPauseP999", profile.GcPauseP999);
                return profile;
            }

            /// <summary>Percentiles of one distribution do not decrease: each one below a lower one is EL9002 at its value.</summary>
            private void Ordered(MappingNode m, string k50, Duration? p50, string k99, Duration? p99, string k999, Duration? p999)
            {
                var keys = new[] { k50, k99, k999 };
                var values = new[] { p50, p99, p999 };
                for (int i = 1; i < 3; i++)
                {
                    for (int j = 0; j < i; j++)
                    {
                        if (values[i] is Duration hi && values[j] is Duration lo && hi < lo)
                        {
                            _problems.Add(Problem($"{keys[i]} {DurationFormat.Go(hi)} is below {keys[j]} {DurationFormat.Go(lo)}; a higher percentile cannot be shorter", m.Get(keys[i])!.Span));
                            break;
                        }
                    }
                }
            }

            public Binding? Binding(Node node)
            {
                if (node is not MappingNode m)
                {
                    _problems.Add(Problem("a binding is a mapping with system, csharp and/or yaml", node.Span));
                    return null;
                }

                OnlyKeys(m, new[] { "system", "csharp", "yaml" }, "binding");
                if (m.Get("system") is not ScalarNode sys || !SystemCatalogue.TryGet(sys.Value, out var system))
                {
                    _problems.Add(Problem($"a binding needs a known system ({string.Join(", ", Ids())})", m.Get("system")?.Span ?? m.Span));
                    return null;
                }

                string? type = null;
                var csharp = new List<BoundSetting>();
                if (m.Get("csharp") is MappingNode cs)
                {
                    OnlyKeys(cs, new[] { "type", "settings" }, "csharp binding");
                    Node? typeNode = cs.Get("type");
                    type = (typeNode as ScalarNode)?.Value;
                    if (typeNode != null && typeNode is not ScalarNode)
                    {
                        _problems.Add(Problem("type is a type name such as My.App.RaftOptions", typeNode.Span));
                    }

                    Settings(cs.Get("settings"), system, csharp);
                }
                else
                {
                    MappingOrNull(m.Get("csharp"), "csharp is a mapping with type and settings");
                }

                var match = new List<KeyValuePair<string, string>>();
                var yaml = new List<BoundSetting>();
                if (m.Get("yaml") is MappingNode ym)
                {
                    OnlyKeys(ym, new[] { "match", "settings" }, "yaml binding");
                    if (ym.Get("match") is MappingNode mm)
                    {
                        foreach (MappingEntry e in mm.Entries)
                        {
                            if (e.Value is not ScalarNode)
                            {
                                _problems.Add(Problem($"match values are strings; '{Quote(e.KeyText)}' is not", e.Value.Span));
                            }

                            match.Add(new KeyValuePair<string, string>(e.KeyText, (e.Value as ScalarNode)?.Value ?? string.Empty));
                        }
                    }
                    else
                    {
                        MappingOrNull(ym.Get("match"), "match is a mapping of key to value");
                    }

                    Settings(ym.Get("settings"), system, yaml);
                }
                else
                {
                    MappingOrNull(m.Get("yaml"), "yaml is a mapping with match and settings");
                }

                return new Binding(system.Id) { CSharpType = type, CSharpSettings = csharp, YamlMatch = match, YamlSettings = yaml };
            }

            private void Settings(Node? node, Rules.Model.SystemDefinition system, List<BoundSetting> into)
            {
                if (node is not MappingNode m)
                {
                    MappingOrNull(node, "settings is a mapping of member or key to setting[:unit]");
                    return;
                }

                foreach (MappingEntry e in m.Entries)
                {
                    if (e.Value is not ScalarNode v)
                    {
                        _problems.Add(Problem("a bound setting is written setting or setting:unit", e.Value.Span));
                        continue;
                    }

                    string[] parts = v.Value.Split(':');
                    if (parts.Length > 2)
                    {
                        _problems.Add(Problem($"'{Quote(v.Value)}' has more than one ':'; write setting or setting:unit", v.Span));
                        continue;
                    }

                    string role = system.Id == Custom.Id ? Custom.CanonicalRole(parts[0]) : parts[0];
                    string? unit = parts.Length > 1 ? parts[1] : null;
                    if (!system.TryGetSetting(role, out _))
                    {
                        _problems.Add(Problem($"'{Quote(parts[0])}' is not a setting of {system.Id}", v.Span));
                        continue;
                    }

                    if (unit != null && DurationParser.UnitNanos(unit) == 0)
                    {
                        _problems.Add(Problem($"unknown unit '{Quote(unit)}' (use ns, us, ms, s, m, h)", v.Span));
                        continue;
                    }

                    into.Add(new BoundSetting(e.KeyText, role, unit));
                }
            }

            public IEnumerable<Node> Items(Node node)
            {
                if (node is SequenceNode s)
                {
                    return s.Items;
                }

                if (!(node is ScalarNode sc && sc.IsNull))
                {
                    _problems.Add(Problem("expected a list", node.Span));
                }

                return new Node[0];
            }

            public IEnumerable<ScalarNode> Scalars(Node? node)
            {
                var list = new List<ScalarNode>();
                if (node == null)
                {
                    return list;
                }

                foreach (Node n in Items(node))
                {
                    if (n is ScalarNode s)
                    {
                        list.Add(s);
                    }
                    else
                    {
                        _problems.Add(Problem("expected a string", n.Span));
                    }
                }

                return list;
            }

            public void OnlyKeys(MappingNode m, string[] allowed, string what)
            {
                foreach (MappingEntry e in m.Entries)
                {
                    if (Array.IndexOf(allowed, e.KeyText) < 0)
                    {
                        _problems.Add(Problem($"unknown key '{Quote(e.KeyText)}' in {what} (expected one of {string.Join(", ", allowed)})", e.Key.Span));
                    }
                }
            }

            /// <summary>A problem when <paramref name="node"/> is there, not null and not a mapping.</summary>
            private void MappingOrNull(Node? node, string message)
            {
                if (node != null && node is not MappingNode && !(node is ScalarNode s && s.IsNull))
                {
                    _problems.Add(Problem(message, node.Span));
                }
            }

            private Duration? Duration(MappingNode m, string key)
            {
                Node? node = m.Get(key);
                if (node != null && node is not ScalarNode)
                {
                    _problems.Add(Problem($"{key} is a duration such as 150ms or 5s", node.Span));
                    return null;
                }

                if (node is not ScalarNode s || s.IsNull)
                {
                    return null;
                }

                ParseResult<Duration> r = DurationParser.Flexible(s.Value);
                if (r.Value is Duration d && d.Nanoseconds >= 0)
                {
                    return d;
                }

                _problems.Add(Problem($"{key}: {r.Error ?? "must not be negative"}", s.Span));
                return null;
            }

            /// <summary>A factor of at least 1: a margin below 1 would recommend values that fail the rule.</summary>
            private decimal? AtLeastOne(MappingNode m, string key)
            {
                decimal? d = Number(m, key);
                if (d is decimal v && v < 1m && m.Get(key) is ScalarNode s)
                {
                    _problems.Add(Problem($"{key} must be at least 1, not '{Quote(s.Value)}'", s.Span));
                    return null;
                }

                return d;
            }

            private decimal? Number(MappingNode m, string key, bool allowZero = false)
            {
                Node? node = m.Get(key);
                if (node != null && node is not ScalarNode)
                {
                    _problems.Add(Problem($"{key} is a {(allowZero ? "non-negative" : "positive")} number", node.Span));
                    return null;
                }

                if (node is not ScalarNode s || s.IsNull)
                {
                    return null;
                }

                if (decimal.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) && (d > 0 || (allowZero && d == 0)))
                {
                    return d;
                }

                _problems.Add(Problem($"{key} must be a {(allowZero ? "non-negative" : "positive")} number, not '{Quote(s.Value)}'", s.Span));
                return null;
            }

            /// <summary>A fraction of messages: 0 ≤ it &lt; 1 (every message lost would be no network at all).</summary>
            private decimal? Fraction(MappingNode m, string key)
            {
                Node? node = m.Get(key);
                if (node != null && node is not ScalarNode)
                {
                    _problems.Add(Problem($"{key} is a fraction from 0 up to (not including) 1", node.Span));
                    return null;
                }

                if (node is not ScalarNode s || s.IsNull)
                {
                    return null;
                }

                if (decimal.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) && d >= 0m && d < 1m)
                {
                    return d;
                }

                _problems.Add(Problem($"{key} must be a fraction from 0 up to (not including) 1, such as 0.001 for 0.1 %, not '{Quote(s.Value)}'", s.Span));
                return null;
            }

            private static IEnumerable<string> Ids()
            {
                foreach (var s in SystemCatalogue.Systems)
                {
                    yield return s.Id;
                }
            }
        }
    }
}
