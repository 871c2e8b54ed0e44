using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Reflection;
using ElectionLint.Cli.Output;
using ElectionLint.Rules.Catalogue;

namespace ElectionLint.Cli
{
    public static class Program
    {
        private static readonly string[] Verbs = { "lint", "rules", "-h", "--help", "-?", "--version" };

        public static string Version { get; } =
            typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

        public static int Main(string[] args)
        {
            using Stream stdout = Console.OpenStandardOutput();
            using var writer = new StreamWriter(stdout, new System.Text.UTF8Encoding(false)) { AutoFlush = false };
            try
            {
                int code = Run(args, writer, Console.Error, stdout);
                writer.Flush();
                return code;
            }
            catch (Exception e)
            {
                try
                {
                    writer.Flush();
                }
                catch (IOException)
                {
                }

                // One line; the stack only when asked for (ELECTIONLINT_DEBUG=1).
                Console.Error.WriteLine($"electionlint: internal error: {e.GetType().Name}: {e.Message}");
                if (Environment.GetEnvironmentVariable("ELECTIONLINT_DEBUG") == "1")
                {
                    Console.Error.WriteLine(e);
                }

                return LintRunner.InternalError;
            }
        }

        /// <summary>The command line without the process: tests call this.</summary>
        internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, Stream stdoutStream)
        {
            Config.Source.BoundedFile.FinalTarget = p => File.ResolveLinkTarget(p, returnFinalTarget: true)?.FullName;
            // `electionlint [lint] [PATH…]`: lint is the default verb.
            if (args.Length == 0 || !Verbs.Contains(args[0]))
            {
                args = new[] { "lint" }.Concat(args).ToArray();
            }

            var root = new RootCommand("ElectionLint: finds failover-timing mistakes in election, lease, heartbeat and session settings.");

            var paths = new Argument<string[]>("paths") { Description = "Files and folders to lint (default: .)", Arity = ArgumentArity.ZeroOrMore };
            var format = new Option<string[]>("--format", "-f") { Description = "text | json | sarif | github (repeatable, each paired with the next --output)", AllowMultipleArgumentsPerToken = false };
            format.AcceptOnlyFromAmong("text", "json", "sarif", "github");
            var output = new Option<string[]>("--output", "-o") { Description = "Write the matching --format to this file instead of stdout" };
            var failLevel = new Option<string>("--fail-level") { Description = "Exit 1 when a finding is at or above: error | warning | info | none", DefaultValueFactory = _ => "warning" };
            failLevel.AcceptOnlyFromAmong("error", "warning", "info", "none");
            var config = new Option<string?>("--config", "-c") { Description = "An explicit .electionlint.yaml (default: the nearest one upward from each file)" };
            var lint = new Command("lint", "Lint configuration files and folders") { paths, format, output, failLevel, config };
            lint.SetAction(r =>
            {
                string level = r.GetValue(failLevel) ?? "warning";
                var options = new LintOptions
                {
                    Paths = r.GetValue(paths) is { Length: > 0 } p ? p : new[] { "." },
                    Formats = r.GetValue(format) ?? Array.Empty<string>(),
                    Outputs = r.GetValue(output) ?? Array.Empty<string>(),
                    FailLevel = level == "none" ? null : RuleSeverityText.TryParse(level, out RuleSeverity s) ? s : RuleSeverity.Warning,
                    Config = r.GetValue(config),
                };
                return LintRunner.Run(options, stdout, stderr, stdoutStream);
            });

            var rulesFormat = new Option<string>("--format", "-f") { Description = "text | markdown | json", DefaultValueFactory = _ => "text" };
            rulesFormat.AcceptOnlyFromAmong("text", "markdown", "json");
            var rules = new Command("rules", "List every rule") { rulesFormat };
            rules.SetAction(r =>
            {
                switch (r.GetValue(rulesFormat))
                {
                    case "markdown":
                        RulesFormatter.Markdown(stdout);
                        break;
                    case "json":
                        stdout.Flush();
                        RulesFormatter.Json(stdoutStream);
                        stdoutStream.Flush();
                        stdout.WriteLine();
                        break;
                    default:
                        RulesFormatter.Text(stdout);
                        break;
                }

                return 0;
            });

            root.Subcommands.Add(lint);
            root.Subcommands.Add(rules);
            ParseResult parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var e in parsed.Errors)
                {
                    stderr.WriteLine($"error: {e.Message}");
                }

                stderr.WriteLine("Run 'electionlint --help' for usage.");
                return LintRunner.UsageError;
            }

            // Exceptions reach Main, which exits 3: the library's handler would print a stack trace and exit 1, like findings.
            var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
            return parsed.Invoke(invocation);
        }
    }
}
