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

        public Linearizer(EvaluationContext ctx, int[] varOf, decimal?[] assigned, int variables)
        {
            _ctx = ctx;
            _varOf = varOf;
            _assigned = assigned;
            Variables = variables;
        }

        public int Variables { get; }

        public LinearConstraint? Make(ModelConstraint c)
        {
            c.Left.Bind(_ctx.System);
            c.Right.Bind(_ctx.System);
            Affine? l = Expr(c.Left, c.RttAsZero, 0);
            Affine? r = Expr(c.Right, c.RttAsZero, 0);
            if (l == null || r == null)
            {
                return null;
            }

            Rational f = Rational.Of(c.Factor);
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
            foreach (Term t in q.Terms)
            {
                Rational factor = Rational.Of(t.Coefficient);
                if (t.Rtt)
                {
                    decimal? rtt = _ctx.Rtt(rttAsZero);
                    if (rtt == null)
                    {
                        return null;
                    }

                    factor *= Rational.Of(rtt.Value);
                }

                Affine? term = null;
                foreach (int index in new[] { t.SettingIndex, t.MultiplierIndex })
                {
                    if (index < 0)
                    {
                        continue;
                    }

                    Affine? v = Value(index, depth);
                    if (v == null)
                    {
                        return null;
                    }

                    if (v.IsConstant)
                    {
                        factor *= v.Constant;
                    }
                    else if (term == null)
                    {
                        term = v;
                    }
                    else
                    {
                        return null; // two free factors: not linear
                    }
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

        private Affine? Value(int index, int depth)
        {
            if (_assigned[index] is decimal a)
            {
                return Const(Rational.Of(a));
            }

            if (_varOf[index] >= 0)
            {
                var c = new Rational[Variables];
                c[_varOf[index]] = Rational.One;
                return new Affine(c, Rational.Zero);
            }

            // An unwritten setting whose default follows another setting (ZooKeeper's 2 × tickTime) follows it here too.
            SettingDefinition s = _ctx.System.Settings[index];
            if (_ctx.IsDefaultIndex(index) && s.Default != null && depth < 2 && DependsOnSettings(s.Default))
            {
                return Expr(s.Default, rttAsZero: false, depth + 1);
            }

            return _ctx.ValueAt(index) is decimal v ? Const(Rational.Of(v)) : null;
        }

        private Affine Const(Rational v) => new Affine(new Rational[Variables], v);

        private static bool DependsOnSettings(Quantity q)
        {
            foreach (Term t in q.Terms)
            {
                if (t.SettingIndex >= 0 || t.MultiplierIndex >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
