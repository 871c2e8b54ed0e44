using ElectionLint.Rules.Model;

namespace ElectionLint.Rules.Solving
{
    public enum ConstraintKind
    {
        /// <summary>A limit the system enforces (EL1xxx).</summary>
        Hard,

        /// <summary>A tuning rule of the profile or the guidance (EL2xxx warnings).</summary>
        Tuning,

        /// <summary>Kept when it can be (EL2002, info): never decides feasibility.</summary>
        Soft,

        /// <summary>What any value people write obeys: positive, within the type's range. Never named in messages.</summary>
        Implicit,
    }

    /// <summary>One constraint of the joint model, over quantities: left (op) factor × right.</summary>
    public sealed class ModelConstraint
    {
        internal ModelConstraint(string ruleId, ConstraintKind kind, Quantity left, Comparison op, decimal factor, Quantity right, string text, bool rttAsZero = false)
            : this(ruleId, kind, left, op, factor, right, (System.Func<string>?)null, rttAsZero)
        {
            _text = text;
        }

        /// <summary>With its text made only when a message names it (most models never explain a conflict).</summary>
        internal ModelConstraint(string ruleId, ConstraintKind kind, Quantity left, Comparison op, decimal factor, Quantity right, System.Func<string>? text, bool rttAsZero = false)
        {
            RuleId = ruleId;
            Kind = kind;
            Left = left;
            Op = op;
            Factor = factor;
            FactorRational = Rational.Of(factor);
            Right = right;
            _makeText = text;
            RttAsZero = rttAsZero;
        }

        public string RuleId { get; }

        public ConstraintKind Kind { get; }

        public Quantity Left { get; }

        public Comparison Op { get; }

        public decimal Factor { get; }

        internal Rational FactorRational { get; }

        public Quantity Right { get; }

        /// <summary>How a message names it: "election-timeout ≥ 10 × rttP99 150ms".</summary>
        public string Text => _text ??= _makeText?.Invoke() ?? string.Empty; // empty only in a shared model, which is never shown

        private readonly System.Func<string>? _makeText;
        private string? _text;

        public bool RttAsZero { get; }

        /// <summary>The failover budget (EL2030): the constraint a conflict is measured against.</summary>
        public bool IsBudget => RuleId == "EL2030";

        /// <summary>Which profile value it comes from, for the advice on what to relax: "rtt", "gc" or null.</summary>
        public string? ProfileSource { get; init; }

        /// <summary>The solver's floor of one step for a setting written in whole steps: the step rule itself checks divisibility.</summary>
        public bool IsStepFloor { get; init; }

        /// <summary>A profile floor raised by the profile's headroom: soft, so a repair keeps the margin only where it can.</summary>
        public bool IsHeadroom { get; init; }

        public override string ToString() => Text;
    }
}
