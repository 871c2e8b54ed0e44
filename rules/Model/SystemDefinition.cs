using System;
using System.Collections.Generic;

namespace ElectionLint.Rules.Model
{
    /// <summary>
    /// One system described as data: settings, hard limits, the quantities of the failover model
    /// (heartbeat, failure-detection timeout, pause budget, failover window) and its ratio bounds.
    /// </summary>
    public sealed class SystemDefinition
    {
        private readonly Dictionary<string, int> _index = new Dictionary<string, int>(StringComparer.Ordinal);

        public SystemDefinition(string id, string displayName, params SettingDefinition[] settings)
        {
            Id = id;
            DisplayName = displayName;
            Settings = settings;
            for (int i = 0; i < settings.Length; i++)
            {
                settings[i].Index = i;
                _index.Add(settings[i].Id, i);
            }
        }

        public string Id { get; }

        /// <summary>How messages name the system ("etcd", "client-go").</summary>
        public string DisplayName { get; }

        /// <summary>Names of variants that a message calls by their own name (kubernetes-client/csharp rather than client-go).</summary>
        public IReadOnlyDictionary<string, string>? VariantNames { get; init; }

        public string DisplayNameFor(string? variant) => variant != null && VariantNames != null && VariantNames.TryGetValue(variant, out string? n) ? n : DisplayName;

        /// <summary>What a failure detected by mistake causes, in the system's words ("a false election", "a rebalance").</summary>
        public string FalseFailover { get; init; } = "a false election";

        public IReadOnlyList<SettingDefinition> Settings { get; }

        /// <summary>True when the timing settings have no effect (Kafka's group.protocol=consumer): only <see cref="HardChecks"/> run.</summary>
        public Func<Evaluation.EvaluationContext, bool>? TimingInactive { get; init; }

        /// <summary>A switch setting; when it is false the system is off and nothing is checked.</summary>
        public string? EnabledSetting { get; init; }

        /// <summary>How often liveness is signalled.</summary>
        public Quantity? Heartbeat { get; init; }

        /// <summary>How long silence lasts before a failure is declared.</summary>
        public Quantity? Detection { get; init; }

        /// <summary>The longest stall the leader or holder survives.</summary>
        public Quantity? PauseBudget { get; init; }

        /// <summary>Worst-case time without a leader after a real failure; RTT terms count 0 when the RTT is unknown.</summary>
        public Quantity? Failover { get; init; }

        /// <summary>
        /// A choice setting and, by its value, the window that packaging has instead of <see cref="Failover"/> (Patroni's DCS);
        /// any other value, or none, keeps <see cref="Failover"/>.
        /// </summary>
        public (string Setting, IReadOnlyDictionary<string, Quantity> ByValue)? FailoverByChoice { get; init; }

        /// <summary>The failover window of <paramref name="instance"/>: <see cref="FailoverByChoice"/>'s, else <see cref="Failover"/>.</summary>
        public Quantity? FailoverOf(Evaluation.ConfigurationInstance instance) =>
            FailoverByChoice is { } c && instance[c.Setting]?.Value.Text is string text && c.ByValue.TryGetValue(text.Trim().ToLowerInvariant(), out Quantity? q) ? q : Failover;

        /// <summary>
        /// What the window does not say for this configuration: another failure path (Patroni's Postgres crash) or how a
        /// packaging shortens it (Patroni's DCS); shown beside the window by explain and tune, never a finding.
        /// </summary>
        public Func<Evaluation.EvaluationContext, IEnumerable<string>>? WindowRemarks { get; init; }

        /// <summary>The setting of <see cref="Failover"/> that a fix lowers; it is the detection setting or bounded below by it.</summary>
        public string? FailoverPrimary { get; init; }

        /// <summary>Settings a repair changes only when no other change clears the finding: they reach beyond the rule (a tick
        /// that also scales every session bound).</summary>
        public IReadOnlyList<string> ChangeLast { get; init; } = new string[0];

        /// <summary>
        /// What EL2001/EL2002 compare with the heartbeat; null means <see cref="Detection"/>. client-go compares renewDeadline,
        /// the leader's renewal attempts before it gives up, not leaseDuration.
        /// </summary>
        public Quantity? RatioOf { get; init; }

        /// <summary>The quantity EL2001/EL2002 divide by the heartbeat.</summary>
        public Quantity? RatioQuantity => RatioOf ?? Detection;

        /// <summary>
        /// EL2001's consequence clause for this system ({factor}, {ratio}, {attempts}, {setting}, {related} are filled); null:
        /// "{system} should tolerate at least {factor} missed heartbeats, or one slow round trip triggers a false election".
        /// </summary>
        public string? RatioConsequence { get; init; }

        /// <summary>EL2001's severity for this system when it differs from the catalogue's (client-go: info).</summary>
        public Catalogue.RuleSeverity? RatioSeverity { get; init; }

        /// <summary>EL2001 fires at <see cref="MinRatio"/> itself too (client-go: 2 renewal attempts is the finding).</summary>
        public bool MinRatioExclusive { get; init; }

        /// <summary>EL2001: detection ÷ heartbeat must be at least this.</summary>
        public decimal? MinRatio { get; init; }

        /// <summary>EL2002: detection ÷ heartbeat above this is slower than needed.</summary>
        public decimal? MaxRatio { get; init; }

        /// <summary>The ratio the system's guidance recommends (fix texts and suggestions prefer it).</summary>
        public decimal? RecommendedRatio { get; init; }

        /// <summary>The randomised election range (lower, upper) for EL2040; null when the system randomises by itself.</summary>
        public (string Lower, string Upper)? RandomRange { get; init; }

        /// <summary>upper ÷ lower that repairs of a too-narrow range aim at (DotNext and the Raft paper: 2×).</summary>
        public decimal? RecommendedRangeFactor { get; init; }

        /// <summary>What a pause beyond the budget does, e.g. "the leader stops renewing and steps down".</summary>
        public string PauseConsequence { get; init; } = "the leader is declared dead";

        public IReadOnlyList<RangeLimit> Ranges { get; init; } = new RangeLimit[0];

        public IReadOnlyList<RelationLimit> Relations { get; init; } = new RelationLimit[0];

        /// <summary>Ranges a <see cref="HardChecks"/> delegate enforces, declared again as data for the joint model.</summary>
        public IReadOnlyList<RangeLimit> SolverRanges { get; init; } = new RangeLimit[0];

        /// <summary>Relations a <see cref="HardChecks"/> delegate enforces, declared again as data for the joint model.</summary>
        public IReadOnlyList<RelationLimit> SolverRelations { get; init; } = new RelationLimit[0];

        /// <summary>Hard checks that are not a relation or a range.</summary>
        public IReadOnlyList<SystemCheck> HardChecks { get; init; } = new SystemCheck[0];

        /// <summary>Tuning checks that only this system has (EL2050, EL2051).</summary>
        public IReadOnlyList<SystemCheck> TuningChecks { get; init; } = new SystemCheck[0];

        /// <summary>Defaults that only a variant has (Consul .NET's LockOptions.SessionTTL = 15 s): (variant, setting, value).</summary>
        public IReadOnlyList<(string Variant, string Setting, decimal Value)> VariantDefaults { get; init; } = new (string, string, decimal)[0];

        /// <summary>Said after a finding's repair, per variant: where the change takes effect when the file is not that place.</summary>
        public VariantText? RepairNote { get; init; }

        /// <summary>Known variants: which implementation reads the settings (e.g. "client-go", "csharp").</summary>
        public IReadOnlyList<string> Variants { get; init; } = new string[0];

        public int IndexOf(string settingId) =>
            _index.TryGetValue(settingId, out int i) ? i : throw new ArgumentException($"{Id} has no setting '{settingId}'", nameof(settingId));

        public bool TryGetSetting(string settingId, out SettingDefinition setting)
        {
            if (_index.TryGetValue(settingId, out int i))
            {
                setting = Settings[i];
                return true;
            }

            setting = null!;
            return false;
        }

        /// <summary>Resolves every quantity's setting names to indexes; called once when the system is built.</summary>
        internal SystemDefinition Bound()
        {
            foreach (SettingDefinition s in Settings)
            {
                s.Default?.Bind(this);
            }

            Heartbeat?.Bind(this);
            Detection?.Bind(this);
            RatioOf?.Bind(this);
            PauseBudget?.Bind(this);
            Failover?.Bind(this);
            foreach (Quantity q in FailoverByChoice?.ByValue.Values ?? (IEnumerable<Quantity>)new Quantity[0])
            {
                q.Bind(this);
            }

            foreach (RelationLimit r in System.Linq.Enumerable.Concat(Relations, SolverRelations))
            {
                r.Left.Bind(this);
                r.Right.Bind(this);
                _ = IndexOf(r.Left.Terms[0].Setting ?? r.Right.Terms[0].Setting!);
            }

            foreach (RangeLimit r in System.Linq.Enumerable.Concat(Ranges, SolverRanges))
            {
                _ = IndexOf(r.Setting);
            }

            foreach (SettingDefinition s in Settings)
            {
                if (s.StepOf != null)
                {
                    _ = IndexOf(s.StepOf);
                }
            }

            if (FailoverPrimary != null)
            {
                _ = IndexOf(FailoverPrimary);
            }

            if (EnabledSetting != null)
            {
                _ = IndexOf(EnabledSetting);
            }

            if (RandomRange is (string lower, string upper))
            {
                _ = IndexOf(lower);
                _ = IndexOf(upper);
            }

            return this;
        }

        public override string ToString() => Id;
    }
}
