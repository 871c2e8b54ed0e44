using System.Collections.Generic;

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
                var next = new Dictionary<Direction, LinearConstraint>(DirectionComparer.Instance);
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
        private static void Merge(Dictionary<Direction, LinearConstraint> into, LinearConstraint c)
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

                into[new Direction(null, into.Count)] = c;
                return;
            }

            var coeffs = new Rational[c.Coefficients.Length];
            for (int i = 0; i < coeffs.Length; i++)
            {
                coeffs[i] = c.Coefficients[i] / scale;
            }

            var normal = new LinearConstraint(coeffs, c.Constant / scale, c.Strict);
            var k = new Direction(coeffs, 0);
            if (!into.TryGetValue(k, out LinearConstraint? old) || normal.Constant < old.Constant || (normal.Constant == old.Constant && normal.Strict && !old.Strict))
            {
                into[k] = normal;
            }
        }
    }

    /// <summary>A constraint's normalised coefficients (equal directions merge), or a unique id for a constant that fails.</summary>
    internal readonly struct Direction
    {
        public Direction(Rational[]? coefficients, int id)
        {
            Coefficients = coefficients;
            Id = id;
        }

        public Rational[]? Coefficients { get; }

        public int Id { get; }
    }

    internal sealed class DirectionComparer : IEqualityComparer<Direction>
    {
        public static readonly DirectionComparer Instance = new DirectionComparer();

        public bool Equals(Direction a, Direction b)
        {
            if (a.Coefficients == null || b.Coefficients == null)
            {
                return a.Coefficients == null && b.Coefficients == null && a.Id == b.Id;
            }

            if (a.Coefficients.Length != b.Coefficients.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Coefficients.Length; i++)
            {
                if (!a.Coefficients[i].Equals(b.Coefficients[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(Direction d)
        {
            if (d.Coefficients == null)
            {
                return d.Id;
            }

            int h = 17;
            foreach (Rational r in d.Coefficients)
            {
                h = (h * 31) + r.GetHashCode();
            }

            return h;
        }
    }
}
