using System;
using System.Text;
using System.Text.RegularExpressions;

namespace ElectionLint.Rules.Profile
{
    /// <summary>
    /// Path globs of the profile: <c>*</c> within a segment, <c>**</c> across segments, <c>?</c>, <c>{a,b}</c>.
    /// Paths are relative to the profile's folder and use '/'. A pattern without '/' matches a name at any depth.
    /// </summary>
    /// <remarks>Hand-written rather than Microsoft.Extensions.FileSystemGlobbing so the analyzer loads no extra assembly.</remarks>
    public sealed class Glob
    {
        private readonly Regex _regex;

        public Glob(string pattern)
        {
            Pattern = pattern;
            string p = pattern.Replace('\\', '/');
            if (p.StartsWith("./", StringComparison.Ordinal))
            {
                p = p.Substring(2);
            }

            bool anchored = p.IndexOf('/') >= 0 && !p.StartsWith("**/", StringComparison.Ordinal);
            p = p.TrimStart('/');
            if (p.EndsWith("/", StringComparison.Ordinal))
            {
                p += "**";
            }

            var sb = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
            for (int i = 0; i < p.Length; i++)
            {
                char c = p[i];
                if (c == '*')
                {
                    if (i + 1 < p.Length && p[i + 1] == '*')
                    {
                        bool slashAfter = i + 2 < p.Length && p[i + 2] == '/';
                        sb.Append(slashAfter ? "(?:.*/)?" : ".*");
                        i += slashAfter ? 2 : 1;
                    }
                    else
                    {
                        sb.Append("[^/]*");
                    }
                }
                else if (c == '?')
                {
                    sb.Append("[^/]");
                }
                else if (c == '{')
                {
                    int close = p.IndexOf('}', i);
                    if (close < 0)
                    {
                        sb.Append(Regex.Escape("{"));
                        continue;
                    }

                    string[] parts = p.Substring(i + 1, close - i - 1).Split(',');
                    sb.Append("(?:");
                    for (int k = 0; k < parts.Length; k++)
                    {
                        sb.Append(k > 0 ? "|" : string.Empty).Append(Regex.Escape(parts[k]));
                    }

                    sb.Append(')');
                    i = close;
                }
                else
                {
                    sb.Append(Regex.Escape(c.ToString()));
                }
            }

            // A folder pattern also covers what is below it.
            sb.Append("(?:/.*)?$");
            _regex = new Regex(sb.ToString(), RegexOptions.CultureInvariant);
        }

        public string Pattern { get; }

        public bool IsMatch(string relativePath)
        {
            string path = relativePath.Replace('\\', '/').TrimStart('/');
            if (path.StartsWith("./", StringComparison.Ordinal))
            {
                path = path.Substring(2);
            }

            return _regex.IsMatch(path);
        }

        public override string ToString() => Pattern;
    }
}
