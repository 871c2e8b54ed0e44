using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ElectionLint.Analyzers.Bindings;
using ElectionLint.Rules.Evaluation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ElectionLint.Analyzers.Collection
{
    /// <summary>
    /// The options registrations of one body (<c>Configure</c>, <c>PostConfigure</c>, <c>ConfigureAll</c>, <c>Configure&lt;T&gt;(section)</c>,
    /// <c>AddOptions&lt;T&gt;().Bind(…)/.BindConfiguration(…)/.Configure(…)</c>), grouped by the builder they are called on (the
    /// <c>ISiloBuilder</c> or <c>IServiceCollection</c> parameter of one <c>UseOrleans</c>/<c>ConfigureServices</c> lambda, one
    /// <c>HostApplicationBuilder</c>'s <c>Services</c>, one local or field), by options type and by name, and read as one
    /// configuration in the order the options pipeline applies them: the configure steps in registration order, then the
    /// post-configure steps. A step under a condition or in a loop may not run: when it shares its configuration with
    /// others, what it sets is unknown.
    /// </summary>
    internal sealed class OptionsPipeline
    {
        private const string AllNames = "\0all";

        private readonly BoundTypes _types;
        private readonly CancellationToken _cancellation;
        private readonly List<Step> _steps = new List<Step>();

        public OptionsPipeline(BoundTypes types, CancellationToken cancellation)
        {
            _types = types;
            _cancellation = cancellation;
        }

        /// <summary>One registration: a delegate (lambda or method) or a configuration section.</summary>
        internal sealed class Step
        {
            public Step(IInvocationOperation call, ITypeSymbol type, TypeBinding binding, string? name, bool post)
            {
                Call = call;
                Type = type;
                Binding = binding;
                Name = name;
                Post = post;
            }

            public IInvocationOperation Call { get; }

            public ITypeSymbol Type { get; }

            public TypeBinding Binding { get; }

            /// <summary>The options name; <see cref="AllNames"/> for ConfigureAll; null when it is not a constant (its own configuration).</summary>
            public string? Name { get; }

            public bool Post { get; }

            /// <summary>The delegate's body and the parameter that is the options object (null for a section).</summary>
            public IBlockOperation? Body { get; init; }

            public IParameterSymbol? Parameter { get; init; }

            /// <summary>True for a section step: <see cref="Section"/> is its path, null when it cannot be resolved.</summary>
            public bool IsSection { get; init; }

            public string? Section { get; init; }

            public bool Conditional { get; init; }

            /// <summary>The builder the call configures (see <see cref="BuilderOf"/>); "" when it cannot be told.</summary>
            public string Builder { get; init; } = string.Empty;
        }

        /// <summary>The steps that make one configuration, in the order they apply.</summary>
        internal sealed class Group
        {
            public Group(TypeBinding binding, ITypeSymbol type, List<Step> steps)
            {
                Binding = binding;
                Type = type;
                Steps = steps;
            }

            public TypeBinding Binding { get; }

            public ITypeSymbol Type { get; }

            public List<Step> Steps { get; }
        }

        /// <summary>A method name that can register options (cheap: checked for every call of a body).</summary>
        public static bool MayRegister(string name) =>
            name == "Configure" || name == "PostConfigure" || name == "ConfigureAll" || name == "PostConfigureAll" || name == "Bind" || name == "BindConfiguration";

        /// <summary>True when <paramref name="call"/> is an options registration of a bound type (it is then analysed here).</summary>
        public bool Add(IInvocationOperation call)
        {
            IMethodSymbol method = call.TargetMethod;
            string name = method.Name;
            if (name == "Configure" || name == "PostConfigure" || name == "ConfigureAll" || name == "PostConfigureAll")
            {
                return AddDelegate(call, name) || AddSection(call, name);
            }

            if ((name == "Bind" || name == "BindConfiguration") && method.ContainingType?.Name == "OptionsBuilderConfigurationExtensions")
            {
                return AddSection(call, name);
            }

            return false;
        }

        private bool AddDelegate(IInvocationOperation call, string method)
        {
            foreach (IArgumentOperation arg in call.Arguments)
            {
                IOperation value = arg.Value;
                while (value is IConversionOperation c)
                {
                    value = c.Operand;
                }

                (IBlockOperation? body, IParameterSymbol? parameter) = value is IDelegateCreationOperation d ? Target(d.Target) : (null, null);
                if (parameter == null)
                {
                    continue;
                }

                if (!_types.TryGet(parameter.Type, out TypeBinding binding))
                {
                    return false;
                }

                _steps.Add(new Step(call, parameter.Type, binding, NameOf(call, method), method.StartsWith("Post", StringComparison.Ordinal))
                {
                    Builder = BuilderOf(call),
                    Body = body,
                    Parameter = parameter,
                    Conditional = IsConditional(call),
                });
                return true;
            }

            return false;
        }

        /// <summary>A lambda's body, or the body of a method in source passed as a method group (<c>Configure&lt;T&gt;(ConfigureKafka)</c>).</summary>
        private (IBlockOperation? Body, IParameterSymbol? Parameter) Target(IOperation target)
        {
            if (target is IAnonymousFunctionOperation lambda)
            {
                return lambda.Symbol.Parameters.Length > 0 ? (lambda.Body, lambda.Symbol.Parameters[0]) : (null, null);
            }

            if (target is IMethodReferenceOperation { Method: { Parameters.Length: > 0 } m } reference && m.DeclaringSyntaxReferences.Length == 1 && reference.SemanticModel != null)
            {
                SyntaxNode declaration = m.DeclaringSyntaxReferences[0].GetSyntax(_cancellation);
                SemanticModel model = declaration.SyntaxTree == reference.SemanticModel.SyntaxTree
                    ? reference.SemanticModel
                    : reference.SemanticModel.Compilation.GetSemanticModel(declaration.SyntaxTree);
                if (model.GetOperation(declaration, _cancellation) is IMethodBodyOperation body && (body.BlockBody ?? body.ExpressionBody) is IBlockOperation block)
                {
                    return (block, m.Parameters[0]);
                }

                if (model.GetOperation(declaration, _cancellation) is ILocalFunctionOperation { Body: { } localBody })
                {
                    return (localBody, m.Parameters[0]);
                }

                return (null, m.Parameters[0]); // an expression body or no body: what it sets is not read
            }

            return (null, null);
        }

        private bool AddSection(IInvocationOperation call, string method)
        {
            IMethodSymbol m = call.TargetMethod;
            if (m.TypeArguments.Length != 1 || !_types.TryGet(m.TypeArguments[0], out TypeBinding binding))
            {
                return false;
            }

            string? section;
            if (method == "BindConfiguration")
            {
                section = call.Arguments.FirstOrDefault(a => a.Parameter?.Name == "configSectionPath")?.Value.ConstantValue is { HasValue: true, Value: string path } ? path : null;
            }
            else if (call.Arguments.FirstOrDefault(a => a.Parameter?.Type.Name == "IConfiguration") is IArgumentOperation config)
            {
                section = ConfigurationSections.PathOf(config.Value, _cancellation);
            }
            else
            {
                return false;
            }

            _steps.Add(new Step(call, m.TypeArguments[0], binding, NameOf(call, method), post: false)
            {
                Builder = BuilderOf(call),
                IsSection = true,
                Section = section,
                Conditional = IsConditional(call),
            });
            return true;
        }

        /// <summary>The options name: the <c>name</c> argument, the name given to <c>AddOptions&lt;T&gt;(name)</c>, or "" (Options.DefaultName).</summary>
        private static string? NameOf(IInvocationOperation call, string method)
        {
            if (method.EndsWith("All", StringComparison.Ordinal))
            {
                return AllNames;
            }

            if (call.Arguments.FirstOrDefault(a => a.Parameter?.Name == "name") is IArgumentOperation arg)
            {
                return arg.Value.ConstantValue is { HasValue: true } c ? (c.Value as string ?? AllNames) : null;
            }

            if (call.TargetMethod.ContainingType?.Name == "OptionsBuilder" || call.TargetMethod.ContainingType?.Name == "OptionsBuilderConfigurationExtensions")
            {
                return BuilderName(call.Instance ?? (call.Arguments.Length > 0 ? call.Arguments[0].Value : null), 0);
            }

            return string.Empty;
        }

        /// <summary>Follows a chain of OptionsBuilder calls back to <c>AddOptions&lt;T&gt;(name)</c>; null when the builder comes from elsewhere.</summary>
        private static string? BuilderName(IOperation? op, int depth)
        {
            if (op is not IInvocationOperation inv || depth > 32)
            {
                return null;
            }

            if (inv.TargetMethod.Name.StartsWith("AddOptions", StringComparison.Ordinal))
            {
                IArgumentOperation? name = inv.Arguments.FirstOrDefault(a => a.Parameter?.Name == "name");
                return name == null ? string.Empty : name.Value.ConstantValue is { HasValue: true, Value: string s } ? s : null;
            }

            if (inv.Type?.Name == "OptionsBuilder")
            {
                return BuilderName(inv.Instance ?? (inv.Arguments.Length > 0 ? inv.Arguments[0].Value : null), depth + 1);
            }

            return null;
        }

        /// <summary>
        /// The builder a registration is made on: the root of its receiver chain (<c>services.AddOptions&lt;T&gt;().Configure(…)</c>,
        /// <c>silo.Configure&lt;T&gt;(…).Configure&lt;U&gt;(…)</c>) as a parameter, a local or a field, with the properties read from it
        /// (<c>builder.Services</c>). Each lambda's parameter is its own symbol, so two <c>UseOrleans</c> lambdas are two builders.
        /// </summary>
        private static string BuilderOf(IInvocationOperation call)
        {
            IOperation? receiver = Receiver(call);
            string path = string.Empty;
            for (int depth = 0; receiver != null && depth < 32; depth++)
            {
                switch (receiver)
                {
                    case IConversionOperation c:
                        receiver = c.Operand;
                        continue;
                    case IObjectCreationOperation:
                    case IInvocationOperation { Instance: null, TargetMethod: { IsExtensionMethod: false, ContainingType.Name: "Host" or "WebApplication" } }:
                        // new HostBuilder(), Host.CreateDefaultBuilder(), WebApplication.CreateBuilder(): each makes a builder of its own.
                        return "new@" + receiver.Syntax.SpanStart.ToString(System.Globalization.CultureInfo.InvariantCulture) + path;
                    case IInvocationOperation inv:
                        receiver = Receiver(inv); // a fluent call returns the builder it was called on
                        continue;
                    case IPropertyReferenceOperation p:
                        path = "." + p.Property.Name + path;
                        receiver = p.Instance;
                        continue;
                    case IParameterReferenceOperation p:
                        // Every ConfigureServices lambda of one host builder adds to the same services.
                        return ConfigureServicesCall(p) is IInvocationOperation host && BuilderOf(host) is { Length: > 0 } hostBuilder
                            ? hostBuilder + ".Services" + path
                            : Root(p.Parameter) + path;
                    case ILocalReferenceOperation l:
                        return Root(l.Local) + path;
                    case IFieldReferenceOperation f:
                        return Root(f.Field) + path;
                    case IInstanceReferenceOperation:
                        return "this" + path;
                }

                break;
            }

            return string.Empty;
        }

        /// <summary>The <c>ConfigureServices(…)</c> call whose lambda declares <paramref name="reference"/>'s parameter, if any.</summary>
        private static IInvocationOperation? ConfigureServicesCall(IParameterReferenceOperation reference)
        {
            for (IOperation? op = reference.Parent; op != null; op = op.Parent)
            {
                if (op is IAnonymousFunctionOperation lambda && SymbolEqualityComparer.Default.Equals(lambda.Symbol, reference.Parameter.ContainingSymbol))
                {
                    IOperation? up = lambda.Parent;
                    while (up is IDelegateCreationOperation or IConversionOperation)
                    {
                        up = up.Parent;
                    }

                    return up is IArgumentOperation { Parent: IInvocationOperation call } && call.TargetMethod.Name == "ConfigureServices" ? call : null;
                }
            }

            return null;
        }

        private static IOperation? Receiver(IInvocationOperation call) =>
            call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);

        private static string Root(ISymbol symbol) =>
            symbol.Name + "@" + (symbol.Locations.Length > 0 ? symbol.Locations[0].SourceSpan.Start.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?");

        /// <summary>Under an if, a loop, a switch, ?: or ?. of the body: the step may not run.</summary>
        private static bool IsConditional(IOperation call)
        {
            for (IOperation? p = call.Parent; p != null; p = p.Parent)
            {
                switch (p)
                {
                    case IConditionalOperation _:
                    case ILoopOperation _:
                    case ISwitchOperation _:
                    case ISwitchExpressionOperation _:
                    case ICoalesceOperation _:
                    case IConditionalAccessOperation _:
                    case ICatchClauseOperation _:
                        return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The configurations: one per builder, options type and name, with the ConfigureAll steps of that builder and type in
        /// every one; a step whose name is not a constant is a configuration of its own.
        /// </summary>
        public IEnumerable<Group> Groups()
        {
            var keys = new List<(string Builder, ITypeSymbol Type, string Name)>();
            foreach (Step s in _steps)
            {
                if (s.Name != null && s.Name != AllNames && !keys.Any(k => k.Builder == s.Builder && SymbolEqualityComparer.Default.Equals(k.Type, s.Type) && k.Name == s.Name))
                {
                    keys.Add((s.Builder, s.Type, s.Name));
                }
            }

            foreach (Step s in _steps)
            {
                if (s.Name == AllNames && !keys.Any(k => k.Builder == s.Builder && SymbolEqualityComparer.Default.Equals(k.Type, s.Type)))
                {
                    keys.Add((s.Builder, s.Type, string.Empty));
                }
            }

            foreach ((string builder, ITypeSymbol type, string name) in keys)
            {
                List<Step> steps = _steps
                    .Where(s => s.Builder == builder && SymbolEqualityComparer.Default.Equals(s.Type, type) && (s.Name == name || s.Name == AllNames))
                    .OrderBy(s => s.Post)
                    .ThenBy(s => s.Call.Syntax.Span.End)
                    .ToList();
                yield return new Group(steps[0].Binding, type, steps);
            }

            foreach (Step s in _steps)
            {
                if (s.Name == null)
                {
                    yield return new Group(s.Binding, s.Type, new List<Step> { s });
                }
            }
        }

        /// <summary>
        /// The configuration a group makes, read with the collector (in its current appsettings environment).
        /// <paramref name="elsewhere"/>: another body registers the same type, so an unset member's value is not known here.
        /// </summary>
        public ConfigurationInstance Collect(Group group, SettingCollector collector, bool elsewhere)
        {
            Step first = group.Steps[0];
            Location anchor = first.Body?.Parent is IAnonymousFunctionOperation lambda ? lambda.Syntax.GetLocation() : first.Call.Syntax.GetLocation();
            ConfigurationInstance instance = collector.Start(group.Binding, anchor, group.Type);
            if (elsewhere)
            {
                collector.UnknownDefaults(instance, group.Binding, new HashSet<string>());
            }

            bool shared = group.Steps.Count > 1;
            foreach (Step step in group.Steps)
            {
                bool conditional = shared && step.Conditional;
                if (step.IsSection)
                {
                    collector.Bind(instance, group.Binding, conditional ? null : step.Section, step.Call.Syntax.GetLocation());
                }
                else if (step.Body != null && step.Parameter is IParameterSymbol parameter)
                {
                    collector.Statements(instance, group.Binding, step.Body.Operations, receiver => receiver is IParameterReferenceOperation p && SymbolEqualityComparer.Default.Equals(p.Parameter, parameter), conditional);
                }
                else
                {
                    collector.UnknownAll(instance, group.Binding, step.Call.Syntax.GetLocation()); // a delegate whose body is not read
                }
            }

            return instance;
        }
    }
}
