using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using ElectionLint.Config.Source;

namespace ElectionLint.Config.Documents
{
    /// <summary>
    /// A Jinja template's text made readable without rendering, offsets kept: a line holding only <c>{% … %}</c> statements
    /// and <c>{# … #}</c> comments is blanked (it renders nothing under Ansible's trim_blocks, given lstrip_blocks or no
    /// indentation), and each <c>{{ … }}</c> or inline <c>{% … %}</c> becomes a placeholder <c>$(…)</c> of the same length,
    /// which the recognizer reads as unknown. Lines inside <c>{% for %}</c> and in <c>{% if %}</c> branches are remembered:
    /// what they write may render any number of times, or not. Null when the text cannot be read soundly this way.
    /// </summary>
    public sealed class JinjaText
    {
        private static readonly Regex Tag = new Regex(@"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", RegexOptions.CultureInvariant | RegexOptions.Singleline);
        private static readonly Regex Header = new Regex(@"\A#jinja2:(?<opts>[^\r\n]*)", RegexOptions.CultureInvariant);
        private static readonly Regex Statement = new Regex(@"\A\{%\s*(?<kw>[a-z_]+)(?<rest>.*?)%\}\z", RegexOptions.CultureInvariant | RegexOptions.Singleline);

        private JinjaText(string text, int[] loops, string[] branches, List<(int Line, int Indent)> expressions, string dropped)
        {
            Dropped = dropped;
            Text = text;
            _loops = loops;
            _branches = branches;
            Expressions = expressions;
        }

        private readonly int[] _loops;
        private readonly string[] _branches;

        /// <summary>The text with statements blanked and expressions replaced, as long as the template and line for line.</summary>
        public string Text { get; }

        /// <summary>The content of the elif and else branches blanked when only first branches are read.</summary>
        public string Dropped { get; }

        /// <summary>Lines (1-based) holding only an expression: what it renders may add keys to the mapping it stands in.</summary>
        public IReadOnlyList<(int Line, int Indent)> Expressions { get; }

        /// <summary>True when what the 1-based line writes is unknown: inside a <c>{% for %}</c> body, or appended to a line ending in a statement.</summary>
        public bool InLoop(int line) => line >= 1 && line <= _loops.Length && _loops[line - 1] > 0;

        /// <summary>The if-branches the 1-based line is in ("" outside any): two lines with different paths may not both render.</summary>
        public string Branch(int line) => line >= 1 && line <= _branches.Length ? _branches[line - 1] : string.Empty;

        /// <summary>True for a name Jinja templates carry (.j2, .jinja, .jinja2).</summary>
        public static bool IsJinjaName(string path)
        {
            string name = System.IO.Path.GetFileName(path).ToLowerInvariant();
            return name.EndsWith(".j2", StringComparison.Ordinal) || name.EndsWith(".jinja", StringComparison.Ordinal) || name.EndsWith(".jinja2", StringComparison.Ordinal);
        }

        /// <param name="firstBranches">Blank what an elif or else branch writes too (its text is then <see cref="Dropped"/>).</param>
        public static JinjaText? Prepare(string text, bool firstBranches = false)
        {
            if (text.IndexOf("{%", StringComparison.Ordinal) < 0 && text.IndexOf("{#", StringComparison.Ordinal) < 0 && text.IndexOf("{{", StringComparison.Ordinal) < 0)
            {
                return null;
            }

            // Ansible's template module: trim_blocks True, lstrip_blocks False, unless the first line says otherwise.
            bool trim = true, lstrip = false;
            Match header = Header.Match(text);
            if (header.Success)
            {
                foreach (string pair in header.Groups["opts"].Value.Split(','))
                {
                    string[] kv = pair.Split(new[] { ':' }, 2);
                    if (kv.Length == 2 && kv[0].Trim() == "trim_blocks")
                    {
                        trim = kv[1].Trim() == "True";
                    }
                    else if (kv.Length == 2 && kv[0].Trim() == "lstrip_blocks")
                    {
                        lstrip = kv[1].Trim() == "True";
                    }
                }
            }

            char[] output = text.ToCharArray();
            var lines = new List<(int Start, int End)>();
            for (int start = 0; start <= text.Length;)
            {
                int nl = text.IndexOf('\n', start);
                int end = nl < 0 ? text.Length : nl;
                lines.Add((start, end));
                if (nl < 0)
                {
                    break;
                }

                start = nl + 1;
            }

            var loops = new int[lines.Count];
            var branches = new string[lines.Count];
            var expressions = new List<(int, int)>();
            var stack = new List<(string Kind, int Id, int Branch)>();
            int ids = 0, loopDepth = 0;
            var dropped = new System.Text.StringBuilder();
            bool join = false; // the previous content line ends in a statement: trim_blocks joins the next line to it
            for (int i = 0; i < lines.Count; i++)
            {
                (int start, int end) = lines[i];
                string line = text.Substring(start, end - start).TrimEnd('\r');
                int indent = 0;
                while (indent < line.Length && (line[indent] == ' ' || line[indent] == '\t'))
                {
                    indent++;
                }

                loops[i] = loopDepth;
                branches[i] = Path(stack);
                var tags = new List<Match>();
                foreach (Match m in Tag.Matches(line))
                {
                    tags.Add(m);
                }

                string rest = Rest(line, tags);
                if (rest.IndexOf("{{", StringComparison.Ordinal) >= 0 || rest.IndexOf("{%", StringComparison.Ordinal) >= 0 || rest.IndexOf("{#", StringComparison.Ordinal) >= 0)
                {
                    return null; // a tag over several lines
                }

                bool onlyTags = tags.Count > 0 && tags[0].Index == indent && Rest(line, tags).Trim().Length == 0 && !tags.Exists(t => t.Value.StartsWith("{{", StringComparison.Ordinal));
                foreach (Match t in tags)
                {
                    if (t.Value.Length >= 3 && (t.Value[2] == '-' || t.Value[2] == '+' || t.Value[t.Value.Length - 3] == '-' || t.Value[t.Value.Length - 3] == '+'))
                    {
                        return null; // whitespace control: what the tag removes around it is not kept here
                    }

                    if (t.Value.StartsWith("{#", StringComparison.Ordinal) && !onlyTags)
                    {
                        return null; // a comment beside content: trim_blocks joins the next line to this one
                    }
                }

                if (onlyTags)
                {
                    if (indent > 0 && !lstrip && trim)
                    {
                        return null; // its indentation would be written before the next line
                    }

                    foreach (Match t in tags)
                    {
                        if (!Block(t.Value, stack, ref ids, ref loopDepth))
                        {
                            return null;
                        }
                    }

                    // The line itself belongs to the branch it opens or closes: nothing on it renders.
                    for (int c = start; c < end; c++)
                    {
                        if (output[c] != '\r')
                        {
                            output[c] = ' ';
                        }
                    }

                    continue;
                }

                if (join && line.Trim().Length > 0)
                {
                    // trim_blocks may append this line to an earlier one ending in a statement, unless a branch between
                    // skipped it: what it writes is unknown.
                    loops[i]++;
                }

                join = false;
                if (firstBranches && stack.Exists(f => f.Branch > 0))
                {
                    dropped.Append(line).Append('\n');
                    for (int c = start; c < end; c++)
                    {
                        if (output[c] != '\r')
                        {
                            output[c] = ' ';
                        }
                    }

                    continue;
                }

                int before = stack.Count;
                var inline = new List<(string, int, int)>(stack);
                int inlineLoops = loopDepth;
                foreach (Match t in tags)
                {
                    if (t.Value.StartsWith("{%", StringComparison.Ordinal) && !Block(t.Value, inline, ref ids, ref inlineLoops))
                    {
                        return null;
                    }

                    int from = start + t.Index, to = from + t.Length;
                    output[from] = '$';
                    output[from + 1] = '(';
                    for (int c = from + 2; c < to - 1; c++)
                    {
                        output[c] = 'x';
                    }

                    output[to - 1] = ')';
                }

                if (inline.Count != before || !SameFrames(inline, stack))
                {
                    return null; // a block opened or closed beside content
                }

                if (tags.Count == 1 && tags[0].Value.StartsWith("{{", StringComparison.Ordinal) && tags[0].Index == indent && rest.Trim().Length == 0)
                {
                    // An expression alone on a line may write any keys there: blanked, and the mapping it stands in is open.
                    expressions.Add((i + 1, indent));
                    for (int c = start; c < end; c++)
                    {
                        if (output[c] != '\r')
                        {
                            output[c] = ' ';
                        }
                    }
                }

                join = trim && tags.Count > 0 && line.TrimEnd().EndsWith("%}", StringComparison.Ordinal);
            }

            return stack.Count == 0 ? new JinjaText(new string(output), loops, branches, expressions, dropped.ToString()) : null;
        }

        private static bool SameFrames(List<(string, int, int)> a, List<(string, int, int)> b)
        {
            for (int i = 0; i < a.Count; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static string Rest(string line, List<Match> tags)
        {
            var sb = new System.Text.StringBuilder(line);
            foreach (Match t in tags)
            {
                for (int c = t.Index; c < t.Index + t.Length; c++)
                {
                    sb[c] = ' ';
                }
            }

            return sb.ToString();
        }

        private static string Path(List<(string Kind, int Id, int Branch)> stack)
        {
            var sb = new System.Text.StringBuilder();
            foreach ((string kind, int id, int branch) in stack)
            {
                if (kind == "if")
                {
                    sb.Append(id).Append('.').Append(branch).Append('/');
                }
            }

            return sb.ToString();
        }

        /// <summary>Applies one statement to the block stack; false for one not read here (include, macro, raw, a block set…).</summary>
        private static bool Block(string tag, List<(string Kind, int Id, int Branch)> stack, ref int ids, ref int loops)
        {
            if (tag.StartsWith("{#", StringComparison.Ordinal) || tag.StartsWith("{{", StringComparison.Ordinal))
            {
                return true;
            }

            Match m = Statement.Match(tag);
            if (!m.Success)
            {
                return false;
            }

            int top = stack.Count - 1;
            switch (m.Groups["kw"].Value)
            {
                case "if":
                    stack.Add(("if", ++ids, 0));
                    return true;
                case "for":
                    stack.Add(("for", ++ids, 0));
                    loops++;
                    return true;
                case "elif":
                    if (top < 0 || stack[top].Kind != "if")
                    {
                        return false;
                    }

                    stack[top] = ("if", stack[top].Id, stack[top].Branch + 1);
                    return true;
                case "else":
                    // for … else: the else renders when the loop ran no time; still a body of the loop here.
                    if (top < 0)
                    {
                        return false;
                    }

                    stack[top] = (stack[top].Kind, stack[top].Id, stack[top].Branch + 1);
                    return true;
                case "endif":
                    if (top < 0 || stack[top].Kind != "if")
                    {
                        return false;
                    }

                    stack.RemoveAt(top);
                    return true;
                case "endfor":
                    if (top < 0 || stack[top].Kind != "for")
                    {
                        return false;
                    }

                    stack.RemoveAt(top);
                    loops--;
                    return true;
                case "set":
                    return m.Groups["rest"].Value.IndexOf('=') >= 0; // `set x = …` renders nothing; a block set is not read
                default:
                    return false;
            }
        }

        /// <summary>
        /// The variable a template value passes on unchanged: <c>{{ var }}</c> with only <c>int</c>, <c>string</c> and
        /// <c>d(N, true)</c>/<c>default(N)</c> filters; <paramref name="integer"/> when <c>int</c> converts it.
        /// </summary>
        public static string? Variable(string value, out string? fallback, out bool falsy, out bool integer)
        {
            fallback = null;
            falsy = false;
            integer = false;
            Match m = Expression.Match(value.Trim());
            if (!m.Success)
            {
                return null;
            }

            foreach (Capture c in m.Groups["filter"].Captures)
            {
                Match f = Filter.Match(c.Value);
                if (!f.Success)
                {
                    return null;
                }

                if (f.Groups["name"].Value == "int")
                {
                    integer = true;
                }
                else if (f.Groups["def"].Success)
                {
                    if (fallback != null || integer)
                    {
                        return null;
                    }

                    fallback = f.Groups["def"].Value.Trim('\'', '"');
                    falsy = f.Groups["bool"].Success;
                }
            }

            return m.Groups["var"].Value;
        }

        private static readonly Regex Expression = new Regex(@"\A[""']?\{\{\s*(?<var>[A-Za-z_]\w*)\s*(?<filter>\|[^|}]*)*\}\}[""']?\z", RegexOptions.CultureInvariant);
        private static readonly Regex Filter = new Regex(@"\A\|\s*(?:(?<name>int|string)|(?:d|default)\(\s*(?<def>[0-9]+|'[0-9]+'|""[0-9]+"")\s*(?:,\s*(?<bool>true|True))?\s*\))\s*\z", RegexOptions.CultureInvariant);
    }
}
