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

                    list.Add(new Suggestion(member, kind, value, span));
                }

                if (list.Count == changes)
                {
                    repairs.Add(list);
                }
            }

            return repairs;
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

        private static string? Get(Diagnostic d, string name) => d.Properties.TryGetValue(name, out string? v) ? v : null;
    }
}
