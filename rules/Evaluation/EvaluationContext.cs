using System;
using System.Collections.Generic;
using System.Globalization;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Timing;

namespace ElectionLint.Rules.Evaluation
{
    /// <summary>A finding before its message is written (suggestions decide part of the text).</summary>
    internal sealed class PendingFinding
    {
        public PendingFinding(Rule rule, int primary, int[] related, Dictionary<string, string> args, RuleSeverity? severity)
        {
            Rule = rule;
            Primary = primary;
            Related = related;
            Args = args;
            Severity = severity;
        }

        public Rule Rule { get; }

        public int Primary { get; }

        public int[] Related { get; }

        public Dictionary<string, string> Args { get; }

        public RuleSeverity? Severity { get; }

        /// <summary>Where the finding points when not at the primary setting's value (the shadowed ETCD_* variable).</summary>
        public object? Location { get; set; }

        public List<Solving.RepairPlan> Plans { get; } = new List<Solving.RepairPlan>();
    }

    /// <summary>The resolved values of one configuration under one profile, and the findings so far.</summary>
    public sealed class EvaluationContext
    {
        private readonly decimal?[] _values;
        private readonly bool[] _defaulted;
        private readonly bool[] _inHardFinding;

        internal EvaluationContext(ConfigurationInstance instance, EnvironmentProfile profile)
        {
            Instance = instance;
            Profile = profile;
            int n = instance.System.Settings.Count;
            _values = new decimal?[n];
            _defaulted = new bool[n];
            _inHardFinding = new bool[n];
            Resolve();
        }

        public SystemDefinition System => Instance.System;

        public ConfigurationInstance Instance { get; }

        public EnvironmentProfile Profile { get; }

        public string? Variant => Instance.Variant;

        internal List<PendingFinding> Findings { get; } = new List<PendingFinding>();

        /// <summary>False when the system's switch setting is off (leaderElect: false, LivenessEnabled = false).</summary>
        public bool Enabled => System.EnabledSetting == null || _values[System.IndexOf(System.EnabledSetting)] != 0m;

        public bool TryGet(string settingId, out decimal value)
        {
            decimal? v = _values[System.IndexOf(settingId)];
            value = v ?? 0m;
            return v.HasValue;
        }

        /// <summary>True when the setting is written and its value known.</summary>
        public bool IsSet(string settingId) => Instance[settingId]?.State == OccurrenceState.Set;

        /// <summary>The word a text setting holds, when written.</summary>
        public string? Text(string settingId) => Instance[settingId]?.Value.Text;

        public bool IsDefault(string settingId) => _defaulted[System.IndexOf(settingId)];

        /// <summary>The name as written, or the setting id.</summary>
        public string Name(string settingId) => Instance.NameOf(System.IndexOf(settingId));

        /// <summary>"300 ms", or "1000 ms (default)" when the value was not written.</summary>
        public string Show(string settingId)
        {
            int i = System.IndexOf(settingId);
            return ShowIndex(i);
        }

        public string ShowValue(string settingId, decimal value) => SettingValues.Display(Instance[settingId]?.Format ?? Instance.FormatFor(System.Settings[System.IndexOf(settingId)]), System.Settings[System.IndexOf(settingId)].IsDuration, value);

        public static string ShowDuration(decimal nanoseconds) => SettingValues.DisplayDuration(nanoseconds);

        /// <summary>A computed duration (a window, a stored value) in the surface's form: Go syntax unless the front end says otherwise.</summary>
        public string ShowComputed(decimal nanoseconds) =>
            Instance.DurationDisplay is ValueFormat f ? SettingValues.Display(f, true, nanoseconds) : SettingValues.DisplayDuration(nanoseconds);

        /// <summary>Adds a finding. {system} and {fix} are filled here; {setting} and {value} default to the primary setting.</summary>
        public void Report(string ruleId, string primarySetting, IEnumerable<string> related, Dictionary<string, string> args, RuleSeverity? severity = null)
        {
            var rel = new List<int>();
            foreach (string r in related)
            {
                rel.Add(System.IndexOf(r));
            }

            int p = System.IndexOf(primarySetting);
            if (!args.ContainsKey("setting"))
            {
                args["setting"] = Name(primarySetting);
            }

            if (!args.ContainsKey("value"))
            {
                args["value"] = ShowIndex(p);
            }

            Add(RuleCatalogue.Get(ruleId), p, rel.ToArray(), args, severity);
        }

        internal void Add(Rule rule, int primary, int[] related, Dictionary<string, string> args, RuleSeverity? severity)
        {
            args["system"] = System.DisplayNameFor(Instance.Variant);
            args["falseFailover"] = System.FalseFailover;
            if (rule.Category == RuleCategory.HardLimit)
            {
                if (primary >= 0)
                {
                    _inHardFinding[primary] = true;
                }

                foreach (int r in related)
                {
                    _inHardFinding[r] = true;
                }
            }

            Findings.Add(new PendingFinding(rule, primary, related, args, severity));
        }

        internal bool InHardFinding(Quantity? q)
        {
            if (q == null)
            {
                return false;
            }

            foreach (Term t in q.TermArray)
            {
                if ((t.SettingIndex >= 0 && _inHardFinding[t.SettingIndex]) || (t.MultiplierIndex >= 0 && _inHardFinding[t.MultiplierIndex]))
                {
                    return true;
                }
            }

            return false;
        }

        internal bool IsDefaultIndex(int i) => _defaulted[i];

        /// <summary>True when the setting is unwritten and its default follows other settings (Orleans' MinProbeTimeout = ProbeTimeout / 2).</summary>
        internal bool FollowsAnotherSetting(string settingId)
        {
            int i = System.IndexOf(settingId);
            if (Instance[i] != null || System.Settings[i].Default is not Quantity d)
            {
                return false;
            }

            foreach (Term t in d.TermArray)
            {
                if (t.SettingIndex >= 0 || t.MultiplierIndex >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when every setting of the quantities takes its default (none is written).</summary>
        internal bool AllDefaulted(Quantity first, Quantity second) => AllDefaulted(first) && AllDefaulted(second);

        private bool AllDefaulted(Quantity q)
        {
            foreach (Term t in q.TermArray)
            {
                if ((t.SettingIndex >= 0 && Instance[t.SettingIndex] != null) || (t.MultiplierIndex >= 0 && Instance[t.MultiplierIndex] != null))
                {
                    return false;
                }
            }

            return true;
        }

        internal decimal? ValueAt(int i) => _values[i];

        /// <summary>
        /// True when the setting has a value the front end could not know (a value not folded, a component default not known),
        /// not when it has none (Consul's TTL 0, an infinite lease) or cannot be read (EL1000).
        /// </summary>
        internal bool IsUnknown(int i)
        {
            if (_values[i] != null)
            {
                return false;
            }

            SettingOccurrence? o = Instance[i];
            return o != null ? o.State == OccurrenceState.Unknown : Instance.TryGetDefault(i, out decimal? d) && d == null;
        }

        internal string ShowIndex(int i)
        {
            decimal? v = _values[i];
            SettingDefinition s = System.Settings[i];
            if (v == null)
            {
                return "(unknown)";
            }

            // In the unit of the surface it was written on (kube-vip's whole seconds), else the setting's own.
            string text = SettingValues.Display(Instance[i]?.Format ?? Instance.FormatFor(s), s.IsDuration, v.Value);
            return _defaulted[i] ? text + " (default)" : text;
        }

        /// <summary>The quantity's value, or null when a value it needs is unknown. RTT counts 0 when unknown and <paramref name="rttAsZero"/>.</summary>
        internal decimal? Eval(Quantity? q, bool rttAsZero = false)
        {
            if (q == null)
            {
                return null;
            }

            Term[] terms = q.TermArray;
            if (terms.Length == 1)
            {
                return TermValue(terms[0], rttAsZero);
            }

            decimal sum = 0m;
            foreach (Term t in terms)
            {
                decimal? v = TermValue(t, rttAsZero);
                if (v == null)
                {
                    return null;
                }

                sum += v.Value;
            }

            return sum;
        }

        /// <summary>
        /// "catch-up not counted: catchUpTimeoutMillis -1 ms (default) sets no limit" for each term of <paramref name="q"/> that
        /// counts 0 because its setting is negative (<see cref="Term.UncountedWhenNegative"/>); null when there is none.
        /// </summary>
        public string? UncountedNote(Quantity? q)
        {
            if (q == null)
            {
                return null;
            }

            List<string>? notes = null;
            foreach (Term t in q.TermArray)
            {
                if (t.UncountedWhenNegative is string what && t.SettingIndex >= 0 && _values[t.SettingIndex] is decimal v && v < 0m)
                {
                    (notes ??= new List<string>()).Add($"{what} not counted: {Instance.NameOf(t.SettingIndex)} {ShowIndex(t.SettingIndex)} sets no limit");
                }
            }

            return notes == null ? null : string.Join("; ", notes);
        }

        /// <summary>A quantity's formula; C# names the members as bound (LeaseDuration), files the settings' ids.</summary>
        public string FormulaOf(Quantity q) => q.Formula(Instance.DurationDisplay != null ? Name : null);

        /// <summary>This configuration's failover window (<see cref="SystemDefinition.FailoverOf"/>).</summary>
        public Quantity? Failover
        {
            get
            {
                if (!_failoverKnown)
                {
                    _failover = System.FailoverOf(Instance); // the instance does not change while it is evaluated
                    _failoverKnown = true;
                }

                return _failover;
            }
        }

        private Quantity? _failover;
        private bool _failoverKnown;

        /// <summary>The system's <see cref="SystemDefinition.WindowRemarks"/> for this configuration.</summary>
        public IReadOnlyList<string> WindowRemarks() => System.WindowRemarks is { } remarks ? new List<string>(remarks(this)) : Array.Empty<string>();

        internal decimal? Rtt(bool rttAsZero) => Profile.EffectiveRtt is Duration d ? d.Nanoseconds : rttAsZero ? 0m : (decimal?)null;

        /// <summary>The name a message uses for a quantity: the setting as written, or the quantity's name.</summary>
        internal string QuantityName(Quantity q) => q.SingleSetting is string s ? Name(s) : q.Name;

        internal string ShowQuantity(Quantity q, decimal value)
        {
            if (q.SingleSetting is string s)
            {
                int i = System.IndexOf(s);
                if (_values[i] == value)
                {
                    return ShowIndex(i);
                }
            }

            return ShowQuantityValue(q, value);
        }

        /// <summary>A value in the display style of the quantity's first setting (durations in Go syntax for constants).</summary>
        internal string ShowQuantityValue(Quantity q, decimal value)
        {
            if (Instance.DurationDisplay is ValueFormat surface)
            {
                foreach (Term t in q.TermArray)
                {
                    if (t.SettingIndex >= 0)
                    {
                        SettingDefinition s = System.Settings[t.SettingIndex];
                        ValueFormat f = Instance[t.SettingIndex]?.Format ?? Instance.FormatFor(s);
                        return s.IsDuration || (t.Coefficient == 1m && t.MultiplierIndex < 0 && !t.Rtt) ? SettingValues.Display(f, s.IsDuration, value) : SettingValues.Display(surface, true, value);
                    }
                }

                return SettingValues.Display(surface, true, value);
            }

            foreach (Term t in q.TermArray)
            {
                if (t.SettingIndex >= 0)
                {
                    // A count scaled by a duration (1s × raft_multiplier) is a duration.
                    SettingDefinition s = System.Settings[t.SettingIndex];
                    return s.IsDuration || (t.Coefficient == 1m && t.MultiplierIndex < 0 && !t.Rtt) ? SettingValues.Display(s, value) : SettingValues.DisplayDuration(value);
                }
            }

            return SettingValues.DisplayDuration(value);
        }

        internal static string Ratio(decimal left, decimal right)
        {
            if (right == 0m)
            {
                return "∞";
            }

            decimal r = left / right;
            return r.ToString("0.0#", CultureInfo.InvariantCulture);
        }

        private decimal? TermValue(Term t, bool rttAsZero)
        {
            decimal v = t.Coefficient;
            if (t.SettingIndex >= 0)
            {
                decimal? s = _values[t.SettingIndex];
                if (s == null)
                {
                    return null;
                }

                if (t.UncountedWhenNegative != null && s.Value < 0m)
                {
                    return 0m; // no limit: nothing a window can bound (UncountedNote says so)
                }

                decimal value = t.Cap is decimal cap && s.Value > cap ? cap : s.Value;
                v = t.IsUnit ? value : v * value;
            }

            if (t.MultiplierIndex >= 0)
            {
                decimal? m = _values[t.MultiplierIndex];
                if (m == null)
                {
                    return null;
                }

                v *= m.Value;
            }

            if (t.Rtt)
            {
                decimal? r = Rtt(rttAsZero);
                if (r == null)
                {
                    return null;
                }

                v *= r.Value;
            }

            return v;
        }

        /// <summary>The default a variant gives a setting instead of the setting's own (Nomad's raft_multiplier 1).</summary>
        internal decimal? VariantDefault(string settingId)
        {
            foreach ((string variant, string setting, decimal value) in System.VariantDefaults)
            {
                if (variant == Instance.Variant && setting == settingId)
                {
                    return value;
                }
            }

            return null;
        }

        private void Resolve()
        {
            IReadOnlyList<SettingDefinition> settings = System.Settings;
            for (int i = 0; i < settings.Count; i++)
            {
                SettingOccurrence? o = Instance[i];
                if (o == null)
                {
                    if (Instance.TryGetDefault(i, out decimal? componentDefault))
                    {
                        _defaulted[i] = componentDefault != null;
                        _values[i] = componentDefault;
                        continue;
                    }

                    _values[i] = VariantDefault(settings[i].Id);
                    _defaulted[i] = settings[i].Default != null || _values[i] != null;
                    continue;
                }

                if (o.State != OccurrenceState.Set)
                {
                    continue;
                }

                decimal v = o.Value.Number;
                SettingDefinition s = settings[i];
                if (s.DefaultSentinel is decimal sentinel && v == sentinel && VariantText.Includes(s.DefaultSentinelVariants, Instance.Variant))
                {
                    _values[i] = VariantDefault(s.Id);
                    _defaulted[i] = s.Default != null || _values[i] != null;
                    continue;
                }

                if ((s.NoneValue is decimal none && v == none) || (s.NegativeMeansInfinite && v < 0))
                {
                    continue;
                }

                _values[i] = v;
            }

            // Defaults: constants first, then those computed from other settings (ZooKeeper's 2 × tickTime).
            for (int pass = 0; pass < 2; pass++)
            {
                for (int i = 0; i < settings.Count; i++)
                {
                    if (!_defaulted[i] || _values[i] != null)
                    {
                        continue;
                    }

                    Quantity d = settings[i].Default!;
                    if (d.ConstantValue is decimal constantDefault)
                    {
                        _values[i] = constantDefault;
                        continue;
                    }

                    bool constant = true;
                    foreach (Term t in d.TermArray)
                    {
                        constant &= t.SettingIndex < 0 && t.MultiplierIndex < 0;
                    }

                    if (constant || pass == 1)
                    {
                        try
                        {
                            _values[i] = Eval(d);
                        }
                        catch (ArithmeticException)
                        {
                            // A default beyond decimal's range (20 × a 292-year tickTime): unknown.
                        }
                    }
                }
            }
        }
    }
}
