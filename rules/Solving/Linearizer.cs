using System.Collections.Generic;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;

namespace ElectionLint.Rules.Solving
{
    /// <summary>An affine expression Σ coefficients[i] · x[i] + constant.</summary>
    internal sealed class Affine
    {
        public Affine(Rational[] coefficients, Rational constant)
        {
            Coefficients = coefficients;
            Constant = constant;
        }

        public Rational[] Coefficients { get; }

        public Rational Constant { get; }

        public bool IsConstant => LinearConstraint.AllZero(Coefficients);
    }

    /// <summary>
    /// Turns the model's relations into linear constraints over the free settings, with every other setting at its
    /// value (or at the value a search assigned). A product of two free settings is not linear: the search fixes the
    /// count or fraction of such a product first. A relation over an unknown value is left out, never guessed.
    /// </summary>
    internal sealed class Linearizer
    {
        private readonly EvaluationContext _ctx;
        private readonly int[] _varOf;
        private readonly decimal?[] _assigned;
        private readonly Rational?[]? _values;

        /// <param name="values">The configuration's values as fractions (<see cref="Values"/>), when the caller keeps them.</param>
        public Linearizer(EvaluationContext ctx, int[] varOf, decimal?[] assigned, int variables, Rational?[]? values = null)
        {
            _ctx = ctx;
            _varOf = varOf;
            _assigned = assigned;
            Variables = variables;
            _values = values;
        }

        /// <summary>Each setting's value in the configuration as a fraction (null when unknown): made once per solver.</summary>
        public static Rational?[] Values(EvaluationContext ctx)
        {
            var values = new Rational?[ctx.System.Settings.Count];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = ctx.ValueAt(i) is decimal v ? Rational.Of(v) : null;
            }

            return values;
        }

        public int Variables { get; }

        /// <summary>Adds the constraint as a row of <paramref name="into"/>; false when it is left out (not linear, or over an unknown value).</summary>
        public bool Add(LinearSystem into, ModelConstraint c, int source)
        {
            c.Left.Bind(_ctx.System);
            c.Right.Bind(_ctx.System);
            bool greater = c.Op == Comparison.Greater || c.Op == Comparison.AtLeast;
            int row = into.AddRow(c.Op == Comparison.Greater || c.Op == Comparison.Less, source);
            // Left − factor × right, term by term (exact, so the same numbers as Make's), when every factor is at hand.
            if (AddTerms(into, row, c.Left, Rational.One, c.RttAsZero) && AddTerms(into, row, c.Right, -c.FactorRational, c.RttAsZero))
            {
                if (!greater)
                {
                    into.Negate(row);
                }

                return true;
            }

            into.RemoveLast();
            if (Make(c) is not LinearConstraint l)
            {
                return false;
            }

            row = into.AddRow(l.Strict, source);
            for (int i = 0; i < Variables; i++)
            {
                into.SetCoefficient(row, i, l.Coefficients[i]);
            }

            into.SetConstant(row, l.Constant);
            return true;
        }

        /// <summary>
        /// Adds sign × each term to the row; false when a term needs what only <see cref="Make"/> handles: an unknown value
        /// or RTT, a default that follows other settings, or two free factors.
        /// </summary>
        private bool AddTerms(LinearSystem into, int row, Quantity q, Rational sign, bool rttAsZero)
        {
            foreach (Term t in q.TermArray)
            {
                if (t.UncountedWhenNegative != null && t.SettingIndex >= 0 && _varOf[t.SettingIndex] < 0 &&
                    (_assigned[t.SettingIndex] ?? _ctx.ValueAt(t.SettingIndex)) is decimal known && known < 0m)
                {
                    continue; // as in Expr
                }

                Rational factor = t.CoefficientValue * sign;
                if (t.Rtt)
                {
                    if (_ctx.Rtt(rttAsZero) is not decimal rtt)
                    {
                        return false;
                    }

                    factor *= Rational.Of(rtt);
                }

                int x = -1;
                if (!KnownFactor(t.SettingIndex, ref factor, ref x) || !KnownFactor(t.MultiplierIndex, ref factor, ref x))
                {
                    return false;
                }

                if (x >= 0)
                {
                    into.AddCoefficient(row, x, factor);
                }
                else
                {
                    into.AddConstant(row, factor);
                }
            }

            return true;
        }

        /// <summary><see cref="Factor"/> without defaults that follow other settings: false where it would recurse or fail.</summary>
        private bool KnownFactor(int index, ref Rational factor, ref int x)
        {
            if (index < 0)
            {
                return true;
            }

            if (_assigned[index] is decimal a)
            {
                factor *= Rational.Of(a);
                return true;
            }

            if (_varOf[index] >= 0)
            {
                if (x >= 0)
                {
                    return false;
                }

                x = _varOf[index];
                return true;
            }

            SettingDefinition s = _ctx.System.Settings[index];
            if (_ctx.IsDefaultIndex(index) && s.Default != null && DependsOnSettings(s.Default))
            {
                return false;
            }

            if (_values != null)
            {
                if (_values[index] is Rational known)
                {
                    factor *= known;
                    return true;
                }

                return false;
            }

            if (_ctx.ValueAt(index) is decimal value)
            {
                factor *= Rational.Of(value);
                return true;
            }

            return false;
        }

        public LinearConstraint? Make(ModelConstraint c)
        {
            c.Left.Bind(_ctx.System);
            c.Right.Bind(_ctx.System);
            Affine? l = Expr(c.Left, c.RttAsZero, 0);
            Affine? r = Expr(c.Right, c.RttAsZero, 0);
            if ((l == null || r == null) &&
                Relations.TryCancel(_ctx.System, c.Left, c.Right, i => _assigned[i] == null && _varOf[i] < 0 && _ctx.IsUnknown(i), out Quantity left, out Quantity right, out _))
            {
                // A factor not known on both sides (DotNext's LowerElectionTimeout in its own heartbeat) is divided out, as the check does.
                l = Expr(left, c.RttAsZero, 0);
                r = Expr(right, c.RttAsZero, 0);
            }

            if (l == null || r == null)
            {
                return null;
            }

            Rational f = c.FactorRational;
            bool greater = c.Op == Comparison.Greater || c.Op == Comparison.AtLeast;
            bool strict = c.Op == Comparison.Greater || c.Op == Comparison.Less;
            var coeffs = new Rational[Variables];
            for (int i = 0; i < Variables; i++)
            {
                Rational d = l.Coefficients[i] - (f * r.Coefficients[i]);
                coeffs[i] = greater ? d : -d;
            }

            Rational k = l.Constant - (f * r.Constant);
            return new LinearConstraint(coeffs, greater ? k : -k, strict);
        }

        public Affine? Expr(Quantity q, bool rttAsZero, int depth)
        {
            var coeffs = new Rational[Variables];
            Rational constant = Rational.Zero;
            foreach (Term t in q.TermArray)
            {
                if (t.UncountedWhenNegative != null && t.SettingIndex >= 0 && _varOf[t.SettingIndex] < 0 &&
                    (_assigned[t.SettingIndex] ?? _ctx.ValueAt(t.SettingIndex)) is decimal known && known < 0m)
                {
                    continue; // no limit (MongoDB's catch-up -1): the term counts 0, as the checks count it
                }

                Rational factor = t.CoefficientValue;
                if (t.Rtt)
                {
                    decimal? rtt = _ctx.Rtt(rttAsZero);
                    if (rtt == null)
                    {
                        return null;
                    }

                    factor *= Rational.Of(rtt.Value);
                }

                // A term is linear when at most one of its two factors is free: that one is x (a variable) or an affine default.
                int x = -1;
                Affine? term = null;
                if (!Factor(t.SettingIndex, depth, ref factor, ref x, ref term) || !Factor(t.MultiplierIndex, depth, ref factor, ref x, ref term))
                {
                    return null;
                }

                if (x >= 0)
                {
                    coeffs[x] += factor;
                    continue;
                }

                if (term == null)
                {
                    constant += factor;
                    continue;
                }

                for (int i = 0; i < Variables; i++)
                {
                    coeffs[i] += factor * term.Coefficients[i];
                }

                constant += factor * term.Constant;
            }

            return new Affine(coeffs, constant);
        }

        /// <summary>
        /// Folds one factor of a term into <paramref name="factor"/> when it is known; otherwise records it as the term's
        /// variable (<paramref name="x"/>) or affine default (<paramref name="term"/>). False when it is unknown, or a
        /// second free factor (not linear).
        /// </summary>
        private bool Factor(int index, int depth, ref Rational factor, ref int x, ref Affine? term)
        {
            if (index < 0)
            {
                return true;
            }

            if (_assigned[index] is decimal a)
            {
                factor *= Rational.Of(a);
                return true;
            }

            bool free = x >= 0 || term != null;
            if (_varOf[index] >= 0)
            {
                if (free)
                {
                    return false; // two free factors: not linear
                }

                x = _varOf[index];
                return true;
            }

            // An unwritten setting whose default follows another setting (ZooKeeper's 2 × tickTime) follows it here too.
            SettingDefinition s = _ctx.System.Settings[index];
            if (_ctx.IsDefaultIndex(index) && s.Default != null && depth < 2 && DependsOnSettings(s.Default))
            {
                Affine? v = Expr(s.Default, rttAsZero: false, depth + 1);
                if (v == null)
                {
                    return false;
                }

                if (v.IsConstant)
                {
                    factor *= v.Constant;
                    return true;
                }

                if (free)
                {
                    return false;
                }

                term = v;
                return true;
            }

            if (_values != null)
            {
                if (_values[index] is Rational known)
                {
                    factor *= known;
                    return true;
                }
            }
            else if (_ctx.ValueAt(index) is decimal value)
            {
                factor *= Rational.Of(value);
                return true;
            }

            return false;
        }

        internal static bool DependsOnSettings(Quantity q)
        {
            foreach (Term t in q.TermArray)
            {
                if (t.SettingIndex >= 0 || t.MultiplierIndex >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// A constraint of a model whose terms are each a constant or one setting (no product, no default that follows other
    /// settings, no term that a negative value drops), summed per setting once: a row is then made for any choice of free
    /// and assigned settings with one addition per setting. The same for every configuration of a shape; each configuration
    /// supplies coefficient × its value per setting (<see cref="Products"/>).
    /// </summary>
    internal sealed class RowTemplate
    {
        private readonly int[] _settings;
        private readonly Rational[] _coefficients;
        private readonly Rational _constant;
        private readonly bool _strict;

        private RowTemplate(int[] settings, Rational[] coefficients, Rational constant, bool strict, int offset)
        {
            _settings = settings;
            _coefficients = coefficients;
            _constant = constant;
            _strict = strict;
            Offset = offset;
        }

        /// <summary>Where this row's products start in a configuration's array of them.</summary>
        public int Offset { get; }

        public int Length => _settings.Length;

        /// <summary>Null when some term needs <see cref="Linearizer.Add"/>.</summary>
        public static RowTemplate? Make(EvaluationContext ctx, ModelConstraint c, int offset)
        {
            c.Left.Bind(ctx.System);
            c.Right.Bind(ctx.System);
            bool greater = c.Op == Comparison.Greater || c.Op == Comparison.AtLeast;
            var settings = new List<int>(4);
            var coefficients = new List<Rational>(4);
            Rational constant = Rational.Zero;
            bool Terms(Quantity q, Rational sign)
            {
                foreach (Term t in q.TermArray)
                {
                    if (t.UncountedWhenNegative != null || t.MultiplierIndex >= 0)
                    {
                        return false;
                    }

                    Rational factor = t.CoefficientValue * (greater ? sign : -sign);
                    if (t.Rtt)
                    {
                        if (ctx.Rtt(c.RttAsZero) is not decimal rtt)
                        {
                            return false;
                        }

                        factor *= Rational.Of(rtt);
                    }

                    if (t.SettingIndex < 0)
                    {
                        constant += factor;
                        continue;
                    }

                    SettingDefinition s = ctx.System.Settings[t.SettingIndex];
                    if (ctx.IsDefaultIndex(t.SettingIndex) && s.Default != null && Linearizer.DependsOnSettings(s.Default))
                    {
                        return false;
                    }

                    int k = settings.IndexOf(t.SettingIndex);
                    if (k < 0)
                    {
                        settings.Add(t.SettingIndex);
                        coefficients.Add(factor);
                    }
                    else
                    {
                        coefficients[k] += factor;
                    }
                }

                return true;
            }

            if (!Terms(c.Left, Rational.One) || !Terms(c.Right, -c.FactorRational))
            {
                return null;
            }

            return new RowTemplate(settings.ToArray(), coefficients.ToArray(), constant, c.Op == Comparison.Greater || c.Op == Comparison.Less, offset);
        }

        /// <summary>Coefficient × the configuration's value of each setting (null when unknown), at <see cref="Offset"/>.</summary>
        public void Products(Rational?[] values, Rational?[] into)
        {
            for (int k = 0; k < _settings.Length; k++)
            {
                into[Offset + k] = values[_settings[k]] is Rational v ? _coefficients[k] * v : null;
            }
        }

        /// <summary>Adds the row; false when a setting that is neither free nor assigned has no known value (then nothing is added).</summary>
        /// <param name="exact">The assigned values as fractions (read where <paramref name="assigned"/> has one).</param>
        public bool Fill(LinearSystem into, int source, int[] varOf, decimal?[] assigned, Rational[] exact, Rational?[] products)
        {
            int row = into.AddRow(_strict, source);
            Rational constant = _constant;
            for (int k = 0; k < _settings.Length; k++)
            {
                int s = _settings[k];
                if (assigned[s] != null)
                {
                    constant += _coefficients[k] * exact[s];
                }
                else if (varOf[s] >= 0)
                {
                    into.AddCoefficient(row, varOf[s], _coefficients[k]);
                }
                else if (products[Offset + k] is Rational v)
                {
                    constant += v;
                }
                else
                {
                    into.RemoveLast();
                    return false;
                }
            }

            into.SetConstant(row, constant);
            return true;
        }
    }
}
