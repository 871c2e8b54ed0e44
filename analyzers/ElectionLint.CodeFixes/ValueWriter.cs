using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using ElectionLint.Analyzers.Bindings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ElectionLint.CodeFixes
{
    /// <summary>
    /// Writes a suggested value in the author's form: only the number tokens change (their separators, decimal point,
    /// suffix and comments stay), a factory or constructor stays what it is, and the unit switches only when the number
    /// would need a fraction. Null when the value cannot be written in its form here (a name: its declaration is the place).
    /// </summary>
    internal static class ValueWriter
    {
        private const decimal Second = 1_000_000_000m;
        private const decimal Millisecond = 1_000_000m;

        private static readonly (string Method, decimal Unit)[] Factories =
        {
            ("FromDays", 86_400m * Second), ("FromHours", 3_600m * Second), ("FromMinutes", 60m * Second),
            ("FromSeconds", Second), ("FromMilliseconds", Millisecond), ("FromMicroseconds", 1_000m), ("FromTicks", 100m),
        };

        /// <summary>The number a suggestion writes for a numeric member (milliseconds, seconds, a count, a user unit).</summary>
        public static decimal NumberOf(Suggestion s) => s.Kind switch
        {
            ValueKind.Milliseconds or ValueKind.Text => s.Value / Millisecond,
            ValueKind.Seconds => s.Value / Second,
            ValueKind.Declared when s.UnitNanos is long unit => s.Value / unit,
            _ => s.Value,
        };

        /// <summary>True when the suggestion is a duration written as a TimeSpan at this expression.</summary>
        public static bool IsTimeSpan(Suggestion s, ExpressionSyntax? at, SemanticModel? model, CancellationToken ct) =>
            s.Kind == ValueKind.TimeSpan || (s.Kind == ValueKind.Declared && at != null && model != null && IsTimeSpanType(model.GetTypeInfo(at, ct).ConvertedType));

        /// <summary>The replacement for an existing value expression.</summary>
        public static ExpressionSyntax? Replace(ExpressionSyntax current, Suggestion s, SemanticModel model, CancellationToken ct)
        {
            if (IsTimeSpan(s, current, model, ct))
            {
                return TimeSpanValue(current, s.Value, model, ct, atUse: false);
            }

            if (s.Kind == ValueKind.Text)
            {
                return current is LiteralExpressionSyntax lit && lit.IsKind(SyntaxKind.StringLiteralExpression)
                    ? lit.WithToken(Literal(lit.Token.LeadingTrivia, "\"" + Text(NumberOf(s)) + "\"", Text(NumberOf(s)), lit.Token.TrailingTrivia))
                    : null;
            }

            return IsName(current, model, ct) ? null : Number(current, NumberOf(s), model, ct);
        }

        /// <summary>
        /// The replacement at the use of a value built from a name used elsewhere (<c>TimeSpan.FromSeconds(LeaseSeconds)</c>,
        /// <c>SessionMs * 2</c>): the name's part becomes a number; the name itself stays.
        /// </summary>
        public static ExpressionSyntax? ReplaceAtUse(ExpressionSyntax current, Suggestion s, SemanticModel model, CancellationToken ct)
        {
            if (IsTimeSpan(s, current, model, ct))
            {
                return TimeSpanValue(current, s.Value, model, ct, atUse: true);
            }

            decimal n = NumberOf(s);
            return NumberLiteral(n) is ExpressionSyntax literal ? literal.WithTriviaFrom(current) : null;
        }

        /// <summary>The value of a member the code does not set yet: <c>TimeSpan.FromSeconds(8)</c> or a number.</summary>
        public static ExpressionSyntax? New(Suggestion s, ITypeSymbol? memberType)
        {
            if (s.Kind == ValueKind.TimeSpan || (s.Kind == ValueKind.Declared && IsTimeSpanType(memberType)))
            {
                return Factory(s.Value);
            }

            return s.Kind is ValueKind.Milliseconds or ValueKind.Seconds or ValueKind.Number or ValueKind.Declared ? NumberLiteral(NumberOf(s)) : null;
        }

        /// <summary>TimeSpan.FromSeconds(n) for whole seconds, else the largest whole unit (System.TimeSpan, simplified where System is imported).</summary>
        public static ExpressionSyntax Factory(decimal nanos)
        {
            nanos = WholeTicks(nanos);
            (string method, decimal unit) = LargestWholeUnit(nanos, preferSeconds: true);
            ExpressionSyntax type = ParseTypeName("System.TimeSpan").WithAdditionalAnnotations(Simplifier.Annotation);
            return InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, type, IdentifierName(method)))
                .WithArgumentList(ArgumentList(SingletonSeparatedList(Argument(NumberLiteral(nanos / unit)!))));
        }

        private static ExpressionSyntax? TimeSpanValue(ExpressionSyntax current, decimal nanos, SemanticModel model, CancellationToken ct, bool atUse)
        {
            switch (current)
            {
                case ParenthesizedExpressionSyntax p:
                    return TimeSpanValue(p.Expression, nanos, model, ct, atUse) is ExpressionSyntax inner ? p.WithExpression(inner) : null;
                case InvocationExpressionSyntax inv when model.GetSymbolInfo(inv, ct).Symbol is IMethodSymbol m && IsTimeSpanType(m.ContainingType) &&
                    inv.ArgumentList.Arguments.Count == 1 && Unit(m.Name) is decimal unit:
                    return FactoryCall(inv, m.Name, unit, nanos, model, ct, atUse);
                case BaseObjectCreationExpressionSyntax creation when IsTimeSpanType(model.GetTypeInfo(creation, ct).Type) && creation.ArgumentList != null:
                    return Constructor(creation, nanos, model, ct);
            }

            if (IsName(current, model, ct))
            {
                return atUse ? Factory(nanos).WithTriviaFrom(current) : null;
            }

            // TimeSpan.Zero, Timeout.InfiniteTimeSpan or another expression with no unit of its own: a readable factory.
            return Factory(nanos).WithTriviaFrom(current);
        }

        /// <summary>The unit of <c>TimeSpan.FromX(part)</c> when <paramref name="whole"/> is that call with <paramref name="part"/> as its argument.</summary>
        public static decimal? FactoryUnit(ExpressionSyntax whole, ExpressionSyntax part, SemanticModel model, CancellationToken ct) =>
            whole is InvocationExpressionSyntax inv && inv.ArgumentList.Arguments.Count == 1 && inv.ArgumentList.Arguments[0].Expression == part &&
            model.GetSymbolInfo(inv, ct).Symbol is IMethodSymbol m && IsTimeSpanType(m.ContainingType) ? Unit(m.Name) : null;

        /// <summary>TimeSpan.FromX(n): the number changes; the unit changes only when the number would need a fraction.</summary>
        private static ExpressionSyntax? FactoryCall(InvocationExpressionSyntax inv, string method, decimal unit, decimal nanos, SemanticModel model, CancellationToken ct, bool atUse)
        {
            ArgumentSyntax arg = inv.ArgumentList.Arguments[0];
            bool named = IsName(arg.Expression, model, ct) || arg.Expression.DescendantNodes().OfType<ExpressionSyntax>().Any(e => IsName(e, model, ct));
            if (named && !atUse)
            {
                return null;
            }

            decimal n = nanos / unit;
            ExpressionSyntax call = inv;
            if (!Readable(n) || (method == "FromTicks" && n != decimal.Truncate(n)))
            {
                (string better, decimal betterUnit) = LargestWholeUnit(WholeTicks(nanos), preferSeconds: false);
                n = WholeTicks(nanos) / betterUnit;
                call = Rename(inv, better);
                arg = ((InvocationExpressionSyntax)call).ArgumentList.Arguments[0];
            }

            ExpressionSyntax? value = named ? NumberLiteral(n)?.WithTriviaFrom(arg.Expression) : Number(arg.Expression, n, model, ct);
            return value == null ? null : ((InvocationExpressionSyntax)call).WithArgumentList(((InvocationExpressionSyntax)call).ArgumentList.WithArguments(
                SingletonSeparatedList(arg.WithExpression(value))));
        }

        /// <summary>new TimeSpan(h, m, s) stays a constructor with as many arguments, each a number literal.</summary>
        private static ExpressionSyntax? Constructor(BaseObjectCreationExpressionSyntax creation, decimal nanos, SemanticModel model, CancellationToken ct)
        {
            SeparatedSyntaxList<ArgumentSyntax> args = creation.ArgumentList!.Arguments;
            if (args.Any(a => !IsNumberShape(a.Expression) || IsName(a.Expression, model, ct)) || nanos < 0m)
            {
                return null;
            }

            decimal[]? parts = args.Count switch
            {
                1 when nanos % 100m == 0m => new[] { nanos / 100m },
                3 when nanos % Second == 0m => Split(nanos, days: false, ms: false),
                4 when nanos % Second == 0m => Split(nanos, days: true, ms: false),
                5 when nanos % Millisecond == 0m => Split(nanos, days: true, ms: true),
                _ => null,
            };
            if (parts == null)
            {
                return Factory(nanos).WithTriviaFrom(creation);
            }

            var written = new ArgumentSyntax[args.Count];
            for (int i = 0; i < args.Count; i++)
            {
                if (Number(args[i].Expression, parts[i], model, ct) is not ExpressionSyntax e)
                {
                    return null;
                }

                written[i] = args[i].WithExpression(e);
            }

            return creation.WithArgumentList(creation.ArgumentList.WithArguments(SeparatedList(written, args.GetSeparators())));
        }

        private static decimal[] Split(decimal nanos, bool days, bool ms)
        {
            decimal totalMs = nanos / Millisecond;
            decimal millis = totalMs % 1000m, totalS = decimal.Truncate(totalMs / 1000m);
            decimal s = totalS % 60m, totalM = decimal.Truncate(totalS / 60m);
            decimal m = totalM % 60m, totalH = decimal.Truncate(totalM / 60m);
            decimal h = days ? totalH % 24m : totalH, d = decimal.Truncate(totalH / 24m);
            return days ? (ms ? new[] { d, h, m, s, millis } : new[] { d, h, m, s }) : new[] { h, m, s };
        }

        /// <summary>A number in the expression's own shape: a literal's token, a cast's operand, one side of <c>10 * 1000</c>.</summary>
        private static ExpressionSyntax? Number(ExpressionSyntax e, decimal n, SemanticModel model, CancellationToken ct)
        {
            switch (e)
            {
                case LiteralExpressionSyntax lit when lit.IsKind(SyntaxKind.NumericLiteralExpression):
                    if (n < 0m)
                    {
                        return Token(lit.Token, -n) is SyntaxToken neg
                            ? PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, lit.WithToken(neg.WithLeadingTrivia())).WithLeadingTrivia(lit.GetLeadingTrivia())
                            : null;
                    }

                    return Token(lit.Token, n) is SyntaxToken t ? lit.WithToken(t) : null;
                case PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax operand } minus when minus.IsKind(SyntaxKind.UnaryMinusExpression):
                    if (n < 0m)
                    {
                        return Token(operand.Token, -n) is SyntaxToken t2 ? minus.WithOperand(operand.WithToken(t2)) : null;
                    }

                    return Token(operand.Token, n) is SyntaxToken t3 ? operand.WithToken(t3.WithLeadingTrivia(minus.GetLeadingTrivia())) : null;
                case ParenthesizedExpressionSyntax p:
                    return Number(p.Expression, n, model, ct) is ExpressionSyntax pe ? p.WithExpression(pe) : null;
                case CastExpressionSyntax cast when !Holds(model.GetTypeInfo(cast.Type, ct).Type, n):
                    // (byte)200 → 10000: a cast to a type that cannot hold the new value would not compile (CS0221); it goes.
                    return NumberLiteral(n)?.WithTriviaFrom(cast);
                case CastExpressionSyntax cast:
                    return Number(cast.Expression, n, model, ct) is ExpressionSyntax ce ? cast.WithExpression(ce) : null;
                case CheckedExpressionSyntax ch:
                    return Number(ch.Expression, n, model, ct) is ExpressionSyntax che ? ch.WithExpression(che) : null;
                case MemberAccessExpressionSyntax total when TotalUnit(total.Name.Identifier.Text) is decimal unit && IsTimeSpanType(model.GetTypeInfo(total.Expression, ct).Type):
                    // (int)TimeSpan.FromSeconds(5).TotalMilliseconds: the TimeSpan inside takes the value, the conversion stays.
                    return TimeSpanValue(total.Expression, n * unit, model, ct, atUse: false) is ExpressionSyntax span ? total.WithExpression(span) : null;
                case BinaryExpressionSyntax mul when mul.IsKind(SyntaxKind.MultiplyExpression):
                    // 10 * 1000 → 12 * 1000: the factor that reads as a unit stays when the value is a whole multiple of it.
                    if (LiteralValue(mul.Right) is decimal right && right != 0m && n % right == 0m && Number(mul.Left, n / right, model, ct) is ExpressionSyntax left)
                    {
                        return mul.WithLeft(left);
                    }

                    if (LiteralValue(mul.Left) is decimal leftFactor && leftFactor != 0m && n % leftFactor == 0m && Number(mul.Right, n / leftFactor, model, ct) is ExpressionSyntax r)
                    {
                        return mul.WithRight(r);
                    }

                    break;
            }

            if (IsName(e, model, ct))
            {
                return null;
            }

            return NumberLiteral(n)?.WithTriviaFrom(e);
        }

        /// <summary>True when a constant of <paramref name="type"/> can hold <paramref name="n"/> (an integral type: whole and in range).</summary>
        private static bool Holds(ITypeSymbol? type, decimal n)
        {
            (decimal Min, decimal Max)? range = type?.SpecialType switch
            {
                SpecialType.System_Byte => (byte.MinValue, byte.MaxValue),
                SpecialType.System_SByte => (sbyte.MinValue, sbyte.MaxValue),
                SpecialType.System_Int16 => (short.MinValue, short.MaxValue),
                SpecialType.System_UInt16 => (ushort.MinValue, ushort.MaxValue),
                SpecialType.System_Char => (char.MinValue, char.MaxValue),
                SpecialType.System_Int32 => (int.MinValue, int.MaxValue),
                SpecialType.System_UInt32 => (uint.MinValue, uint.MaxValue),
                SpecialType.System_Int64 => (long.MinValue, long.MaxValue),
                SpecialType.System_UInt64 => (ulong.MinValue, ulong.MaxValue),
                _ => null,
            };
            return range is not (decimal min, decimal max) || (n == decimal.Truncate(n) && n >= min && n <= max);
        }

        /// <summary>
        /// A duration as whole ticks, the resolution of a TimeSpan: FromTicks takes a long. A positive value under one tick
        /// becomes one tick, not zero.
        /// </summary>
        private static decimal WholeTicks(decimal nanos)
        {
            decimal ticks = Math.Round(nanos / 100m, MidpointRounding.AwayFromZero);
            return (ticks == 0m && nanos != 0m ? Math.Sign(nanos) : ticks) * 100m;
        }

        private static decimal? TotalUnit(string property) => property switch
        {
            "TotalMilliseconds" => Millisecond,
            "TotalSeconds" => Second,
            _ => null,
        };

        /// <summary>A literal token like <paramref name="like"/> (separators, decimal point, suffix, trivia) holding <paramref name="n"/> ≥ 0.</summary>
        private static SyntaxToken? Token(SyntaxToken like, decimal n)
        {
            string original = like.Text;
            string suffix = new string(original.Reverse().TakeWhile(char.IsLetter).Reverse().ToArray());
            bool hex = original.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || original.StartsWith("0b", StringComparison.OrdinalIgnoreCase);
            bool whole = n == decimal.Truncate(n);
            if (hex)
            {
                suffix = string.Empty; // 0x2710 becomes a decimal number: hex digits would not read as a duration
            }

            switch (like.Value)
            {
                case int when whole && n <= int.MaxValue:
                    return Literal(like.LeadingTrivia, Digits(n, original) + suffix, (int)n, like.TrailingTrivia);
                case uint when whole && n <= uint.MaxValue:
                    return Literal(like.LeadingTrivia, Digits(n, original) + suffix, (uint)n, like.TrailingTrivia);
                case long when whole && n <= long.MaxValue:
                    return Literal(like.LeadingTrivia, Digits(n, original) + suffix, (long)n, like.TrailingTrivia);
                case ulong when whole:
                    return Literal(like.LeadingTrivia, Digits(n, original) + suffix, (ulong)n, like.TrailingTrivia);
                case double:
                    return Literal(like.LeadingTrivia, Fraction(n, original) + suffix, (double)n, like.TrailingTrivia);
                case float:
                    return Literal(like.LeadingTrivia, Fraction(n, original) + suffix, (float)n, like.TrailingTrivia);
                case decimal:
                    return Literal(like.LeadingTrivia, Fraction(n, original) + suffix, n, like.TrailingTrivia);
                case int or uint or long or ulong when !whole && suffix.Length == 0:
                    // An integer literal that must now hold a fraction (FromSeconds(2) → 1.5): a double literal.
                    return Literal(like.LeadingTrivia, Text(n), (double)n, like.TrailingTrivia);
                default:
                    return null;
            }
        }

        /// <summary>Whole digits, grouped in threes with '_' when the original was (3_000 → 10_000).</summary>
        private static string Digits(decimal n, string original)
        {
            string digits = decimal.Truncate(n).ToString(CultureInfo.InvariantCulture);
            if (!original.Contains('_'))
            {
                return digits;
            }

            var grouped = new System.Text.StringBuilder();
            for (int i = 0; i < digits.Length; i++)
            {
                if (i > 0 && (digits.Length - i) % 3 == 0)
                {
                    grouped.Append('_');
                }

                grouped.Append(digits[i]);
            }

            return grouped.ToString();
        }

        /// <summary>A number with a decimal point when the original had one (10.0 → 12.0).</summary>
        private static string Fraction(decimal n, string original)
        {
            string text = Text(n);
            return text.Contains('.') || (!original.Contains('.') && !original.Contains('e') && !original.Contains('E')) ? text : text + ".0";
        }

        private static ExpressionSyntax? NumberLiteral(decimal n)
        {
            decimal abs = Math.Abs(n);
            LiteralExpressionSyntax literal;
            if (abs == decimal.Truncate(abs) && abs <= int.MaxValue)
            {
                literal = LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal((int)abs));
            }
            else if (abs == decimal.Truncate(abs) && abs <= long.MaxValue)
            {
                literal = LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal((long)abs));
            }
            else
            {
                literal = LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(Text(abs), (double)abs));
            }

            return n < 0m ? PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, literal) : literal;
        }

        public static string Text(decimal n) => (n / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

        /// <summary>Whole, or one decimal place (1.5 s reads well; 0.3333… min does not).</summary>
        private static bool Readable(decimal n) => n * 10m == decimal.Truncate(n * 10m);

        /// <summary>The largest factory unit in which the value is whole (milliseconds before microseconds and ticks).</summary>
        private static (string Method, decimal Unit) LargestWholeUnit(decimal nanos, bool preferSeconds)
        {
            foreach ((string method, decimal unit) in Factories)
            {
                if (preferSeconds && unit > Second)
                {
                    continue; // a new value reads in seconds: FromSeconds(120), not FromMinutes(2)
                }

                if (nanos % unit == 0m)
                {
                    return (method, unit);
                }
            }

            return ("FromTicks", 100m);
        }

        private static InvocationExpressionSyntax Rename(InvocationExpressionSyntax inv, string method)
        {
            SimpleNameSyntax? name = inv.Expression switch
            {
                MemberAccessExpressionSyntax ma => ma.Name,
                SimpleNameSyntax simple => simple,
                _ => null,
            };
            if (name == null)
            {
                return inv;
            }

            SimpleNameSyntax renamed = name.WithIdentifier(Identifier(name.Identifier.LeadingTrivia, method, name.Identifier.TrailingTrivia));
            return inv.ReplaceNode(name, renamed);
        }

        private static decimal? Unit(string method)
        {
            foreach ((string m, decimal unit) in Factories)
            {
                if (m == method)
                {
                    return unit;
                }
            }

            return null;
        }

        private static decimal? LiteralValue(ExpressionSyntax e) =>
            e is LiteralExpressionSyntax lit && lit.IsKind(SyntaxKind.NumericLiteralExpression) && lit.Token.Value is object v
                ? Convert.ToDecimal(v, CultureInfo.InvariantCulture)
                : (decimal?)null;

        private static bool IsNumberShape(ExpressionSyntax e) => e switch
        {
            LiteralExpressionSyntax lit => lit.IsKind(SyntaxKind.NumericLiteralExpression),
            PrefixUnaryExpressionSyntax p => IsNumberShape(p.Operand),
            ParenthesizedExpressionSyntax p => IsNumberShape(p.Expression),
            CastExpressionSyntax c => IsNumberShape(c.Expression),
            BinaryExpressionSyntax b => IsNumberShape(b.Left) && IsNumberShape(b.Right),
            _ => false,
        };

        /// <summary>A constant, field, local or parameter: what a fix changes at its declaration, not here.</summary>
        public static bool IsName(ExpressionSyntax e, SemanticModel model, CancellationToken ct)
        {
            if (e is not (IdentifierNameSyntax or MemberAccessExpressionSyntax))
            {
                return false;
            }

            ISymbol? symbol = model.GetSymbolInfo(e, ct).Symbol;
            return symbol switch
            {
                IFieldSymbol f => !IsTimeSpanType(f.ContainingType) && f.ContainingType?.ToDisplayString() != "System.Threading.Timeout",
                IPropertySymbol p => !IsTimeSpanType(p.ContainingType),
                ILocalSymbol or IParameterSymbol => true,
                _ => false,
            };
        }

        public static bool IsTimeSpanType(ITypeSymbol? t) =>
            t is INamedTypeSymbol named && (named.SpecialType == SpecialType.None) && named.Name == "TimeSpan" && named.ContainingNamespace?.ToDisplayString() == "System"
            || (t is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && IsTimeSpanType(nullable.TypeArguments[0]));
    }
}
