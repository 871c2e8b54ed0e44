using System;
using System.Collections.Generic;
using ElectionLint.Analyzers.Bindings;
using ElectionLint.Analyzers.Evaluation;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Systems;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ElectionLint.Analyzers.Collection
{
    /// <summary>Turns the assignments and arguments of one configuration object into an engine instance.</summary>
    internal sealed class SettingCollector
    {
        private readonly StaticEvaluator _evaluator;

        public SettingCollector(StaticEvaluator evaluator)
        {
            _evaluator = evaluator;
        }

        public static ConfigurationInstance Start(TypeBinding binding, Location anchor)
        {
            var instance = new ConfigurationInstance(SystemCatalogue.Get(binding.System), anchor, binding.Variant);
            foreach (MemberBinding m in binding.Members)
            {
                instance.Name(m.Setting, m.Member);
            }

            return instance;
        }

        public static MemberBinding? Member(MemberBinding[] members, string name)
        {
            foreach (MemberBinding m in members)
            {
                if (m.Member == name)
                {
                    return m;
                }
            }

            return null;
        }

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

            switch (member.Kind)
            {
                case ValueKind.TimeSpan when sv.IsTimeSpan:
                    instance.Set(member.Setting, SettingValue.Of(sv.Number), location, member.Member);
                    break;
                case ValueKind.Milliseconds when !sv.IsTimeSpan && sv.Text == null:
                    instance.Set(member.Setting, SettingValue.Of(sv.Number * 1_000_000m), location, member.Member);
                    break;
                case ValueKind.Seconds when !sv.IsTimeSpan && sv.Text == null:
                    instance.Set(member.Setting, SettingValue.Of(sv.Number * 1_000_000_000m), location, member.Member);
                    break;
                case ValueKind.Number when !sv.IsTimeSpan && sv.Text == null:
                case ValueKind.Boolean when !sv.IsTimeSpan && sv.Text == null:
                    instance.Set(member.Setting, SettingValue.Of(sv.Number), location, member.Member);
                    break;
                case ValueKind.EnumName when sv.Text != null:
                    instance.Set(member.Setting, SettingValue.OfText(sv.Text.ToLowerInvariant()), location, member.Member);
                    break;
                case ValueKind.Text when sv.Text != null:
                    instance.SetText(member.Setting, sv.Text, location, member.Member);
                    break;
                case ValueKind.Declared when sv.IsTimeSpan:
                    instance.Set(member.Setting, SettingValue.Of(sv.Number), location, member.Member);
                    break;
                case ValueKind.Declared when sv.Text == null && (member.UnitNanos != null || !IsDuration(instance, member.Setting)):
                    instance.Set(member.Setting, SettingValue.Of(sv.Number * (member.UnitNanos ?? 1L)), location, member.Member);
                    break;
                default:
                    instance.SetUnknown(member.Setting, location, member.Member);
                    break;
            }
        }

        /// <summary>
        /// Assignments to <c>receiver.Property</c> (and <c>receiver.Set(key, value)</c>) in <paramref name="statements"/>.
        /// Direct statements are known values; assignments nested in conditions, loops or lambdas are unknown.
        /// Stops where the receiver itself is reassigned.
        /// </summary>
        public void Statements(ConfigurationInstance instance, TypeBinding binding, IEnumerable<IOperation> statements, Func<IOperation?, bool> isReceiver)
        {
            foreach (IOperation statement in statements)
            {
                if (Reassigns(statement, isReceiver))
                {
                    return;
                }

                IOperation top = statement is IExpressionStatementOperation es ? es.Operation : statement;
                if (Direct(instance, binding, top, isReceiver))
                {
                    continue;
                }

                foreach (IOperation nested in statement.Descendants())
                {
                    Assignment(instance, binding, nested, isReceiver, conditional: true);
                }
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

        private static bool Reassigns(IOperation statement, Func<IOperation?, bool> isReceiver)
        {
            IOperation top = statement is IExpressionStatementOperation es ? es.Operation : statement;
            return top is ISimpleAssignmentOperation a && isReceiver(a.Target);
        }

        private static bool IsDuration(ConfigurationInstance instance, string setting) =>
            instance.System.TryGetSetting(setting, out SettingDefinition s) && s.IsDuration;
    }
}
