using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Catalogue;

namespace ElectionLint.Config.Linting
{
    /// <summary>
    /// <c># electionlint-disable-line ID -- reason</c>, <c>-next-line</c> and <c>-file</c> comments (also after <c>//</c> in JSON).
    /// Without ids a comment disables every rule. Unknown ids are EL9003.
    /// </summary>
    internal sealed class Suppressions
    {
        private static readonly Regex Comment = new Regex(
            @"(?:#|//)\s*electionlint-disable-(?<kind>line|next-line|file)\b(?<ids>[^\r\n]*?)(?:\s--\s.*)?$",
            RegexOptions.CultureInvariant | RegexOptions.Multiline);

        private static readonly Regex Id = new Regex(@"[A-Za-z]+[0-9]+", RegexOptions.CultureInvariant);

        private readonly Dictionary<int, HashSet<string>?> _lines = new Dictionary<int, HashSet<string>?>();
        private HashSet<string>? _file;
        private bool _fileAll;

        public List<(SourceSpan Span, string Id)> Unknown { get; } = new List<(SourceSpan, string)>();

        public static Suppressions Scan(SourceText text)
        {
            var s = new Suppressions();
            if (text.Text.IndexOf("electionlint-disable", StringComparison.Ordinal) < 0)
            {
                return s;
            }

            foreach (Match m in Comment.Matches(text.Text))
            {
                (int line, _) = text.Position(m.Index);
                var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                Group g = m.Groups["ids"];
                foreach (Match id in Id.Matches(g.Value))
                {
                    if (RuleCatalogue.Exists(id.Value.ToUpperInvariant()))
                    {
                        ids.Add(id.Value.ToUpperInvariant());
                    }
                    else
                    {
                        int at = g.Index + id.Index;
                        s.Unknown.Add((text.Span(at, at + id.Length), id.Value));
                    }
                }

                bool all = Id.Matches(g.Value).Count == 0;
                switch (m.Groups["kind"].Value)
                {
                    case "file":
                        if (all)
                        {
                            s._fileAll = true;
                        }
                        else
                        {
                            s._file ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                            s._file.UnionWith(ids);
                        }

                        break;
                    case "line":
                        s.Add(line, all ? null : ids);
                        break;
                    default:
                        s.Add(line + 1, all ? null : ids);
                        break;
                }
            }

            return s;
        }

        public bool IsSuppressed(string ruleId, int line)
        {
            if (ruleId == "EL9003")
            {
                return false;
            }

            if (_fileAll || (_file != null && _file.Contains(ruleId)))
            {
                return true;
            }

            return _lines.TryGetValue(line, out HashSet<string>? ids) && (ids == null || ids.Contains(ruleId));
        }

        private void Add(int line, HashSet<string>? ids)
        {
            if (_lines.TryGetValue(line, out HashSet<string>? existing))
            {
                if (existing == null || ids == null)
                {
                    _lines[line] = null;
                }
                else
                {
                    existing.UnionWith(ids);
                }
            }
            else
            {
                _lines[line] = ids;
            }
        }
    }
}
