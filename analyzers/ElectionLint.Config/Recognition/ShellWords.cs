using System.Collections.Generic;
using System.Text;

namespace ElectionLint.Config.Recognition
{
    /// <summary>Splits a shell command line into words (quotes and backslashes as POSIX sh reads them; no expansion).</summary>
    internal static class ShellWords
    {
        public static List<string> Split(string command)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            bool inWord = false;
            char quote = '\0';
            for (int i = 0; i < command.Length; i++)
            {
                char c = command[i];
                if (quote != '\0')
                {
                    if (c == quote)
                    {
                        quote = '\0';
                    }
                    else if (c == '\\' && quote == '"' && i + 1 < command.Length)
                    {
                        current.Append(command[++i]);
                    }
                    else
                    {
                        current.Append(c);
                    }

                    continue;
                }

                if (c == '\'' || c == '"')
                {
                    quote = c;
                    inWord = true;
                }
                else if (c == '\\' && i + 1 < command.Length)
                {
                    if (command[i + 1] != '\n')
                    {
                        current.Append(command[i + 1]);
                        inWord = true;
                    }

                    i++;
                }
                else if (char.IsWhiteSpace(c) || c == ';' || c == '&' || c == '|')
                {
                    if (inWord)
                    {
                        words.Add(current.ToString());
                        current.Clear();
                        inWord = false;
                    }
                }
                else
                {
                    current.Append(c);
                    inWord = true;
                }
            }

            if (inWord)
            {
                words.Add(current.ToString());
            }

            return words;
        }
    }
}
