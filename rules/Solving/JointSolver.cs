using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Threading;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Timing;

namespace ElectionLint.Rules.Solving
{
    /// <summary>
    /// Solves one configuration's joint model exactly: whether any configuration satisfies the profile (EL2031), and
    /// for each finding the repairs — one setting, else several together — with values people write, each verified by
    /// evaluating every rule again.
    /// </summary>
    internal sealed class JointSolver
    {
        /// <summary>Tuning findings that EL2031 stands for when the profile cannot be met.</summary>
        public static readonly string[] ReplacedByConflict = { "EL2010", "EL2020", "EL2030" };

        private const int MaxVerifications = 48;
        private const int MaxProjections = 400;
        private const int MaxCombinations = 64;
        private const int MaxConflictCombinations = 4096;
        private const int MaxBranchNodes = 4096;
        private const int MaxMultiples = 64;

        private readonly EvaluationContext _ctx;
        private readonly ModelConstraint[] _constraints;
        private readonly CompiledModel _compiled;
        private Rational?[]? _products;
        private SystemModel? _textModel;
        [ThreadStatic]
        private static Stack<LinearSystem>? _spare; // systems Linearize may fill again, kept across solvers of one thread

        private static Stack<LinearSystem> Spare => _spare ??= new Stack<LinearSystem>(16);

        private static FourierMotzkin.Scratch Scratch => FourierMotzkin.Scratch.OfThread;
        private SystemKey? _stepsKey;
        private Rational[]? _assignedExact; // Linearize's assigned values as fractions
        private int[]? _varOf; // Linearize's variable of each setting
        private readonly IReadOnlyDictionary<string, RuleSeverity>? _severities;
        private readonly SystemDefinition _sys;
        private readonly int[][] _settingsOf;
        private readonly bool[] _changeable;
        private readonly bool[] _enumerated;
        private readonly bool[] _untunableOnly;
        private readonly Rational?[] _values;
        private int _verifications;
        private int _projections;

        /// <param name="share">False for a one-off profile (a trial budget): its compiled model is not kept.</param>
        public JointSolver(EvaluationContext ctx, IReadOnlyDictionary<string, RuleSeverity>? severities, bool share = true)
        {
            _ctx = ctx;
            _severities = severities;
            _sys = ctx.System;
            CompiledModel compiled = CompiledModel.For(ctx, severities, share);
            _constraints = compiled.Constraints;
            _settingsOf = compiled.SettingsOf;
            _untunableOnly = compiled.UntunableOnly;
            _enumerated = compiled.Enumerated;
            _compiled = compiled;
            _values = Linearizer.Values(ctx);
            int n = _sys.Settings.Count;
            _changeable = new bool[n];
            for (int i = 0; i < n; i++)
            {
                SettingDefinition s = _sys.Settings[i];
                SettingOccurrence? o = ctx.Instance[i];
                // An infinite Azure lease (-1) has no finite value, but a finite one can be written in its place.
                bool infinite = s.NegativeMeansInfinite && o?.State == OccurrenceState.Set && o.Value.Number < 0m;
                _changeable[i] = SystemModel.IsNumeric(s) && s.Tunable && (ctx.ValueAt(i) != null || infinite) &&
                    (o == null ? ctx.IsDefaultIndex(i) : o.State == OccurrenceState.Set);
            }
        }

        /// <summary>Null when some configuration satisfies every rule under the profile (or that cannot be decided).</summary>
        public ProfileConflict? FindConflict()
        {
            (bool[] free, List<int> factors) = Frame();
            return IsInfeasible(free, factors) ? Explain(free, factors) : null;
        }

        /// <summary>The settings the model may vary (free) and, of them, the counts and fractions tried value by value.</summary>
        private (bool[] Free, List<int> Factors) Frame()
        {
            int n = _sys.Settings.Count;
            var free = new bool[n];
            for (int i = 0; i < n; i++)
            {
                SettingOccurrence? o = _ctx.Instance[i];
                free[i] = SystemModel.IsNumeric(_sys.Settings[i]) && _sys.Settings[i].Tunable && (_changeable[i] || o?.State == OccurrenceState.Unknown);
            }

            return (free, Enumerable.Range(0, n).Where(i => free[i] && _enumerated[i]).ToList());
        }

        /// <summary>Whether no tried value of the counts and fractions leaves the constraints in <paramref name="include"/> (all by default) satisfiable.</summary>
        private bool IsInfeasible(bool[] free, List<int> factors, Func<int, bool>? include = null)
        {
            bool any = false;
            foreach (decimal?[] combo in Combinations(factors, nearCurrent: false))
            {
                LinearSystem lin = Linearize(free, combo, include ?? IncludeAll, soft: false);
                bool infeasible = Infeasible(lin, free, combo);
                Release(lin);
                if (!infeasible)
                {
                    return false;
                }

                any = true;
            }

            return any;
        }

        /// <summary>Repairs for one finding, best first; empty when none is found.</summary>
        public List<RepairPlan> FindRepairs(PendingFinding finding, IReadOnlyList<PendingFinding> all, HashSet<(string, int)> before, ProfileConflict? conflict)
        {
            List<RepairPlan> plans = FindRepairsCore(finding, all, before, conflict);
            if (finding.Primary < 0 || plans.Count == 0)
            {
                return plans;
            }

            // A value the system refuses goes back to the system's default when that alone clears it and every other rule
            // holds: the value its designers run with, not the least change that passes. The same for any other finding on
            // that value, so the repair does not depend on which of its findings is fixed first.
            if (IsRefused(finding, all) && _changeable[finding.Primary] &&
                DefaultOf(finding.Primary) is decimal d && d > 0m && d != _ctx.ValueAt(finding.Primary))
            {
                var assigned = new decimal?[_sys.Settings.Count];
                assigned[finding.Primary] = d;
                if (Verify(new[] { finding.Primary }, assigned, finding, before, conflict) is RepairPlan p)
                {
                    plans.RemoveAll(q => q.Describe() == p.Describe());
                    plans.Insert(0, p);
                }
            }

            // A value off its step (15.5s for whole seconds): both neighbours on the step are repairs people choose between.
            SettingDefinition s = _sys.Settings[finding.Primary];
            if (s.StepRule == finding.Rule.Id && _changeable[finding.Primary] && _ctx.ValueAt(finding.Primary) is decimal v &&
                StepFor(s, new decimal?[_sys.Settings.Count]) is decimal step && step > 0m)
            {
                foreach (decimal neighbour in new[] { decimal.Floor(v / step) * step, decimal.Ceiling(v / step) * step })
                {
                    var assigned = new decimal?[_sys.Settings.Count];
                    assigned[finding.Primary] = neighbour;
                    if (neighbour > 0m && neighbour != v && Verify(new[] { finding.Primary }, assigned, finding, before, conflict) is RepairPlan p &&
                        !plans.Any(q => q.Describe() == p.Describe()))
                    {
                        plans.Add(p);
                    }
                }
            }

            return plans;
        }

        private List<RepairPlan> FindRepairsCore(PendingFinding finding, IReadOnlyList<PendingFinding> all, HashSet<(string, int)> before, ProfileConflict? conflict)
        {
            _verifications = 0;
            _projections = 0;
            var current = new decimal?[_sys.Settings.Count];
            bool[] include = new bool[_constraints.Length];
            LinearSystem now = Linearize(new bool[_sys.Settings.Count], current, IncludeAll, soft: true);
            var violated = new bool[_constraints.Length];
            for (int k = 0; k < now.Count; k++)
            {
                violated[now.Source(k)] = !now.HoldsAsConstant(k);
            }

            Release(now);

            for (int i = 0; i < include.Length; i++)
            {
                ModelConstraint c = _constraints[i];
                bool mine = c.RuleId == finding.Rule.Id && (finding.Primary < 0 || _settingsOf[i].Contains(finding.Primary));
                // EL2031 stands for the profile's floors and budget, so they bind no repair; nor do other findings' own rules.
                bool others = !mine &&
                    ((conflict != null && ReplacedByConflict.Contains(c.RuleId)) ||
                     (violated[i] && all.Any(g => g != finding && g.Rule.Id == c.RuleId && (g.Primary < 0 || _settingsOf[i].Contains(g.Primary)))));
                // A margin the configuration lacks today binds only the repair of that rule's own finding.
                include[i] = !others && !(c.IsHeadroom && violated[i] && !mine);
            }

            // Prefer repairs that leave the whole configuration clean; then those that only leave the other findings.
            bool[] everything = Enumerable.Repeat(true, include.Length).ToArray();
            var stages = include.All(i => i) ? new[] { everything } : new[] { everything, include };
            int[] candidates = Order(finding).ToArray();
            var plans = new List<RepairPlan>();
            // First with the soft constraints (headroom, the ratio ceiling) however many settings that takes, then without.
            foreach (bool soft in new[] { true, false })
            {
                _verifications = 0;
                _projections = 0;
                for (int size = 1; size <= Math.Min(4, candidates.Length); size++)
                {
                    foreach (bool[] set in stages)
                    {
                        foreach (int[] subset in Subsets(candidates, size))
                        {
                            if (Solve(subset, set, finding, before, conflict, soft) is RepairPlan p && !plans.Any(q => q.Describe() == p.Describe()))
                            {
                                plans.Add(p);
                            }

                            if ((size > 1 && plans.Count == 2) || _verifications >= MaxVerifications * 4)
                            {
                                break;
                            }
                        }

                        if (plans.Count > 0)
                        {
                            return plans;
                        }
                    }
                }
            }

            if (conflict == null && WitnessRepair(finding, before, conflict) is RepairPlan w)
            {
                plans.Add(w);
            }

            return plans;
        }

        /// <summary>
        /// A configuration the model accepts, as a repair, when the search near the current values finds none: the
        /// feasibility search proves one exists (at EL2031's least budget the only ones can be far from any default), so
        /// one is built on the steps the system reads and verified like any repair. Computed once per configuration.
        /// </summary>
        private RepairPlan? WitnessRepair(PendingFinding finding, HashSet<(string, int)> before, ProfileConflict? conflict)
        {
            if (!_witnessTried)
            {
                _witnessTried = true;
                _witness = FindWitness();
            }

            if (_witness == null)
            {
                return null;
            }

            int[] subset = Enumerable.Range(0, _sys.Settings.Count).Where(i => _witness[i] is decimal v && v != _ctx.ValueAt(i)).ToArray();
            return subset.Length == 0 ? null : Verify(subset, _witness, finding, before, conflict);
        }

        private bool _witnessTried;
        private decimal?[]? _witness;

        /// <summary>
        /// The first configuration (with the margins, else without) over the counts tried in the feasibility search's order,
        /// each other setting on its step and as near its current value as the constraints allow; null when none is found.
        /// </summary>
        private decimal?[]? FindWitness()
        {
            (bool[] free, List<int> factors) = Frame();
            for (int i = 0; i < free.Length; i++)
            {
                free[i] &= _changeable[i];
            }

            factors = factors.Where(i => free[i]).ToList();
            int nodes = MaxBranchNodes;
            foreach (bool soft in new[] { true, false })
            {
                foreach (decimal?[] combo in Combinations(factors, nearCurrent: false))
                {
                    LinearSystem lin = Linearize(free, combo, IncludeAll, soft);
                    int vars = lin.Variables;
                    if (FourierMotzkin.Check(lin, Scratch) != Feasibility.Feasible)
                    {
                        continue;
                    }

                    var settingOf = new int[vars];
                    var steps = new decimal[vars];
                    var targets = new decimal[vars];
                    for (int i = 0, v = 0; i < free.Length; i++)
                    {
                        if (free[i] && combo[i] == null)
                        {
                            SettingDefinition s = _sys.Settings[i];
                            decimal step = s.Step is decimal st && s.StepRule != null && Evaluator.IsOn(s.StepRule, _severities) ? st : 0m;
                            step = Math.Max(step, s.Granularity);
                            if (_ctx.Instance[i]?.UnitNanos is long unit && unit > step)
                            {
                                step = unit; // written in a coarser unit (Kafka's ms): only its multiples can be written back
                            }

                            settingOf[v] = i;
                            steps[v] = step;
                            targets[v] = _ctx.ValueAt(i) is decimal cur && cur > 0m ? cur : DefaultOf(i) ?? 0m;
                            v++;
                        }
                    }

                    bool Writable(int v, decimal x)
                    {
                        SettingDefinition s = _sys.Settings[settingOf[v]];
                        return (x > 0m || (x == 0m && s.ZeroAllowed)) && CanWrite(s, _ctx.Instance[settingOf[v]], x);
                    }

                    if (Point(lin, new decimal?[vars], steps, targets, Writable, ref nodes) is decimal?[] point)
                    {
                        var assigned = new decimal?[combo.Length];
                    Array.Copy(combo, assigned, combo.Length);
                        for (int v = 0; v < vars; v++)
                        {
                            assigned[settingOf[v]] = point[v];
                        }

                        return assigned;
                    }

                    if (nodes <= 0)
                    {
                        return null;
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The multiples first..last of a step to try: round values (one significant digit, then two, three) nearest the
        /// target first, then the step nearest the target, the ends, and outwards from the target.
        /// </summary>
        private static IEnumerable<decimal> WitnessValues(BigInteger first, BigInteger last, decimal step, decimal target)
        {
            decimal lo = (decimal)first * step, hi = (decimal)last * step;
            double t0 = (double)Math.Max(target, step);
            var seen = new HashSet<decimal>();
            for (int digits = 1; digits <= 3; digits++)
            {
                foreach (decimal v in Nice(digits, lo, hi).Where(v => v >= lo && v <= hi && v % step == 0m).OrderBy(v => Math.Abs(Math.Log((double)v / t0))).Take(8))
                {
                    if (seen.Add(v))
                    {
                        yield return v;
                    }
                }
            }

            BigInteger t = BigInteger.Min(last, BigInteger.Max(first, new BigInteger(decimal.Round(target / step))));
            var order = new List<BigInteger> { t, first, last };
            for (int d = 1; order.Count < MaxMultiples && (t - d >= first || t + d <= last); d++)
            {
                order.AddRange(new[] { t + d, t - d }.Where(k => k >= first && k <= last));
            }

            foreach (BigInteger k in order)
            {
                if (seen.Add((decimal)k * step))
                {
                    yield return (decimal)k * step;
                }
            }
        }

        /// <summary>
        /// A point of the constraints with every variable on its step: the variable whose range holds the fewest steps is
        /// fixed first, at the step nearest its target, then the bounds, then outwards; depth-first within a node budget.
        /// </summary>
        private decimal?[]? Point(LinearSystem lin, decimal?[] at, decimal[] steps, decimal[] targets, Func<int, decimal, bool> writable, ref int nodes)
        {
            int vars = lin.Variables;
            int best = -1;
            BigInteger fewest = 0;
            BigInteger first = 0, last = 0;
            Interval? bestIv = null;
            for (int j = 0; j < vars; j++)
            {
                if (at[j] != null)
                {
                    continue;
                }

                if (FourierMotzkin.Project(lin, j, Scratch) is not Interval iv)
                {
                    return null;
                }

                Rational g = Rational.Of(steps[j] > 0m ? steps[j] : 1m);
                BigInteger a = iv.Lower is Rational lo ? (lo / g).Ceiling() : BigInteger.One;
                if (iv.Lower is Rational l && iv.LowerStrict && Rational.Of(a) * g == l)
                {
                    a += 1;
                }

                BigInteger b = iv.Upper is Rational hi ? -(-(hi / g)).Ceiling() : BigInteger.Max(a, new BigInteger(decimal.Round(targets[j] / (steps[j] > 0m ? steps[j] : 1m)))) * 2 + 1;
                if (iv.Upper is Rational u && iv.UpperStrict && Rational.Of(b) * g == u)
                {
                    b -= 1;
                }

                if (b < a)
                {
                    return null;
                }

                if (best < 0 || b - a < fewest)
                {
                    (best, fewest, first, last, bestIv) = (j, b - a, a, b, iv);
                }
            }

            if (best < 0)
            {
                return FourierMotzkin.Check(lin, Scratch) == Feasibility.Feasible ? at : null;
            }

            foreach (decimal x in WitnessValues(first, last, steps[best] > 0m ? steps[best] : 1m, targets[best]).Take(MaxMultiples))
            {
                if (!writable(best, x))
                {
                    continue;
                }

                if (--nodes < 0)
                {
                    return null;
                }

                LinearSystem fixedAt = lin.Substitute(best, Rational.Of(x), keepColumn: true);
                var next = (decimal?[])at.Clone();
                next[best] = x;
                if (Point(fixedAt, next, steps, targets, writable, ref nodes) is decimal?[] p)
                {
                    return p;
                }
            }

            return null;
        }

        private static bool IncludeAll(int i) => true;

        private static bool IsRefused(PendingFinding finding, IReadOnlyList<PendingFinding> all)
        {
            foreach (PendingFinding f in all)
            {
                if (f.Primary == finding.Primary && f.Rule.Category == RuleCategory.HardLimit)
                {
                    return true;
                }
            }

            return finding.Rule.Category == RuleCategory.HardLimit;
        }

        /// <summary>The value a setting takes when unwritten (the component's or variant's default first).</summary>
        private decimal? DefaultOf(int i)
        {
            if (_ctx.Instance.TryGetDefault(i, out decimal? component))
            {
                return component;
            }

            try
            {
                return _ctx.VariantDefault(_sys.Settings[i].Id) ?? _ctx.Eval(_sys.Settings[i].Default);
            }
            catch (ArithmeticException)
            {
                return null;
            }
        }

        /// <summary>The settings a repair may change: the finding's own first, written before unwritten.</summary>
        private IEnumerable<int> Order(PendingFinding f)
        {
            var order = new List<int>();
            var last = new HashSet<int>(_sys.ChangeLast.Select(_sys.IndexOf));
            void Add(int i)
            {
                if (i >= 0 && _changeable[i] && !order.Contains(i) && !last.Contains(i))
                {
                    order.Add(i);
                }
            }

            // A detection timeout too long for its heartbeat: raising the heartbeat keeps the tolerance to a slow leader.
            if (f.Rule.Id == "EL2002" && _sys.Heartbeat?.SingleSetting is string heartbeat)
            {
                Add(_sys.IndexOf(heartbeat));
            }

            Add(f.Primary);
            foreach (int r in f.Related)
            {
                Add(r);
            }

            for (int i = 0; i < _sys.Settings.Count; i++)
            {
                if (_ctx.Instance[i] != null)
                {
                    Add(i);
                }
            }

            for (int i = 0; i < _sys.Settings.Count; i++)
            {
                Add(i);
            }

            foreach (int i in last)
            {
                if (_changeable[i] && !order.Contains(i))
                {
                    order.Add(i);
                }
            }

            return order;
        }

        private static IEnumerable<int[]> Subsets(int[] items, int size)
        {
            var idx = new int[size];
            for (int i = 0; i < size; i++)
            {
                idx[i] = i;
            }

            while (true)
            {
                var subset = new int[size];
                for (int i = 0; i < size; i++)
                {
                    subset[i] = items[idx[i]];
                }

                yield return subset;
                int k = size - 1;
                while (k >= 0 && idx[k] == items.Length - size + k)
                {
                    k--;
                }

                if (k < 0)
                {
                    yield break;
                }

                idx[k]++;
                for (int j = k + 1; j < size; j++)
                {
                    idx[j] = idx[j - 1] + 1;
                }
            }
        }

        private RepairPlan? Solve(int[] subset, bool[] include, PendingFinding finding, HashSet<(string, int)> before, ProfileConflict? conflict, bool soft)
        {
            var factors = new List<int>(subset.Length);
            var linear = new List<int>(subset.Length);
            foreach (int i in subset)
            {
                (_enumerated[i] ? factors : linear).Add(i);
            }

            linear.Sort((a, b) => Rank(a).CompareTo(Rank(b)));
            {
                foreach (decimal?[] combo in Combinations(factors, nearCurrent: true))
                {
                    var extra = new List<ModelConstraint>();
                    if (linear.Count > 1 && RatioPreference(linear, combo, include, soft) is ModelConstraint ratio)
                    {
                        extra.Add(ratio);
                    }

                    var assigned = new decimal?[combo.Length];
                    Array.Copy(combo, assigned, combo.Length);
                    if (Assign(linear, 0, assigned, include, extra, soft, subset, finding, before, conflict) is RepairPlan p)
                    {
                        return p;
                    }

                    if (_verifications >= MaxVerifications || _projections >= MaxProjections)
                    {
                        return null;
                    }
                }
            }

            return null;
        }

        /// <summary>Heartbeats first (a timeout's step and target follow them), then the detection timeout, then the rest.</summary>
        private int Rank(int i)
        {
            SettingDefinition s = _sys.Settings[i];
            if (_sys.Heartbeat?.SingleSetting == s.Id || s.Role == SettingRole.Heartbeat)
            {
                return 0;
            }

            return _sys.Detection?.SingleSetting == s.Id ? 1 : 2;
        }

        /// <summary>
        /// Detection ≥ r × heartbeat for the largest r from the recommended ratio down that still leaves a solution: the
        /// margin the guidance asks for where the budget allows, otherwise the largest that fits.
        /// </summary>
        private ModelConstraint? RatioPreference(List<int> free, decimal?[] combo, bool[] include, bool soft)
        {
            if (_sys.RecommendedRatio is not decimal rec || _sys.Heartbeat == null || _sys.RatioQuantity == null)
            {
                return null;
            }

            decimal min = _sys.MinRatio ?? 1m;
            var freeMask = new bool[_sys.Settings.Count];
            foreach (int i in free)
            {
                freeMask[i] = true;
            }

            for (decimal r = rec; r > min; r -= 1m)
            {
                var c = new ModelConstraint("", ConstraintKind.Soft, _sys.RatioQuantity, Comparison.AtLeast, r, _sys.Heartbeat, string.Empty);
                LinearSystem lin = Linearize(freeMask, combo, i => include[i], soft, new[] { c });
                Feasibility f = FourierMotzkin.Check(lin, Scratch);
                Release(lin);
                if (f == Feasibility.Feasible)
                {
                    return c;
                }
            }

            return null;
        }

        private RepairPlan? Assign(List<int> order, int k, decimal?[] assigned, bool[] include, List<ModelConstraint> extra, bool soft, int[] subset, PendingFinding finding, HashSet<(string, int)> before, ProfileConflict? conflict)
        {
            if (k == order.Count)
            {
                // Only a point the model accepts is worth evaluating every rule for.
                LinearSystem fixedPoint = Linearize(new bool[_sys.Settings.Count], assigned, i => include[i], soft, extra);
                Feasibility f = FourierMotzkin.Check(fixedPoint, Scratch);
                Release(fixedPoint);
                return f == Feasibility.Infeasible ? null : Verify(subset, assigned, finding, before, conflict);
            }

            if (++_projections > MaxProjections)
            {
                return null;
            }

            int x = order[k];
            var free = new bool[_sys.Settings.Count];
            for (int j = k; j < order.Count; j++)
            {
                free[order[j]] = true;
            }

            LinearSystem lin = Linearize(free, assigned, i => include[i], soft, extra);
            int variable = _varOf![x]; // Linearize's map of these settings
            Interval? iv = FourierMotzkin.Project(lin, variable, Scratch);
            Release(lin);
            if (iv == null)
            {
                return null;
            }

            int tries = 0;
            foreach (decimal v in Candidates(x, iv, Target(x, assigned, iv), assigned))
            {
                assigned[x] = v;
                if (Assign(order, k + 1, assigned, include, extra, soft, subset, finding, before, conflict) is RepairPlan p)
                {
                    return p;
                }

                assigned[x] = null;
                if (++tries >= 4 || _verifications >= MaxVerifications || _projections >= MaxProjections)
                {
                    break;
                }
            }

            return null;
        }

        private RepairPlan? Verify(int[] subset, decimal?[] assigned, PendingFinding finding, HashSet<(string, int)> before, ProfileConflict? conflict)
        {
            _verifications++;
            var changes = new List<(int, decimal)>();
            foreach (int i in subset)
            {
                if (assigned[i] is decimal v && v != _ctx.ValueAt(i))
                {
                    changes.Add((i, v));
                }
            }

            if (changes.Count != subset.Length)
            {
                return null; // a smaller repair covers it
            }

            ConfigurationInstance changed = _ctx.Instance.With(changes);
            foreach ((string Rule, int Setting) key in Evaluator.Keys(changed, _ctx.Profile, _severities, conflict))
            {
                if ((key.Rule == finding.Rule.Id && key.Setting == finding.Primary) || !before.Contains(key))
                {
                    return null;
                }
            }

            var list = new List<SettingChange>();
            foreach ((int i, decimal v) in changes)
            {
                SettingOccurrence? o = _ctx.Instance[i];
                SettingDefinition s = _sys.Settings[i];
                list.Add(new SettingChange(s, v, Write(s, o, v)!, o, _ctx.Instance.NameOf(i), _ctx.Instance.FormatFor(s)));
            }

            return new RepairPlan(list);
        }

        private static string? Write(SettingDefinition s, SettingOccurrence? o, decimal v) =>
            o != null ? SettingValues.Write(v, o.Format, o.UnitNanos) : SettingValues.Write(v, s.Format);

        private static bool CanWrite(SettingDefinition s, SettingOccurrence? o, decimal v) =>
            o != null ? SettingValues.CanWrite(v, o.Format, o.UnitNanos) : SettingValues.CanWrite(v, s.Format);

        /// <summary>
        /// Where a value should land: the current value, or the system's default in place of a value it refuses (≤ 0);
        /// but a timeout or heartbeat whose ratio is off (or whose partner changes) aims at the guidance's ratio.
        /// </summary>
        private decimal Target(int x, decimal?[] assigned, Interval iv)
        {
            SettingDefinition s = _sys.Settings[x];
            decimal current = _ctx.ValueAt(x) ?? (iv.Upper ?? iv.Lower)?.ToDecimal() ?? 0m;
            // A refused value aims at the variant's own default (Nomad's raft_multiplier 1, not Consul's 5).
            decimal target = current > 0m ? current : s.RepairHint is decimal hint ? hint : _ctx.VariantDefault(s.Id) is decimal own ? own : s.Default?.SingleSetting == null && s.Default?.Terms.Count == 1 && s.Default.Terms[0].SettingIndex < 0 ? s.Default.Terms[0].Coefficient : current;
            string? hb = _sys.Heartbeat?.SingleSetting, det = _sys.RatioQuantity?.SingleSetting;
            if (_sys.RecommendedRatio is decimal r && hb != null && det != null)
            {
                int h = _sys.IndexOf(hb), d = _sys.IndexOf(det);
                decimal? hNow = _ctx.ValueAt(h), dNow = _ctx.ValueAt(d);
                bool off = hNow is decimal a && dNow is decimal b && a > 0m &&
                    ((_sys.MinRatio is decimal min && b < min * a) || (_sys.MaxRatio is decimal max && b > max * a));
                if (x == d && (assigned[h] ?? hNow) is decimal hv && (off || assigned[h] != null))
                {
                    target = r * hv;
                }
                else if (x == h && (assigned[d] ?? dNow) is decimal dv && (off || assigned[d] != null))
                {
                    target = dv / r;
                }
            }

            // A randomised range that is too narrow aims at the recommended width.
            if (_sys.RandomRange is (string lowerId, string upperId) && _sys.RecommendedRangeFactor is decimal wide && x == _sys.IndexOf(upperId) &&
                (assigned[_sys.IndexOf(lowerId)] ?? _ctx.ValueAt(_sys.IndexOf(lowerId))) is decimal lower && (current < 1.5m * lower || assigned[_sys.IndexOf(lowerId)] != null))
            {
                target = wide * lower;
            }

            if (iv.Lower is Rational lo && Rational.Of(target) < lo)
            {
                target = lo.ToDecimal();
            }

            if (iv.Upper is Rational hi && Rational.Of(target) > hi)
            {
                target = hi.ToDecimal();
            }

            return target > 0m ? target : Math.Max(s.Granularity, 1m);
        }

        private static readonly Rational SkipLimit = Rational.Of(1e24m);

        /// <summary>The longest duration a value holds (Duration: a long of nanoseconds); no timeout is repaired to more.</summary>
        private const decimal MaxDurationNanos = long.MaxValue;

        private static readonly decimal[] Ladder = { 1m, 1.2m, 1.5m, 2m, 2.5m, 3m, 4m, 5m, 6m, 8m };
        private static readonly decimal[] Fractions = { 0.5m, 0.4m, 0.3m, 0.25m, 0.2m, 0.1m, 0.6m, 0.75m, 0.8m, 0.9m };

        /// <summary>Values inside the interval people would write, roundest first, each level nearest the target first.</summary>
        private IEnumerable<decimal> Candidates(int x, Interval iv, decimal target, decimal?[] assigned)
        {
            SettingDefinition s = _sys.Settings[x];
            SettingOccurrence? o = _ctx.Instance[x];
            decimal? step = StepFor(s, assigned);
            decimal current = _ctx.ValueAt(x) ?? decimal.MinValue;
            var seen = new List<decimal>(8); // the values yielded: a handful

            // What a value must be, its text aside: a value that fails once fails again, so only yielded values need remembering.
            bool Fits(decimal v) => FitsAt(v, Rational.Of(v));

            bool FitsAt(decimal v, Rational exact)
            {
                if (v == current || !iv.Contains(exact) || (v < 0m) || (v == 0m && !s.ZeroAllowed))
                {
                    return false;
                }

                if (s.Granularity > 0m && v % s.Granularity != 0m)
                {
                    return false;
                }

                return step is not decimal st || st <= 0m || v % st == 0m;
            }

            bool Ok(decimal v)
            {
                if (!Fits(v) || seen.Contains(v) || !CanWrite(s, o, v))
                {
                    return false;
                }

                seen.Add(v);
                return true;
            }

            if (s.ZeroAllowed && Ok(0m) && (iv.Upper is Rational u && u < Rational.Of(Math.Max(s.Granularity, 1m) * 1000m)))
            {
                yield return 0m;
            }

            if (s.Role == SettingRole.Count)
            {
                decimal start = decimal.Round(target);
                for (int d = 0; d < 40; d++)
                {
                    foreach (decimal v in new[] { start + d, start - d })
                    {
                        if (v > 0m && Ok(v))
                        {
                            yield return v;
                        }
                    }
                }

                yield break;
            }

            if (s.Role == SettingRole.Fraction)
            {
                foreach (decimal v in Fractions.OrderBy(f => Math.Abs(f - target)))
                {
                    if (Ok(v))
                    {
                        yield return v;
                    }
                }

                yield break;
            }

            decimal unit = Math.Max(s.Granularity, 1m);
            decimal lo = iv.Lower is Rational l ? Math.Max(l.ToDecimal(), unit) : unit;
            decimal hi = iv.Upper is Rational h ? h.ToDecimal() : Math.Max(target, lo) * 1000m;
            if (lo > MaxDurationNanos)
            {
                yield break; // past 292 years (review-2026-12 N14: an extreme profile once cost 150 ms a configuration here)
            }

            hi = Math.Min(hi, MaxDurationNanos);
            double t0 = (double)target;
            // A value below the interval never fits: one below this whole number is passed over unexamined.
            decimal? below = iv.Lower is Rational least && least.Sign > 0 && least < SkipLimit ? decimal.Floor(least.ToDecimal()) - 1m : null;
            var level = new List<(double Distance, int Index, decimal Value)>();
            for (int digits = 1; digits <= 3; digits++)
            {
                // Only values that fit are ordered (nearest the target first, ties in ladder order): the same order, less sorting.
                level.Clear();
                foreach (decimal v in Nice(digits, lo, hi, below))
                {
                    if (v < below)
                    {
                        continue;
                    }

                    Rational exact = Rational.Of(v);
                    if (iv.Upper is Rational up && exact > up)
                    {
                        break; // Nice rises: nothing after this fits either
                    }

                    if (FitsAt(v, exact))
                    {
                        level.Add((Math.Abs(Math.Log((double)v / t0)), level.Count, v));
                    }
                }

                level.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Index.CompareTo(b.Index));
                foreach ((double _, int _, decimal v) in level)
                {
                    if (Ok(v))
                    {
                        yield return v;
                    }
                }
            }

            // Whole steps next to the target: the finest values the system (and its step rule) represents.
            decimal g = step is decimal st2 && st2 > unit ? st2 : unit;
            decimal t = Math.Min(Math.Max(target, lo), hi);
            foreach (decimal v in new[] { decimal.Ceiling(t / g) * g, decimal.Floor(t / g) * g, decimal.Ceiling(lo / g) * g, decimal.Floor(hi / g) * g })
            {
                if (Ok(v))
                {
                    yield return v;
                }
            }
        }

        /// <summary>Numbers with <paramref name="digits"/> significant digits in [lo, hi] (the 1-2-2.5-5 ladder for one digit), rising.</summary>
        /// <param name="from">When set, the first decade's numbers of two or three digits start at the last below it (the rest are not made).</param>
        private static IEnumerable<decimal> Nice(int digits, decimal lo, decimal hi, decimal? from = null)
        {
            if (hi < lo || hi <= 0m)
            {
                yield break;
            }

            decimal decade = 1m;
            while (decade * 10m <= lo && decade < 1e24m)
            {
                decade *= 10m;
            }

            while (decade > lo && decade > 1e-6m)
            {
                decade /= 10m;
            }

            decimal scale = digits == 1 ? 1m : digits == 2 ? 10m : 100m;
            for (int k = 0; k < 30 && decade <= hi && decade < 1e24m; k++, decade *= 10m)
            {
                if (digits == 1)
                {
                    foreach (decimal m in Ladder)
                    {
                        yield return m * decade;
                    }
                }
                else
                {
                    decimal first = scale;
                    if (k == 0 && from is decimal f && f > 0m && f < 1e24m && decade >= 1m)
                    {
                        // m × decade ÷ scale < from for every m below the ceiling (exact: from × scale ≤ 10²⁶).
                        first = Math.Max(scale, decimal.Ceiling(f * scale / decade) - 1m);
                    }

                    for (decimal m = first; m < scale * 10m; m++)
                    {
                        yield return m * decade / scale;
                    }
                }
            }
        }

        /// <summary>The step a step rule asks of this setting (whole seconds, whole heartbeats), when that rule is on.</summary>
        private decimal? StepFor(SettingDefinition s, decimal?[] assigned)
        {
            if (s.StepRule == null || !Evaluator.IsOn(s.StepRule, _severities))
            {
                return null;
            }

            if (s.Step is decimal step)
            {
                return step;
            }

            if (s.StepOf != null)
            {
                int i = _sys.IndexOf(s.StepOf);
                return assigned[i] ?? _ctx.ValueAt(i);
            }

            return null;
        }

        /// <summary>Values to try for the counts and fractions of products: the current one first, then its neighbours.</summary>
        private IEnumerable<decimal?[]> Combinations(List<int> factors, bool nearCurrent)
        {
            var values = new List<decimal[]>();
            foreach (int i in factors)
            {
                SettingDefinition s = _sys.Settings[i];
                decimal current = _ctx.ValueAt(i) ?? (s.Role == SettingRole.Count ? 3m : 0.5m);
                decimal center = current > 0m ? current : s.RepairHint ?? current; // a refused 0 aims at the conventional value
                // Repairs stay near the current count; whether any count fits (EL2031) looks at every count the system holds.
                IEnumerable<decimal> all = s.Role != SettingRole.Count ? Fractions
                    : nearCurrent ? Enumerable.Range(1, 12).Select(v => (decimal)v) : CountValues(i, factors.Count);
                var list = new List<decimal> { current };
                list.AddRange(all.Where(v => v != current).OrderBy(v => nearCurrent ? Math.Abs(v - center) : 0m));
                values.Add(list.ToArray());
            }

            int count = 0;
            var idx = new int[factors.Count];
            while (true)
            {
                var combo = new decimal?[_sys.Settings.Count];
                for (int f = 0; f < factors.Count; f++)
                {
                    combo[factors[f]] = values[f][idx[f]];
                }

                yield return combo;
                if (++count >= (nearCurrent ? MaxCombinations : MaxConflictCombinations))
                {
                    yield break;
                }

                int k = factors.Count - 1;
                while (k >= 0 && ++idx[k] == values[k].Length)
                {
                    idx[k] = 0;
                    k--;
                }

                if (k < 0)
                {
                    yield break;
                }
            }
        }

        /// <summary>
        /// The values a count in a product is tried at: every one up to 32 (12 with two counts), then a geometric ladder up to
        /// the largest the system holds (its type's maximum, an Int32 for Orleans' NumMissedProbesLimit, or a range it
        /// enforces). No fixed cap: a long detection window cut into many short probes can be the only way to meet a budget.
        /// </summary>
        private IEnumerable<decimal> CountValues(int i, int factorCount)
        {
            SettingDefinition s = _sys.Settings[i];
            decimal max = s.Maximum ?? int.MaxValue;
            foreach (ModelConstraint c in _constraints)
            {
                if (c.Kind is ConstraintKind.Hard or ConstraintKind.Implicit && c.Left.SingleSetting == s.Id && c.Op is Comparison.AtMost or Comparison.Less &&
                    _ctx.Eval(c.Right) is decimal right)
                {
                    max = Math.Min(max, c.Factor * right);
                }
            }

            decimal dense = factorCount == 1 ? 32m : 12m, ratio = factorCount == 1 ? 1.125m : 1.5m;
            decimal v = 1m;
            for (; v <= dense && v <= max; v++)
            {
                yield return v;
            }

            for (v = decimal.Ceiling((v - 1m) * ratio); v < max; v = decimal.Ceiling(v * ratio))
            {
                yield return v;
            }

            if (max > dense && max < decimal.MaxValue)
            {
                yield return decimal.Floor(max);
            }
        }

        /// <summary>Each setting's variable: the free settings without an assigned value, numbered in order; -1 for the rest.</summary>
        /// <summary>A system no longer read, for Linearize to fill again (a bounded number per thread).</summary>
        private static void Release(LinearSystem system)
        {
            if (Spare.Count < 32)
            {
                Spare.Push(system);
            }
        }

        private static int[] VariableMap(bool[] free, decimal?[] assigned, out int count)
        {
            var varOf = new int[free.Length];
            count = VariableMap(free, assigned, varOf);
            return varOf;
        }

        /// <summary>As above, into <paramref name="varOf"/>; returns the number of variables.</summary>
        private static int VariableMap(bool[] free, decimal?[] assigned, int[] varOf)
        {
            int count = 0;
            for (int i = 0; i < free.Length; i++)
            {
                varOf[i] = free[i] && assigned[i] == null ? count++ : -1;
            }

            return count;
        }

        /// <summary>Each template's coefficients times this configuration's values.</summary>
        private Rational?[] Products()
        {
            var products = new Rational?[_compiled.Products];
            foreach (RowTemplate? t in _compiled.Templates)
            {
                t?.Products(_values, products);
            }

            return products;
        }

        /// <summary>The model's constraints as linear constraints over the free settings; each row's source is its model index.</summary>
        private LinearSystem Linearize(bool[] free, decimal?[] assigned, Func<int, bool> include, bool soft, IEnumerable<ModelConstraint>? extra = null)
        {
            int[] varOf = _varOf ??= new int[free.Length];
            int variables = VariableMap(free, assigned, varOf);
            Linearizer? lin = null;
            LinearSystem result;
            if (Spare.Count > 0)
            {
                result = Spare.Pop();
                result.Reset(variables);
            }
            else
            {
                result = new LinearSystem(variables, _constraints.Length + 1);
            }

            RowTemplate?[] templates = _compiled.Templates;
            Rational?[] products = _products ??= Products();
            Rational[] exact = _assignedExact ??= new Rational[assigned.Length];
            for (int i = 0; i < assigned.Length; i++)
            {
                if (assigned[i] is decimal a)
                {
                    exact[i] = Rational.Of(a);
                }
            }

            for (int i = 0; i < _constraints.Length; i++)
            {
                ModelConstraint c = _constraints[i];
                if (!include(i) || (!soft && c.Kind == ConstraintKind.Soft) || _untunableOnly[i])
                {
                    continue;
                }

                if (templates[i]?.Fill(result, i, varOf, assigned, exact, products) != true)
                {
                    (lin ??= new Linearizer(_ctx, varOf, assigned, variables, _values)).Add(result, c, i);
                }
            }

            foreach (ModelConstraint c in extra ?? Enumerable.Empty<ModelConstraint>())
            {
                (lin ??= new Linearizer(_ctx, varOf, assigned, variables, _values)).Add(result, c, -1);
            }

            return result;
        }

        /// <summary>
        /// An irreducible conflict (deletion filter), worded around the failover budget when it takes part. Then the least
        /// budget that some configuration meets is found by solving again, and the constraints named are those that collide
        /// one millisecond below it: the ones that imply the number.
        /// </summary>
        private ProfileConflict Explain(bool[] free, List<int> factors)
        {
            List<int> active = Core(free, factors);
            decimal? shortest = null;
            if (active.Any(i => _constraints[i].IsBudget) && ShortestWindow(free, factors) is decimal w && LeastBudget(w) is decimal least)
            {
                shortest = least;
                JointSolver below = At(least - Duration.NanosPerMillisecond);
                (bool[] belowFree, List<int> belowFactors) = below.Frame();
                if (below._constraints.Length == _constraints.Length && below.IsInfeasible(belowFree, belowFactors))
                {
                    active = below.Core(belowFree, belowFactors);
                }
            }

            return Explain(active, shortest);
        }

        /// <summary>The same configuration solved under the profile with maxFailover <paramref name="budget"/> (nanoseconds).</summary>
        private JointSolver At(decimal budget) =>
            new JointSolver(Evaluator.Run(_ctx.Instance, _ctx.Profile.MergedWith(new EnvironmentProfile { MaxFailover = new Duration((long)budget) })), _severities, share: false);

        /// <summary>
        /// The least maxFailover, in whole milliseconds, under which some configuration satisfies every rule: each candidate is
        /// solved again from the profile with that budget. <paramref name="lowerBound"/> is the shortest window over the rationals.
        /// </summary>
        private decimal? LeastBudget(decimal lowerBound)
        {
            // Exact, not the least budget tune's search near the defaults reaches: EL2031 says no configuration exists, which
            // must hold just below the number. At the number tune writes the configuration found (WitnessRepair); so close
            // to the bound it is tight, and tune says which rule is left under the headroom target.

            const decimal ms = Duration.NanosPerMillisecond;
            decimal max = _ctx.Profile.MaxFailover is Duration d ? d.Nanoseconds : 0m;
            // Below the shortest window, and at this profile's budget, nothing fits.
            decimal lo = Math.Max(decimal.Ceiling(lowerBound / ms) * ms - ms, decimal.Floor(max / ms) * ms), step = ms, hi = lo + step;
            bool Fits(decimal b)
            {
                JointSolver at = At(b);
                (bool[] f, List<int> factors) = at.Frame();
                return !at.IsInfeasible(f, factors);
            }

            for (int k = 0; !Fits(hi); k++)
            {
                if (k >= 40)
                {
                    return null;
                }

                (lo, step) = (hi, step * 2m);
                hi = lo + step;
            }

            while (hi - lo > ms)
            {
                decimal mid = lo + (decimal.Floor((hi - lo) / ms / 2m) * ms);
                (lo, hi) = Fits(mid) ? (lo, mid) : (mid, hi);
            }

            return hi;
        }

        /// <summary>An irreducible set of the hard and tuning constraints that no tried count or fraction satisfies together.</summary>
        private List<int> Core(bool[] free, List<int> factors)
        {
            var active = new List<int>();
            for (int i = 0; i < _constraints.Length; i++)
            {
                if (_constraints[i].Kind != ConstraintKind.Soft)
                {
                    active.Add(i);
                }
            }

            // Try to drop what explains least first, so the profile's own bounds and the budget remain.
            foreach (int i in active.OrderBy(i => DropOrder(_constraints[i])).ToList())
            {
                var without = new HashSet<int>(active);
                without.Remove(i);
                if (IsInfeasible(free, factors, without.Contains))
                {
                    active.Remove(i);
                }
            }

            return active;
        }

        private ProfileConflict Explain(List<int> active, decimal? shortest)
        {
            // The texts name the settings as this configuration writes them: from a model made for it (the same constraints, in order).
            SystemModel texts = _textModel ??= SystemModel.Build(_ctx, _severities);
            List<ModelConstraint> core = active.Select(i => texts.Constraints[i]).ToList();
            ModelConstraint? budget = core.FirstOrDefault(c => c.IsBudget);
            var named = core.Where(c => c.Kind != ConstraintKind.Implicit && !c.IsBudget).Select(c => c.Text).ToList();
            bool rtt = core.Any(c => c.ProfileSource == "rtt"), gc = core.Any(c => c.ProfileSource == "gc");
            string relaxFloors = rtt && gc
                ? "reduce the GC pause and the round trip the cluster must survive"
                : gc ? "reduce the p99 GC pause (or gcHeadroom)" : rtt ? "place the members closer (or lower rttMultiplier)" : string.Empty;
            string reasons = Join(named);
            string collision, relax;
            if (budget != null && shortest is decimal w)
            {
                string window = EvaluationContext.ShowDuration(w);
                // A setting no repair changes (MongoDB's catch-up limit) counts as written: the claim is only that far.
                var asWritten = new List<string>();
                foreach (Term t in _ctx.Failover!.Terms)
                {
                    if (t.SettingIndex >= 0 && !_sys.Settings[t.SettingIndex].Tunable && _ctx.ValueAt(t.SettingIndex) is decimal fixedValue && fixedValue > 0m)
                    {
                        asWritten.Add(t.Setting!);
                    }
                }

                collision = (reasons.Length == 0 ? string.Empty : reasons + (named.Count > 1 ? " make" : " makes") + " ") +
                    $"the worst-case failover window ({_ctx.FormulaOf(_ctx.Failover!)}) at least {window}" +
                    string.Concat(asWritten.Select(id => $" with {_ctx.Name(id)} {_ctx.Show(id)} as written")) +
                    $", above maxFailover {_ctx.Profile.MaxFailover}";
                relax = $"raise maxFailover to at least {window}" + (relaxFloors.Length > 0 ? ", or " + relaxFloors : string.Empty) +
                    string.Concat(asWritten.Select(id => $", or lower {_ctx.Name(id)} (tune leaves it as written)"));
            }
            else
            {
                var all = core.Where(c => c.Kind != ConstraintKind.Implicit).Select(c => c.Text).ToList();
                collision = Join(all) + " cannot all hold";
                relax = relaxFloors.Length > 0 ? relaxFloors : "relax the profile";
            }

            var settings = new List<int>();
            for (int i = 0; i < _constraints.Length; i++)
            {
                if (active.Contains(i))
                {
                    foreach (int s in _settingsOf[i])
                    {
                        if (!settings.Contains(s) && _ctx.Instance[s] != null)
                        {
                            settings.Add(s);
                        }
                    }
                }
            }

            int primary = _sys.FailoverPrimary != null ? _sys.IndexOf(_sys.FailoverPrimary) : settings.Count > 0 ? settings[0] : -1;
            if (primary >= 0 && _ctx.Instance[primary] == null && settings.Count > 0)
            {
                primary = settings[0];
            }

            settings.Remove(primary);
            return new ProfileConflict(core, collision, relax, shortest, primary, settings.ToArray());
        }

        private static int DropOrder(ModelConstraint c) => c.Kind switch
        {
            ConstraintKind.Implicit => 0,
            ConstraintKind.Hard => 1,
            _ => c.IsBudget ? 4 : c.ProfileSource == null ? 2 : 3,
        };

        /// <summary>The least failover window that every constraint but the budget allows (over every tried count or fraction).</summary>
        private decimal? ShortestWindow(bool[] free, List<int> factors)
        {
            decimal? best = null;
            foreach (decimal?[] combo in Combinations(factors, nearCurrent: false))
            {
                int[] varOf = VariableMap(free, combo, out int vars);
                var lin = new Linearizer(_ctx, varOf, combo, vars + 1, _values);
                var list = new LinearSystem(vars + 1, _constraints.Length + 2);
                for (int i = 0; i < _constraints.Length; i++)
                {
                    ModelConstraint c = _constraints[i];
                    if (c.Kind != ConstraintKind.Soft && !c.IsBudget && !_untunableOnly[i])
                    {
                        lin.Add(list, c, i);
                    }
                }

                if (lin.Expr(_ctx.Failover!, rttAsZero: true, 0) is not Affine f)
                {
                    continue;
                }

                if (vars == 1 && StepOf(free, combo) is decimal step)
                {
                    // One setting on a step (a whole multiplier): the shortest window is at its least value on the step.
                    if (LowestOnStep(list, step, out bool fits) is Rational x && fits)
                    {
                        decimal v = ((f.Coefficients[0] * x) + f.Constant).ToDecimal();
                        best = best == null || v < best ? v : best;
                    }

                    continue;
                }

                // w = failover, as two inequalities over the extra variable w.
                int up = list.AddRow(false, -1), down = list.AddRow(false, -1);
                for (int i = 0; i < vars; i++)
                {
                    list.SetCoefficient(up, i, -f.Coefficients[i]);
                    list.SetCoefficient(down, i, f.Coefficients[i]);
                }

                list.SetCoefficient(up, vars, Rational.One);
                list.SetCoefficient(down, vars, -Rational.One);
                list.SetConstant(up, -f.Constant);
                list.SetConstant(down, f.Constant);
                if (FourierMotzkin.Project(list, vars, Scratch) is Interval iv && iv.Lower is Rational lo)
                {
                    decimal v = lo.ToDecimal();
                    best = best == null || v < best ? v : best;
                }
            }

            return best;
        }

        /// <summary>
        /// Infeasible over the rationals, or on the steps the settings take (whole seconds, a whole multiplier, a count):
        /// 4.8 < 3 × m ≤ 4.7 has a rational m but no whole one. A setting whose range holds few of its steps is tried at each
        /// of them; one whose range holds many is taken as continuous.
        /// </summary>
        private bool Infeasible(LinearSystem lin, bool[] free, decimal?[] combo)
        {
            int vars = lin.Variables;
            var steps = new decimal[vars];
            int v = 0;
            for (int i = 0; i < free.Length; i++)
            {
                if (free[i] && combo[i] == null)
                {
                    SettingDefinition s = _sys.Settings[i];
                    decimal step = s.Step is decimal st && s.StepRule != null && Evaluator.IsOn(s.StepRule, _severities) ? st : 0m;
                    steps[v++] = Math.Max(step, s.Granularity);
                }
            }

            // The answer depends on the rows and steps alone: the same question (every setting free: the same for each
            // configuration of a system under one profile) is answered once.
            SystemKey probe = _stepsKey ??= new SystemKey(); // not the elimination's probe: OnSteps sets that
            probe.Set(lin, -1, withConstants: true, steps);
            if (!StepsAnswers.TryGetValue(probe, out Feasibility f))
            {
                int nodes = MaxBranchNodes;
                f = OnSteps(lin, steps, ref nodes);
                if (Interlocked.Increment(ref _stepsAnswerCount) > MaxStepsAnswers)
                {
                    StepsAnswers.Clear();
                    Interlocked.Exchange(ref _stepsAnswerCount, 0);
                }

                StepsAnswers[probe.Copy()] = f;
            }

            return f == Feasibility.Infeasible;
        }

        private const int MaxStepsAnswers = 4096;
        private static readonly ConcurrentDictionary<SystemKey, Feasibility> StepsAnswers = new ConcurrentDictionary<SystemKey, Feasibility>();
        private static int _stepsAnswerCount;

        private Feasibility OnSteps(LinearSystem lin, decimal[] steps, ref int nodes)
        {
            int vars = lin.Variables;
            Feasibility f = FourierMotzkin.Check(lin, Scratch);
            if (f != Feasibility.Feasible || vars == 0)
            {
                return f;
            }

            // The setting whose range holds the fewest of its steps is tried at each of them.
            int best = -1;
            BigInteger first = 0, count = MaxMultiples + 1;
            for (int j = 0; j < vars; j++)
            {
                if (steps[j] <= 0m || FourierMotzkin.Project(lin, j, Scratch) is not Interval iv || iv.Lower is not Rational lo || iv.Upper is not Rational hi)
                {
                    continue;
                }

                Rational g = Rational.Of(steps[j]);
                BigInteger a = (lo / g).Ceiling(), b = -(-(hi / g)).Ceiling();
                if (iv.LowerStrict && Rational.Of(a) * g == lo)
                {
                    a += 1;
                }

                if (iv.UpperStrict && Rational.Of(b) * g == hi)
                {
                    b -= 1;
                }

                if (b < a)
                {
                    return Feasibility.Infeasible;
                }

                if (b - a + 1 < count)
                {
                    (best, first, count) = (j, a, b - a + 1);
                }
            }

            if (best < 0)
            {
                return Feasibility.Feasible;
            }

            var rest = steps.Where((_, j) => j != best).ToArray();
            bool unknown = false;
            for (BigInteger k = first; k < first + count; k++)
            {
                if (--nodes < 0)
                {
                    return Feasibility.Unknown;
                }

                Rational x = Rational.Of(k) * Rational.Of(steps[best]);
                Feasibility r = OnSteps(lin.Substitute(best, x, keepColumn: false), rest, ref nodes);
                if (r == Feasibility.Feasible)
                {
                    return r;
                }

                unknown |= r == Feasibility.Unknown;
            }

            return unknown ? Feasibility.Unknown : Feasibility.Infeasible;
        }

        /// <summary>The step of the only free setting, when it has one.</summary>
        private decimal? StepOf(bool[] free, decimal?[] combo)
        {
            for (int i = 0; i < free.Length; i++)
            {
                if (free[i] && combo[i] == null)
                {
                    decimal g = _sys.Settings[i].Granularity;
                    return g > 0m ? g : null;
                }
            }

            return null;
        }

        /// <summary>
        /// The least multiple of <paramref name="step"/> that meets every lower bound on variable 0 (null when none bounds it
        /// from below); <paramref name="fits"/> says whether it meets every constraint, so whether any multiple does.
        /// </summary>
        private static Rational? LowestOnStep(LinearSystem lin, decimal step, out bool fits)
        {
            Rational g = Rational.Of(step);
            BigInteger? n = null;
            for (int r = 0; r < lin.Count; r++)
            {
                Rational a = lin.Coefficient(r, 0);
                if (a.Sign <= 0)
                {
                    continue;
                }

                Rational q = -lin.Constant(r) / a / g; // x ≥ q × step (> when strict)
                BigInteger k = q.Ceiling();
                if (lin.Strict(r) && q == Rational.Of(k))
                {
                    k += 1;
                }

                n = n == null || k > n ? k : n;
            }

            fits = true;
            if (n is not BigInteger least)
            {
                return null;
            }

            Rational x = Rational.Of(least) * g;
            var at = new Rational[lin.Variables];
            at[0] = x;
            for (int r = 0; r < lin.Count; r++)
            {
                fits &= lin.HoldsAt(r, at);
            }

            return x;
        }

        private static string Join(List<string> items) =>
            items.Count == 0 ? string.Empty : items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[items.Count - 1];
    }
}
