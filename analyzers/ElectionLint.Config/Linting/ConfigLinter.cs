using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using ElectionLint.Config.Documents;
using ElectionLint.Config.Recognition;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Profile;
using static ElectionLint.Rules.Evaluation.MessageTemplate;

namespace ElectionLint.Config.Linting
{
    /// <summary>The result of linting one file.</summary>
    public sealed class FileResult
    {
        public FileResult(string path, SourceText? source, ParsedFile? parsed, IReadOnlyList<LintDiagnostic> diagnostics, IReadOnlyList<EvaluationResult> evaluations, bool unreadable = false)
        {
            Unreadable = unreadable;
            Path = path;
            Source = source;
            Parsed = parsed;
            Diagnostics = diagnostics;
            Evaluations = evaluations;
        }

        public string Path { get; }

        public SourceText? Source { get; }

        public ParsedFile? Parsed { get; }

        public IReadOnlyList<LintDiagnostic> Diagnostics { get; }

        /// <summary>
        /// True when the file, or a file it embeds, did not read cleanly (a syntax problem, a skipped template, invalid UTF-8),
        /// whether or not that problem is reported: suppressions and severities hide findings, not broken text.
        /// </summary>
        public bool Unreadable { get; }

        /// <summary>Whether a rule is suppressed at a line (1-based) by the file's electionlint-disable comments.</summary>
        public Func<string, int, bool> IsSuppressed { get; internal init; } = (_, _) => false;

        /// <summary>How many configurations with findings had their repairs computed: at most those the report shows.</summary>
        public int RepairedConfigurations { get; internal set; }

        /// <summary>Every configuration found and its evaluation (for explain).</summary>
        public IReadOnlyList<EvaluationResult> Evaluations { get; }
    }

    /// <summary>Lints one configuration file: guards, parse, recognise, evaluate, suppress. Never throws on bad input.</summary>
    public static class ConfigLinter
    {
        public const int DefaultMaxBytes = 10 * 1024 * 1024;

        /// <summary>Findings reported for one file at the most; the rest are counted in one EL9004.</summary>
        public const int MaxDiagnosticsPerFile = 500;

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        /// <summary>Lints bytes read from <paramref name="path"/>; <paramref name="relativePath"/> selects profile overrides.
        /// An exception from a reader or a rule (a bug) skips this file with one EL9004 and never ends the run.</summary>
        public static FileResult Lint(string path, byte[] bytes, ProfileDocument profile, string relativePath, int maxBytes = DefaultMaxBytes, IReadOnlyList<TemplateBinding>? templates = null, bool keepEvaluations = true)
        {
            try
            {
                return LintBytes(path, bytes, profile, relativePath, maxBytes, templates, keepEvaluations);
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                return Skipped(path, profile, CouldNotLint(e));
            }
        }

        /// <summary>The EL9004 message for a file an unexpected exception stopped: the CLI and the analyzer say the same.</summary>
        public static string CouldNotLint(Exception e) => "file skipped: ElectionLint could not lint it (" + e.GetType().Name + ")";

        private static FileResult LintBytes(string path, byte[] bytes, ProfileDocument profile, string relativePath, int maxBytes, IReadOnlyList<TemplateBinding>? templates, bool keepEvaluations)
        {
            if (bytes.Length > maxBytes)
            {
                return Skipped(path, profile, TooLarge(bytes.Length, maxBytes));
            }

            if (Utf16Or32(bytes) is string encoding)
            {
                return Skipped(path, profile, $"file skipped: {encoding} text; ElectionLint reads UTF-8 (convert it, e.g. with iconv -f {encoding} -t UTF-8)");
            }

            if (Array.IndexOf(bytes, (byte)0) >= 0)
            {
                return Skipped(path, profile, "file skipped: binary content (NUL bytes)");
            }

            var diagnostics = new List<LintDiagnostic>();

            string text;
            try
            {
                int offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
                text = StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
            }
            catch (DecoderFallbackException e)
            {
                int bad = InvalidUtf8Offset(bytes);
                string prefix = Encoding.UTF8.GetString(bytes, 0, bad);
                var partial = new SourceText(path, prefix);
                int at = prefix.Length;
                Add(diagnostics, profile, path, "EL9001", $"not valid UTF-8: byte 0x{bytes[bad]:X2} at byte offset {bad} ({e.GetType().Name})", partial.Span(at, at));
                return new FileResult(path, partial, null, diagnostics, new EvaluationResult[0], unreadable: true);
            }

            return Lint(new SourceText(path, text), profile, relativePath, templates, keepEvaluations);
        }

        /// <summary>Lints text already decoded.</summary>
        public static FileResult Lint(SourceText source, ProfileDocument profile, string relativePath) => Lint(source, profile, relativePath, null);

        /// <param name="templates">What the chart's or role's templates do with this file's values (<see cref="ChartBindings"/>).</param>
        /// <param name="keepEvaluations">False when only the diagnostics are wanted (a lint report): each configuration is
        /// let go once judged.</param>
        public static FileResult Lint(SourceText source, ProfileDocument profile, string relativePath, IReadOnlyList<TemplateBinding>? templates, bool keepEvaluations = true)
        {
            var diagnostics = new List<LintDiagnostic>();
            string path = source.Path;
            FileKind kind = ConfigFileNames.KindOf(path);
            // Most files of a config repository cannot hold a timing setting: no key, flag or variable name ElectionLint reads
            // appears in them. They are not parsed; only their encoding and suppression comments are checked (docs/cli.md).
            bool relevant = profile.Bindings.Count > 0 || (templates != null && templates.Count > 0) || Recognizer.MayHoldSettings(source.Text);
            ParsedFile parsed = !relevant ? new ParsedFile(source, kind, Array.Empty<Node>(), Array.Empty<FileProblem>())
                : !EnvFileReader.IsEnvTemplateName(path) ? Read(kind, source, stream: !keepEvaluations)
                : EnvFileReader.Read(source) ?? (ConfigFileNames.IsEnvName(path) ? new ParsedFile(source, kind, Array.Empty<Node>(), Array.Empty<FileProblem>()) : Read(kind, source, stream: !keepEvaluations));

            // A template that does not read cleanly is skipped whole (one EL9004): rendering may change anything in it. Only a
            // problem at or after the first template expression outside a comment can be the template's doing. A file that is
            // no config file by its name (README.md named on the command line) is no template, and if it does not parse, no config.
            int template = ConfigFileNames.MayBeTemplate(path) ? FirstTemplate(source.Text, kind) : -1;
            bool notConfig = parsed.Problems.Count > 0 && !ConfigFileNames.MayBeTemplate(path);
            bool skipped = notConfig || (template >= 0 && parsed.Problems.Count > 0 && parsed.Problems[0].Span.StartOffset >= LineStart(source.Text, template));
            // A YAML Jinja template read with its statement lines blanked, its loops and branches unknown (JinjaYaml).
            JinjaYaml.Result? jinja = skipped && !notConfig && kind == FileKind.Yaml && JinjaText.IsJinjaName(path) ? JinjaYaml.Read(source) : null;
            if (jinja != null)
            {
                parsed = jinja.Parsed;
                skipped = false;
            }

            // A template its chart's or role's values go through is read with them: not reported as skipped.
            if (skipped && (notConfig || !ChartBindings.PassesValuesOn(path, source.Text)))
            {
                FileProblem first = parsed.Problems[0];
                string what = notConfig
                    ? $"not a config file by its name, and it does not parse as {KindName(kind)}"
                    : first.Message.StartsWith("duplicate key", StringComparison.Ordinal)
                    ? "a template whose unrendered text repeats a key"
                    : $"template syntax that does not parse as {KindName(kind)}";
                Add(diagnostics, profile, path, "EL9004", $"file skipped: {what} ({first.Message})", first.Span);
            }
            else if (!skipped)
            {
                bool? python = null; // looked at only for a repeated key: a long stream's documents are read again when walked
                foreach (FileProblem p in parsed.Problems)
                {
                    if (p.Message.StartsWith("duplicate key", StringComparison.Ordinal) && (python ??= kind == FileKind.Yaml && ReadByPyYaml(path, parsed)) &&
                        p.Message.IndexOf("; YAML requires", StringComparison.Ordinal) is int cut && cut > 0)
                    {
                        // PyYAML's SafeLoader (Patroni) and Ansible keep the last value: the file loads, the earlier line is dead.
                        Add(diagnostics, profile, path, p.RuleId, p.Message.Substring(0, cut) + "; PyYAML (Patroni, Ansible) keeps the last value, so the earlier one has no effect", p.Span, RuleSeverity.Warning);
                        continue;
                    }

                    Add(diagnostics, profile, path, p.RuleId, p.Message, p.Span);
                }
            }

            bool unreadable = parsed.Problems.Count > 0;
            int omitted = parsed.OmittedProblems;
            List<EvaluationResult>? evaluations = keepEvaluations ? new List<EvaluationResult>() : null;
            Suppressions suppressions = Suppressions.Scan(source);
            var repairs = new ShownRepairs(suppressions);
            if (!skipped)
            {
                EnvironmentProfile env = profile.ProfileFor(relativePath);
                Evaluate(parsed, profile, env, path, diagnostics, evaluations, repairs, templates, jinja);

                // Config files a ConfigMap holds: read as their own format, positions in this file.
                foreach (EmbeddedFile embedded in EmbeddedFiles.Find(parsed))
                {
                    if (profile.Bindings.Count == 0 && !Recognizer.MayHoldSettings(embedded.Text.Text))
                    {
                        continue;
                    }

                    ParsedFile inner = Read(embedded.Kind, embedded.Text);
                    unreadable |= inner.Problems.Count > 0;
                    omitted += inner.OmittedProblems;
                    foreach (FileProblem p in inner.Problems)
                    {
                        Add(diagnostics, profile, path, p.RuleId, $"data key '{Quote(embedded.Name)}': {p.Message}", p.Span);
                    }

                    Evaluate(inner, profile, env, path, diagnostics, evaluations, repairs, null, jinja);
                }
            }

            foreach ((SourceSpan span, string id) in suppressions.Unknown)
            {
                Add(diagnostics, profile, path, "EL9003", $"suppression comment names unknown rule '{Quote(id)}'", span);
            }

            diagnostics.RemoveAll(d => suppressions.IsSuppressed(d.RuleId, d.Span.StartLine));
            diagnostics.Sort(ReportOrder);
            omitted += repairs.Dropped;
            if (diagnostics.Count > MaxDiagnosticsPerFile || (omitted > 0 && diagnostics.Count > 0))
            {
                // 1.9 million duplicate keys are one problem to fix, not 425 MB of output. The readers count what they did not keep.
                int more = Math.Max(0, diagnostics.Count - MaxDiagnosticsPerFile) + omitted;
                SourceSpan at = diagnostics[Math.Min(MaxDiagnosticsPerFile, diagnostics.Count - 1)].Span;
                diagnostics.RemoveRange(Math.Min(MaxDiagnosticsPerFile, diagnostics.Count), Math.Max(0, diagnostics.Count - MaxDiagnosticsPerFile));
                Add(diagnostics, profile, path, "EL9004", $"file partly reported: {more} more findings in this file are not shown (at most {MaxDiagnosticsPerFile} per file)", at);
            }

            repairs.Complete(diagnostics);

            return new FileResult(path, source, parsed, diagnostics, (IReadOnlyList<EvaluationResult>?)evaluations ?? Array.Empty<EvaluationResult>(), unreadable) { RepairedConfigurations = repairs.Repaired, IsSuppressed = suppressions.IsSuppressed };
        }

        /// <param name="stream">A report only: a long YAML stream's documents may be read again as they are walked.</param>
        private static ParsedFile Read(FileKind kind, SourceText source, bool stream = false) => kind switch
        {
            FileKind.Json => JsonReader.Read(source),
            FileKind.Properties => PropertiesReader.Read(source),
            FileKind.SentinelConf => SentinelConfReader.Read(source),
            FileKind.Hcl => StartsWithBrace(source.Text) ? JsonReader.Read(source) : HclReader.Read(source),
            _ => YamlReader.Read(source, stream),
        };

        /// <summary>hashicorp/hcl v1 lex.go lexMode: a file whose first non-space character is '{' is parsed as JSON.</summary>
        private static bool StartsWithBrace(string text)
        {
            foreach (char c in text)
            {
                if (!char.IsWhiteSpace(c) && c != '\uFEFF')
                {
                    return c == '{';
                }
            }

            return false;
        }

        private static void Evaluate(ParsedFile parsed, ProfileDocument profile, EnvironmentProfile env, string path, List<LintDiagnostic> diagnostics, List<EvaluationResult>? evaluations, ShownRepairs repairs, IReadOnlyList<TemplateBinding>? templates = null, JinjaYaml.Result? jinja = null)
        {
            foreach (ConfigurationInstance instance in Recognizer.RecognizeEach(parsed, profile.Bindings, templates))
            {
                if (jinja != null && TemplateBindings.JinjaOpen(jinja, instance))
                {
                    continue; // an expression line may write its keys
                }

                EvaluationResult result = Evaluator.Evaluate(instance, env, profile.RuleSeverities);
                evaluations?.Add(result);
                int configuration = repairs.NextConfiguration();
                foreach (Finding f in result.Findings)
                {
                    diagnostics.Add(ToDiagnostic(path, instance, f));
                    repairs.Add(f, configuration, diagnostics);
                }
            }
        }

        /// <summary>
        /// Repairs are a finding's costly part (each is verified against every rule), so findings find them when first read:
        /// here, for the findings the report keeps (150,000 documents with findings once computed 150,000 repairs to print 500).
        /// </summary>
        private sealed class ShownRepairs
        {
            /// <summary>How many diagnostics are held before those past the cap are dropped: memory stays flat however many a file has.</summary>
            private const int TrimAt = 8 * (MaxDiagnosticsPerFile + 1);

            private readonly Dictionary<Finding, int> _configurationOf = new Dictionary<Finding, int>();
            private readonly Suppressions _suppressions;
            private int _configurations;

            public ShownRepairs(Suppressions suppressions)
            {
                _suppressions = suppressions;
            }

            /// <summary>Configurations with findings whose repairs were computed.</summary>
            public int Repaired { get; private set; }

            /// <summary>Findings dropped past the cap before the end, so never shown: counted in the cap's EL9004.</summary>
            public int Dropped { get; private set; }

            public int NextConfiguration() => _configurations++;

            public void Add(Finding f, int configuration, List<LintDiagnostic> diagnostics)
            {
                _configurationOf[f] = configuration;
                if (diagnostics.Count >= TrimAt)
                {
                    Trim(diagnostics);
                }
            }

            /// <summary>
            /// Keeps the first <see cref="MaxDiagnosticsPerFile"/> + 1 unsuppressed diagnostics in report order, which are all
            /// the report can show and where its cap points; the rest are only counted.
            /// </summary>
            private void Trim(List<LintDiagnostic> diagnostics)
            {
                diagnostics.RemoveAll(d => _suppressions.IsSuppressed(d.RuleId, d.Span.StartLine));
                diagnostics.Sort(ReportOrder);
                int keep = MaxDiagnosticsPerFile + 1;
                for (int i = keep; i < diagnostics.Count; i++)
                {
                    if (diagnostics[i].Finding is Finding f)
                    {
                        _configurationOf.Remove(f);
                    }
                }

                if (diagnostics.Count > keep)
                {
                    Dropped += diagnostics.Count - keep;
                    diagnostics.RemoveRange(keep, diagnostics.Count - keep);
                }
            }

            /// <summary>Finds the repairs of every kept finding now, on the linting thread, so printing them costs nothing.</summary>
            public void Complete(List<LintDiagnostic> kept)
            {
                var repaired = new HashSet<int>();
                foreach (LintDiagnostic d in kept)
                {
                    if (d.Finding is Finding f && _configurationOf.TryGetValue(f, out int configuration))
                    {
                        _ = f.Repairs;
                        repaired.Add(configuration);
                    }
                }

                Repaired = repaired.Count;
            }
        }

        /// <summary>The report's order in a file: by position, then rule.</summary>
        private static int ReportOrder(LintDiagnostic a, LintDiagnostic b) =>
            a.Span.StartOffset != b.Span.StartOffset ? a.Span.StartOffset.CompareTo(b.Span.StartOffset) : string.CompareOrdinal(a.RuleId, b.RuleId);

        /// <summary>The encoding a UTF-16 or UTF-32 byte order mark names; null for anything else.</summary>
        private static string? Utf16Or32(byte[] b)
        {
            if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
            {
                return "UTF-32LE";
            }

            if (b.Length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)
            {
                return "UTF-32BE";
            }

            return b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE ? "UTF-16LE" : b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF ? "UTF-16BE" : null;
        }

        private static string TooLarge(long bytes, int maxBytes) => BoundedFile.TooLarge(bytes, maxBytes);

        /// <summary>The offset of the first <c>{{</c> or <c>{%</c> that is not inside a YAML or properties comment; -1 when none.</summary>
        private static int FirstTemplate(string text, FileKind kind)
        {
            int at = 0;
            while (true)
            {
                int a = text.IndexOf("{{", at, StringComparison.Ordinal), b = text.IndexOf("{%", at, StringComparison.Ordinal);
                int found = a < 0 ? b : b < 0 ? a : Math.Min(a, b);
                if (found < 0)
                {
                    return -1;
                }

                if (kind == FileKind.Json || !InComment(text, found, kind == FileKind.Properties))
                {
                    return found;
                }

                at = found + 2;
            }
        }

        /// <summary>
        /// True when a comment starts before the offset on its line: '#' at the line start or after white space, and in
        /// properties also '!' as the first character of the line.
        /// </summary>
        private static bool InComment(string text, int offset, bool properties)
        {
            int start = LineStart(text, offset);
            int first = start;
            while (first < offset && (text[first] == ' ' || text[first] == '\t'))
            {
                first++;
            }

            if (first < offset && properties && text[first] == '!')
            {
                return true;
            }

            for (int i = first; i < offset; i++)
            {
                if (text[i] == '#' && (i == start || char.IsWhiteSpace(text[i - 1])))
                {
                    return true;
                }
            }

            return false;
        }

        private static int LineStart(string text, int offset) => offset <= 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;

        /// <summary>A file not linted at all (EL9004 at its start).</summary>
        public static FileResult Skipped(string path, ProfileDocument profile, string message)
        {
            var diagnostics = new List<LintDiagnostic>();
            Add(diagnostics, profile, path, "EL9004", message, new SourceText(path, string.Empty).Span(0, 0));
            return new FileResult(path, null, null, diagnostics, new EvaluationResult[0], unreadable: true);
        }

        private static string KindName(FileKind kind) => kind switch
        {
            FileKind.Json => "JSON",
            FileKind.Properties => "properties",
            FileKind.SentinelConf => "sentinel.conf",
            FileKind.EnvFile => "an environment file",
            FileKind.Hcl => "HCL",
            _ => "YAML",
        };

        private static LintDiagnostic ToDiagnostic(string path, ConfigurationInstance instance, Finding f)
        {
            var location = f.Location as SettingLocation ?? instance.Anchor as SettingLocation;
            var related = new List<RelatedLocation>();
            foreach (SettingOccurrence o in f.Related)
            {
                if (o.Location is SettingLocation rl)
                {
                    related.Add(new RelatedLocation(rl.Value, $"related setting {o.DisplayName}") { Setting = o.DisplayName });
                }
            }

            if (location?.Via is TemplateSite via)
            {
                related.Add(new RelatedLocation(via.Span, "the template that passes this value on") { Path = via.Path });
            }

            string settingKey = instance.System.Id + ":" + (f.Setting?.Id ?? "*");
            return new LintDiagnostic(path, f, location?.Value ?? default)
            {
                Related = related,
                SettingKey = settingKey,
            };
        }

        /// <summary>
        /// A YAML file a Python program reads: Patroni's config (patroni*.yml, or postgresql: beside bootstrap:/restapi: at
        /// the top) and Ansible's variables (defaults/, vars/, group_vars/, host_vars/). PyYAML's constructor overwrites a
        /// repeated key (yaml/constructor.py construct_mapping) and Ansible warns "Using last defined value only".
        /// </summary>
        private static bool ReadByPyYaml(string path, ParsedFile parsed)
        {
            string p = path.Replace('\\', '/');
            string name = System.IO.Path.GetFileName(p).ToLowerInvariant();
            if (name.StartsWith("patroni", StringComparison.Ordinal) || p.Contains("/defaults/") || p.Contains("/vars/") || p.Contains("/group_vars/") || p.Contains("/host_vars/"))
            {
                return true;
            }

            foreach (Node d in parsed.Documents)
            {
                if (d is MappingNode m && m.Get("postgresql") is MappingNode && (m.Get("bootstrap") != null || m.Get("restapi") != null))
                {
                    return true;
                }
            }

            return false;
        }

        private static void Add(List<LintDiagnostic> into, ProfileDocument profile, string path, string ruleId, string message, SourceSpan span, RuleSeverity? own = null)
        {
            Rule rule = RuleCatalogue.Get(ruleId);
            RuleSeverity severity = own != null && !profile.RuleSeverities.ContainsKey(ruleId) ? own.Value : profile.SeverityOf(rule);
            if (severity != RuleSeverity.Off)
            {
                into.Add(new LintDiagnostic(path, rule, severity, message, span));
            }
        }

        /// <summary>The offset of the first byte that starts no well-formed UTF-8 sequence (Unicode Table 3-7: no overlong
        /// forms, no surrogates, nothing past U+10FFFF).</summary>
        private static int InvalidUtf8Offset(byte[] bytes)
        {
            int i = 0;
            while (i < bytes.Length)
            {
                byte b = bytes[i];
                if (b < 0x80)
                {
                    i++;
                    continue;
                }

                // The range of the second byte depends on the first; later bytes are always 80..BF.
                (int n, byte lo, byte hi) = b switch
                {
                    >= 0xC2 and <= 0xDF => (2, (byte)0x80, (byte)0xBF),
                    0xE0 => (3, (byte)0xA0, (byte)0xBF),
                    0xED => (3, (byte)0x80, (byte)0x9F),
                    >= 0xE1 and <= 0xEF => (3, (byte)0x80, (byte)0xBF),
                    0xF0 => (4, (byte)0x90, (byte)0xBF),
                    >= 0xF1 and <= 0xF3 => (4, (byte)0x80, (byte)0xBF),
                    0xF4 => (4, (byte)0x80, (byte)0x8F),
                    _ => (0, (byte)0, (byte)0),
                };
                if (n == 0 || i + n > bytes.Length || bytes[i + 1] < lo || bytes[i + 1] > hi)
                {
                    return i;
                }

                for (int k = 2; k < n; k++)
                {
                    if ((bytes[i + k] & 0xC0) != 0x80)
                    {
                        return i;
                    }
                }

                i += n;
            }

            return Math.Max(0, bytes.Length - 1);
        }

        /// <summary>Reads a file and lints it; I/O errors become EL9004.</summary>
        /// <param name="reportOnly">Only the diagnostics are wanted (a lint report): evaluations are not kept, and a file with
        /// nothing to report may come back without its text.</param>
        public static FileResult LintFile(string path, ProfileDocument profile, string relativePath, int maxBytes = DefaultMaxBytes, bool reportOnly = false)
        {
            try
            {
                IReadOnlyList<TemplateBinding> templates = ChartBindings.For(path);
#if NET8_0_OR_GREATER
                if (reportOnly && profile.Bindings.Count == 0 && templates.Count == 0 && NothingToLint(path, maxBytes))
                {
                    return new FileResult(path, null, null, Array.Empty<LintDiagnostic>(), Array.Empty<EvaluationResult>());
                }
#endif

                // The size of the link's target is checked before reading and the limit enforced while reading.
                byte[]? bytes = BoundedFile.Read(path, maxBytes, out string? skipped);
                return bytes == null ? Skipped(path, profile, skipped!) : Lint(path, bytes, profile, relativePath, maxBytes, templates, keepEvaluations: !reportOnly);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return Skipped(path, profile, $"file skipped: cannot be read ({e.Message})");
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                return Skipped(path, profile, CouldNotLint(e));
            }
        }

#if NET8_0_OR_GREATER
        /// <summary>
        /// True when a file is valid UTF-8 text that names no setting and holds no suppression comment, judged in pooled
        /// buffers: most files of a repository, let go without a string, a tree or a report line (what a run over a large
        /// repository allocated per file, and its peak memory). Anything else is read again and linted in full.
        /// </summary>
        private static bool NothingToLint(string path, int maxBytes)
        {
            byte[]? bytes = BoundedFile.ReadInto(path, maxBytes, n => n <= ReusedBufferChars ? (t_bytes ??= new byte[ReusedBufferChars]) : new byte[n], out int length, out string? skipped);
            if (bytes == null || skipped != null)
            {
                return false;
            }

            ReadOnlySpan<byte> utf8 = bytes.AsSpan(0, length);
            if (utf8.IndexOf((byte)0) >= 0 || (utf8.Length >= 2 && (utf8[0] == 0xFF || utf8[0] == 0xFE)))
            {
                return false; // binary, or a UTF-16/32 byte order mark: the full path says so
            }

            if (utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF)
            {
                utf8 = utf8.Slice(3);
            }

            char[] chars = utf8.Length <= ReusedBufferChars ? (t_chars ??= new char[ReusedBufferChars]) : new char[utf8.Length];
            if (System.Text.Unicode.Utf8.ToUtf16(utf8, chars, out _, out int written, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            ReadOnlySpan<char> text = chars.AsSpan(0, written);
            return text.IndexOf("electionlint-".AsSpan(), StringComparison.Ordinal) < 0 && !Recognizer.MayHoldSettings(text);
        }

        /// <summary>Files up to this size are judged in buffers each thread keeps (a pool kept larger ones alive too).</summary>
        private const int ReusedBufferChars = 1024 * 1024 + 1;

        [ThreadStatic]
        private static byte[]? t_bytes;

        [ThreadStatic]
        private static char[]? t_chars;
#endif
    }
}
