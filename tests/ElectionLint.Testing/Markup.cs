using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace ElectionLint.Testing
{
    /// <summary>An expected diagnostic from markup: <c>{|EL1010:value|}</c>, or <c>[|value|]</c> for any ElectionLint id.</summary>
    public sealed class ExpectedSpan
    {
        public ExpectedSpan(string? id, TextSpan span)
        {
            Id = id;
            Span = span;
        }

        public string? Id { get; }

        public TextSpan Span { get; }
    }

    /// <summary>Strips <c>{|ID:…|}</c> and <c>[|…|]</c> markup (nesting allowed) and returns the plain source and the spans.</summary>
    public static class Markup
    {
        public static (string Source, List<ExpectedSpan> Spans) Parse(string markup)
        {
            var sb = new StringBuilder(markup.Length);
            var spans = new List<ExpectedSpan>();
            var open = new Stack<(string? Id, int Start)>();
            int i = 0;
            while (i < markup.Length)
            {
                if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
                {
                    int colon = markup.IndexOf(':', i + 2);
                    open.Push((markup.Substring(i + 2, colon - i - 2), sb.Length));
                    i = colon + 1;
                }
                else if (markup[i] == '[' && i + 1 < markup.Length && markup[i + 1] == '|')
                {
                    open.Push((null, sb.Length));
                    i += 2;
                }
                else if (markup[i] == '|' && i + 1 < markup.Length && (markup[i + 1] == '}' || markup[i + 1] == ']') && open.Count > 0)
                {
                    (string? id, int start) = open.Pop();
                    spans.Add(new ExpectedSpan(id, TextSpan.FromBounds(start, sb.Length)));
                    i += 2;
                }
                else
                {
                    sb.Append(markup[i]);
                    i++;
                }
            }

            return (sb.ToString(), spans);
        }
    }
}
