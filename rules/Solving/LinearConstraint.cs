using System.Text;

namespace ElectionLint.Rules.Solving
{
    /// <summary>Σ coefficients[i] · x[i] + constant ≥ 0, or &gt; 0 when <see cref="Strict"/>.</summary>
    public sealed class LinearConstraint
    {
        public LinearConstraint(Rational[] coefficients, Rational constant, bool strict)
        {
            Coefficients = coefficients;
            Constant = constant;
            Strict = strict;
        }

        public Rational[] Coefficients { get; }

        public Rational Constant { get; }

        public bool Strict { get; }

        public bool IsConstant => AllZero(Coefficients);

        /// <summary>Whether the values satisfy it (every variable assigned).</summary>
        public bool HoldsAt(Rational[] values)
        {
            Rational sum = Constant;
            for (int i = 0; i < Coefficients.Length; i++)
            {
                sum += Coefficients[i] * values[i];
            }

            return Strict ? sum.Sign > 0 : sum.Sign >= 0;
        }

        internal static bool AllZero(Rational[] coefficients)
        {
            foreach (Rational c in coefficients)
            {
                if (!c.IsZero)
                {
                    return false;
                }
            }

            return true;
        }

        public override string ToString()
        {
            var sb = new StringBuilder();
            for (int i = 0; i < Coefficients.Length; i++)
            {
                if (!Coefficients[i].IsZero)
                {
                    sb.Append(Coefficients[i]).Append("·x").Append(i).Append(" + ");
                }
            }

            return sb.Append(Constant).Append(Strict ? " > 0" : " ≥ 0").ToString();
        }
    }
}
