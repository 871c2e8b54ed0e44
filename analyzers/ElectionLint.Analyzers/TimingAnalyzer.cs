using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using ElectionLint.Analyzers.Bindings;
using ElectionLint.Analyzers.Collection;
using ElectionLint.Analyzers.Evaluation;
using ElectionLint.Rules.Catalogue;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Solving;
using ElectionLint.Rules.Profile;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ElectionLint.Analyzers
{
    /// <summary>
    /// Finds lease, Raft and session options in C# (object initializers, constructor arguments, later assignments to
    /// the same local, <c>with</c>, the options registrations of a body, sections bound from appsettings, method
    /// arguments), folds their values and reports the engine's findings on the offending value.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TimingAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property names: the suggested values a code fix can apply.</summary>
        public const string RepairCount = "ElectionLint.Repairs";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.Timing;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(Start);
        }

        private static void Start(CompilationStartAnalysisContext start)
        {
            // Only a compilation with a .electionlint.yaml loads the YAML reader.
            AnalysisProfile profile = ProfileReader.Find(start.Options.AdditionalFiles) is AdditionalText profileFile
                ? ProfileReader.Setup(start, profileFile)
                : AnalysisProfile.None;
            TypeBinding[] bindings = KnownBindings.Types.Concat(UserBindings(profile.Document)).ToArray();

            BoundTypes? types = BoundTypes.Resolve(start.Compilation, bindings, KnownBindings.Methods);
            if (types == null)
            {
                return; // no bound type in this compilation: nothing to do, nothing registered
            }

            var settings = new AppSettingsSource(start.Options.AdditionalFiles);
            var triggers = new TriggerIndex(start.Compilation, types, bindings.Where(b => types.Has(b)), KnownBindings.Methods, start.CancellationToken);
            var registrations = new OptionsRegistrations(start.Compilation, triggers);

            // One tree at a time, and in it one member body at a time: every finding lands in the body analysed (local, so the
            // IDE shows it as you type), and the Configure calls of one builder and options type in it are read as one
            // configuration. Only the bodies whose text names a bound type, subclass, alias, bound member or registration method
            // are turned into operations; a tree without one costs a look-up.
            start.RegisterSemanticModelAction(model =>
            {
                TriggerIndex.Entry entry = triggers.For(model.SemanticModel.SyntaxTree, model.CancellationToken);
                int[] positions = entry.All;
                if (positions.Length == 0)
                {
                    return;
                }

                SyntaxNode root = model.SemanticModel.SyntaxTree.GetRoot(model.CancellationToken);
                var bodies = new HashSet<SyntaxNode>();
                foreach (int position in positions)
                {
                    if (Body(root.FindToken(position).Parent) is SyntaxNode body && bodies.Add(body))
                    {
                        var context = new BodyContext(body, model.SemanticModel.Compilation, model.CancellationToken, model.ReportDiagnostic);
                        Guarded(() =>
                        {
                            if (model.SemanticModel.GetOperation(body, model.CancellationToken) is IOperation operation && Relevant(operation, types, entry.Walk) is IOperation[] operations)
                            {
                                new BlockAnalysis(context, types, profile, settings, registrations).Run(operations);
                            }
                        });
                    }
                }
            });
        }

        /// <summary>What an operation block callback gave: the body, its compilation, cancellation and where findings go.</summary>
        private sealed class BodyContext
        {
            public BodyContext(SyntaxNode body, Compilation compilation, System.Threading.CancellationToken cancellationToken, Action<Diagnostic> report)
            {
                Body = body;
                Compilation = compilation;
                CancellationToken = cancellationToken;
                ReportDiagnostic = report;
            }

            public SyntaxNode Body { get; }

            public Compilation Compilation { get; }

            public System.Threading.CancellationToken CancellationToken { get; }

            public Action<Diagnostic> ReportDiagnostic { get; }
        }

        /// <summary>
        /// The executable body a node is in, as Roslyn's operation blocks cut them: a method, constructor, operator or accessor
        /// (its local functions and lambdas with it), a property's expression body or initializer, a field's initializer, the
        /// top-level statements of a file. Null outside any (a type name in a signature).
        /// </summary>
        private static SyntaxNode? Body(SyntaxNode? node)
        {
            for (SyntaxNode? n = node; n != null; n = n.Parent)
            {
                switch (n)
                {
                    case BaseMethodDeclarationSyntax m:
                        return m.Body != null || m.ExpressionBody != null ? m : null;
                    case AccessorDeclarationSyntax a:
                        return a.Body != null || a.ExpressionBody != null ? a : null;
                    case ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax } arrow:
                        return arrow;
                    case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax or VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax } } initializer:
                        return initializer;
                    case GlobalStatementSyntax g:
                        return g.Parent;
                    case MemberDeclarationSyntax:
                        return null;
                }
            }

            return null;
        }

        /// <summary>
        /// The operations of one body that may configure a bound type, in the order Roslyn visits them; null when none. Only
        /// the operations whose text holds one of <paramref name="walk"/> (a trigger name, a target-typed new or a with) are
        /// entered: the rest cannot hold one, and Roslyn does not build them.
        /// </summary>
        private static IOperation[]? Relevant(IOperation body, BoundTypes types, int[] walk)
        {
            List<IOperation>? found = null;
            OperationTree.Each(
                body,
                self: true,
                op =>
                {
                    if (op.Kind is OperationKind.ObjectCreation or OperationKind.Invocation or OperationKind.With && IsRelevant(op, types))
                    {
                        (found ??= new List<IOperation>()).Add(op);
                    }
                },
                enter: op => op.IsImplicit || Positions.Holds(walk, op.Syntax.Span));

            return found?.ToArray();
        }

        private static bool IsRelevant(IOperation op, BoundTypes types) => op switch
        {
            IObjectCreationOperation creation => types.TryGet(creation.Type, out _),
            IWithOperation with => types.TryGet(with.Type, out _),
            IInvocationOperation invocation => OptionsPipeline.MayRegister(invocation.TargetMethod.Name) ||
                (types.HasMethods && types.TryGetMethod(invocation.TargetMethod, out _)) ||
                (invocation.TargetMethod.Name == "Get" && invocation.TargetMethod.IsGenericMethod && types.TryGet(invocation.TargetMethod.TypeArguments[0], out _)),
            _ => false,
        };

        /// <summary>Nothing escapes a callback: an unexpected failure in one body costs its findings, not the build's (no AD0001).</summary>
        private static void Guarded(Action analyze)
        {
            try
            {
                analyze();
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                // Unknown values give no diagnostic; this is the same rule for what the evaluator could not foresee.
            }
        }

        private static IEnumerable<TypeBinding> UserBindings(ProfileDocument document)
        {
            foreach (Binding b in document.Bindings)
            {
                if (b.CSharpType == null || b.CSharpSettings.Count == 0)
                {
                    continue;
                }

                var members = b.CSharpSettings.Select(s => new MemberBinding(s.Source, s.Role, ValueKind.Declared, s.Unit != null ? Rules.Timing.DurationParser.UnitNanos(s.Unit) : (long?)null)).ToArray();
                yield return new TypeBinding(b.CSharpType, b.System, null, members) { IncludeSubclasses = true, IsUserBinding = true };
            }
        }

        /// <summary>The findings of one member body.</summary>
        private sealed class BlockAnalysis
        {
            private readonly BodyContext _context;
            private readonly BoundTypes _types;
            private readonly AnalysisProfile _profile;
            private readonly AppSettingsSource _settings;
            private readonly OptionsRegistrations _registrations;
            private readonly SettingCollector _collector;
            private readonly HashSet<string> _reported = new HashSet<string>(StringComparer.Ordinal);
            private readonly NameMentions _mentions = new NameMentions();

            public BlockAnalysis(BodyContext context, BoundTypes types, AnalysisProfile profile, AppSettingsSource settings, OptionsRegistrations registrations)
            {
                _registrations = registrations;
                _context = context;
                _types = types;
                _profile = profile;
                _settings = settings;
                _collector = new SettingCollector(new StaticEvaluator(context.Compilation, context.CancellationToken), context.Compilation, types, settings, context.CancellationToken);
            }

            public void Run(IOperation[] operations)
            {
                var pipeline = new OptionsPipeline(_types, _context.CancellationToken);
                foreach (IOperation op in operations)
                {
                    switch (op)
                    {
                        case IObjectCreationOperation creation:
                            Creation(creation);
                            break;
                        case IWithOperation with:
                            With(with);
                            break;
                        case IInvocationOperation invocation when !pipeline.Add(invocation):
                            Invocation(invocation);
                            break;
                    }
                }

                foreach (OptionsPipeline.Group group in pipeline.Groups())
                {
                    bool elsewhere = _registrations.ElsewhereThan(group.Type, _context.Body, _context.CancellationToken);
                    PerEnvironment(() => pipeline.Collect(group, _collector, elsewhere), group.Binding.Members);
                }
            }

            /// <summary>
            /// Collects and reports once; again per appsettings environment when values came from appsettings (a finding
            /// that is the same in several environments is reported once).
            /// </summary>
            private void PerEnvironment(Func<ConfigurationInstance?> collect, IEnumerable<MemberBinding> members)
            {
                _collector.UseEnvironment(0);
                ConfigurationInstance? instance = collect();
                if (instance == null)
                {
                    return;
                }

                Report(instance, members);
                if (!_collector.UsedSettings)
                {
                    return;
                }

                int environments = _settings.Get(_context.CancellationToken).Environments.Count;
                for (int env = 1; env < environments; env++)
                {
                    _collector.UseEnvironment(env);
                    if (collect() is ConfigurationInstance other)
                    {
                        Report(other, members);
                    }
                }
            }

            private void Creation(IObjectCreationOperation creation)
            {
                if (!_types.TryGet(creation.Type, out TypeBinding binding))
                {
                    return;
                }

                PerEnvironment(
                    () =>
                    {
                        ConfigurationInstance instance = _collector.Start(binding, Anchor(creation), creation.Type);
                        var matched = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                        foreach (IArgumentOperation arg in creation.Arguments)
                        {
                            if (arg.Parameter == null || arg.ArgumentKind == ArgumentKind.DefaultValue)
                            {
                                continue;
                            }

                            if (SettingCollector.Member(binding.ConstructorParameters, arg.Parameter.Name) is MemberBinding m)
                            {
                                _collector.Add(instance, m, arg.Value, conditional: false);
                            }
                            else if (binding.IsUserBinding && SettingCollector.Member(binding.Members, arg.Parameter.Name, StringComparison.OrdinalIgnoreCase) is MemberBinding p)
                            {
                                _collector.Add(instance, p, arg.Value, conditional: false); // a positional record's or constructor's parameter of a user binding
                                matched.Add(p.Member);
                            }
                            else if (SettingCollector.IsCopySource(arg.Parameter.Type, creation.Type) && !_collector.ReadCopy(instance, binding, arg.Value))
                            {
                                _collector.UnknownDefaults(instance, binding, matched); // new ConsumerConfig(other): what other holds is not known
                            }
                        }

                        if (creation.Initializer != null)
                        {
                            _collector.Statements(instance, binding, creation.Initializer.Initializers, receiver => receiver is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver });
                        }

                        LaterStatements(creation, instance, binding);
                        if (Escapes.AtCreation(creation))
                        {
                            _collector.UnknownAll(instance, binding, creation.Syntax.GetLocation());
                        }

                        return instance;
                    },
                    binding.Members.Concat(binding.ConstructorParameters).Concat(binding.SetKeys));
            }

            /// <summary><c>a with { Lease = … }</c>: the members set are known, the rest are copied from a value not folded here.</summary>
            private void With(IWithOperation with)
            {
                if (!_types.TryGet(with.Type, out TypeBinding binding))
                {
                    return;
                }

                PerEnvironment(
                    () =>
                    {
                        ConfigurationInstance instance = _collector.Start(binding, with.Syntax.GetLocation(), null);
                        _collector.UnknownDefaults(instance, binding, new HashSet<string>());
                        _collector.Statements(instance, binding, with.Initializer.Initializers, receiver => receiver is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver });
                        return instance;
                    },
                    binding.Members);
            }

            /// <summary>var config = new X { … }; config.Prop = …; config.Bind(…) (later statements of the same block).</summary>
            private void LaterStatements(IOperation value, ConfigurationInstance instance, TypeBinding binding)
            {
                // ConsumerConfig c = new(): the target-typed creation is converted to the local's type; c = b ? new() : new(),
                // c = given ?? new(): where the local holds this creation, the later statements set it.
                while (true)
                {
                    if (value.Parent is IConversionOperation { IsImplicit: true } conversion)
                    {
                        value = conversion;
                    }
                    else if (value.Parent is IConditionalOperation conditional && conditional.Condition != value)
                    {
                        value = conditional;
                    }
                    else if (value.Parent is ICoalesceOperation coalesce && coalesce.WhenNull == value)
                    {
                        value = coalesce;
                    }
                    else
                    {
                        break;
                    }
                }

                if (value.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } &&
                    Statement(declarator) is IOperation statement && statement.Parent is IBlockOperation block)
                {
                    ILocalSymbol local = declarator.Symbol;
                    int index = block.Operations.IndexOf(statement);
                    // The local is read only where its name is written: a statement's operations elsewhere are not built.
                    int[] positions = _mentions.Of(block.Syntax, local.Name);
                    _collector.Statements(
                        instance,
                        binding,
                        Mentioning(block, positions, index),
                        receiver => receiver is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, local),
                        enter: op => op.IsImplicit || Positions.Holds(positions, op.Syntax.Span));
                }
            }

            private void Invocation(IInvocationOperation invocation)
            {
                IMethodSymbol method = invocation.TargetMethod;
                if (_types.HasMethods && _types.TryGetMethod(method, out MethodBinding methodBinding))
                {
                    if (methodBinding.Creates != null)
                    {
                        // client.CreateLock("key"): the library makes the options with their defaults, judged at the call. No fix
                        // is offered (there is no object here to set a member on).
                        if (method.Parameters.Any(p => p.Name == methodBinding.CreatesWith) &&
                            KnownBindings.Types.FirstOrDefault(t => t.MetadataName == methodBinding.Creates) is TypeBinding created)
                        {
                            Report(SettingCollector.Start(created, invocation.Syntax.GetLocation()), new MemberBinding[0]);
                        }

                        return;
                    }

                    var instance = new ConfigurationInstance(Rules.Systems.SystemCatalogue.Get(methodBinding.System), invocation.Syntax.GetLocation())
                    {
                        DurationDisplay = SettingCollector.DurationDisplay(methodBinding.Parameters),
                    };
                    foreach (IArgumentOperation arg in invocation.Arguments)
                    {
                        if (arg.Parameter != null && SettingCollector.Member(methodBinding.Parameters, arg.Parameter.Name) is MemberBinding m)
                        {
                            _collector.Add(instance, m, arg.Value, conditional: false);
                        }
                    }

                    Report(instance, methodBinding.Parameters);
                    return;
                }

                // configuration.GetSection("Kafka").Get<ConsumerConfig>(): a new instance with the section's values
                if (method.Name == "Get" && method.IsGenericMethod && method.ContainingType?.Name == "ConfigurationBinder" &&
                    _types.TryGet(method.TypeArguments[0], out TypeBinding binding) && invocation.Arguments.Length > 0)
                {
                    PerEnvironment(
                        () =>
                        {
                            ConfigurationInstance instance = _collector.Start(binding, invocation.Syntax.GetLocation(), method.TypeArguments[0]);
                            _collector.Bind(instance, binding, ConfigurationSections.PathOf(invocation.Arguments[0].Value, _context.CancellationToken), invocation.Syntax.GetLocation());
                            LaterStatements(invocation, instance, binding);
                            return instance;
                        },
                        binding.Members);
                }
            }

            private void Report(ConfigurationInstance instance, IEnumerable<MemberBinding> members)
            {
                SyntaxTree tree = _context.Body.SyntaxTree;
                EvaluationResult result = Evaluator.Evaluate(instance, _profile.For(tree.FilePath), _profile.Severities);
                Dictionary<Finding, IReadOnlyList<RepairPlan>> repairs = SharedRepairs(result.Findings);
                bool? expected = null;
                foreach (Finding f in result.Findings)
                {
                    Location location = f.Location as Location ?? instance.Anchor as Location ?? _context.Body.GetLocation();
                    if (!location.IsInSource && _settings.Get(_context.CancellationToken).IsReadByConfigLinter(location, _profile.Document, _profile.Directory))
                    {
                        continue; // the config-file analyzer reports on this value
                    }

                    if (!_reported.Add(f.RuleId + "|" + location.GetLineSpan() + "|" + f.Message))
                    {
                        continue; // the same finding in another appsettings environment
                    }

                    var additional = new List<Location>();
                    if (!location.IsInSource && instance.Anchor is Location { IsInSource: true } binding)
                    {
                        additional.Add(binding); // a value in appsettings.json: the code that binds it
                    }

                    foreach (SettingOccurrence o in f.Related)
                    {
                        if (o.Location is Location l)
                        {
                            additional.Add(l);
                        }
                    }

                    // A refused configuration built inside an assertion that expects the exception: info, and no fix to apply.
                    expected ??= ExpectedFailures.Contains(instance.Anchor as Location ?? location, _context.CancellationToken);
                    DiagnosticSeverity severity = expected.Value ? DiagnosticSeverity.Info : Descriptors.ToRoslyn(f.Severity);
                    IReadOnlyList<RepairPlan> plans = repairs[f];
                    ImmutableDictionary<string, string?> properties = expected.Value
                        ? ImmutableDictionary<string, string?>.Empty.Add(RepairCount, "0")
                        : Properties(plans, instance, members, location);
                    _context.ReportDiagnostic(Diagnostic.Create(Descriptors.Get(f.RuleId), location, severity, additional, properties, Message(f, plans)));
                }
            }
        }

        /// <summary>
        /// One suggestion per member (review D6): when several findings point at the same value, the repairs they have in
        /// common come first in each, in the order of the most severe finding, so the message and the first code fix of every
        /// one of them propose the same value. Each plan is still one the engine verified for that finding.
        /// </summary>
        private static Dictionary<Finding, IReadOnlyList<RepairPlan>> SharedRepairs(IReadOnlyList<Finding> findings)
        {
            var result = new Dictionary<Finding, IReadOnlyList<RepairPlan>>();
            foreach (IGrouping<string, Finding> group in findings.GroupBy(f => f.Location is Location l ? l.SourceTree?.FilePath + "|" + l.SourceSpan : "?" + f.GetHashCode()))
            {
                Finding[] members = group.ToArray();
                if (members.Length == 1 || members.Any(f => f.Repairs.Count == 0))
                {
                    foreach (Finding f in members)
                    {
                        result[f] = f.Repairs;
                    }

                    continue;
                }

                Finding lead = members.OrderByDescending(f => f.Severity).First();
                List<string> common = lead.Repairs.Select(Key).Where(k => members.All(f => f.Repairs.Any(p => Key(p) == k))).ToList();
                foreach (Finding f in members)
                {
                    result[f] = f.Repairs
                        .Select((p, i) => (Plan: p, Rank: common.IndexOf(Key(p)) is int c && c >= 0 ? c : common.Count + i))
                        .OrderBy(x => x.Rank)
                        .Select(x => x.Plan)
                        .ToList();
                }
            }

            return result;
        }

        private static string Key(RepairPlan plan) =>
            string.Join(";", plan.Changes.Select(c => c.Setting.Id + "=" + c.Value.ToString(CultureInfo.InvariantCulture)).OrderBy(s => s, StringComparer.Ordinal));

        /// <summary>The engine's message, its closing fix naming the first of <paramref name="plans"/> when that changed.</summary>
        private static string Message(Finding f, IReadOnlyList<RepairPlan> plans)
        {
            if (f.Repairs.Count == 0 || plans.Count == 0 || ReferenceEquals(plans[0], f.Repairs[0]))
            {
                return f.Message;
            }

            string old = f.Repairs[0].Describe();
            return f.Message.EndsWith(old, StringComparison.Ordinal) ? f.Message.Substring(0, f.Message.Length - old.Length) + plans[0].Describe() : f.Message;
        }

        /// <summary>The statements after <paramref name="after"/> that hold one of <paramref name="positions"/> (a local's name): only they can assign through it.</summary>
        private static IEnumerable<IOperation> Mentioning(IBlockOperation block, int[] positions, int after)
        {
            for (int i = after + 1; i < block.Operations.Length && positions.Length > 0; i++)
            {
                if (Positions.Holds(positions, block.Operations[i].Syntax.Span))
                {
                    yield return block.Operations[i];
                }
            }
        }

        private static IOperation? Statement(IVariableDeclaratorOperation declarator) =>
            declarator.Parent?.Parent is IVariableDeclarationGroupOperation group ? group : null;

        /// <summary>Findings about unset settings point at <c>new Type</c>, not the whole initializer.</summary>
        private static Location Anchor(IObjectCreationOperation creation)
        {
            if (creation.Syntax is ObjectCreationExpressionSyntax oc)
            {
                return Location.Create(oc.SyntaxTree, TextSpan.FromBounds(oc.NewKeyword.SpanStart, oc.Type.Span.End));
            }

            if (creation.Syntax is ImplicitObjectCreationExpressionSyntax ioc)
            {
                return Location.Create(ioc.SyntaxTree, TextSpan.FromBounds(ioc.NewKeyword.SpanStart, ioc.ArgumentList.Span.End));
            }

            return creation.Syntax.GetLocation();
        }

        /// <summary>
        /// The engine's repairs for code fixes, best first: per repair its changes, each with the member to set, its kind (how to
        /// write the value), the value (nanoseconds or a number), and the span of the expression that holds it now (absent:
        /// the member is unset). A repair with a change no member can take is left out.
        /// </summary>
        private static ImmutableDictionary<string, string?> Properties(IReadOnlyList<RepairPlan> repairs, ConfigurationInstance instance, IEnumerable<MemberBinding> members, Location location)
        {
            ImmutableDictionary<string, string?>.Builder b = ImmutableDictionary.CreateBuilder<string, string?>();
            int n = 0;
            foreach (RepairPlan plan in repairs)
            {
                var changes = new List<(SettingChange Change, MemberBinding Member)>();
                foreach (SettingChange c in plan.Changes)
                {
                    // The member the value is written through (ConsumerConfig.Set's key, not the property), else the first for the setting.
                    MemberBinding? member = members.FirstOrDefault(m => m.Setting == c.Setting.Id && m.Member == c.Occurrence?.Name)
                        ?? members.FirstOrDefault(m => m.Setting == c.Setting.Id);
                    if (c.Occurrence?.Location is Location at && (!at.IsInSource || at.SourceTree != location.SourceTree))
                    {
                        member = null; // a value in appsettings.json or in another file: a code fix of this document cannot change it
                    }

                    if (member != null)
                    {
                        changes.Add((c, member));
                    }
                }

                if (changes.Count != plan.Changes.Count)
                {
                    continue;
                }

                for (int i = 0; i < changes.Count; i++)
                {
                    (SettingChange c, MemberBinding member) = changes[i];
                    string prefix = $"Repair{n}.{i}.";
                    b[prefix + "Setting"] = c.Setting.Id;
                    b[prefix + "Member"] = c.Occurrence?.Name ?? instance.NameOf(c.Setting.Index);
                    b[prefix + "Kind"] = member.Kind.ToString();
                    b[prefix + "Value"] = Rules.Timing.DurationFormat.Number(c.Value);
                    if (member.UnitNanos is long unit)
                    {
                        b[prefix + "Unit"] = unit.ToString(CultureInfo.InvariantCulture);
                    }

                    if (c.Occurrence?.Location is Location { IsInSource: true } at)
                    {
                        b[prefix + "Span"] = at.SourceSpan.Start.ToString(CultureInfo.InvariantCulture) + ":" + at.SourceSpan.Length.ToString(CultureInfo.InvariantCulture);
                    }
                }

                b[$"Repair{n}.Count"] = changes.Count.ToString(CultureInfo.InvariantCulture);
                n++;
            }

            b[RepairCount] = n.ToString(CultureInfo.InvariantCulture);
            return b.ToImmutable();
        }
    }
}
