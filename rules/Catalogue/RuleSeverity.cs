namespace ElectionLint.Rules.Catalogue
{
    /// <summary>A rule's severity; <see cref="Off"/> disables it.</summary>
    public enum RuleSeverity
    {
        Off = 0,
        Info = 1,
        Warning = 2,
        Error = 3,
    }

    public static class RuleSeverityText
    {
        public static string Name(RuleSeverity s) => s switch
        {
            RuleSeverity.Off => "off",
            RuleSeverity.Info => "info",
            RuleSeverity.Warning => "warning",
            _ => "error",
        };

        public static bool TryParse(string text, out RuleSeverity severity)
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "off": case "none": severity = RuleSeverity.Off; return true;
                case "info": case "note": case "suggestion": severity = RuleSeverity.Info; return true;
                case "warning": case "warn": severity = RuleSeverity.Warning; return true;
                case "error": severity = RuleSeverity.Error; return true;
                default: severity = RuleSeverity.Off; return false;
            }
        }
    }
}
