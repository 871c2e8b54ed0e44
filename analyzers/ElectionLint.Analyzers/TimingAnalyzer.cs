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
    /// the same local, Configure&lt;T&gt; lambdas, method arguments), folds their values and reports the engine's findings
    /// on the offending value.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TimingAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property names: the suggested values a code fix can apply.</summary>
        public const string RepairCount = "ElectionLint.Repairs";

        private static readonly string[] ConfigureMethods = { "Configure", "PostConfigure", "ConfigureAll", "PostConfigureAll" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.All;

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
            IEnumerable<TypeBinding> userTypes = UserBindings(profile.Document);

            BoundTypes? types = BoundTypes.Resolve(start.Compilation, KnownBindings.Types.Concat(userTypes), KnownBindings.Methods);
            if (types == null)
            {
                return; // no bound type in this compilation: nothing to do, nothing registered
            }

            start.RegisterOperationAction(c => Guarded(c, types, profile, AnalyzeCreation), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => Guarded(c, types, profile, AnalyzeInvocation), OperationKind.Invocation);
        }

        /// <summary>Nothing escapes a callback: an unexpected failure on one creation costs its findings, not the build's (no AD0001).</summary>
        private static void Guarded(OperationAnalysisContext context, BoundTypes types, AnalysisProfile profile, Action<OperationAnalysisContext, BoundTypes, AnalysisProfile> analyze)
        {
            try
            {
                analyze(context, types, profile);
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
                yield return new TypeBinding(b.CSharpType, b.System, null, members) { IncludeSubclasses = true };
            }
        }

        private static void AnalyzeCreation(OperationAnalysisContext context, BoundTypes types, AnalysisProfile profile)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (!types.TryGet(creation.Type, out TypeBinding binding))
            {
                return;
            }

            var collector = new SettingCollector(new StaticEvaluator(context.Compilation, context.CancellationToken));
            ConfigurationInstance instance = SettingCollector.Start(binding, Anchor(creation));
            foreach (IArgumentOperation arg in creation.Arguments)
            {
                if (arg.Parameter != null && SettingCollector.Member(binding.ConstructorParameters, arg.Parameter.Name) is MemberBinding m && arg.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    collector.Add(instance, m, arg.Value, conditional: false);
                }
            }

            if (creation.Initializer != null)
            {
                collector.Statements(instance, binding, creation.Initializer.Initializers, receiver => receiver is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver });
            }

            // var config = new X { … }; config.Prop = …; (later statements of the same block)
            if (creation.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } &&
                Statement(declarator) is IOperation statement && statement.Parent is IBlockOperation block)
            {
                ILocalSymbol local = declarator.Symbol;
                int index = block.Operations.IndexOf(statement);
                collector.Statements(instance, binding, Mentioning(block, local.Name, index), receiver => receiver is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, local));
            }

            Report(context, instance, profile, binding.Members.Concat(binding.ConstructorParameters).Concat(binding.SetKeys));
        }

        /// <summary>Per block, the statements each name appears in: one scan per block, not one per creation (linear in block size).</summary>
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxNode, Dictionary<string, List<int>>> NamesByStatement =
            new System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxNode, Dictionary<string, List<int>>>();

        /// <summary>The statements after <paramref name="after"/> that mention <paramref name="name"/>: only they can assign through the local.</summary>
        private static IEnumerable<IOperation> Mentioning(IBlockOperation block, string name, int after)
        {
            Dictionary<string, List<int>> index = NamesByStatement.GetValue(block.Syntax, _ =>
            {
                var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
                for (int i = 0; i < block.Operations.Length; i++)
                {
                    foreach (IdentifierNameSyntax id in block.Operations[i].Syntax.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                    {
                        if (!map.TryGetValue(id.Identifier.ValueText, out List<int>? list))
                        {
                            map[id.Identifier.ValueText] = list = new List<int>();
                        }

                        if (list.Count == 0 || list[list.Count - 1] != i)
                        {
                            list.Add(i);
                        }
                    }
                }

                return map;
            });
            if (!index.TryGetValue(name, out List<int>? statements))
            {
                yield break;
            }

            foreach (int i in statements)
            {
                if (i > after)
                {
                    yield return block.Operations[i];
                }
            }
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, BoundTypes types, AnalysisProfile profile)
        {
            var invocation = (IInvocationOperation)context.Operation;
            IMethodSymbol method = invocation.TargetMethod;
            if (types.HasMethods && types.TryGetMethod(method, out MethodBinding methodBinding))
            {
                var collector = new SettingCollector(new StaticEvaluator(context.Compilation, context.CancellationToken));
                var instance = new ConfigurationInstance(Rules.Systems.SystemCatalogue.Get(methodBinding.System), invocation.Syntax.GetLocation());
                foreach (IArgumentOperation arg in invocation.Arguments)
                {
                    if (arg.Parameter != null && SettingCollector.Member(methodBinding.Parameters, arg.Parameter.Name) is MemberBinding m)
                    {
                        collector.Add(instance, m, arg.Value, conditional: false);
                    }
                }

                Report(context, instance, profile, methodBinding.Parameters);
                return;
            }

            if (Array.IndexOf(ConfigureMethods, method.Name) < 0)
            {
                return;
            }

            // services.Configure<T>(o => { o.X = …; }), builder.Configure(o => …), PostConfigure, ConfigureAll
            foreach (IArgumentOperation arg in invocation.Arguments)
            {
                IOperation value = arg.Value is IDelegateCreationOperation d ? d.Target : arg.Value;
                if (value is not IAnonymousFunctionOperation lambda || lambda.Symbol.Parameters.Length == 0)
                {
                    continue;
                }

                IParameterSymbol parameter = lambda.Symbol.Parameters[0];
                if (!types.TryGet(parameter.Type, out TypeBinding binding))
                {
                    continue;
                }

                var collector = new SettingCollector(new StaticEvaluator(context.Compilation, context.CancellationToken));
                ConfigurationInstance instance = SettingCollector.Start(binding, lambda.Syntax.GetLocation());
                collector.Statements(instance, binding, lambda.Body.Operations, receiver => receiver is IParameterReferenceOperation p && SymbolEqualityComparer.Default.Equals(p.Parameter, parameter));
                Report(context, instance, profile, binding.Members);
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

        private static void Report(OperationAnalysisContext context, ConfigurationInstance instance, AnalysisProfile profile, IEnumerable<MemberBinding> members)
        {
            EvaluationResult result = Evaluator.Evaluate(instance, profile.For(context.Operation.Syntax.SyntaxTree.FilePath), profile.Severities);
            foreach (Finding f in result.Findings)
            {
                Location location = f.Location as Location ?? context.Operation.Syntax.GetLocation();
                var additional = new List<Location>();
                foreach (SettingOccurrence o in f.Related)
                {
                    if (o.Location is Location l)
                    {
                        additional.Add(l);
                    }
                }

                context.ReportDiagnostic(Diagnostic.Create(Descriptors.Get(f.RuleId), location, Descriptors.ToRoslyn(f.Severity), additional, Properties(f, instance, members), f.Message));
            }
        }

        /// <summary>
        /// The engine's repairs for code fixes, best first: per repair its changes, each with the member to set, its kind (how to
        /// write the value), the value (nanoseconds or a number), and the span of the expression that holds it now (absent:
        /// the member is unset). A repair with a change no member can take is left out.
        /// </summary>
        private static ImmutableDictionary<string, string?> Properties(Finding f, ConfigurationInstance instance, IEnumerable<MemberBinding> members)
        {
            ImmutableDictionary<string, string?>.Builder b = ImmutableDictionary.CreateBuilder<string, string?>();
            int n = 0;
            foreach (RepairPlan plan in f.Repairs)
            {
                var changes = new List<(SettingChange Change, MemberBinding Member)>();
                foreach (SettingChange c in plan.Changes)
                {
                    // The member the value is written through (ConsumerConfig.Set's key, not the property), else the first for the setting.
                    MemberBinding? member = members.FirstOrDefault(m => m.Setting == c.Setting.Id && m.Member == c.Occurrence?.Name)
                        ?? members.FirstOrDefault(m => m.Setting == c.Setting.Id);
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
