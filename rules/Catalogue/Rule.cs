using System.Collections.Generic;

namespace ElectionLint.Rules.Catalogue
{
    /// <summary>One rule of the catalogue. Every descriptor, doc table and SARIF rule is made from this.</summary>
    public sealed class Rule
    {
        /// <summary>The repository, from RepositoryUrl in Directory.Build.props (assembly metadata).</summary>
        public static readonly string RepositoryUrl = ReadRepositoryUrl();

        public static readonly string HelpBase = RepositoryUrl + "/blob/main/docs/rules/";

        internal Rule(string id, string title, string messageTemplate, string category, RuleSeverity severity, string[] systems, bool fixable, string description)
        {
            Id = id;
            Title = title;
            MessageTemplate = messageTemplate;
            Category = category;
            DefaultSeverity = severity;
            Systems = systems;
            Fixable = fixable;
            Description = description;
        }

        public string Id { get; }

        public string Title { get; }

        /// <summary>The message with named placeholders such as {setting} and {fix}; the evaluator fills them.</summary>
        public string MessageTemplate { get; }

        public string Category { get; }

        public RuleSeverity DefaultSeverity { get; }

        /// <summary>System ids the rule applies to; "*" for all.</summary>
        public IReadOnlyList<string> Systems { get; }

        /// <summary>True when one value can repair the finding (the engine suggests it; a fix can apply it).</summary>
        public bool Fixable { get; }

        /// <summary>What the rule checks and why, in one or two sentences.</summary>
        public string Description { get; }

        /// <summary>Relative path of the rule's page in this repository.</summary>
        public string DocPath => "docs/rules/" + Id + ".md";

        public string HelpLink => HelpBase + Id + ".md";

        private static string ReadRepositoryUrl()
        {
            foreach (object a in typeof(Rule).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false))
            {
                if (a is System.Reflection.AssemblyMetadataAttribute m && m.Key == "RepositoryUrl" && !string.IsNullOrEmpty(m.Value))
                {
                    return m.Value!.TrimEnd('/');
                }
            }

            return string.Empty; // a test checks that every assembly carries it
        }

        public override string ToString() => Id;
    }
}
