using System;

namespace ElectionLint.Rules.Solving
{
    /// <summary>
    /// Linear constraints Σ a[r, i] · x[i] + k[r] ≥ 0 (&gt; 0 when strict), one row each, in flat arrays: what the solver
    /// builds for each question, and what <see cref="FourierMotzkin"/> keys its elimination plans by.
    /// </summary>
    internal sealed class LinearSystem
    {
        private Rational[] _coefficients;
        private Rational[] _constants;
        private bool[] _strict;
        private int[] _source;

        public LinearSystem(int variables, int capacity = 8)
        {
            Variables = variables;
            capacity = Math.Max(capacity, 1);
            _coefficients = new Rational[capacity * Math.Max(variables, 1)];
            _constants = new Rational[capacity];
            _strict = new bool[capacity];
            _source = new int[capacity];
        }

        public int Variables { get; private set; }

        public int Count { get; private set; }

        internal Rational[] Coefficients => _coefficients;

        internal Rational[] Constants => _constants;

        internal bool[] StrictFlags => _strict;

        public Rational Coefficient(int row, int variable) => _coefficients[(row * Variables) + variable];

        public Rational Constant(int row) => _constants[row];

        public bool Strict(int row) => _strict[row];

        /// <summary>What the row was made from (the model constraint's index; -1 for one added by the caller).</summary>
        public int Source(int row) => _source[row];

        /// <summary>Empties the system for reuse, over <paramref name="variables"/> variables.</summary>
        public void Reset(int variables)
        {
            if (_constants.Length * Math.Max(variables, 1) > _coefficients.Length)
            {
                _coefficients = new Rational[_constants.Length * Math.Max(variables, 1)];
            }

            Variables = variables;
            Count = 0;
        }

        /// <summary>A new row of zeros; its coefficients and constant are then added to.</summary>
        public int AddRow(bool strict, int source)
        {
            if (Count == _constants.Length)
            {
                int capacity = Count * 2;
                Array.Resize(ref _coefficients, capacity * Math.Max(Variables, 1));
                Array.Resize(ref _constants, capacity);
                Array.Resize(ref _strict, capacity);
                Array.Resize(ref _source, capacity);
            }

            int row = Count++;
            for (int i = 0; i < Variables; i++)
            {
                _coefficients[(row * Variables) + i] = Rational.Zero;
            }

            _constants[row] = Rational.Zero;
            _strict[row] = strict;
            _source[row] = source;
            return row;
        }

        /// <summary>Drops the last row (one that turned out not to be linear).</summary>
        public void RemoveLast() => Count--;

        public void AddCoefficient(int row, int variable, Rational value) => _coefficients[(row * Variables) + variable] += value;

        public void SetCoefficient(int row, int variable, Rational value) => _coefficients[(row * Variables) + variable] = value;

        public void AddConstant(int row, Rational value) => _constants[row] += value;

        public void SetConstant(int row, Rational value) => _constants[row] = value;

        /// <summary>Turns a ≤ row into the ≥ form.</summary>
        public void Negate(int row)
        {
            for (int i = 0; i < Variables; i++)
            {
                _coefficients[(row * Variables) + i] = -_coefficients[(row * Variables) + i];
            }

            _constants[row] = -_constants[row];
        }

        /// <summary>Whether a row with no variable holds (its coefficients are not read).</summary>
        public bool HoldsAsConstant(int row) => _strict[row] ? _constants[row].Sign > 0 : _constants[row].Sign >= 0;

        /// <summary>Whether the row holds with every variable at <paramref name="values"/>.</summary>
        public bool HoldsAt(int row, Rational[] values)
        {
            Rational sum = _constants[row];
            for (int i = 0; i < Variables; i++)
            {
                sum += _coefficients[(row * Variables) + i] * values[i];
            }

            return _strict[row] ? sum.Sign > 0 : sum.Sign >= 0;
        }

        /// <summary>
        /// The rows with <paramref name="variable"/> at <paramref name="value"/>: its column is dropped (the rest renumbered)
        /// or, when <paramref name="keepColumn"/>, left as zeros.
        /// </summary>
        public LinearSystem Substitute(int variable, Rational value, bool keepColumn)
        {
            int vars = keepColumn ? Variables : Variables - 1;
            var result = new LinearSystem(vars, Count);
            for (int r = 0; r < Count; r++)
            {
                int row = result.AddRow(_strict[r], _source[r]);
                for (int j = 0, t = 0; j < Variables; j++)
                {
                    if (j != variable)
                    {
                        result._coefficients[(row * vars) + t++] = _coefficients[(r * Variables) + j];
                    }
                    else if (keepColumn)
                    {
                        t++;
                    }
                }

                result._constants[row] = _constants[r] + (_coefficients[(r * Variables) + variable] * value);
            }

            return result;
        }

        public static LinearSystem From(System.Collections.Generic.IReadOnlyList<LinearConstraint> constraints, int variables)
        {
            var result = new LinearSystem(variables, constraints.Count);
            foreach (LinearConstraint c in constraints)
            {
                int row = result.AddRow(c.Strict, -1);
                for (int i = 0; i < variables; i++)
                {
                    result._coefficients[(row * variables) + i] = c.Coefficients[i];
                }

                result._constants[row] = c.Constant;
            }

            return result;
        }
    }

    /// <summary>
    /// A system's coefficients and strictness (with its constants, and steps, when asked), as a key: a probe set from a live
    /// system for look-ups, copied when stored.
    /// </summary>
    internal sealed class SystemKey : IEquatable<SystemKey>
    {
        public int Variables;
        public int Keep;
        public int Count;
        public Rational[] Coefficients = new Rational[0];
        public Rational[]? Constants;
        public bool[] Strict = new bool[0];
        public decimal[]? Steps;
        private int _hash;

        public void Set(LinearSystem system, int keep, bool withConstants, decimal[]? steps) =>
            Set(system.Variables, keep, system.Count, system.Coefficients, withConstants ? system.Constants : null, system.StrictFlags, steps);

        private void Set(int variables, int keep, int count, Rational[] coefficients, Rational[]? constants, bool[] strict, decimal[]? steps)
        {
            Variables = variables;
            Keep = keep;
            Count = count;
            Coefficients = coefficients;
            Constants = constants;
            Strict = strict;
            Steps = steps;
            int h = (((variables * 31) + keep) * 31) + count;
            for (int i = 0; i < count * variables; i++)
            {
                h = (h * 31) + coefficients[i].GetHashCode();
            }

            for (int r = 0; r < count; r++)
            {
                h = (h * 31) + (strict[r] ? 1 : 0);
                if (constants != null)
                {
                    h = (h * 31) + constants[r].GetHashCode();
                }
            }

            if (steps != null)
            {
                foreach (decimal d in steps)
                {
                    h = (h * 31) + d.GetHashCode();
                }
            }

            _hash = h;
        }

        public SystemKey Copy()
        {
            var copy = new SystemKey();
            var coefficients = new Rational[Count * Variables];
            Array.Copy(Coefficients, coefficients, coefficients.Length);
            var strict = new bool[Count];
            Array.Copy(Strict, strict, Count);
            Rational[]? constants = null;
            if (Constants != null)
            {
                constants = new Rational[Count];
                Array.Copy(Constants, constants, Count);
            }

            copy.Set(Variables, Keep, Count, coefficients, constants, strict, (decimal[]?)Steps?.Clone());
            return copy;
        }

        public bool Equals(SystemKey? other)
        {
            if (other == null || other._hash != _hash || other.Variables != Variables || other.Keep != Keep || other.Count != Count ||
                (other.Constants == null) != (Constants == null) || (other.Steps == null) != (Steps == null))
            {
                return false;
            }

            for (int i = 0; i < Count * Variables; i++)
            {
                if (!Coefficients[i].Equals(other.Coefficients[i]))
                {
                    return false;
                }
            }

            for (int r = 0; r < Count; r++)
            {
                if (Strict[r] != other.Strict[r] || (Constants != null && !Constants[r].Equals(other.Constants![r])))
                {
                    return false;
                }
            }

            if (Steps != null)
            {
                if (Steps.Length != other.Steps!.Length)
                {
                    return false;
                }

                for (int i = 0; i < Steps.Length; i++)
                {
                    if (Steps[i] != other.Steps[i])
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as SystemKey);

        public override int GetHashCode() => _hash;
    }
}
