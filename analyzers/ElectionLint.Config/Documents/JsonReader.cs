using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ElectionLint.Config.Source;
using static ElectionLint.Rules.Evaluation.MessageTemplate;

namespace ElectionLint.Config.Documents
{
    /// <summary>
    /// Reads JSON as .NET's configuration loader accepts it (comments and trailing commas allowed) into
    /// <see cref="Node"/> trees with exact spans; duplicate keys are reported (the loader rejects them). Never throws.
    /// </summary>
    public sealed class JsonReader
    {
        private readonly SourceText _source;
        private readonly string _s;
        private readonly ProblemList _problems = new ProblemList();
        private readonly SharedStrings _shared = new SharedStrings();
        private int _i;

        private JsonReader(SourceText source)
        {
            _source = source;
            _s = source.Text;
        }

        private sealed class JsonSyntaxException : Exception
        {
            public JsonSyntaxException(string message, int offset)
                : base(message)
            {
                Offset = offset;
            }

            public int Offset { get; }
        }

        public static ParsedFile Read(SourceText source)
        {
            var reader = new JsonReader(source);
            var documents = new List<Node>();
            try
            {
                reader.Skip();
                if (reader._i < reader._s.Length)
                {
                    documents.Add(reader.Value(0));
                    reader.Skip();
                    if (reader._i < reader._s.Length)
                    {
                        throw new JsonSyntaxException($"unexpected '{reader._s[reader._i]}' after the JSON value", reader._i);
                    }
                }
            }
            catch (JsonSyntaxException e)
            {
                int at = Math.Min(e.Offset, source.Text.Length);
                reader._problems.Add(new FileProblem("EL9001", "JSON syntax error: " + e.Message, source.Span(at, Math.Min(at + 1, source.Text.Length))));
                documents.Clear();
            }

            return new ParsedFile(source, FileKind.Json, documents, reader._problems);
        }

        private Node Value(int depth)
        {
            if (depth > YamlReader.MaxDepth)
            {
                throw new JsonSyntaxException($"nesting deeper than {YamlReader.MaxDepth} levels", _i);
            }

            Skip();
            if (_i >= _s.Length)
            {
                throw new JsonSyntaxException("unexpected end of file", _i);
            }

            char c = _s[_i];
            switch (c)
            {
                case '{': return Object(depth);
                case '[': return Array(depth);
                case '"': return String();
                default: return Literal();
            }
        }

        private MappingNode Object(int depth)
        {
            int start = _i++;
            // Microsoft.Extensions.Configuration keys are case-insensitive and it rejects duplicates.
            var entries = new EntryList(_source, StringComparer.OrdinalIgnoreCase);
            Skip();
            while (true)
            {
                if (_i >= _s.Length)
                {
                    throw new JsonSyntaxException("unterminated object", start);
                }

                if (_s[_i] == '}')
                {
                    _i++;
                    return new MappingNode(entries.Build(), _source.Span(start, _i));
                }

                if (_s[_i] != '"')
                {
                    throw new JsonSyntaxException("expected a property name in double quotes", _i);
                }

                ScalarNode key = String();
                if (!entries.Count(key.Value, key.Span.StartLine, out int line))
                {
                    if (_problems.Full)
                    {
                        _problems.Omit();
                    }
                    else
                    {
                        _problems.Add(new FileProblem("EL9001", $"duplicate key '{Quote(key.Value)}' (first defined on line {line}); .NET configuration rejects the file", key.Span));
                    }
                }

                Skip();
                if (_i >= _s.Length || _s[_i] != ':')
                {
                    throw new JsonSyntaxException("expected ':'", _i);
                }

                _i++;
                Node value = Value(depth + 1);
                entries.Add(new MappingEntry(key, value), key.Value, plain: true);
                Skip();
                if (_i < _s.Length && _s[_i] == ',')
                {
                    _i++;
                    Skip();
                }
                else if (_i < _s.Length && _s[_i] != '}')
                {
                    throw new JsonSyntaxException("expected ',' or '}'", _i);
                }
            }
        }

        private SequenceNode Array(int depth)
        {
            int start = _i++;
            var items = new List<Node>();
            ScalarList? scalars = null; // a long array of scalars keeps values and offsets, not nodes
            bool mixed = false;
            Skip();
            while (true)
            {
                if (_i >= _s.Length)
                {
                    throw new JsonSyntaxException("unterminated array", start);
                }

                if (_s[_i] == ']')
                {
                    _i++;
                    return new SequenceNode(scalars ?? (IReadOnlyList<Node>)items.ToArray(), _source.Span(start, _i));
                }

                Node item = Value(depth + 1);
                if (scalars != null && item is ScalarNode scalar)
                {
                    scalars.Add(scalar);
                }
                else
                {
                    if (scalars != null)
                    {
                        items.AddRange(scalars);
                        scalars = null;
                    }

                    items.Add(item);
                    mixed |= item is not ScalarNode;
                    if (!mixed && items.Count == ScalarList.MinItems)
                    {
                        scalars = new ScalarList(_source, items);
                        items.Clear();
                    }
                }

                Skip();
                if (_i < _s.Length && _s[_i] == ',')
                {
                    _i++;
                    Skip();
                }
                else if (_i < _s.Length && _s[_i] != ']')
                {
                    throw new JsonSyntaxException("expected ',' or ']'", _i);
                }
            }
        }

        private ScalarNode String()
        {
            int start = _i++;
            var sb = new StringBuilder();
            while (true)
            {
                if (_i >= _s.Length || _s[_i] == '\n')
                {
                    throw new JsonSyntaxException("unterminated string", start);
                }

                char c = _s[_i++];
                if (c == '"')
                {
                    return new ScalarNode(_shared.Get(sb.ToString()), ScalarStyle.DoubleQuoted, _source.Span(start, _i));
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }

                if (_i >= _s.Length)
                {
                    throw new JsonSyntaxException("unterminated string", start);
                }

                char esc = _s[_i++];
                switch (esc)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (_i + 4 > _s.Length || !int.TryParse(_s.Substring(_i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                        {
                            throw new JsonSyntaxException("invalid \\u escape", _i - 2);
                        }

                        sb.Append((char)code);
                        _i += 4;
                        break;
                    default:
                        throw new JsonSyntaxException($"invalid escape '\\{esc}'", _i - 2);
                }
            }
        }

        private ScalarNode Literal()
        {
            int start = _i;
            while (_i < _s.Length && (char.IsLetterOrDigit(_s[_i]) || _s[_i] == '-' || _s[_i] == '+' || _s[_i] == '.'))
            {
                _i++;
            }

            string text = _s.Substring(start, _i - start);
            bool number = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && (text[0] == '-' || char.IsDigit(text[0]));
            if (text.Length == 0 || !(number || text == "true" || text == "false" || text == "null"))
            {
                throw new JsonSyntaxException(text.Length == 0 ? $"unexpected '{_s[start]}'" : $"invalid value '{Quote(text)}'", start);
            }

            return new ScalarNode(text == "null" ? string.Empty : _shared.Get(text), ScalarStyle.Plain, _source.Span(start, _i));
        }

        private void Skip()
        {
            while (_i < _s.Length)
            {
                char c = _s[_i];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\uFEFF')
                {
                    _i++;
                }
                else if (c == '/' && _i + 1 < _s.Length && _s[_i + 1] == '/')
                {
                    while (_i < _s.Length && _s[_i] != '\n')
                    {
                        _i++;
                    }
                }
                else if (c == '/' && _i + 1 < _s.Length && _s[_i + 1] == '*')
                {
                    int end = _s.IndexOf("*/", _i + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        throw new JsonSyntaxException("unterminated comment", _i);
                    }

                    _i = end + 2;
                }
                else
                {
                    break;
                }
            }
        }
    }
}
