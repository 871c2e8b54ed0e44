using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ElectionLint.Config.Source;

namespace ElectionLint.Config.Documents
{
    /// <summary>
    /// A strict reader for the part of HCL that Consul, Nomad and Vault agent configs use: attributes (<c>name = value</c>),
    /// blocks with labels (<c>storage "raft" { … }</c>), objects (<c>performance = { … }</c>), lists, strings, numbers,
    /// booleans, heredocs and <c>#</c>, <c>//</c>, <c>/* */</c> comments. A block <c>a "b" { … }</c> reads as the mapping
    /// <c>a: { b: { … } }</c>. A value that is an expression (a variable, a function call) reads as <c>${…}</c>, so it is
    /// unknown, never guessed. Anything else stops the reader with an EL9001 at its position; what was read before it is kept.
    /// </summary>
    public static class HclReader
    {
        public static ParsedFile Read(SourceText source)
        {
            var parser = new Parser(source);
            var problems = new List<FileProblem>();
            MappingNode root;
            try
            {
                root = parser.Body(end: '\0');
            }
            catch (HclException e)
            {
                problems.Add(new FileProblem("EL9001", "HCL: " + e.Message, source.Span(e.Offset, e.Offset)));
                root = new MappingNode(parser.Partial, source.Span(0, source.Text.Length));
            }

            return new ParsedFile(source, FileKind.Hcl, new Node[] { root }, problems);
        }

        private sealed class HclException : Exception
        {
            public HclException(string message, int offset)
                : base(message)
            {
                Offset = offset;
            }

            public int Offset { get; }
        }

        private sealed class Parser
        {
            private readonly SourceText _source;
            private readonly string _s;
            private int _i;
            private int _depth;

            public Parser(SourceText source)
            {
                _source = source;
                _s = source.Text;
                if (_s.Length > 0 && _s[0] == '\uFEFF')
                {
                    _i = 1;
                }
            }

            /// <summary>The top-level entries read before an error.</summary>
            public List<MappingEntry> Partial { get; } = new List<MappingEntry>();

            /// <summary>Items until <paramref name="end"/> ('}' or the end of the text).</summary>
            public MappingNode Body(char end)
            {
                int start = _i;
                List<MappingEntry> entries = _depth == 0 ? Partial : new List<MappingEntry>();
                if (++_depth > 64)
                {
                    throw new HclException("blocks nested more than 64 deep", _i);
                }

                while (true)
                {
                    SkipSpace(newlines: true, commas: true);
                    if (_i >= _s.Length)
                    {
                        if (end != '\0')
                        {
                            throw new HclException($"'{end}' expected before the end of the file", _i);
                        }

                        break;
                    }

                    if (_s[_i] == end)
                    {
                        _i++;
                        break;
                    }

                    entries.Add(Item());
                }

                _depth--;
                return new MappingNode(entries, _source.Span(start, _i));
            }

            private MappingEntry Item()
            {
                ScalarNode key = Key();
                SkipSpace(newlines: false, commas: false);
                if (_i < _s.Length && (_s[_i] == '=' || _s[_i] == ':'))
                {
                    _i++;
                    SkipSpace(newlines: false, commas: false);
                    return new MappingEntry(key, Value());
                }

                // A block: labels, then a body.
                var labels = new List<ScalarNode>();
                while (_i < _s.Length && _s[_i] != '{')
                {
                    if (_s[_i] == '\n' || _s[_i] == '\r')
                    {
                        throw new HclException($"'=' or '{{' expected after '{key.Value}'", _i);
                    }

                    labels.Add(Key());
                    SkipSpace(newlines: false, commas: false);
                }

                if (_i >= _s.Length)
                {
                    throw new HclException($"'=' or '{{' expected after '{key.Value}'", _i);
                }

                int open = _i++;
                Node body = Body('}');
                for (int l = labels.Count - 1; l >= 0; l--)
                {
                    body = new MappingNode(new[] { new MappingEntry(labels[l], body) }, _source.Span(open, _i));
                }

                return new MappingEntry(key, body);
            }

            /// <summary>An identifier or a quoted string.</summary>
            private ScalarNode Key()
            {
                if (_i < _s.Length && _s[_i] == '"')
                {
                    return QuotedString();
                }

                int start = _i;
                while (_i < _s.Length && IsIdentChar(_s[_i]))
                {
                    _i++;
                }

                if (_i == start)
                {
                    throw new HclException(_i < _s.Length ? "unexpected " + Describe(_s[_i]) : "unexpected end of the file", _i);
                }

                return new ScalarNode(_s.Substring(start, _i - start), ScalarStyle.Plain, _source.Span(start, _i));
            }

            private Node Value()
            {
                if (_i >= _s.Length)
                {
                    throw new HclException("a value expected", _i);
                }

                char c = _s[_i];
                if (c == '"')
                {
                    ScalarNode str = QuotedString();
                    return str.Value.IndexOf("${", StringComparison.Ordinal) >= 0 || str.Value.IndexOf("%{", StringComparison.Ordinal) >= 0
                        ? new ScalarNode("${" + str.Value + "}", ScalarStyle.DoubleQuoted, str.Span)
                        : str;
                }

                if (c == '{')
                {
                    _i++;
                    return Body('}');
                }

                if (c == '[')
                {
                    return List();
                }

                if (c == '<' && _i + 1 < _s.Length && _s[_i + 1] == '<')
                {
                    return Heredoc();
                }

                int start = _i;
                if (c == '-' || c == '+' || char.IsDigit(c) || c == '.')
                {
                    _i++;
                    while (_i < _s.Length && (char.IsLetterOrDigit(_s[_i]) || _s[_i] == '.' || ((_s[_i] == '-' || _s[_i] == '+') && (_s[_i - 1] == 'e' || _s[_i - 1] == 'E'))))
                    {
                        _i++;
                    }

                    string number = _s.Substring(start, _i - start);
                    if (!decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !number.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
                    {
                        throw new HclException($"'{number}' is not a number", start);
                    }

                    return EndOfValue(start, new ScalarNode(number, ScalarStyle.Plain, _source.Span(start, _i)));
                }

                if (IsIdentChar(c))
                {
                    ScalarNode word = Key();
                    return EndOfValue(start, word.Value == "true" || word.Value == "false" || word.Value == "null" ? word : new ScalarNode("${" + word.Value + "}", ScalarStyle.Plain, word.Span));
                }

                throw new HclException("unexpected " + Describe(c), _i);
            }

            /// <summary>A literal that continues into an expression (1 + var.x, abs(-1)) is an expression: read to the end of the line as unknown.</summary>
            private Node EndOfValue(int start, ScalarNode literal)
            {
                SkipSpace(newlines: false, commas: false);
                if (_i >= _s.Length || _s[_i] == '\n' || _s[_i] == '\r' || _s[_i] == ',' || _s[_i] == '}' || _s[_i] == ']')
                {
                    return literal;
                }

                int depth = 0;
                while (_i < _s.Length && (depth > 0 || (_s[_i] != '\n' && _s[_i] != ',' && _s[_i] != '}' && _s[_i] != ']')))
                {
                    depth += _s[_i] == '(' || _s[_i] == '[' ? 1 : _s[_i] == ')' || _s[_i] == ']' ? -1 : 0;
                    if (depth < 0)
                    {
                        throw new HclException($"unbalanced '{_s[_i]}'", _i);
                    }

                    _i++;
                }

                string text = _s.Substring(start, _i - start).TrimEnd();
                return new ScalarNode("${" + text + "}", ScalarStyle.Plain, _source.Span(start, start + text.Length));
            }

            private SequenceNode List()
            {
                int start = _i++;
                var items = new List<Node>();
                if (++_depth > 64)
                {
                    throw new HclException("lists nested more than 64 deep", start);
                }

                while (true)
                {
                    SkipSpace(newlines: true, commas: true);
                    if (_i >= _s.Length)
                    {
                        throw new HclException("']' expected before the end of the file", _i);
                    }

                    if (_s[_i] == ']')
                    {
                        _i++;
                        _depth--;
                        return new SequenceNode(items, _source.Span(start, _i));
                    }

                    items.Add(Value());
                }
            }

            private ScalarNode Heredoc()
            {
                int start = _i;
                _i += 2;
                if (_i < _s.Length && _s[_i] == '-')
                {
                    _i++;
                }

                int markerStart = _i;
                while (_i < _s.Length && IsIdentChar(_s[_i]))
                {
                    _i++;
                }

                string marker = _s.Substring(markerStart, _i - markerStart);
                int lineEnd = _s.IndexOf('\n', _i);
                if (marker.Length == 0 || lineEnd < 0)
                {
                    throw new HclException("a heredoc marker and a line break expected after '<<'", start);
                }

                int bodyStart = lineEnd + 1, at = bodyStart;
                while (at < _s.Length)
                {
                    int end = _s.IndexOf('\n', at);
                    string line = (end < 0 ? _s.Substring(at) : _s.Substring(at, end - at)).Trim();
                    if (line == marker)
                    {
                        _i = end < 0 ? _s.Length : end;
                        string body = _s.Substring(bodyStart, Math.Max(0, at - 1 - bodyStart));
                        return new ScalarNode(body, ScalarStyle.Literal, _source.Span(bodyStart, Math.Max(bodyStart, at - 1)));
                    }

                    at = end < 0 ? _s.Length : end + 1;
                }

                throw new HclException($"heredoc '{marker}' is not closed", start);
            }

            private ScalarNode QuotedString()
            {
                int open = _i++;
                var text = new StringBuilder();
                while (true)
                {
                    if (_i >= _s.Length || _s[_i] == '\n')
                    {
                        throw new HclException("string not closed on its line", open);
                    }

                    char c = _s[_i];
                    if (c == '"')
                    {
                        var node = new ScalarNode(text.ToString(), ScalarStyle.DoubleQuoted, _source.Span(open + 1, _i));
                        _i++;
                        return node;
                    }

                    if (c == '\\' && _i + 1 < _s.Length)
                    {
                        char n = _s[_i + 1];
                        _i += 2;
                        switch (n)
                        {
                            case 'n': text.Append('\n'); break;
                            case 't': text.Append('\t'); break;
                            case 'r': text.Append('\r'); break;
                            case '"': text.Append('"'); break;
                            case '\\': text.Append('\\'); break;
                            case 'u' when _i + 4 <= _s.Length && int.TryParse(_s.Substring(_i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int u):
                                text.Append((char)u);
                                _i += 4;
                                break;
                            default:
                                throw new HclException($"unknown escape '\\{n}' in a string", _i - 2);
                        }

                        continue;
                    }

                    text.Append(c);
                    _i++;
                }
            }

            private void SkipSpace(bool newlines, bool commas)
            {
                while (_i < _s.Length)
                {
                    char c = _s[_i];
                    if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF' || (newlines && c == '\n') || (commas && c == ','))
                    {
                        _i++;
                    }
                    else if (c == '#' || (c == '/' && _i + 1 < _s.Length && _s[_i + 1] == '/'))
                    {
                        while (_i < _s.Length && _s[_i] != '\n')
                        {
                            _i++;
                        }
                    }
                    else if (c == '/' && _i + 1 < _s.Length && _s[_i + 1] == '*')
                    {
                        int close = _s.IndexOf("*/", _i + 2, StringComparison.Ordinal);
                        if (close < 0)
                        {
                            throw new HclException("comment not closed", _i);
                        }

                        _i = close + 2;
                    }
                    else
                    {
                        break;
                    }
                }
            }

            private static string Describe(char c) => c == '\n' || c == '\r' ? "line break" : $"'{c}'";

            private static bool IsIdentChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
        }
    }
}
