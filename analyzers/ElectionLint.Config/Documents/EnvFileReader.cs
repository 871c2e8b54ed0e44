using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ElectionLint.Config.Source;

namespace ElectionLint.Config.Documents
{
    /// <summary>
    /// A Jinja template of an environment file (<c>etcd.env.j2</c>, <c>etcd.conf.j2</c>: <c>ETCD_HEARTBEAT_INTERVAL="100"</c>
    /// lines), which a systemd unit loads with <c>EnvironmentFile=</c>: one mapping of variable to value, quotes removed as
    /// systemd removes them. A variable written on more than one line, or inside a <c>{% for %}</c>, is unknown.
    /// </summary>
    public static class EnvFileReader
    {
        private static readonly Regex Assignment = new Regex(@"\A(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?<value>.*)\z", RegexOptions.CultureInvariant);

        /// <summary>The names read as environment files when every line is an assignment: *.env.j2, etcd.conf.j2.</summary>
        public static bool IsEnvTemplateName(string path)
        {
            string name = System.IO.Path.GetFileName(path).ToLowerInvariant();
            foreach (string suffix in new[] { ".j2", ".jinja", ".jinja2" })
            {
                if (name.EndsWith(suffix, StringComparison.Ordinal))
                {
                    string stem = name.Substring(0, name.Length - suffix.Length);
                    return stem.EndsWith(".env", StringComparison.Ordinal) || stem == "etcd.conf";
                }
            }

            return false;
        }

        /// <summary>Null unless every line that renders is a comment or NAME=VALUE.</summary>
        public static ParsedFile? Read(SourceText source)
        {
            JinjaText? jinja = JinjaText.Prepare(source.Text);
            if (jinja != null && jinja.Expressions.Count > 0)
            {
                return null; // an expression alone on a line may write any variable
            }

            string text = jinja?.Text ?? source.Text;
            var prepared = new SourceText(source.Path, text);
            var entries = new List<MappingEntry>();
            var count = new Dictionary<string, int>(StringComparer.Ordinal);
            int lineNumber = 0;
            for (int start = 0; start < text.Length; lineNumber++)
            {
                int nl = text.IndexOf('\n', start);
                int end = nl < 0 ? text.Length : nl;
                string line = text.Substring(start, end - start).TrimEnd('\r');
                string trimmed = line.Trim();
                int lead = line.Length - line.TrimStart().Length;
                if (trimmed.Length > 0 && trimmed[0] != '#' && trimmed[0] != ';')
                {
                    Match m = Assignment.Match(line.Substring(lead).TrimEnd());
                    if (!m.Success || line.TrimEnd().EndsWith("\\", StringComparison.Ordinal))
                    {
                        return null;
                    }

                    int nameAt = start + lead;
                    string name = m.Groups["name"].Value;
                    string raw = m.Groups["value"].Value;
                    int valueAt = nameAt + m.Groups["value"].Index;
                    ScalarNode value;
                    if (raw.Length >= 2 && (raw[0] == '"' || raw[0] == '\'') && raw[raw.Length - 1] == raw[0] && raw.IndexOf('\\') < 0 && raw.IndexOf(raw[0], 1) == raw.Length - 1)
                    {
                        value = new ScalarNode(raw.Substring(1, raw.Length - 2), raw[0] == '"' ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted, prepared.Span(valueAt, valueAt + raw.Length));
                    }
                    else if (raw.IndexOfAny(new[] { '"', '\'', '\\', ' ', '\t' }) < 0)
                    {
                        value = new ScalarNode(raw, ScalarStyle.Plain, prepared.Span(valueAt, valueAt + raw.Length));
                    }
                    else
                    {
                        value = new ScalarNode("$(unknown)", ScalarStyle.Plain, prepared.Span(valueAt, valueAt + raw.Length)); // shell-like quoting not read here
                    }

                    if (jinja != null && jinja.InLoop(lineNumber + 1))
                    {
                        value = new ScalarNode("$(unknown)", ScalarStyle.Plain, value.Span);
                    }

                    count[name] = count.TryGetValue(name, out int c) ? c + 1 : 1;
                    entries.Add(new MappingEntry(new ScalarNode(name, ScalarStyle.Plain, prepared.Span(nameAt, nameAt + name.Length)), value));
                }

                if (nl < 0)
                {
                    break;
                }

                start = nl + 1;
            }

            if (entries.Count == 0)
            {
                return null;
            }

            // Written twice: under different branches, or the later line wins; either way not one known value.
            var kept = new List<MappingEntry>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (MappingEntry e in entries)
            {
                if (count[e.KeyText] > 1)
                {
                    if (seen.Add(e.KeyText))
                    {
                        kept.Add(new MappingEntry(e.Key, new ScalarNode("$(unknown)", ScalarStyle.Plain, e.Value.Span)));
                    }

                    continue;
                }

                kept.Add(e);
            }

            return new ParsedFile(prepared, FileKind.EnvFile, new Node[] { new MappingNode(kept, prepared.Span(0, text.Length)) }, Array.Empty<FileProblem>());
        }
    }
}
