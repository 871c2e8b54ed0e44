using System.Globalization;
using ElectionLint.Analyzers.Bindings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ElectionLint.CodeFixes
{
    /// <summary>Writes a suggested value in the author's form, or says no (null) when it cannot keep it.</summary>
    internal static class ValueWriter
    {
        private static readonly (string Method, decimal Unit)[] Factories =
        {
            ("FromDays", 86_400_000_000_000m), ("FromHours", 3_600_000_000_000m), ("FromMinutes", 60_000_000_000m),
            ("FromSeconds", 1_000_000_000m), ("FromMilliseconds", 1_000_000m), ("FromMicroseconds", 1_000m), ("FromTicks", 100m),
        };

        /// <summary>The replacement for an existing value expression.</summary>
        public static ExpressionSyntax? Replace(ExpressionSyntax current, Suggestion s)
        {
            switch (s.Kind)
            {
                case ValueKind.TimeSpan:
                    if (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax ma } inv && IsTimeSpanType(ma.Expression) &&
                        inv.ArgumentList.Arguments.Count == 1 && IsNumericLiteral(inv.ArgumentList.Arguments[0].Expression) && Unit(ma.Name.Identifier.ValueText) is decimal unit)
                    {
                        // TimeSpan.FromSeconds(10) stays FromSeconds, FromMilliseconds stays milliseconds.
                        decimal n = s.Value / unit;
                        if (ma.Name.Identifier.ValueText == "FromTicks" && n != decimal.Truncate(n))
                        {
                            return null;
                        }

                        // One decimal stays (FromSeconds(1.5)); a longer fraction switches to the largest unit that is whole (0.25 s → FromMilliseconds(250)).
                        if (n * 10m != decimal.Truncate(n * 10m))
                        {
                            foreach ((string method, decimal smaller) in Factories)
                            {
                                if (smaller < unit && s.Value % smaller == 0m)
                                {
                                    return inv.WithExpression(ma.WithName(IdentifierName(method)))
                                        .WithArgumentList(inv.ArgumentList.WithArguments(SingletonSeparatedList(Argument(Number(s.Value / smaller)))));
                                }
                            }
                        }

                        return inv.WithArgumentList(inv.ArgumentList.WithArguments(SingletonSeparatedList(Argument(Number(n)))));
                    }

                    if (IsNamedValue(current) && !IsTimeSpanMember(current))
                    {
                        return null; // a constant or field: fixing it here could break its other uses
                    }

                    return Factory(s.Value).WithTriviaFrom(current);
                case ValueKind.Milliseconds:
                case ValueKind.Seconds:
                case ValueKind.Number:
                    if (IsNamedValue(current))
                    {
                        return null;
                    }

                    decimal unitValue = s.Kind == ValueKind.Milliseconds ? 1_000_000m : s.Kind == ValueKind.Seconds ? 1_000_000_000m : 1m;
                    return Number(s.Value / unitValue).WithTriviaFrom(current);
                case ValueKind.Text when current is LiteralExpressionSyntax lit && lit.IsKind(SyntaxKind.StringLiteralExpression):
                    return LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(Rules.Timing.DurationFormat.Number(s.Value / 1_000_000m))).WithTriviaFrom(current);
                default:
                    return null;
            }
        }

        /// <summary>The value of a member the initializer does not set yet.</summary>
        public static ExpressionSyntax? New(Suggestion s) => s.Kind switch
        {
            ValueKind.TimeSpan => Factory(s.Value),
            ValueKind.Milliseconds => Number(s.Value / 1_000_000m),
            ValueKind.Seconds => Number(s.Value / 1_000_000_000m),
            ValueKind.Number => Number(s.Value),
            _ => null,
        };

        /// <summary>TimeSpan.FromSeconds(n) for whole seconds, FromMilliseconds otherwise (simplified to TimeSpan when System is imported).</summary>
        private static ExpressionSyntax Factory(decimal nanos)
        {
            bool seconds = nanos % 1_000_000_000m == 0m;
            string method = seconds ? "FromSeconds" : "FromMilliseconds";
            decimal n = nanos / (seconds ? 1_000_000_000m : 1_000_000m);
            ExpressionSyntax type = ParseTypeName("System.TimeSpan").WithAdditionalAnnotations(Simplifier.Annotation);
            return InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, type, IdentifierName(method)))
                .WithArgumentList(ArgumentList(SingletonSeparatedList(Argument(Number(n)))));
        }

        private static ExpressionSyntax Number(decimal n)
        {
            string text = Rules.Timing.DurationFormat.Number(n);
            if (n == decimal.Truncate(n) && n >= int.MinValue && n <= int.MaxValue)
            {
                var literal = LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal((int)System.Math.Abs(n)));
                return n < 0 ? PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, literal) : literal;
            }

            double d = (double)System.Math.Abs(n);
            var dl = LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(text.TrimStart('-'), d));
            return n < 0 ? PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, dl) : (ExpressionSyntax)dl;
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

        private static bool IsNumericLiteral(ExpressionSyntax e) =>
            e.IsKind(SyntaxKind.NumericLiteralExpression) || (e is PrefixUnaryExpressionSyntax p && p.Operand.IsKind(SyntaxKind.NumericLiteralExpression));

        private static bool IsNamedValue(ExpressionSyntax e) => e is IdentifierNameSyntax || e is MemberAccessExpressionSyntax;

        private static bool IsTimeSpanType(ExpressionSyntax e) => e.ToString() is "TimeSpan" or "System.TimeSpan";

        private static bool IsTimeSpanMember(ExpressionSyntax e) =>
            e is MemberAccessExpressionSyntax m && (IsTimeSpanType(m.Expression) || m.Expression.ToString() is "Timeout" or "System.Threading.Timeout");
    }
}
