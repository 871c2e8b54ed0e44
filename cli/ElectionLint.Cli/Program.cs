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
        private static readonly string[] Verbs = { "lint", "rules", "init", "explain", "tune", "help", "-h", "--help", "-?", "--version", "version" };

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

                // One line; the stack only when asked for (--verbose or ELECTIONLINT_DEBUG=1).
                Console.Error.WriteLine($"electionlint: internal error: {e.GetType().Name}: {e.Message}");
                if (args.Contains("--verbose") || Environment.GetEnvironmentVariable("ELECTIONLINT_DEBUG") == "1")
                {
                    Console.Error.WriteLine(e);
                }

                return LintRunner.InternalError;
            }
        }

        /// <summary>The command line without the process: tests call this.</summary>
        internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, Stream stdoutStream, Func<Stream>? stdin = null)
        {
            Config.Source.BoundedFile.FinalTarget = p => File.ResolveLinkTarget(p, returnFinalTarget: true)?.FullName;
            Config.Source.BoundedFile.SpecialKind = FileKindOnDisk.Special;
            // Our version, not the entry assembly's (a host such as a test runner has its own).
            if (args.Length == 1 && (args[0] == "--version" || args[0] == "version"))
            {
                stdout.WriteLine(Version);
                return 0;
            }

            // `electionlint [lint] [PATH…]`: lint is the default verb.
            if (args.Length == 0 || !Verbs.Contains(args[0]))
            {
                args = new[] { "lint" }.Concat(args).ToArray();
            }
            else if (args[0] == "help")
            {
                if (args.Length > 1 && !Verbs.Contains(args[1]))
                {
                    stderr.WriteLine($"error: no help for '{args[1]}': not a command (lint, explain, tune, init, rules)");
                    stderr.WriteLine("Run 'electionlint --help' for usage.");
                    return LintRunner.UsageError;
                }

                args = args.Skip(1).Append("--help").ToArray(); // `electionlint help [lint|rules]`
            }

            var root = new RootCommand("ElectionLint: finds failover-timing mistakes in election, lease, heartbeat and session settings.");

            var paths = new Argument<string[]>("paths") { Description = "Files and folders to lint (default: .); - reads standard input", Arity = ArgumentArity.ZeroOrMore };
            var format = new Option<string[]>("--format", "-f") { Description = "text | json | sarif | github (repeatable, each paired with the next --output)", AllowMultipleArgumentsPerToken = false };
            format.AcceptOnlyFromAmong("text", "json", "sarif", "github");
            var output = new Option<string[]>("--output", "-o") { Description = "Write the matching --format to this file instead of stdout" };
            var failLevel = new Option<string>("--fail-level") { Description = "Exit 1 when a finding is at or above: error | warning | info | none", DefaultValueFactory = _ => "warning" };
            failLevel.AcceptOnlyFromAmong("error", "warning", "info", "none");
            var config = new Option<string?>("--config", "-c") { Description = "An explicit .electionlint.yaml (default: the nearest .electionlint.yaml or .yml upward from each file)" };
            var quiet = new Option<bool>("--quiet", "-q") { Description = "Findings only: no summary line, nothing for a clean run (text format)" };
            var color = new Option<string>("--color") { Description = "auto | always | never (auto: on a terminal, unless NO_COLOR is set)", DefaultValueFactory = _ => "auto" };
            color.AcceptOnlyFromAmong("auto", "always", "never");
            var verbose = new Option<bool>("--verbose") { Description = "On an internal error, print the stack trace too" };
            var baseline = new Option<string?>("--baseline") { Description = "Report only findings not in this baseline (written by --write-baseline)" };
            var writeBaseline = new Option<string?>("--write-baseline") { Description = "Record every current finding in this file and exit 0" };
            var fix = new Option<bool>("--fix") { Description = "Write each finding's recommended repair into its file (only the values change), then report what remains" };
            var dryRun = new Option<bool>("--dry-run") { Description = "Print the changes --fix would make as a unified diff and write nothing (implies --fix)" };
            var stdinFilename = new Option<string?>("--stdin-filename") { Description = "With -: the name standard input is linted as, for its format, its profile and the report (default stdin.yaml)" };
            var profileReport = new Option<bool>("--profile-report") { Description = "Lint nothing: show the profile in force for the paths, each value measured (with where it came from), declared, assumed or not set" };
            var lint = new Command("lint", "Lint configuration files and folders")
            {
                paths, format, output, failLevel, config, quiet, color, verbose, baseline, writeBaseline, fix, dryRun, stdinFilename, profileReport,
            };
            lint.SetAction(r =>
            {
                if (r.GetValue(profileReport))
                {
                    return ProfileReport.Run(r.GetValue(paths) ?? Array.Empty<string>(), r.GetValue(config), stdout, stderr);
                }

                string level = r.GetValue(failLevel) ?? "warning";
                var options = new LintOptions
                {
                    Paths = r.GetValue(paths) is { Length: > 0 } p ? p : new[] { "." },
                    Formats = r.GetValue(format) ?? Array.Empty<string>(),
                    Outputs = r.GetValue(output) ?? Array.Empty<string>(),
                    FailLevel = level == "none" ? null : RuleSeverityText.TryParse(level, out RuleSeverity s) ? s : RuleSeverity.Warning,
                    Config = r.GetValue(config),
                    Quiet = r.GetValue(quiet),
                    Baseline = r.GetValue(baseline),
                    WriteBaseline = r.GetValue(writeBaseline),
                    Fix = r.GetValue(fix) || r.GetValue(dryRun),
                    DryRun = r.GetValue(dryRun),
                    StdinFilename = r.GetValue(stdinFilename),
                    Stdin = stdin ?? Console.OpenStandardInput,
                    Color = r.GetValue(color) switch
                    {
                        "always" => true,
                        "never" => false,
                        _ => Environment.GetEnvironmentVariable("NO_COLOR") is not { Length: > 0 } && !Console.IsOutputRedirected && stdoutStream is not MemoryStream,
                    },
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

            var initDir = new Argument<string>("folder") { Description = "Where to write .electionlint.yaml (default: .)", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
            var network = new Option<string>("--network") { Description = "lan | wan", DefaultValueFactory = _ => "lan" };
            network.AcceptOnlyFromAmong("lan", "wan");
            var rtt = new Option<string?>("--rtt-p99") { Description = "p99 round trip between members, e.g. 150ms" };
            var gc = new Option<string?>("--gc-pause-p99") { Description = "p99 stop-the-world pause, e.g. 300ms" };
            var maxFailover = new Option<string?>("--max-failover") { Description = "the longest time without a leader, e.g. 30s" };
            var force = new Option<bool>("--force") { Description = "Replace an existing profile" };
            var fromMetrics = new Option<string[]>("--from-metrics") { Description = "Measure round trips and GC pauses from saved Prometheus scrapes (etcd peer RTT histogram; Go, JVM, .NET GC metrics)", AllowMultipleArgumentsPerToken = true };
            var prometheus = new Option<string?>("--prometheus") { Description = "Measure the same from a Prometheus server (its base URL): histogram_quantile over rate() in the window --since" };
            var since = new Option<string>("--since") { Description = "With --prometheus: the window, a PromQL duration", DefaultValueFactory = _ => "7d" };
            var match = new Option<string?>("--match") { Description = "With --prometheus: label matchers that choose the cluster, e.g. cluster=\"prod\",job=\"etcd\"" };
            var gcLog = new Option<string[]>("--gc-log") { Description = "Measure pauses from JVM unified GC logs (-Xlog:gc) or Go GODEBUG=gctrace=1 output: percentiles and pauses per hour", AllowMultipleArgumentsPerToken = true };
            var init = new Command("init", "Write a commented .electionlint.yaml, listing the systems found")
            {
                initDir, network, rtt, gc, maxFailover, force, fromMetrics, prometheus, since, match, gcLog,
            };
            init.Validators.Add(r =>
            {
                if (r.GetValue(prometheus) == null && (r.GetResult(since) is { Implicit: false } || r.GetValue(match) != null))
                {
                    r.AddError("--since and --match go with --prometheus");
                }
            });
            init.SetAction(r => InitCommand.Run(
                new InitCommand.Options
                {
                    Directory = r.GetValue(initDir) ?? ".", Network = r.GetValue(network) ?? "lan", RttP99 = r.GetValue(rtt), GcPauseP99 = r.GetValue(gc),
                    MaxFailover = r.GetValue(maxFailover), Force = r.GetValue(force), FromMetrics = r.GetValue(fromMetrics) ?? Array.Empty<string>(),
                    Prometheus = r.GetValue(prometheus), Since = r.GetValue(since) ?? "7d", Match = r.GetValue(match), GcLogs = r.GetValue(gcLog) ?? Array.Empty<string>(),
                },
                stdout,
                stderr));

            var explainPaths = new Argument<string[]>("paths") { Description = "Files and folders to explain (default: .)", Arity = ArgumentArity.ZeroOrMore };
            var explainFormat = new Option<string>("--format", "-f") { Description = "text | json", DefaultValueFactory = _ => "text" };
            explainFormat.AcceptOnlyFromAmong("text", "json");
            var explainConfig = new Option<string?>("--config", "-c") { Description = "An explicit .electionlint.yaml" };
            var explain = new Command("explain", "Every configuration found: its settings, the profile, the failover window, findings and repairs") { explainPaths, explainFormat, explainConfig };
            explain.SetAction(r => ExplainCommand.Run(r.GetValue(explainPaths) ?? Array.Empty<string>(), r.GetValue(explainFormat) ?? "text", r.GetValue(explainConfig), stdout, stderr, stdoutStream));

            var tunePaths = new Argument<string[]>("paths") { Description = "Files and folders whose configurations to tune under their profile", Arity = ArgumentArity.ZeroOrMore };
            var tuneSystem = new Option<string?>("--system", "-s") { Description = "Tune a system from scratch: " + string.Join(", ", TuneCommand.Tunable.Select(s => s.Id)) };
            var tuneVariant = new Option<string?>("--variant") { Description = "The system's variant (k8s-leader-election: client-go | csharp; kafka-consumer: java | librdkafka; …)" };
            var tuneNetwork = new Option<string?>("--network") { Description = "lan | wan (wan assumes rttP99 200ms unless --rtt-p99 is given)" };
            tuneNetwork.AcceptOnlyFromAmong("lan", "wan");
            var tuneRtt = new Option<string?>("--rtt-p99") { Description = "p99 round trip between members, e.g. 150ms" };
            var tuneGc = new Option<string?>("--gc-pause-p99") { Description = "p99 stop-the-world pause, e.g. 400ms" };
            var tuneMax = new Option<string?>("--max-failover") { Description = "the longest time without a leader, e.g. 5s" };
            var tuneFormat = new Option<string>("--format", "-f") { Description = "text | json", DefaultValueFactory = _ => "text" };
            tuneFormat.AcceptOnlyFromAmong("text", "json");
            var tuneConfig = new Option<string?>("--config", "-c") { Description = "An explicit .electionlint.yaml (with --system, its top-level profile; the flags above override it)" };
            var tuneBudget = new Option<string?>("--max-false-elections-per-year") { Description = "The trade-off target: pick the shortest expected failover whose estimate is within N (default: the profile's maxFalseElectionsPerYear, else 1)" };
            var tunePlot = new Option<string?>("--plot") { Description = "Draw false elections a year against expected failover for the candidates, as SVG, to this file" };
            var tune = new Command("tune", "Recommended values with their margins and the failover window, as snippets in the system's formats; or files' configurations tuned, as a diff")
            {
                tunePaths, tuneSystem, tuneVariant, tuneNetwork, tuneRtt, tuneGc, tuneMax, tuneFormat, tuneConfig, tuneBudget, tunePlot,
            };
            tune.SetAction(r => TuneCommand.Run(
                new TuneCommand.Options
                {
                    Paths = r.GetValue(tunePaths) ?? Array.Empty<string>(), System = r.GetValue(tuneSystem), Variant = r.GetValue(tuneVariant), Network = r.GetValue(tuneNetwork),
                    RttP99 = r.GetValue(tuneRtt), GcPauseP99 = r.GetValue(tuneGc), MaxFailover = r.GetValue(tuneMax), Config = r.GetValue(tuneConfig), Format = r.GetValue(tuneFormat) ?? "text",
                    MaxFalseElectionsPerYear = r.GetValue(tuneBudget), Plot = r.GetValue(tunePlot),
                },
                stdout,
                stderr,
                stdoutStream));

            root.Subcommands.Add(lint);
            root.Subcommands.Add(rules);
            root.Subcommands.Add(init);
            root.Subcommands.Add(explain);
            root.Subcommands.Add(tune);
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
