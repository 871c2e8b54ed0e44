using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using ElectionLint.Analyzers.Bindings;
using ElectionLint.Analyzers.Evaluation;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Systems;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ElectionLint.Analyzers.Collection
{
    /// <summary>Turns the assignments and arguments of one configuration object into an engine instance.</summary>
    internal sealed class SettingCollector
    {
        private readonly StaticEvaluator _evaluator;
        private readonly Compilation _compilation;
        private readonly BoundTypes _types;
        private readonly AppSettingsSource _settings;
        private readonly CancellationToken _cancellation;
        private int _environment;

        public SettingCollector(StaticEvaluator evaluator, Compilation compilation, BoundTypes types, AppSettingsSource settings, CancellationToken cancellation)
        {
            _evaluator = evaluator;
            _compilation = compilation;
            _types = types;
            _settings = settings;
            _cancellation = cancellation;
        }

        /// <summary>True when the last configuration read took values from appsettings (so it is read again per environment).</summary>
        public bool UsedSettings { get; private set; }

        /// <summary>Reads sections in appsettings environment <paramref name="environment"/> from now on.</summary>
        public void UseEnvironment(int environment)
        {
            _environment = environment;
            UsedSettings = false;
        }

        /// <summary>
        /// A configuration of <paramref name="type"/> (null: not known): a subclass in source with a constructor of its own
        /// leaves its unset members unknown; a user binding's unset members take the type's initializers.
        /// </summary>
        public ConfigurationInstance Start(TypeBinding binding, Location anchor, ITypeSymbol? type)
        {
            ConfigurationInstance instance = Start(binding, anchor);
            if (type is not INamedTypeSymbol named)
            {
                return instance;
            }

            if (SetsUpItself(named))
            {
                UnknownDefaults(instance, binding, new HashSet<string>());
            }
            else if (binding.IsUserBinding)
            {
                foreach (MemberBinding m in binding.Members)
                {
                    instance.Default(m.Setting, Initializer(instance, m, named));
                }
            }

            return instance;
        }

        /// <summary>How messages show durations for C#: as TimeSpans when the type has TimeSpan members, else in seconds ("1200 s").</summary>
        public static ValueFormat DurationDisplay(IEnumerable<MemberBinding> members) =>
            members.Any(m => m.Kind == ValueKind.TimeSpan) ? ValueFormat.TimeSpan : ValueFormat.IntegerSeconds;

        public static ConfigurationInstance Start(TypeBinding binding, Location anchor)
        {
            var instance = new ConfigurationInstance(SystemCatalogue.Get(binding.System), anchor, binding.Variant)
            {
                DurationDisplay = DurationDisplay(binding.Members.Concat(binding.ConstructorParameters)),
            };
            foreach (MemberBinding m in binding.Members)
            {
                instance.Name(m.Setting, m.Member);
            }

            return instance;
        }

        public static MemberBinding? Member(MemberBinding[] members, string name, StringComparison comparison = StringComparison.Ordinal)
        {
            foreach (MemberBinding m in members)
            {
                if (string.Equals(m.Member, name, comparison))
                {
                    return m;
                }
            }

            return null;
        }

        /// <summary>A constructor parameter that copies another configuration: the type itself, a base of it, or a dictionary of settings.</summary>
        public static bool IsCopySource(ITypeSymbol parameter, ITypeSymbol? created)
        {
            for (ITypeSymbol? t = created; t != null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, parameter.OriginalDefinition))
                {
                    return true;
                }
            }

            return parameter.TypeKind == TypeKind.Interface && (parameter.Name.Contains("Dictionary") || parameter.Name.Contains("Enumerable"));
        }

        /// <summary>
        /// A copy source made in the argument itself (<c>new ConsumerConfig(new ClientConfig { BootstrapServers = … })</c>, or a
        /// <c>new Dictionary&lt;string, string&gt; { ["group.id"] = … }</c>): Confluent's Config wraps what it is given, and an object
        /// made right there is shared with nothing else, so what its initializer writes is all it holds; its keys and members
        /// are read as the copy's. False, with nothing recorded, for anything else (a local, a call, a type in source, a bound
        /// type that is judged on its own, an entry whose key is not a constant): what it holds is not known here.
        /// </summary>
        public bool ReadCopy(ConfigurationInstance instance, TypeBinding binding, IOperation value)
        {
            var writes = new List<(MemberBinding Member, IOperation Value)>();
            if (!CopyWrites(Unwrap(value), binding, writes, 0))
            {
                return false;
            }

            foreach ((MemberBinding m, IOperation v) in writes)
            {
                Add(instance, m, v, conditional: false);
            }

            return true;
        }

        private bool CopyWrites(IOperation value, TypeBinding binding, List<(MemberBinding, IOperation)> writes, int depth)
        {
            if (depth > 4 || value is not IObjectCreationOperation { Type: INamedTypeSymbol type } inner || _types.TryGet(type, out _) ||
                type.Locations.Any(l => l.IsInSource))
            {
                return false;
            }

            bool dictionary = type.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.Dictionary<TKey, TValue>" &&
                type.TypeArguments.All(t => t.SpecialType == SpecialType.System_String);
            foreach (IArgumentOperation arg in inner.Arguments)
            {
                if (arg.ArgumentKind == ArgumentKind.DefaultValue || arg.Parameter == null)
                {
                    continue;
                }

                // A dictionary's comparer or capacity adds no entry; a config's copy source is read the same way.
                bool harmless = dictionary && (arg.Parameter.Name == "comparer" || arg.Parameter.Name == "capacity");
                if (!harmless && !(!dictionary && IsCopySource(arg.Parameter.Type, type) && CopyWrites(Unwrap(arg.Value), binding, writes, depth + 1)))
                {
                    return false;
                }
            }

            foreach (IOperation element in inner.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
            {
                switch (element)
                {
                    // new ClientConfig { BootstrapServers = … }: its members, read by name as the copy's
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: false } p } a when !dictionary:
                        if (Member(binding.Members, p.Property.Name) is MemberBinding m)
                        {
                            writes.Add((m, a.Value));
                        }

                        break;

                    // new Dictionary<string, string> { ["session.timeout.ms"] = "6000" } and { { "session.timeout.ms", "6000" } }
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } entry when dictionary:
                        if (!Entry(indexer.Arguments[0].Value, entry.Value, binding, writes))
                        {
                            return false;
                        }

                        break;
                    case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 2 } add when dictionary:
                        if (!Entry(add.Arguments[0].Value, add.Arguments[1].Value, binding, writes))
                        {
                            return false;
                        }

                        break;
                    default:
                        return false;
                }
            }

            return true;
        }

        private static bool Entry(IOperation key, IOperation value, TypeBinding binding, List<(MemberBinding, IOperation)> writes)
        {
            if (key.ConstantValue is not { HasValue: true, Value: string k })
            {
                return false;
            }

            if (Member(binding.SetKeys, k) is MemberBinding m)
            {
                writes.Add((m, value));
            }

            return true;
        }

        /// <summary>The unset members (but <paramref name="except"/>) have values not known here: nothing is judged against a default.</summary>
        public void UnknownDefaults(ConfigurationInstance instance, TypeBinding binding, HashSet<string> except)
        {
            foreach (MemberBinding m in binding.Members)
            {
                if (!except.Contains(m.Member))
                {
                    instance.Default(m.Setting, null);
                }
            }
        }

        /// <summary>Every member may have been set (a delegate not read, a section not resolved): all are unknown from here on.</summary>
        public void UnknownAll(ConfigurationInstance instance, TypeBinding binding, Location location)
        {
            foreach (MemberBinding m in binding.Members)
            {
                instance.SetUnknown(m.Setting, location, m.Member);
            }
        }

        /// <summary>
        /// The values the configuration binder gives the members from <paramref name="section"/> of appsettings (keys matched
        /// without case, values converted as the binder's type converters do), at their positions in the JSON file. A section
        /// that is not resolved, or appsettings that are absent or do not parse, make every member unknown.
        /// </summary>
        public void Bind(ConfigurationInstance instance, TypeBinding binding, string? section, Location at)
        {
            AppSettings? settings = section != null ? _settings.Get(_cancellation) : null;
            if (settings == null || section == null || settings.IsEmpty || settings.Unreadable)
            {
                UnknownAll(instance, binding, at);
                return;
            }

            UsedSettings = true;
            AppSettings.Layer[] environment = settings.Environments[Math.Min(_environment, settings.Environments.Count - 1)];
            foreach (MemberBinding m in binding.Members)
            {
                if (AppSettings.Find(environment, ConfigurationSections.Combine(section, m.Member)) is AppSettings.Entry e)
                {
                    FromText(instance, m, e.Text, e.Location, e.Key);
                }
            }
        }

        private void FromText(ConfigurationInstance instance, MemberBinding member, string? text, Location location, string name)
        {
            string t = text?.Trim() ?? string.Empty;
            (bool IsTimeSpan, decimal Number)? read = member.Kind switch
            {
                ValueKind.TimeSpan when t.Length > 0 && TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out TimeSpan ts) => (true, ts.Ticks * 100m),
                ValueKind.Milliseconds or ValueKind.Seconds when long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out long whole) => (false, whole),
                ValueKind.Number when decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal n) => (false, n),
                ValueKind.Boolean when bool.TryParse(t, out bool b) => (false, b ? 1m : 0m),
                ValueKind.Declared when t.IndexOf(':') >= 0 && TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out TimeSpan dts) => (true, dts.Ticks * 100m),
                ValueKind.Declared when decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) => (false, d),
                _ => null,
            };

            if (read is (bool isTimeSpan, decimal number) && EngineValue(instance, member, isTimeSpan, number) is decimal known)
            {
                instance.Set(member.Setting, SettingValue.Of(known), location, name);
            }
            else if (member.Kind == ValueKind.EnumName && t.Length > 0 && t.All(char.IsLetter))
            {
                instance.Set(member.Setting, SettingValue.OfText(t.ToLowerInvariant()), location, name);
            }
            else if (t.Length > 0 && read == null && BinderRefuses(member.Kind) is string expected)
            {
                // The binder's type converter throws on it: the host does not start.
                instance.SetInvalid(member.Setting, t, "the configuration binder cannot convert it to " + expected + " and the app fails at start-up", location, name);
            }
            else
            {
                instance.SetUnknown(member.Setting, location, name);
            }
        }

        /// <summary>What the binder expects for a member of this kind, when a value it cannot convert is certain to fail (int?, TimeSpan, bool).</summary>
        private static string? BinderRefuses(ValueKind kind) => kind switch
        {
            ValueKind.Milliseconds => "an integer of milliseconds",
            ValueKind.Seconds => "an integer of seconds",
            ValueKind.TimeSpan => "a TimeSpan ([d.]hh:mm[:ss[.fffffff]])",
            ValueKind.Boolean => "true or false",
            _ => null,
        };

        /// <summary>A subclass of the bound type in source with a constructor of its own: what that sets is not read. (A library's subclasses are bound as they are.)</summary>
        private bool SetsUpItself(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? t = type; t != null && !_types.IsBound(t); t = t.BaseType)
            {
                if (t.Locations.Any(l => l.IsInSource) && t.InstanceConstructors.Any(c => !c.IsImplicitlyDeclared))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A user binding's initializer (<c>public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(15);</c>) when it folds and no constructor of its own sets the member.</summary>
        private decimal? Initializer(ConfigurationInstance instance, MemberBinding member, INamedTypeSymbol type)
        {
            ISymbol? symbol = null;
            for (INamedTypeSymbol? t = type; t != null && symbol == null; t = t.BaseType)
            {
                symbol = t.GetMembers(member.Member).FirstOrDefault(s => s is IPropertySymbol || s is IFieldSymbol);
            }

            if (symbol == null || symbol.DeclaringSyntaxReferences.Length != 1 || SetInConstructor(symbol.ContainingType, member.Member))
            {
                return null;
            }

            ExpressionSyntax? init = symbol.DeclaringSyntaxReferences[0].GetSyntax(_cancellation) switch
            {
                PropertyDeclarationSyntax p => p.Initializer?.Value,
                VariableDeclaratorSyntax v => v.Initializer?.Value,
                ParameterSyntax parameter => parameter.Default?.Value,
                _ => null,
            };
            if (init == null)
            {
                return null;
            }

#pragma warning disable RS1030 // the initializer is in another member, often another file: only its own model folds it
            SemanticModel model = _compilation.GetSemanticModel(init.SyntaxTree);
#pragma warning restore RS1030
            return _evaluator.Evaluate(model.GetOperation(init, _cancellation)) is StaticValue { IsNull: false, Text: null } sv ? EngineValue(instance, member, sv.IsTimeSpan, sv.Number) : null;
        }

        private bool SetInConstructor(INamedTypeSymbol type, string member) =>
            type.InstanceConstructors.Any(c => !c.IsImplicitlyDeclared && c.DeclaringSyntaxReferences.Any(r =>
                r.GetSyntax(_cancellation).DescendantNodes().OfType<IdentifierNameSyntax>().Any(id => id.Identifier.ValueText == member)));

        /// <summary>Records a value; an unknown value or one set conditionally is unknown, never guessed.</summary>
        public void Add(ConfigurationInstance instance, MemberBinding member, IOperation value, bool conditional)
        {
            Location location = value.Syntax.GetLocation();
            if (conditional)
            {
                instance.SetUnknown(member.Setting, location, member.Member);
                return;
            }

            StaticValue? v = _evaluator.Evaluate(value);
            if (v is not StaticValue sv)
            {
                instance.SetUnknown(member.Setting, location, member.Member);
                return;
            }

            if (sv.IsNull)
            {
                return; // int? or TimeSpan? set to null: the library default applies
            }

            if (sv.Text == null && EngineValue(instance, member, sv.IsTimeSpan, sv.Number) is decimal known)
            {
                instance.Set(member.Setting, SettingValue.Of(known), location, member.Member);
            }
            else if (member.Kind == ValueKind.EnumName && sv.Text != null)
            {
                instance.Set(member.Setting, SettingValue.OfText(sv.Text.ToLowerInvariant()), location, member.Member);
            }
            else if (member.Kind == ValueKind.Text && sv.Text != null)
            {
                instance.SetText(member.Setting, sv.Text, location, member.Member);
            }
            else
            {
                instance.SetUnknown(member.Setting, location, member.Member);
            }
        }

        /// <summary>
        /// What a member of this kind holds, as the engine's value: nanoseconds for a TimeSpan, or a number in the member's
        /// unit; null when the kind does not take it (a number where a TimeSpan is meant, a duration without a unit).
        /// </summary>
        private static decimal? EngineValue(ConfigurationInstance instance, MemberBinding member, bool isTimeSpan, decimal number) => member.Kind switch
        {
            ValueKind.TimeSpan when isTimeSpan => number,
            ValueKind.Milliseconds when !isTimeSpan => number * 1_000_000m,
            ValueKind.Seconds when !isTimeSpan => number * 1_000_000_000m,
            ValueKind.Number or ValueKind.Boolean when !isTimeSpan => number,
            ValueKind.Declared when isTimeSpan => number,
            ValueKind.Declared when member.UnitNanos != null || !IsDuration(instance, member.Setting) => number * (member.UnitNanos ?? 1L),
            _ => null,
        };

        /// <summary>
        /// Assignments to <c>receiver.Property</c> (and <c>receiver.Set(key, value)</c>) in <paramref name="statements"/>.
        /// Direct statements are known values; assignments nested in conditions, loops or lambdas are unknown.
        /// Stops where the receiver itself is reassigned.
        /// </summary>
        /// <param name="enter">Where the receiver can be in a statement (the spans that name a local); null: anywhere.</param>
        public void Statements(ConfigurationInstance instance, TypeBinding binding, IEnumerable<IOperation> statements, Func<IOperation?, bool> isReceiver, bool conditional = false, Func<IOperation, bool>? enter = null)
        {
            foreach (IOperation statement in statements)
            {
                if (Reassigns(statement, isReceiver))
                {
                    return;
                }

                IOperation top = statement is IExpressionStatementOperation es ? es.Operation : statement;
                if (Escapes.In(statement, isReceiver, enter))
                {
                    UnknownAll(instance, binding, statement.Syntax.GetLocation());
                    continue;
                }

                if (conditional ? Assignment(instance, binding, top, isReceiver, conditional: true) : Direct(instance, binding, top, isReceiver))
                {
                    continue;
                }

                OperationTree.Each(statement, self: false, nested => Assignment(instance, binding, nested, isReceiver, conditional: true), enter);
            }
        }

        private bool Direct(ConfigurationInstance instance, TypeBinding binding, IOperation op, Func<IOperation?, bool> isReceiver) =>
            Assignment(instance, binding, op, isReceiver, conditional: false);

        private bool Assignment(ConfigurationInstance instance, TypeBinding binding, IOperation op, Func<IOperation?, bool> isReceiver, bool conditional)
        {
            if (op is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation p } a && isReceiver(p.Instance) &&
                Member(binding.Members, p.Property.Name) is MemberBinding m)
            {
                Add(instance, m, a.Value, conditional);
                return true;
            }

            // configuration.GetSection("Kafka").Bind(config), configuration.Bind("Kafka", config)
            if (op is IInvocationOperation bind && bind.TargetMethod.Name == "Bind" && bind.TargetMethod.ContainingType?.Name == "ConfigurationBinder" && bind.Arguments.Length >= 2 &&
                bind.Arguments.FirstOrDefault(a => a.Parameter?.Name == "instance") is IArgumentOperation target && isReceiver(Unwrap(target.Value)))
            {
                string? section = ConfigurationSections.PathOf(bind.Arguments[0].Value, _cancellation);
                if (bind.Arguments.FirstOrDefault(a => a.Parameter?.Name == "key") is IArgumentOperation key)
                {
                    section = section != null && key.Value.ConstantValue is { HasValue: true, Value: string k } ? ConfigurationSections.Combine(section, k) : null;
                }

                Bind(instance, binding, conditional ? null : section, bind.Syntax.GetLocation());
                return true;
            }

            if (op is IInvocationOperation inv && inv.TargetMethod.Name == "Set" && inv.Arguments.Length == 2 && isReceiver(inv.Instance) && binding.SetKeys.Length > 0)
            {
                if (inv.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key } && Member(binding.SetKeys, key) is MemberBinding sk)
                {
                    Add(instance, sk, inv.Arguments[1].Value, conditional);
                }

                return true;
            }

            return false;
        }

        /// <summary>The value under its implicit and explicit conversions.</summary>
        internal static IOperation Unwrap(IOperation op)
        {
            while (op is IConversionOperation c)
            {
                op = c.Operand;
            }

            return op;
        }

        private static bool Reassigns(IOperation statement, Func<IOperation?, bool> isReceiver)
        {
            IOperation top = statement is IExpressionStatementOperation es ? es.Operation : statement;
            return top is ISimpleAssignmentOperation a && isReceiver(a.Target);
        }

        private static bool IsDuration(ConfigurationInstance instance, string setting) =>
            instance.System.TryGetSetting(setting, out SettingDefinition s) && s.IsDuration;
    }
}
