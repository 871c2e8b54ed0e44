using System;
using System.Collections.Generic;
using System.Globalization;
using ElectionLint.Analyzers;
using ElectionLint.Analyzers.Bindings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ElectionLint.CodeFixes
{
    /// <summary>One change of a repair, carried in a diagnostic's properties by the analyzer.</summary>
    internal sealed class Suggestion
    {
        private Suggestion(string member, ValueKind kind, decimal value, TextSpan? span, long? unitNanos)
        {
            Member = member;
            Kind = kind;
            Value = value;
            Span = span;
            UnitNanos = unitNanos;
        }

        /// <summary>The property, parameter or Set key the value is written through.</summary>
        public string Member { get; }

        public ValueKind Kind { get; }

        /// <summary>Nanoseconds for durations, the number otherwise.</summary>
        public decimal Value { get; }

        /// <summary>Where the current value is written; null when the member is unset.</summary>
        public TextSpan? Span { get; }

        /// <summary>A user binding's unit for a bare number (<c>heartbeat:ms</c>).</summary>
        public long? UnitNanos { get; }

        /// <summary>The repairs the analyzer put in the diagnostic's properties, best first; each is a list of changes.</summary>
        public static List<List<Suggestion>> Read(Diagnostic diagnostic)
        {
            var repairs = new List<List<Suggestion>>();
            if (!diagnostic.Properties.TryGetValue(TimingAnalyzer.RepairCount, out string? countText) || !int.TryParse(countText, out int count))
            {
                return repairs;
            }

            for (int r = 0; r < count; r++)
            {
                if (!int.TryParse(Get(diagnostic, $"Repair{r}.Count"), out int changes))
                {
                    continue;
                }

                var list = new List<Suggestion>();
                for (int i = 0; i < changes; i++)
                {
                    string prefix = $"Repair{r}.{i}.";
                    string? member = Get(diagnostic, prefix + "Member");
                    if (member == null || !Enum.TryParse(Get(diagnostic, prefix + "Kind"), out ValueKind kind) ||
                        !decimal.TryParse(Get(diagnostic, prefix + "Value"), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value))
                    {
                        break;
                    }

                    TextSpan? span = null;
                    if (Get(diagnostic, prefix + "Span") is string s && s.Split(':') is { Length: 2 } parts &&
                        int.TryParse(parts[0], out int start) && int.TryParse(parts[1], out int length))
                    {
                        span = new TextSpan(start, length);
                    }

                    long? unit = long.TryParse(Get(diagnostic, prefix + "Unit"), NumberStyles.Integer, CultureInfo.InvariantCulture, out long u) && u > 0 ? u : (long?)null;
                    list.Add(new Suggestion(member, kind, value, span, unit));
                }

                if (list.Count == changes)
                {
                    repairs.Add(list);
                }
            }

            return repairs;
        }

        /// <summary>
        /// The change as the number inside a value built from a name: <c>TimeSpan.FromSeconds(LeaseSeconds)</c> → LeaseSeconds
        /// = 12. Null when the value has another shape or the number would need a fraction.
        /// </summary>
        public Suggestion? ForPart(Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax whole, Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax part, SemanticModel model, System.Threading.CancellationToken ct)
        {
            if (ValueWriter.IsTimeSpan(this, whole, model, ct) && ValueWriter.FactoryUnit(whole, part, model, ct) is decimal unit &&
                Value % unit == 0m)
            {
                return new Suggestion(Member, ValueKind.Number, Value / unit, null, null);
            }

            return null;
        }

        private static string? Get(Diagnostic d, string name) => d.Properties.TryGetValue(name, out string? v) ? v : null;
    }
}
