using System.Collections.Generic;
using System.Text;

namespace ElectionLint.Rules.Solving
{
    public enum Feasibility
    {
        Feasible,
        Infeasible,

        /// <summary>The elimination grew past its bound; callers treat this as "cannot claim infeasibility".</summary>
        Unknown,
    }

    /// <summary>The values one variable can take: bounds are null when open-ended.</summary>
    public sealed class Interval
    {
        public Interval(Rational? lower, bool lowerStrict, Rational? upper, bool upperStrict)
        {
            Lower = lower;
            LowerStrict = lowerStrict;
            Upper = upper;
            UpperStrict = upperStrict;
        }

        public Rational? Lower { get; }

        public bool LowerStrict { get; }

        public Rational? Upper { get; }

        public bool UpperStrict { get; }

        public bool Contains(Rational v) =>
            (Lower is not Rational lo || (LowerStrict ? v > lo : v >= lo)) &&
            (Upper is not Rational hi || (UpperStrict ? v < hi : v <= hi));
    }

    /// <summary>
    /// Exact Fourier–Motzkin elimination over rationals. The systems have at most a handful of variables, so elimination
    /// (with duplicate directions merged) stays small; past <see cref="MaxConstraints"/> it answers Unknown.
    /// </summary>
    public static class FourierMotzkin
    {
        public const int MaxConstraints = 4000;

        public static Feasibility Check(IReadOnlyList<LinearConstraint> constraints, int variables) =>
            Eliminate(constraints, variables, keep: -1, out _);

        /// <summary>The projection onto one variable, or null when the constraints are infeasible (or too large to decide).</summary>
        public static Interval? Project(IReadOnlyList<LinearConstraint> constraints, int variables, int variable)
        {
            if (Eliminate(constraints, variables, variable, out List<LinearConstraint> rest) != Feasibility.Feasible)
            {
                return null;
            }

            Rational? lo = null, hi = null;
            bool loStrict = false, hiStrict = false;
            foreach (LinearConstraint c in rest)
            {
                Rational a = c.Coefficients[variable];
                if (a.IsZero)
                {
                    continue;
                }

                Rational bound = -c.Constant / a;
                if (a.Sign > 0)
                {
                    if (lo is not Rational l || bound > l || (bound == l && c.Strict))
                    {
                        lo = bound;
                        loStrict = c.Strict;
                    }
                }
                else if (hi is not Rational h || bound < h || (bound == h && c.Strict))
                {
                    hi = bound;
                    hiStrict = c.Strict;
                }
            }

            if (lo is Rational a1 && hi is Rational b1 && (a1 > b1 || (a1 == b1 && (loStrict || hiStrict))))
            {
                return null;
            }

            return new Interval(lo, loStrict, hi, hiStrict);
        }

        private static Feasibility Eliminate(IReadOnlyList<LinearConstraint> constraints, int variables, int keep, out List<LinearConstraint> rest)
        {
            rest = new List<LinearConstraint>(constraints);
            for (int v = 0; v < variables; v++)
            {
                if (v == keep)
                {
                    continue;
                }

                var pos = new List<LinearConstraint>();
                var neg = new List<LinearConstraint>();
                var next = new Dictionary<string, LinearConstraint>();
                foreach (LinearConstraint c in rest)
                {
                    int s = c.Coefficients[v].Sign;
                    if (s > 0)
                    {
                        pos.Add(c);
                    }
                    else if (s < 0)
                    {
                        neg.Add(c);
                    }
                    else
                    {
                        Merge(next, c);
                    }
                }

                if ((long)pos.Count * neg.Count > MaxConstraints)
                {
                    return Feasibility.Unknown;
                }

                foreach (LinearConstraint p in pos)
                {
                    foreach (LinearConstraint n in neg)
                    {
                        Rational fp = -n.Coefficients[v], fn = p.Coefficients[v];
                        var coeffs = new Rational[variables];
                        for (int i = 0; i < variables; i++)
                        {
                            coeffs[i] = i == v ? Rational.Zero : (p.Coefficients[i] * fp) + (n.Coefficients[i] * fn);
                        }

                        Merge(next, new LinearConstraint(coeffs, (p.Constant * fp) + (n.Constant * fn), p.Strict || n.Strict));
                    }
                }

                rest = new List<LinearConstraint>(next.Values);
                foreach (LinearConstraint c in rest)
                {
                    if (c.IsConstant && !HoldsAsConstant(c))
                    {
                        return Feasibility.Infeasible;
                    }
                }
            }

            foreach (LinearConstraint c in rest)
            {
                if (c.IsConstant && !HoldsAsConstant(c))
                {
                    return Feasibility.Infeasible;
                }
            }

            return Feasibility.Feasible;
        }

        private static bool HoldsAsConstant(LinearConstraint c) => c.Strict ? c.Constant.Sign > 0 : c.Constant.Sign >= 0;

        /// <summary>Keeps one constraint per direction: the tighter one. Constant constraints that hold are dropped.</summary>
        private static void Merge(Dictionary<string, LinearConstraint> into, LinearConstraint c)
        {
            Rational scale = Rational.Zero;
            foreach (Rational a in c.Coefficients)
            {
                if (Rational.Abs(a) > scale)
                {
                    scale = Rational.Abs(a);
                }
            }

            if (scale.IsZero)
            {
                if (HoldsAsConstant(c))
                {
                    return;
                }

                into["!" + into.Count] = c;
                return;
            }

            var coeffs = new Rational[c.Coefficients.Length];
            var key = new StringBuilder();
            for (int i = 0; i < coeffs.Length; i++)
            {
                coeffs[i] = c.Coefficients[i] / scale;
                key.Append(coeffs[i]).Append(',');
            }

            var normal = new LinearConstraint(coeffs, c.Constant / scale, c.Strict);
            string k = key.ToString();
            if (!into.TryGetValue(k, out LinearConstraint? old) || normal.Constant < old.Constant || (normal.Constant == old.Constant && normal.Strict && !old.Strict))
            {
                into[k] = normal;
            }
        }
    }
}
