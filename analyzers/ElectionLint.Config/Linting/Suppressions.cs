using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Catalogue;

namespace ElectionLint.Config.Linting
{
    /// <summary>
    /// <c># electionlint-disable-line ID -- reason</c>, <c>-next-line</c> and <c>-file</c> comments (also after <c>//</c> in JSON),
    /// and blocks as yamllint and eslint write them: <c>electionlint-disable ID</c> up to <c>electionlint-enable ID</c> (or the
    /// end of the file). Without ids a comment disables (or enables) every rule. Unknown ids are EL9003.
    /// </summary>
    internal sealed class Suppressions
    {
        private static readonly Regex Comment = new Regex(
            @"(?:#|//)\s*electionlint-(?<kind>disable-line|disable-next-line|disable-file|disable|enable)(?![-\w])(?<ids>[^\r\n]*?)(?:\s--\s.*)?$",
            RegexOptions.CultureInvariant | RegexOptions.Multiline);

        private static readonly Regex Id = new Regex(@"[A-Za-z]+[0-9]+", RegexOptions.CultureInvariant);

        private readonly Dictionary<int, HashSet<string>?> _lines = new Dictionary<int, HashSet<string>?>();
        private HashSet<string>? _file;
        private bool _fileAll;

        /// <summary>Closed and open blocks: lines [Start, End) where the rules (null: all but Except) are off.</summary>
        private readonly List<(int Start, int End, HashSet<string>? Ids, HashSet<string>? Except)> _blocks = new List<(int, int, HashSet<string>?, HashSet<string>?)>();

        public List<(SourceSpan Span, string Id)> Unknown { get; } = new List<(SourceSpan, string)>();

        public static Suppressions Scan(SourceText text)
        {
            var s = new Suppressions();
            if (text.Text.IndexOf("electionlint-", StringComparison.Ordinal) < 0)
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
                    case "disable":
                        s.Open(line, all ? null : ids);
                        break;
                    case "enable":
                        s.Close(line, all ? null : ids);
                        break;
                    case "disable-file":
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
                    case "disable-line":
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

            if (_lines.TryGetValue(line, out HashSet<string>? ids) && (ids == null || ids.Contains(ruleId)))
            {
                return true;
            }

            foreach ((int start, int end, HashSet<string>? blockIds, HashSet<string>? except) in _blocks)
            {
                if (start <= line && line < end && (blockIds == null ? except == null || !except.Contains(ruleId) : blockIds.Contains(ruleId)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>electionlint-disable [IDS]</c>: the rules are off from this line on, until enabled.</summary>
        private void Open(int line, HashSet<string>? ids)
        {
            if (ids == null)
            {
                Close(line, null);
            }

            _blocks.Add((line, int.MaxValue, ids, null));
        }

        /// <summary><c>electionlint-enable [IDS]</c>: the open blocks end here for those rules (every rule without ids).</summary>
        private void Close(int line, HashSet<string>? ids)
        {
            for (int i = _blocks.Count - 1; i >= 0; i--)
            {
                (int start, int end, HashSet<string>? blockIds, HashSet<string>? except) = _blocks[i];
                if (end != int.MaxValue)
                {
                    continue;
                }

                _blocks[i] = (start, line, blockIds, except);
                if (ids == null)
                {
                    continue;
                }

                if (blockIds != null)
                {
                    // disable A B … enable A: B stays off.
                    var rest = new HashSet<string>(blockIds, StringComparer.OrdinalIgnoreCase);
                    rest.ExceptWith(ids);
                    if (rest.Count > 0)
                    {
                        _blocks.Add((line, int.MaxValue, rest, null));
                    }
                }
                else
                {
                    // disable … enable A: every rule but A stays off.
                    var off = new HashSet<string>(except ?? new HashSet<string>(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
                    off.UnionWith(ids);
                    _blocks.Add((line, int.MaxValue, null, off));
                }
            }
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
