using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ElectionLint.Analyzers.Collection
{
    /// <summary>
    /// Where an options object leaves the code that is read (review csharp-real D2): passed to a method that may set it
    /// (<c>protocol.Apply(config)</c>), stored in a field or property other code can change, captured by a lambda, or
    /// written through <c>Set</c> with a key not known here. From there on every member is unknown, never its default.
    /// </summary>
    internal static class Escapes
    {
        /// <summary>
        /// The libraries whose methods and constructors take an options object to read it (ConsumerBuilder, LeaderElector,
        /// RaftCluster, the Consul client, …): their namespaces, the one list of known consumers.
        /// </summary>
        private static readonly string[] ConsumerNamespaces = { "Confluent.Kafka", "k8s", "DotNext.Net.Cluster", "Consul", "Orleans", "Azure.Storage.Blobs", "Akka" };

        /// <param name="enter">Where the receiver can be (<see cref="OperationTree.First"/>); null: everywhere.</param>
        public static bool In(IOperation statement, Func<IOperation?, bool> isReceiver, Func<IOperation, bool>? enter = null) =>
            OperationTree.First(statement, self: true, op => Leaves(op, isReceiver, enter), enter) != null;

        private static bool Leaves(IOperation op, Func<IOperation?, bool> isReceiver, Func<IOperation, bool>? enter)
        {
            switch (op)
            {
                case IArgumentOperation arg when isReceiver(SettingCollector.Unwrap(arg.Value)):
                    IMethodSymbol? target = (arg.Parent as IInvocationOperation)?.TargetMethod ?? (arg.Parent as IObjectCreationOperation)?.Constructor;
                    return target == null || !(IsBinder(target) || IsConsumer(target.ContainingType));
                case ISimpleAssignmentOperation a when isReceiver(SettingCollector.Unwrap(a.Value)) && a.Target is not (ILocalReferenceOperation or IDiscardOperation):
                    return true;
                case IInvocationOperation { TargetMethod.Name: "Set" } set when isReceiver(set.Instance) && set.Arguments.Length == 2 && !set.Arguments[0].Value.ConstantValue.HasValue:
                    return true;
                case IAnonymousFunctionOperation lambda when Mentions(lambda, isReceiver, enter):
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>The object as it is created leaves at once: an argument of a method that may set it, or a field's value.</summary>
        public static bool AtCreation(IOperation creation)
        {
            IOperation? parent = creation.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IArgumentOperation arg:
                    IMethodSymbol? target = (arg.Parent as IInvocationOperation)?.TargetMethod ?? (arg.Parent as IObjectCreationOperation)?.Constructor;
                    return target == null || !(IsBinder(target) || IsConsumer(target.ContainingType));
                case ISimpleAssignmentOperation a:
                    return a.Target is not (ILocalReferenceOperation or IDiscardOperation);
                case IFieldInitializerOperation:
                case IPropertyInitializerOperation:
                    return true;
                default:
                    return false;
            }
        }

        private static bool Mentions(IOperation root, Func<IOperation?, bool> isReceiver, Func<IOperation, bool>? enter) =>
            OperationTree.First(root, self: false, op => isReceiver(op), enter) != null;

        private static bool IsBinder(IMethodSymbol method) => method.ContainingType?.Name == "ConfigurationBinder";

        private static bool IsConsumer(INamedTypeSymbol? type)
        {
            string? ns = type?.ContainingNamespace?.ToDisplayString();
            if (ns == null)
            {
                return false;
            }

            foreach (string c in ConsumerNamespaces)
            {
                if (ns == c || ns.StartsWith(c + ".", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
