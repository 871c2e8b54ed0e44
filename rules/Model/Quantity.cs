using System.Collections.Generic;
using System.Text;
using ElectionLint.Rules.Text;
using ElectionLint.Rules.Timing;

namespace ElectionLint.Rules.Model
{
    /// <summary>
    /// One term of a <see cref="Quantity"/>: coefficient × setting × multiplier × RTT, where each factor but the
    /// coefficient is optional. A term with no factor is a constant.
    /// </summary>
    public sealed class Term
    {
        public Term(decimal coefficient, string? setting = null, string? multiplier = null, bool rtt = false)
        {
            Coefficient = coefficient;
            IsUnit = coefficient == 1m;
            Setting = setting;
            Multiplier = multiplier;
            Rtt = rtt;
        }

        public decimal Coefficient { get; }

        /// <summary>The coefficient is 1 (most terms): evaluation skips a decimal multiplication.</summary>
        internal bool IsUnit { get; }

        /// <summary>The coefficient as an exact fraction, for the solver (made when first read).</summary>
        internal Solving.Rational CoefficientValue => (_coefficientValue ??= new Box(Solving.Rational.Of(Coefficient))).Value;

        private Box? _coefficientValue;

        private sealed class Box
        {
            public Box(Solving.Rational value) => Value = value;

            public readonly Solving.Rational Value;
        }

        public string? Setting { get; }

        public string? Multiplier { get; }

        public bool Rtt { get; }

        /// <summary>The most of the setting the system uses (Consul caps the lock delay at 60 s); null when uncapped.</summary>
        public decimal? Cap { get; init; }

        /// <summary>
        /// What the term stands for when a negative value of its setting means "no limit" (MongoDB's catch-up, -1): then the
        /// term counts 0 and the quantity says so (<see cref="Evaluation.EvaluationContext.UncountedNote"/>); null otherwise.
        /// </summary>
        public string? UncountedWhenNegative { get; init; }

        internal int SettingIndex { get; set; } = -1;

        internal int MultiplierIndex { get; set; } = -1;
    }

    /// <summary>A sum of terms over a system's settings: a heartbeat, a timeout, a failover window.</summary>
    public sealed class Quantity
    {
        private readonly Term[] _terms;
        private SystemDefinition? _boundTo;

        public Quantity(string name, params Term[] terms)
        {
            Name = name;
            _terms = terms;
            ConstantValue = Sum(terms);
        }

        private static decimal? Sum(Term[] terms)
        {
            decimal sum = 0m;
            foreach (Term t in terms)
            {
                if (t.Setting != null || t.Multiplier != null || t.Rtt)
                {
                    return null;
                }

                try
                {
                    sum += t.Coefficient;
                }
                catch (System.OverflowException)
                {
                    return null; // beyond decimal's range: evaluated the general way, which knows it as unknown
                }
            }

            return sum;
        }

        /// <summary>What the quantity is called in messages ("election-timeout", "failover window").</summary>
        public string Name { get; }

        public IReadOnlyList<Term> Terms => _terms;

        /// <summary>The terms as an array: evaluation loops over it with no enumerator.</summary>
        internal Term[] TermArray => _terms;

        /// <summary>The sum of the coefficients when every term is a constant (no setting, multiplier or RTT); null otherwise.</summary>
        internal decimal? ConstantValue { get; }

        /// <summary>Adds the index of every setting this quantity names (as a term or a multiplier) that is not yet in the list.</summary>
        public void CollectSettings(List<int> into)
        {
            foreach (Term t in _terms)
            {
                if (t.SettingIndex >= 0 && !into.Contains(t.SettingIndex))
                {
                    into.Add(t.SettingIndex);
                }

                if (t.MultiplierIndex >= 0 && !into.Contains(t.MultiplierIndex))
                {
                    into.Add(t.MultiplierIndex);
                }
            }
        }

        public static Quantity Of(string setting) => new Quantity(setting, new Term(1m, setting));

        public static Quantity Constant(Duration d) => new Quantity(d.ToString(), new Term(d.Nanoseconds));

        public static Quantity Constant(decimal value) => new Quantity(DurationFormat.Number(value), new Term(value));

        /// <summary>The single setting this quantity is, when it is exactly one setting.</summary>
        public string? SingleSetting => Terms.Count == 1 && Terms[0].Coefficient == 1m && Terms[0].Multiplier == null && !Terms[0].Rtt ? Terms[0].Setting : null;

        /// <summary>A formula such as "2 × election-timeout − heartbeat-interval + 2 × RTT".</summary>
        /// <param name="name">How to name a setting (C#: the member as bound); its id when null.</param>
        public string Formula(System.Func<string, string>? name = null)
        {
            string Named(string id) => name?.Invoke(id) ?? id;
            StringBuilder sb = StringBuilderCache.Acquire();
            foreach (Term t in _terms)
            {
                bool negative = t.Coefficient < 0m;
                sb.Append(sb.Length > 0 ? (negative ? " − " : " + ") : negative ? "−" : string.Empty);
                decimal coefficient = negative ? -t.Coefficient : t.Coefficient;
                bool any = false;
                if (t.Setting == null && t.Multiplier == null && !t.Rtt)
                {
                    sb.Append(DisplayConstant(coefficient)); // a fixed delay of the system (ZooKeeper's 200 ms finalizeWait)
                    continue;
                }

                if (coefficient != 1m)
                {
                    // A duration times counts only (1s × raft_multiplier) shows the duration; otherwise a plain factor.
                    sb.Append(t.Multiplier == null && !t.Rtt && t.Setting != null && _boundTo != null && _boundTo.TryGetSetting(t.Setting, out SettingDefinition s) && !s.IsDuration
                        ? DisplayConstant(coefficient)
                        : DurationFormat.Number(coefficient));
                    any = true;
                }

                void Factor(string name)
                {
                    sb.Append(any ? " × " : string.Empty).Append(name);
                    any = true;
                }

                if (t.Setting != null)
                {
                    Factor(t.Cap is decimal cap ? $"min({Named(t.Setting)}, {DisplayConstant(cap)})" : Named(t.Setting));
                }

                if (t.Multiplier != null)
                {
                    Factor(Named(t.Multiplier));
                }

                if (t.Rtt)
                {
                    Factor("RTT");
                }
            }

            return StringBuilderCache.ToStringAndRelease(sb);
        }

        /// <summary>Whole milliseconds and more read as a duration ("200ms"); smaller constants as numbers.</summary>
        private static string DisplayConstant(decimal value) =>
            value >= Duration.NanosPerMillisecond && value % Duration.NanosPerMillisecond == 0m ? Model.SettingValues.DisplayDuration(value) : DurationFormat.Number(value);

        /// <summary>Binds and returns this quantity (for quantities made during evaluation).</summary>
        internal Quantity Bound(SystemDefinition system)
        {
            Bind(system);
            return this;
        }

        internal void Bind(SystemDefinition system)
        {
            if (ReferenceEquals(_boundTo, system))
            {
                return;
            }

            foreach (Term t in _terms)
            {
                t.SettingIndex = t.Setting == null ? -1 : system.IndexOf(t.Setting);
                t.MultiplierIndex = t.Multiplier == null ? -1 : system.IndexOf(t.Multiplier);
            }

            _boundTo = system;
        }
    }
}
