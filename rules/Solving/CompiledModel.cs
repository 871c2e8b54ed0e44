using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Profile;

namespace ElectionLint.Rules.Solving
{
    /// <summary>
    /// The part of a configuration's joint model that its numbers do not change: the constraints (without their texts),
    /// the settings each names, and each constraint as a row template. Made once per system, variant, profile, rules
    /// switched off, failover formula and which defaults follow other settings, and shared by every such configuration.
    /// </summary>
    internal sealed class CompiledModel
    {
        private const int MaxModels = 512;
        private static readonly ConcurrentDictionary<Key, CompiledModel> Models = new ConcurrentDictionary<Key, CompiledModel>();
        private static int _modelCount;

        private CompiledModel(ModelConstraint[] constraints, int[][] settingsOf, bool[] untunableOnly, bool[] enumerated, RowTemplate?[] templates, int products)
        {
            Constraints = constraints;
            SettingsOf = settingsOf;
            UntunableOnly = untunableOnly;
            Enumerated = enumerated;
            Templates = templates;
            Products = products;
        }

        public ModelConstraint[] Constraints { get; }

        /// <summary>The settings each constraint names.</summary>
        public int[][] SettingsOf { get; }

        /// <summary>Constraints on settings no repair changes (MongoDB's catch-up): the checks' to report, never a conflict's.</summary>
        public bool[] UntunableOnly { get; }

        /// <summary>The counts and fractions of products, tried value by value.</summary>
        public bool[] Enumerated { get; }

        public RowTemplate?[] Templates { get; }

        /// <summary>How many products (coefficient × value) the templates take from a configuration.</summary>
        public int Products { get; }

        /// <param name="share">False for a one-off model (a trial profile), kept out of the cache.</param>
        public static CompiledModel For(EvaluationContext ctx, IReadOnlyDictionary<string, RuleSeverity>? severities, bool share)
        {
            if (!share || Key.Of(ctx, severities) is not Key key)
            {
                return Compile(ctx, severities);
            }

            if (Models.TryGetValue(key, out CompiledModel? model))
            {
                return model;
            }

            model = Compile(ctx, severities);
            if (Interlocked.Increment(ref _modelCount) > MaxModels)
            {
                Models.Clear();
                Interlocked.Exchange(ref _modelCount, 0);
            }

            return Models.GetOrAdd(key, model);
        }

        private static CompiledModel Compile(EvaluationContext ctx, IReadOnlyDictionary<string, RuleSeverity>? severities)
        {
            SystemDefinition sys = ctx.System;
            ModelConstraint[] constraints = SystemModel.Make(ctx, severities, withText: false).ToArray();
            var settingsOf = new int[constraints.Length][];
            var untunableOnly = new bool[constraints.Length];
            var templates = new RowTemplate?[constraints.Length];
            int products = 0;
            for (int i = 0; i < constraints.Length; i++)
            {
                ModelConstraint c = constraints[i];
                var s = new List<int>();
                c.Left.CollectSettings(s);
                c.Right.CollectSettings(s);
                settingsOf[i] = s.ToArray();
                untunableOnly[i] = s.Count > 0 && s.TrueForAll(x => !sys.Settings[x].Tunable);
                templates[i] = RowTemplate.Make(ctx, c, products);
                products += templates[i]?.Length ?? 0;
            }

            // In a product of two settings the count or fraction is tried value by value; the other stays linear.
            var enumerated = new bool[sys.Settings.Count];
            foreach (Quantity? q in new[] { sys.Heartbeat, sys.Detection, sys.PauseBudget, ctx.Failover })
            {
                foreach (Term t in q?.Terms ?? (IReadOnlyList<Term>)new Term[0])
                {
                    if (t.SettingIndex >= 0 && t.MultiplierIndex >= 0)
                    {
                        bool multiplierIsFactor = sys.Settings[t.MultiplierIndex].Role is SettingRole.Count or SettingRole.Fraction;
                        enumerated[multiplierIsFactor ? t.MultiplierIndex : t.SettingIndex] = true;
                    }
                }
            }

            return new CompiledModel(constraints, settingsOf, untunableOnly, enumerated, templates, products);
        }

        /// <summary>Everything <see cref="Compile"/> reads from a context, compared by value (the profile field by field).</summary>
        private sealed class Key : System.IEquatable<Key>
        {
            private readonly SystemDefinition _system;
            private readonly string? _variant;
            private readonly EnvironmentProfile _profile;
            private readonly string _off;
            private readonly Quantity? _failover;
            private readonly bool _timingInactive;
            private readonly ulong _following;
            private readonly int _hash;

            private Key(SystemDefinition system, string? variant, EnvironmentProfile profile, string off, Quantity? failover, bool timingInactive, ulong following)
            {
                _system = system;
                _variant = variant;
                _profile = profile;
                _off = off;
                _failover = failover;
                _timingInactive = timingInactive;
                _following = following;
                int h = System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(system);
                h = (h * 31) + (variant?.GetHashCode() ?? 0);
                h = (h * 31) + off.GetHashCode();
                h = (h * 31) + (failover == null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(failover));
                h = (h * 31) + (timingInactive ? 1 : 0);
                h = (h * 31) + following.GetHashCode();
                h = (h * 31) + profile.RttP99.GetHashCode();
                h = (h * 31) + profile.MaxFailover.GetHashCode();
                h = (h * 31) + profile.GcPauseP99.GetHashCode();
                _hash = h;
            }

            /// <summary>Null when the configuration's shape does not fit a key (a default following a setting past the 64th).</summary>
            public static Key? Of(EvaluationContext ctx, IReadOnlyDictionary<string, RuleSeverity>? severities)
            {
                SystemDefinition sys = ctx.System;
                ulong following = 0;
                for (int i = 0; i < sys.Settings.Count; i++)
                {
                    if (ctx.IsDefaultIndex(i) && sys.Settings[i].Default is Quantity d && Linearizer.DependsOnSettings(d))
                    {
                        if (i >= 64)
                        {
                            return null;
                        }

                        following |= 1UL << i;
                    }
                }

                return new Key(sys, ctx.Variant, ctx.Profile, Off(severities), ctx.Failover, sys.TimingInactive?.Invoke(ctx) == true, following);
            }

            /// <summary>The rules switched off, sorted: all a model reads of the severities.</summary>
            private static string Off(IReadOnlyDictionary<string, RuleSeverity>? severities)
            {
                List<string>? off = null;
                foreach (KeyValuePair<string, RuleSeverity> e in severities ?? (IReadOnlyDictionary<string, RuleSeverity>)new Dictionary<string, RuleSeverity>())
                {
                    if (e.Value == RuleSeverity.Off)
                    {
                        (off ??= new List<string>()).Add(e.Key);
                    }
                }

                if (off == null)
                {
                    return string.Empty;
                }

                off.Sort(System.StringComparer.Ordinal);
                return string.Join(",", off);
            }

            public bool Equals(Key? other) =>
                other != null && other._hash == _hash && ReferenceEquals(other._system, _system) && other._variant == _variant && other._off == _off &&
                ReferenceEquals(other._failover, _failover) && other._timingInactive == _timingInactive && other._following == _following &&
                SameProfile(other._profile, _profile);

            public override bool Equals(object? obj) => Equals(obj as Key);

            public override int GetHashCode() => _hash;

            // A record: every field, including any added later, takes part (a stale model must never be reused).
            private static bool SameProfile(EnvironmentProfile a, EnvironmentProfile b) => ReferenceEquals(a, b) || a.Equals(b);
        }
    }
}
