using System.Collections.Generic;

namespace ElectionLint.Rules.Solving
{
    /// <summary>Why no configuration of a system satisfies the profile (EL2031): the constraints that collide, and by how much.</summary>
    public sealed class ProfileConflict
    {
        internal ProfileConflict(IReadOnlyList<ModelConstraint> constraints, string collision, string relax, decimal? shortestWindow, int primary, int[] related)
        {
            Constraints = constraints;
            Collision = collision;
            Relax = relax;
            ShortestWindow = shortestWindow;
            Primary = primary;
            Related = related;
        }

        /// <summary>An irreducible set of constraints that cannot hold together.</summary>
        public IReadOnlyList<ModelConstraint> Constraints { get; }

        /// <summary>"election-timeout ≥ 10 × rttP99 150ms makes the worst-case failover window … at least 3.3s, above maxFailover 3s".</summary>
        public string Collision { get; }

        /// <summary>What to change in the profile.</summary>
        public string Relax { get; }

        /// <summary>The shortest failover window every other rule allows (nanoseconds), when the budget is one of the constraints.</summary>
        public decimal? ShortestWindow { get; }

        internal int Primary { get; }

        internal int[] Related { get; }
    }
}
