using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ElectionLint.Analyzers.Collection
{
    /// <summary>
    /// The configuration path an <c>IConfiguration</c> expression stands for: <c>""</c> for the app's configuration,
    /// <c>"Kafka:Consumer"</c> for <c>configuration.GetSection("Kafka").GetSection("Consumer")</c>, null when it cannot be
    /// told statically (then whatever is bound from it is unknown).
    /// </summary>
    internal static class ConfigurationSections
    {
        private const int MaxDepth = 8;

        /// <summary>The builders and contexts whose <c>Configuration</c> is the app's configuration.</summary>
        private static readonly string[] HostTypes = { "WebApplicationBuilder", "WebApplication", "HostApplicationBuilder", "IHostApplicationBuilder", "HostBuilderContext", "WebHostBuilderContext" };

        /// <summary>The names an injected app configuration goes by (Startup's constructor parameter and the field or property that keeps it).</summary>
        private static readonly string[] RootNames = { "configuration", "Configuration", "_configuration", "config", "Config", "_config" };

        public static string? PathOf(IOperation? op, CancellationToken cancellation) => PathOf(op, cancellation, 0);

        public static string Combine(string parent, string key) => parent.Length == 0 ? key : parent + ":" + key;

        private static string? PathOf(IOperation? op, CancellationToken cancellation, int depth)
        {
            while (op is IConversionOperation c)
            {
                op = c.Operand;
            }

            if (op == null || depth > MaxDepth)
            {
                return null;
            }

            if (op is IInvocationOperation inv && (inv.TargetMethod.Name == "GetSection" || inv.TargetMethod.Name == "GetRequiredSection"))
            {
                IOperation? receiver = inv.Instance ?? (inv.Arguments.Length > 0 ? inv.Arguments[0].Value : null);
                IArgumentOperation? key = inv.Arguments.FirstOrDefault(a => a.Parameter?.Name == "key");
                if (key?.Value.ConstantValue is { HasValue: true, Value: string k } && PathOf(receiver, cancellation, depth + 1) is string parent)
                {
                    return Combine(parent, k);
                }

                return null;
            }

            if (IsRoot(op))
            {
                return string.Empty;
            }

            if (op is ILocalReferenceOperation local && Evaluation.StaticEvaluator.InitializerOf(local, cancellation) is IOperation init)
            {
                return PathOf(init, cancellation, depth + 1);
            }

            return null;
        }

        private static bool IsRoot(IOperation op)
        {
            if (op.Type is INamedTypeSymbol t && (t.Name == "IConfigurationRoot" || t.Name == "IConfigurationManager" || t.Name == "ConfigurationManager") &&
                t.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Configuration")
            {
                return true;
            }

            if (op.Type?.Name != "IConfiguration")
            {
                return false;
            }

            switch (op)
            {
                case IPropertyReferenceOperation p when p.Property.Name == "Configuration" && Array.IndexOf(HostTypes, p.Property.ContainingType.Name) >= 0:
                    return true;
                case IParameterReferenceOperation p:
                    return Array.IndexOf(RootNames, p.Parameter.Name) >= 0;
                case IFieldReferenceOperation f:
                    return Array.IndexOf(RootNames, f.Field.Name) >= 0;
                case IPropertyReferenceOperation p:
                    return Array.IndexOf(RootNames, p.Property.Name) >= 0 && p.Property.ContainingType.TypeKind == TypeKind.Class && p.Property.ContainingType.Locations.Any(l => l.IsInSource);
                default:
                    return false;
            }
        }
    }
}
