using System.Collections.Generic;
using ElectionLint.Rules.Catalogue;

namespace ElectionLint.Rules.Profile
{
    /// <summary>An environment profile that applies to the files under <see cref="Overrides"/>' paths.</summary>
    public sealed class ProfileOverride
    {
        public ProfileOverride(IReadOnlyList<Glob> paths, EnvironmentProfile profile)
        {
            Paths = paths;
            Profile = profile;
        }

        public IReadOnlyList<Glob> Paths { get; }

        public EnvironmentProfile Profile { get; }

        public bool Matches(string relativePath) => (_matches ??= Glob.Any(Paths))(relativePath);

        private System.Func<string, bool>? _matches;
    }

    /// <summary>The whole <c>.electionlint.yaml</c>: profile, per-path overrides, rule severities, ignores, bindings.</summary>
    public sealed class ProfileDocument
    {
        public static ProfileDocument Empty { get; } = new ProfileDocument();

        public EnvironmentProfile Profile { get; init; } = EnvironmentProfile.Default;

        /// <summary>Applied in order; later matches override earlier ones.</summary>
        public IReadOnlyList<ProfileOverride> Overrides { get; init; } = new ProfileOverride[0];

        public IReadOnlyDictionary<string, RuleSeverity> RuleSeverities { get; init; } = new Dictionary<string, RuleSeverity>();

        public IReadOnlyList<Glob> Ignore { get; init; } = new Glob[0];

        public IReadOnlyList<Binding> Bindings { get; init; } = new Binding[0];

        /// <summary>The profile for a file, given its path relative to this document's folder.</summary>
        public EnvironmentProfile ProfileFor(string relativePath)
        {
            EnvironmentProfile p = Profile;
            foreach (ProfileOverride o in Overrides)
            {
                if (o.Matches(relativePath))
                {
                    p = p.MergedWith(o.Profile);
                }
            }

            return p;
        }

        public bool IsIgnored(string relativePath)
        {
            // Built on first use from the list it sees then; Ignore is set only at construction.
            System.Func<string, bool> ignored = _ignored ??= Glob.Any(Ignore);
            return ignored(relativePath);
        }

        /// <summary>The first <c>ignore:</c> glob the path matches, or null (the globs are tried one by one only for an ignored path).</summary>
        public Glob? IgnoredBy(string relativePath)
        {
            if (!IsIgnored(relativePath))
            {
                return null;
            }

            foreach (Glob g in Ignore)
            {
                if (g.IsMatch(relativePath))
                {
                    return g;
                }
            }

            return null;
        }

        private System.Func<string, bool>? _ignored;

        /// <summary>The severity a rule has under this document: the declared one, or the catalogue's default.</summary>
        public RuleSeverity SeverityOf(Rule rule) => RuleSeverities.TryGetValue(rule.Id, out RuleSeverity s) ? s : rule.DefaultSeverity;
    }
}
