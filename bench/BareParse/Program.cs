using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using YamlDotNet.Core;

// Usage: BareParse [--parallel] DIR-OR-FILE...
// Reads every .yaml/.yml/.json file (skipping the folders electionlint skips) and parses it to the end; prints the totals.
bool parallel = args.Length > 0 && args[0] == "--parallel";
var files = new List<string>();
var skip = new HashSet<string>(StringComparer.Ordinal) { ".git", "bin", "obj", "node_modules", ".vs", ".idea" };
foreach (string root in parallel ? args[1..] : args)
{
    if (File.Exists(root))
    {
        files.Add(root);
        continue;
    }

    var stack = new Stack<string>();
    stack.Push(root);
    while (stack.Count > 0)
    {
        foreach (string entry in Directory.EnumerateFileSystemEntries(stack.Pop()))
        {
            if (Directory.Exists(entry))
            {
                if (!skip.Contains(Path.GetFileName(entry)))
                {
                    stack.Push(entry);
                }
            }
            else if (entry.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || entry.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || entry.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                files.Add(entry);
            }
        }
    }
}

long events = 0, errors = 0;
void Parse(string file)
{
    try
    {
        var parser = new Parser(new StringReader(File.ReadAllText(file)));
        long n = 0;
        while (parser.MoveNext())
        {
            n++;
        }

        Interlocked.Add(ref events, n);
    }
    catch (Exception) // YamlDotNet throws more than YamlException on some invalid input
    {
        Interlocked.Increment(ref errors);
    }
}

if (parallel)
{
    Parallel.ForEach(files, Parse);
}
else
{
    files.ForEach(Parse);
}

Console.WriteLine($"{files.Count} files, {events} events, {errors} did not parse");
