using System;
using System.Collections.Generic;
using System.Globalization;
using ElectionLint.Analyzers;
using ElectionLint.Analyzers.Bindings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ElectionLint.CodeFixes
{
    /// <summary>A suggested value carried in a diagnostic's properties by the analyzer.</summary>
    internal sealed class Suggestion
    {
        private Suggestion(string member, ValueKind kind, decimal value, TextSpan? span)
        {
            Member = member;
            Kind = kind;
            Value = value;
            Span = span;
        }

        public string Member { get; }

        public ValueKind Kind { get; }

        /// <summary>Nanoseconds for durations, the number otherwise.</summary>
        public decimal Value { get; }

        /// <summary>Where the current value is written; null when the member is unset.</summary>
        public TextSpan? Span { get; }

        public static List<Suggestion> Read(Diagnostic diagnostic)
        {
            var list = new List<Suggestion>();
            if (!diagnostic.Properties.TryGetValue(TimingAnalyzer.SuggestionCount, out string? countText) || !int.TryParse(countText, out int count))
            {
                return list;
            }

            for (int i = 0; i < count; i++)
            {
                string? member = Get(diagnostic, i, "Member");
                if (member == null || !Enum.TryParse(Get(diagnostic, i, "Kind"), out ValueKind kind) ||
                    !decimal.TryParse(Get(diagnostic, i, "Value"), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value))
                {
                    continue;
                }

                TextSpan? span = null;
                if (Get(diagnostic, i, "Span") is string s && s.Split(':') is { Length: 2 } parts &&
                    int.TryParse(parts[0], out int start) && int.TryParse(parts[1], out int length))
                {
                    span = new TextSpan(start, length);
                }

                list.Add(new Suggestion(member, kind, value, span));
            }

            return list;
        }

        /// <summary>How the title shows the value: "8s", "15000 ms", "0.5".</summary>
        public string Display => Kind switch
        {
            ValueKind.TimeSpan => Rules.Evaluation.EvaluationContext.ShowDuration(Value),
            ValueKind.Milliseconds => Rules.Timing.DurationFormat.Milliseconds(Value),
            ValueKind.Text => Rules.Timing.DurationFormat.Milliseconds(Value),
            ValueKind.Seconds => Rules.Timing.DurationFormat.Seconds(Value),
            _ => Rules.Timing.DurationFormat.Number(Value),
        };

        private static string? Get(Diagnostic d, int i, string name) => d.Properties.TryGetValue($"Suggestion{i}.{name}", out string? v) ? v : null;
    }
}
