using System.Collections.Generic;
using System.Text;
using ElectionLint.Rules.Text;

namespace ElectionLint.Rules.Evaluation
{
    /// <summary>Fills {name} placeholders; an unknown placeholder stays as written so a test sees it.</summary>
    public static class MessageTemplate
    {
        public static string Format(string template, IReadOnlyDictionary<string, string> args)
        {
            StringBuilder sb = StringBuilderCache.Acquire(template.Length + 64);
            int i = 0;
            while (i < template.Length)
            {
                char c = template[i];
                if (c == '{')
                {
                    int close = template.IndexOf('}', i + 1);
                    if (close > i)
                    {
                        string name = template.Substring(i + 1, close - i - 1);
                        if (args.TryGetValue(name, out string? value))
                        {
                            sb.Append(value);
                            i = close + 1;
                            continue;
                        }
                    }
                }

                sb.Append(c);
                i++;
            }

            return StringBuilderCache.ToStringAndRelease(sb);
        }

        /// <summary>A value as written, short enough for a message: a 9 MB value once made a 37 MB message.</summary>
        public static string Quote(string raw, int max = 80) =>
            raw.Length <= max ? raw : raw.Substring(0, max - 20) + $"… ({raw.Length} characters)";

        /// <summary>The placeholder names a template uses.</summary>
        public static IEnumerable<string> Placeholders(string template)
        {
            int i = 0;
            while ((i = template.IndexOf('{', i)) >= 0)
            {
                int close = template.IndexOf('}', i + 1);
                if (close < 0)
                {
                    yield break;
                }

                yield return template.Substring(i + 1, close - i - 1);
                i = close + 1;
            }
        }
    }
}
