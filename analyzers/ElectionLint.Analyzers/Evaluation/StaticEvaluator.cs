using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ElectionLint.Analyzers.Evaluation
{
    /// <summary>
    /// Folds values over IOperation: literals, constants, arithmetic, conversions, TimeSpan factories, constructors,
    /// fields and operators, Timeout.InfiniteTimeSpan, static readonly fields and single-assignment locals with evaluable
    /// initializers. Anything else is unknown (null): a value is never guessed.
    /// </summary>
    internal sealed class StaticEvaluator
    {
        private const int MaxDepth = 16;
        private const decimal TicksToNanos = 100m;

        private readonly Compilation _compilation;
        private readonly INamedTypeSymbol? _timeSpan;
        private readonly INamedTypeSymbol? _timeout;
        private readonly CancellationToken _cancellation;

        public StaticEvaluator(Compilation compilation, CancellationToken cancellation)
        {
            _compilation = compilation;
            _timeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
            _timeout = compilation.GetTypeByMetadataName("System.Threading.Timeout");
            _cancellation = cancellation;
        }

        /// <summary>The value, or null when it is not known statically (or is beyond what a duration or number holds).</summary>
        public StaticValue? Evaluate(IOperation? operation)
        {
            try
            {
                return Evaluate(operation, 0);
            }
            catch (Exception e) when (e is ArithmeticException || e is InvalidCastException || e is FormatException)
            {
                return null; // TimeSpan.FromDays(1e20), (int)1e28: unknown, never a crash
            }
        }

        private StaticValue? Evaluate(IOperation? op, int depth)
        {
            if (op == null || depth > MaxDepth)
            {
                return null;
            }

            // An enum member is its name (Confluent's GroupProtocol.Consumer), not its number.
            IOperation inner = op;
            while (inner is IConversionOperation c0)
            {
                inner = c0.Operand;
            }

            if (inner is IFieldReferenceOperation { Field: { ContainingType.TypeKind: TypeKind.Enum, HasConstantValue: true } enumField })
            {
                return StaticValue.OfText(enumField.Name);
            }

            if (op.ConstantValue.HasValue)
            {
                object? c = op.ConstantValue.Value;
                switch (c)
                {
                    case null: return StaticValue.Null;
                    case string s: return StaticValue.OfText(s);
                    case bool b: return StaticValue.Of(b ? 1m : 0m);
                    case char _: return null;
                    default:
                        try
                        {
                            return StaticValue.Of(Convert.ToDecimal(c, System.Globalization.CultureInfo.InvariantCulture));
                        }
                        catch (Exception e) when (e is OverflowException || e is InvalidCastException || e is FormatException)
                        {
                            return null; // double.NaN, ±Infinity, out of decimal range
                        }
                }
            }

            switch (op)
            {
                case IConversionOperation conv:
                    return Convert_(conv, Evaluate(conv.Operand, depth + 1));
                case IUnaryOperation unary when unary.OperatorKind == UnaryOperatorKind.Minus:
                    return Negate(Evaluate(unary.Operand, depth + 1));
                case IUnaryOperation unary when unary.OperatorKind == UnaryOperatorKind.Plus:
                    return Evaluate(unary.Operand, depth + 1);
                case IBinaryOperation binary:
                    return Binary(binary, depth);
                case IInvocationOperation invocation:
                    return Invocation(invocation, depth);
                case IObjectCreationOperation creation when IsTimeSpan(creation.Type):
                    return TimeSpanConstructor(creation.Constructor, creation.Arguments, depth);
                case IFieldReferenceOperation field:
                    return Field(field.Field, depth);
                case IPropertyReferenceOperation property when IsTimeSpan(property.Property.ContainingType) && property.Property.IsStatic:
                    return null;
                case IPropertyReferenceOperation total when IsTimeSpan(total.Property.ContainingType) && total.Instance != null:
                    return Total(total.Property.Name, Evaluate(total.Instance, depth + 1));
                case ILocalReferenceOperation local:
                    return Local(local, depth);
                case IParenthesizedOperation paren:
                    return Evaluate(paren.Operand, depth + 1);
                case IDefaultValueOperation dv when IsTimeSpan(dv.Type):
                    return StaticValue.OfTimeSpan(0m);
                default:
                    return null;
            }
        }

        private StaticValue? Binary(IBinaryOperation binary, int depth)
        {
            StaticValue? l = Evaluate(binary.LeftOperand, depth + 1);
            StaticValue? r = Evaluate(binary.RightOperand, depth + 1);
            if (l is not StaticValue a || r is not StaticValue b || a.Text != null || b.Text != null || a.IsNull || b.IsNull)
            {
                return null;
            }

            bool integer = binary.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_UInt32 or SpecialType.System_UInt64;
            try
            {
                switch (binary.OperatorKind)
                {
                    case BinaryOperatorKind.Add:
                        return a.IsTimeSpan == b.IsTimeSpan ? Make(a.Number + b.Number, a.IsTimeSpan) : (StaticValue?)null;
                    case BinaryOperatorKind.Subtract:
                        return a.IsTimeSpan == b.IsTimeSpan ? Make(a.Number - b.Number, a.IsTimeSpan) : (StaticValue?)null;
                    case BinaryOperatorKind.Multiply:
                        if (a.IsTimeSpan && b.IsTimeSpan)
                        {
                            return null;
                        }

                        // TimeSpan * double rounds to whole ticks.
                        return a.IsTimeSpan || b.IsTimeSpan ? StaticValue.OfTimeSpan(RoundTicks(a.Number * b.Number)) : StaticValue.Of(a.Number * b.Number);
                    case BinaryOperatorKind.Divide:
                        if (b.Number == 0m)
                        {
                            return null;
                        }

                        if (a.IsTimeSpan && b.IsTimeSpan)
                        {
                            return StaticValue.Of(a.Number / b.Number);
                        }

                        if (a.IsTimeSpan)
                        {
                            return StaticValue.OfTimeSpan(RoundTicks(a.Number / b.Number));
                        }

                        return b.IsTimeSpan ? (StaticValue?)null : StaticValue.Of(integer ? decimal.Truncate(a.Number / b.Number) : a.Number / b.Number);
                    case BinaryOperatorKind.Remainder when !a.IsTimeSpan && !b.IsTimeSpan && b.Number != 0m:
                        return StaticValue.Of(a.Number % b.Number);
                    default:
                        return null;
                }
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        private StaticValue? Invocation(IInvocationOperation invocation, int depth)
        {
            IMethodSymbol m = invocation.TargetMethod;
            if (!m.IsStatic || !IsTimeSpan(m.ContainingType) || !m.Name.StartsWith("From", StringComparison.Ordinal))
            {
                return null;
            }

            decimal unit = m.Name switch
            {
                "FromDays" => 86_400_000_000_000m,
                "FromHours" => 3_600_000_000_000m,
                "FromMinutes" => 60_000_000_000m,
                "FromSeconds" => 1_000_000_000m,
                "FromMilliseconds" => 1_000_000m,
                "FromMicroseconds" => 1_000m,
                "FromTicks" => TicksToNanos,
                _ => 0m,
            };
            if (unit == 0m)
            {
                return null;
            }

            // FromX(double value) and the integer overloads FromX(int days, int hours = 0, …) added in .NET 9.
            decimal total = 0m;
            foreach (IArgumentOperation arg in invocation.Arguments)
            {
                if (Evaluate(arg.Value, depth + 1) is not StaticValue v || v.Text != null || v.IsNull || v.IsTimeSpan)
                {
                    return null;
                }

                decimal argUnit = arg.Parameter?.Name switch
                {
                    "days" => 86_400_000_000_000m,
                    "hours" => 3_600_000_000_000m,
                    "minutes" => 60_000_000_000m,
                    "seconds" => 1_000_000_000m,
                    "milliseconds" => 1_000_000m,
                    "microseconds" => 1_000m,
                    "ticks" => TicksToNanos,
                    _ => unit,
                };
                total += v.Number * argUnit;
            }

            return StaticValue.OfTimeSpan(RoundTicks(total));
        }

        private StaticValue? TimeSpanConstructor(IMethodSymbol? ctor, ImmutableArray<IArgumentOperation> arguments, int depth)
        {
            if (ctor == null)
            {
                return null;
            }

            if (arguments.Length == 0)
            {
                return StaticValue.OfTimeSpan(0m);
            }

            decimal total = 0m;
            foreach (IArgumentOperation arg in arguments)
            {
                if (Evaluate(arg.Value, depth + 1) is not StaticValue v || v.Text != null || v.IsNull)
                {
                    return null;
                }

                decimal unit = arg.Parameter?.Name switch
                {
                    "ticks" => TicksToNanos,
                    "days" => 86_400_000_000_000m,
                    "hours" => 3_600_000_000_000m,
                    "minutes" => 60_000_000_000m,
                    "seconds" => 1_000_000_000m,
                    "milliseconds" => 1_000_000m,
                    "microseconds" => 1_000m,
                    _ => 0m,
                };
                if (unit == 0m)
                {
                    return null;
                }

                total += v.Number * unit;
            }

            return StaticValue.OfTimeSpan(total);
        }

        private StaticValue? Field(IFieldSymbol field, int depth)
        {
            if (IsTimeSpan(field.ContainingType))
            {
                return field.Name switch
                {
                    "Zero" => StaticValue.OfTimeSpan(0m),
                    "MaxValue" => StaticValue.OfTimeSpan(long.MaxValue * TicksToNanos),
                    "MinValue" => StaticValue.OfTimeSpan(long.MinValue * TicksToNanos),
                    _ => null,
                };
            }

            if (_timeout != null && SymbolEqualityComparer.Default.Equals(field.ContainingType, _timeout) && field.Name == "InfiniteTimeSpan")
            {
                return StaticValue.OfTimeSpan(-1_000_000m);
            }

            if (field.ContainingType?.TypeKind == TypeKind.Enum && field.HasConstantValue)
            {
                return StaticValue.OfText(field.Name);
            }

            if (field.IsStatic && field.IsReadOnly && field.DeclaringSyntaxReferences.Length == 1)
            {
                SyntaxNode syntax = field.DeclaringSyntaxReferences[0].GetSyntax(_cancellation);
                if (syntax is VariableDeclaratorSyntax { Initializer: { } init })
                {
                    return Initializer(init.Value, depth);
                }
            }

            return null;
        }

        private StaticValue? Local(ILocalReferenceOperation reference, int depth) =>
            InitializerOf(reference, _cancellation) is IOperation init ? Evaluate(init, depth + 1) : null;

        /// <summary>A local's initializer when it is the only write to the local in its body (single assignment); else null.</summary>
        public static IOperation? InitializerOf(ILocalReferenceOperation reference, CancellationToken cancellation)
        {
            ILocalSymbol local = reference.Local;
            if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel == null ||
                local.DeclaringSyntaxReferences[0].GetSyntax(cancellation) is not VariableDeclaratorSyntax { Initializer: { } init } declarator)
            {
                return null;
            }

            SyntaxNode? body = declarator.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax || a is AccessorDeclarationSyntax || a is LocalFunctionStatementSyntax || a is AnonymousFunctionExpressionSyntax || a is CompilationUnitSyntax);
            return body == null || IsWrittenAgain(body, local, reference.SemanticModel, cancellation) ? null : reference.SemanticModel.GetOperation(init.Value, cancellation);
        }

        /// <summary>Per body, the names that appear as a write target: one scan per body, not one per local read (linear in method size).</summary>
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxNode, HashSet<string>> WrittenNames =
            new System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxNode, HashSet<string>>();

        private static bool IsWriteTarget(IdentifierNameSyntax id) =>
            (id.Parent is AssignmentExpressionSyntax a && a.Left == id)
            || id.Parent is PrefixUnaryExpressionSyntax || id.Parent is PostfixUnaryExpressionSyntax
            || (id.Parent is ArgumentSyntax arg && !arg.RefKindKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None));

        private static bool IsWrittenAgain(SyntaxNode body, ILocalSymbol local, SemanticModel model, CancellationToken cancellation)
        {
            HashSet<string> written = WrittenNames.GetValue(body, b => new HashSet<string>(
                b.DescendantNodes().OfType<IdentifierNameSyntax>().Where(IsWriteTarget).Select(id => id.Identifier.ValueText), StringComparer.Ordinal));
            if (!written.Contains(local.Name))
            {
                return false;
            }

            foreach (IdentifierNameSyntax id in body.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (id.Identifier.ValueText != local.Name)
                {
                    continue;
                }

                if (IsWriteTarget(id) && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id, cancellation).Symbol, local))
                {
                    return true;
                }
            }

            return false;
        }

        private StaticValue? Initializer(ExpressionSyntax value, int depth)
        {
            // A static readonly field may live in another file; its tree is in this compilation.
            if (!_compilation.ContainsSyntaxTree(value.SyntaxTree))
            {
                return null;
            }

#pragma warning disable RS1030 // The field's initializer is in another tree; there is no operation for it in this callback.
            SemanticModel model = _compilation.GetSemanticModel(value.SyntaxTree);
#pragma warning restore RS1030
            return Evaluate(model.GetOperation(value, _cancellation), depth + 1);
        }

        private bool IsTimeSpan(ITypeSymbol? type)
        {
            if (type is INamedTypeSymbol { IsGenericType: true } n && n.ConstructedFrom.SpecialType == SpecialType.System_Nullable_T)
            {
                type = n.TypeArguments[0];
            }

            return _timeSpan != null && SymbolEqualityComparer.Default.Equals(type, _timeSpan);
        }

        /// <summary>
        /// TimeSpan.TotalMilliseconds and its siblings as numbers (<c>(int)TimeSpan.FromSeconds(n).TotalMilliseconds</c>); the
        /// components (.Milliseconds, .Seconds: 0–999, 0–59) are not the duration, so they stay unknown.
        /// </summary>
        private static StaticValue? Total(string property, StaticValue? span)
        {
            if (span is not StaticValue v || !v.IsTimeSpan)
            {
                return null;
            }

            decimal? unit = property switch
            {
                "TotalMilliseconds" => 1_000_000m,
                "TotalSeconds" => 1_000_000_000m,
                "TotalMinutes" => 60_000_000_000m,
                "TotalHours" => 3_600_000_000_000m,
                "TotalDays" => 86_400_000_000_000m,
                "Ticks" => 100m,
                _ => null,
            };
            return unit is decimal u ? StaticValue.Of(v.Number / u) : (StaticValue?)null;
        }

        /// <summary>An explicit conversion to an integer type truncates toward zero, as C# does from double; one out of range is unknown.</summary>
        private static StaticValue? Convert_(IConversionOperation conv, StaticValue? value)
        {
            if (value is not StaticValue v || v.IsTimeSpan || v.Text != null || v.IsNull || v.Number == decimal.Truncate(v.Number))
            {
                return value;
            }

            return conv.Type?.SpecialType switch
            {
                SpecialType.System_Int32 => v.Number >= int.MinValue && v.Number <= int.MaxValue ? StaticValue.Of(decimal.Truncate(v.Number)) : (StaticValue?)null,
                SpecialType.System_Int64 => v.Number >= long.MinValue && v.Number <= long.MaxValue ? StaticValue.Of(decimal.Truncate(v.Number)) : (StaticValue?)null,
                SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_Byte or SpecialType.System_SByte => null,
                _ => value,
            };
        }

        private static StaticValue? Negate(StaticValue? v) =>
            v is StaticValue x && x.Text == null && !x.IsNull ? Make(-x.Number, x.IsTimeSpan) : (StaticValue?)null;

        private static StaticValue Make(decimal n, bool timeSpan) => timeSpan ? StaticValue.OfTimeSpan(n) : StaticValue.Of(n);

        private static decimal RoundTicks(decimal nanos) => decimal.Round(nanos / TicksToNanos, MidpointRounding.AwayFromZero) * TicksToNanos;
    }
}
