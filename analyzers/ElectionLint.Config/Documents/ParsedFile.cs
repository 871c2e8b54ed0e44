using System.Collections.Generic;
using ElectionLint.Config.Source;

namespace ElectionLint.Config.Documents
{
    public enum FileKind
    {
        Yaml,
        Json,
        Properties,

        /// <summary>sentinel.conf: Redis configuration directives, read per monitored master.</summary>
        SentinelConf,

        /// <summary>HCL agent configs (Consul, Nomad, Vault).</summary>
        Hcl,

        /// <summary>An environment file a systemd unit loads (EnvironmentFile=): NAME=VALUE lines.</summary>
        EnvFile,
    }

    /// <summary>A problem with the file itself: EL9001 (cannot be parsed) or EL9004 (skipped).</summary>
    public sealed class FileProblem
    {
        public FileProblem(string ruleId, string message, SourceSpan span)
        {
            RuleId = ruleId;
            Message = message;
            Span = span;
        }

        public string RuleId { get; }

        public string Message { get; }

        public SourceSpan Span { get; }

        public override string ToString() => $"{Span.StartLine}:{Span.StartColumn} {RuleId} {Message}";
    }

    /// <summary>
    /// What a reader found wrong: the first <see cref="MaxKept"/> problems in full, the rest only counted (1.9 million
    /// duplicate keys once built 1.9 million messages to print 500).
    /// </summary>
    public sealed class ProblemList : List<FileProblem>
    {
        public const int MaxKept = 10_000;

        /// <summary>Problems found past <see cref="MaxKept"/>.</summary>
        public int Omitted { get; private set; }

        /// <summary>True when another problem is only counted: build its message only when this is false.</summary>
        public bool Full => Count >= MaxKept;

        /// <summary>Counts a problem not kept.</summary>
        public void Omit() => Omitted++;
    }

    /// <summary>
    /// One string for each short value a file repeats (the 5 million "1"s of a one-line sequence, the keys of repeated
    /// lines): a reader's tree keeps one copy, not one per node. At most a few thousand values are remembered.
    /// </summary>
    internal sealed class SharedStrings
    {
        private readonly Dictionary<string, string> _known = new Dictionary<string, string>(System.StringComparer.Ordinal);

        public string Get(string value)
        {
            if (value.Length > 16)
            {
                return value;
            }

            if (_known.TryGetValue(value, out string? known))
            {
                return known;
            }

            if (_known.Count < 4096)
            {
                _known[value] = value;
            }

            return value;
        }
    }

    /// <summary>Documents read again when enumerated: finds the one holding a range, reading on from the last one found.</summary>
    internal interface IDocumentCursor
    {
        /// <summary>The document whose span holds [<paramref name="start"/>, <paramref name="end"/>), and its index; null when none does.</summary>
        Node? Containing(int start, int end, out int index);
    }

    /// <summary>The documents of one file (a YAML stream may hold several) and what went wrong reading it.</summary>
    public sealed class ParsedFile
    {
        public ParsedFile(SourceText source, FileKind kind, IReadOnlyList<Node> documents, IReadOnlyList<FileProblem> problems)
            : this(source, kind, documents, problems, null)
        {
        }

        internal ParsedFile(SourceText source, FileKind kind, IReadOnlyList<Node> documents, IReadOnlyList<FileProblem> problems, IReadOnlyList<Node>? referred)
        {
            Source = source;
            Kind = kind;
            Documents = documents;
            Problems = problems;
            OmittedProblems = (problems as ProblemList)?.Omitted ?? 0;
            ReferredDocuments = referred ?? documents;
        }

        /// <summary>
        /// The documents other documents may refer to by name (ConfigMaps), among others: all of them, except in a long
        /// stream whose <see cref="Documents"/> are read again when enumerated, where these are the ones kept.
        /// </summary>
        public IReadOnlyList<Node> ReferredDocuments { get; }

        /// <summary>A document other documents refer to by name: a ConfigMap, whose data a container's envFrom reads.</summary>
        internal static bool IsReferred(Node document) => document is MappingNode m && m.GetText("kind") == "ConfigMap";

        /// <summary>Problems counted but not kept (<see cref="ProblemList"/>).</summary>
        public int OmittedProblems { get; }

        public SourceText Source { get; }

        public FileKind Kind { get; }

        /// <summary>Root nodes of the documents read before any syntax error.</summary>
        public IReadOnlyList<Node> Documents { get; }

        public IReadOnlyList<FileProblem> Problems { get; }
    }
}
