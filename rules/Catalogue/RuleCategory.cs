namespace ElectionLint.Rules.Catalogue
{
    /// <summary>The three families of rules; the category names are what Roslyn and SARIF show.</summary>
    public static class RuleCategory
    {
        /// <summary>EL1xxx: the system refuses or silently changes the value.</summary>
        public const string HardLimit = "ElectionLint.HardLimit";

        /// <summary>EL2xxx: failover speed versus stability.</summary>
        public const string Tuning = "ElectionLint.Tuning";

        /// <summary>EL9xxx: the linter itself.</summary>
        public const string Linter = "ElectionLint.Linter";
    }
}
