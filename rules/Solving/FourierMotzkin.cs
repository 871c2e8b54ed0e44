using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

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
    /// <remarks>
    /// Which constraints combine, and with what multipliers, depends only on the coefficients: the elimination is done once
    /// per coefficient matrix (a <see cref="Plan"/>), and each system with those coefficients only evaluates its constants
    /// through it. The tightest constant per direction is the same whichever rows are combined first (a combination's
    /// constant rises with each parent's), so the plan combines the tightest of each direction, as the elimination does.
    /// </remarks>
    public static class FourierMotzkin
    {
        public const int MaxConstraints = 4000;

        public static Feasibility Check(IReadOnlyList<LinearConstraint> constraints, int variables) =>
            Check(LinearSystem.From(constraints, variables), new Scratch());

        /// <summary>The projection onto one variable, or null when the constraints are infeasible (or too large to decide).</summary>
        public static Interval? Project(IReadOnlyList<LinearConstraint> constraints, int variables, int variable) =>
            Project(LinearSystem.From(constraints, variables), variable, new Scratch());

        internal static Feasibility Check(LinearSystem system, Scratch scratch) => PlanFor(system, -1, scratch).Evaluate(system.Constants, scratch);

        internal static Interval? Project(LinearSystem system, int variable, Scratch scratch)
        {
            Plan plan = PlanFor(system, variable, scratch);
            if (plan.Evaluate(system.Constants, scratch) != Feasibility.Feasible)
            {
                return null;
            }

            // Every other variable eliminated, the rows left bound this one alone: x + C ≥ 0 and −x + C ≥ 0.
            Rational[] values = scratch.Values;
            bool[] strict = scratch.Strict;
            Rational? lo = null, hi = null;
            bool loStrict = false, hiStrict = false;
            if (plan.Lower >= 0)
            {
                lo = -values[plan.Lower];
                loStrict = strict[plan.Lower];
            }

            if (plan.Upper >= 0)
            {
                hi = values[plan.Upper];
                hiStrict = strict[plan.Upper];
            }

            if (lo is Rational a1 && hi is Rational b1 && (a1 > b1 || (a1 == b1 && (loStrict || hiStrict))))
            {
                return null;
            }

            return new Interval(lo, loStrict, hi, hiStrict);
        }

        private const int MaxPlans = 2048;
        private static readonly ConcurrentDictionary<SystemKey, Plan> Plans = new ConcurrentDictionary<SystemKey, Plan>();
        private static int _planCount;

        private static Plan PlanFor(LinearSystem system, int keep, Scratch scratch)
        {
            SystemKey probe = scratch.Probe;
            probe.Set(system, keep, withConstants: false, null);
            if (Plans.TryGetValue(probe, out Plan? plan))
            {
                return plan;
            }

            SystemKey key = probe.Copy();
            plan = Plan.Compile(key);
            if (Interlocked.Increment(ref _planCount) > MaxPlans)
            {
                // A bound on memory for long runs over many shapes (counts tried value by value make many).
                Plans.Clear();
                Interlocked.Exchange(ref _planCount, 0);
            }

            return Plans.GetOrAdd(key, plan);
        }

        /// <summary>Room for a plan's values and a look-up key: one per caller at a time (the plans are shared).</summary>
        internal sealed class Scratch
        {
            [ThreadStatic]
            private static Scratch? _ofThread;

            /// <summary>This thread's scratch: each use lasts one call, which never calls back into a solver.</summary>
            public static Scratch OfThread => _ofThread ??= new Scratch();

            public SystemKey Probe { get; } = new SystemKey();

            public Rational[] Values = new Rational[16];

            public bool[] Strict = new bool[16];
        }

        private enum SourceKind : byte
        {
            /// <summary>A row's constant × Alpha, with the row's strictness.</summary>
            Row,

            /// <summary>Alpha × node A + Beta × node B, strict when either is.</summary>
            Pair,

            /// <summary>Node A unchanged (a direction without the variable eliminated).</summary>
            Copy,
        }

        private struct Source
        {
            public SourceKind Kind;
            public int A;
            public int B;
            public Rational Alpha;
            public Rational Beta;
            public bool Strict;
        }

        /// <summary>
        /// One elimination done on the coefficients: each node is a direction (normalised coefficients) whose constant is the
        /// least of its sources' (strict on a tie when one is); checks are the constant rows that must hold.
        /// </summary>
        private sealed class Plan
        {
            private Source[] _sources = new Source[0];
            private int[] _nodeStart = new int[0]; // node i's sources: [_nodeStart[i], _nodeStart[i + 1])
            private Source[] _checks = new Source[0];
            private int[] _stageNodeEnd = new int[0]; // stage s computes nodes up to _stageNodeEnd[s]; before it, the rows' nodes
            private int[] _stageCheckEnd = new int[0]; // stage s checks up to _stageCheckEnd[s]; stage 0's include the constant rows
            private int _inputNodes;
            private int _stages;
            private bool _unknown; // the elimination grows past its bound at stage _stages
            private int _nodes;

            public int Lower { get; private set; } = -1;

            public int Upper { get; private set; } = -1;

            public Feasibility Evaluate(Rational[] constants, Scratch scratch)
            {
                if (scratch.Values.Length < _nodes)
                {
                    scratch.Values = new Rational[_nodes * 2];
                    scratch.Strict = new bool[_nodes * 2];
                }

                Rational[] values = scratch.Values;
                bool[] strict = scratch.Strict;
                for (int i = 0; i < _inputNodes; i++)
                {
                    Node(i, constants, values, strict);
                }

                int node = _inputNodes, check = 0;
                for (int s = 0; s < _stages; s++)
                {
                    for (; node < _stageNodeEnd[s]; node++)
                    {
                        Node(node, constants, values, strict);
                    }

                    for (; check < _stageCheckEnd[s]; check++)
                    {
                        if (!Holds(_checks[check], constants, values, strict))
                        {
                            return Feasibility.Infeasible;
                        }
                    }
                }

                if (_unknown)
                {
                    return Feasibility.Unknown;
                }

                // Nothing eliminated: the constant rows are checked as they are.
                for (; check < _checks.Length; check++)
                {
                    if (!Holds(_checks[check], constants, values, strict))
                    {
                        return Feasibility.Infeasible;
                    }
                }

                return Feasibility.Feasible;
            }

            private void Node(int i, Rational[] constants, Rational[] values, bool[] strict)
            {
                Rational best = default;
                bool bestStrict = false;
                for (int k = _nodeStart[i]; k < _nodeStart[i + 1]; k++)
                {
                    Rational c = Value(_sources[k], constants, values, strict, out bool s);
                    if (k == _nodeStart[i] || c < best || (c == best && s && !bestStrict))
                    {
                        best = c;
                        bestStrict = s;
                    }
                }

                values[i] = best;
                strict[i] = bestStrict;
            }

            private static Rational Value(in Source src, Rational[] constants, Rational[] values, bool[] strict, out bool isStrict)
            {
                switch (src.Kind)
                {
                    case SourceKind.Row:
                        isStrict = src.Strict;
                        return constants[src.A] * src.Alpha;
                    case SourceKind.Pair:
                        isStrict = strict[src.A] || strict[src.B];
                        return (values[src.A] * src.Alpha) + (values[src.B] * src.Beta);
                    default:
                        isStrict = strict[src.A];
                        return values[src.A];
                }
            }

            private static bool Holds(in Source src, Rational[] constants, Rational[] values, bool[] strict)
            {
                Rational c = Value(src, constants, values, strict, out bool s);
                return s ? c.Sign > 0 : c.Sign >= 0;
            }

            public static Plan Compile(SystemKey key)
            {
                int vars = key.Variables;
                var plan = new Plan();
                var directions = new List<Rational[]>();
                var sources = new List<List<Source>>();
                var checks = new List<Source>();
                var stageNodeEnd = new List<int>();
                var stageCheckEnd = new List<int>();

                int NodeOf(Dictionary<Direction, int> nodes, Rational[] direction)
                {
                    var d = new Direction(direction, 0);
                    if (!nodes.TryGetValue(d, out int id))
                    {
                        id = directions.Count;
                        nodes[d] = id;
                        directions.Add(direction);
                        sources.Add(new List<Source>());
                    }

                    return id;
                }

                // The rows, each scaled to its direction; a row with no variable is a check.
                var inputs = new Dictionary<Direction, int>(DirectionComparer.Instance);
                var current = new List<int>();
                for (int r = 0; r < key.Count; r++)
                {
                    Rational scale = Rational.Zero;
                    for (int i = 0; i < vars; i++)
                    {
                        Rational a = Rational.Abs(key.Coefficients[(r * vars) + i]);
                        if (a > scale)
                        {
                            scale = a;
                        }
                    }

                    if (scale.IsZero)
                    {
                        checks.Add(new Source { Kind = SourceKind.Row, A = r, Alpha = Rational.One, Strict = key.Strict[r] });
                        continue;
                    }

                    var direction = new Rational[vars];
                    for (int i = 0; i < vars; i++)
                    {
                        direction[i] = key.Coefficients[(r * vars) + i] / scale;
                    }

                    int count = directions.Count;
                    int id = NodeOf(inputs, direction);
                    if (id == count)
                    {
                        current.Add(id);
                    }

                    sources[id].Add(new Source { Kind = SourceKind.Row, A = r, Alpha = Rational.One / scale, Strict = key.Strict[r] });
                }

                plan._inputNodes = directions.Count;
                for (int v = 0; v < vars; v++)
                {
                    if (v == key.Keep)
                    {
                        continue;
                    }

                    // The bound on the work counts what the elimination pairs: the rows themselves at first, then directions.
                    long pos = 0, neg = 0;
                    if (stageNodeEnd.Count == 0)
                    {
                        for (int r = 0; r < key.Count; r++)
                        {
                            int sign = key.Coefficients[(r * vars) + v].Sign;
                            pos += sign > 0 ? 1 : 0;
                            neg += sign < 0 ? 1 : 0;
                        }
                    }
                    else
                    {
                        foreach (int c in current)
                        {
                            int sign = directions[c][v].Sign;
                            pos += sign > 0 ? 1 : 0;
                            neg += sign < 0 ? 1 : 0;
                        }
                    }

                    if (pos * neg > MaxConstraints)
                    {
                        plan._unknown = true;
                        break;
                    }

                    var next = new Dictionary<Direction, int>(DirectionComparer.Instance);
                    var made = new List<int>();
                    int first = directions.Count;
                    foreach (int c in current)
                    {
                        if (directions[c][v].IsZero)
                        {
                            int id = NodeOf(next, directions[c]);
                            sources[id].Add(new Source { Kind = SourceKind.Copy, A = c });
                        }
                    }

                    foreach (int p in current)
                    {
                        if (directions[p][v].Sign <= 0)
                        {
                            continue;
                        }

                        foreach (int n in current)
                        {
                            if (directions[n][v].Sign >= 0)
                            {
                                continue;
                            }

                            Rational fp = -directions[n][v], fn = directions[p][v];
                            var coeffs = new Rational[vars];
                            Rational scale = Rational.Zero;
                            for (int i = 0; i < vars; i++)
                            {
                                coeffs[i] = i == v ? Rational.Zero : (directions[p][i] * fp) + (directions[n][i] * fn);
                                if (Rational.Abs(coeffs[i]) > scale)
                                {
                                    scale = Rational.Abs(coeffs[i]);
                                }
                            }

                            if (scale.IsZero)
                            {
                                checks.Add(new Source { Kind = SourceKind.Pair, A = p, B = n, Alpha = fp, Beta = fn });
                                continue;
                            }

                            for (int i = 0; i < vars; i++)
                            {
                                coeffs[i] /= scale;
                            }

                            int id = NodeOf(next, coeffs);
                            sources[id].Add(new Source { Kind = SourceKind.Pair, A = p, B = n, Alpha = fp / scale, Beta = fn / scale });
                        }
                    }

                    for (int id = first; id < directions.Count; id++)
                    {
                        made.Add(id);
                    }

                    current = made;
                    stageNodeEnd.Add(directions.Count);
                    stageCheckEnd.Add(checks.Count);
                }

                plan._stages = stageNodeEnd.Count;
                plan._stageNodeEnd = stageNodeEnd.ToArray();
                plan._stageCheckEnd = stageCheckEnd.ToArray();
                plan._checks = checks.ToArray();
                plan._nodes = directions.Count;
                plan._nodeStart = new int[directions.Count + 1];
                var flat = new List<Source>();
                for (int i = 0; i < directions.Count; i++)
                {
                    plan._nodeStart[i] = flat.Count;
                    flat.AddRange(sources[i]);
                }

                plan._nodeStart[directions.Count] = flat.Count;
                plan._sources = flat.ToArray();
                if (key.Keep >= 0 && !plan._unknown)
                {
                    foreach (int c in current)
                    {
                        if (directions[c][key.Keep].Sign > 0)
                        {
                            plan.Lower = c;
                        }
                        else if (directions[c][key.Keep].Sign < 0)
                        {
                            plan.Upper = c;
                        }
                    }
                }

                return plan;
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
