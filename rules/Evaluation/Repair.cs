using ElectionLint.Rules.Model;

namespace ElectionLint.Rules.Evaluation
{
    public enum Direction
    {
        Up,
        Down,
    }

    /// <summary>"Set setting to at least / at most bound": one way to clear a finding, before rounding to a value people write.</summary>
    public sealed class Repair
    {
        internal Repair(SettingDefinition setting, Direction direction, decimal bound, bool inclusive, decimal? recommended = null)
        {
            Setting = setting;
            Direction = direction;
            Bound = bound;
            Inclusive = inclusive;
            Recommended = recommended;
        }

        public SettingDefinition Setting { get; }

        public Direction Direction { get; }

        public decimal Bound { get; }

        public bool Inclusive { get; }

        public decimal? Recommended { get; }
    }
}
