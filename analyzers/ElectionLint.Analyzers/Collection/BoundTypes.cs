using System.Collections.Generic;
using System.Linq;
using ElectionLint.Analyzers.Bindings;
using Microsoft.CodeAnalysis;

namespace ElectionLint.Analyzers.Collection
{
    /// <summary>The bound types present in one compilation, resolved once at compilation start.</summary>
    internal sealed class BoundTypes
    {
        private readonly Dictionary<INamedTypeSymbol, TypeBinding> _types = new Dictionary<INamedTypeSymbol, TypeBinding>(SymbolEqualityComparer.Default);
        private readonly Dictionary<INamedTypeSymbol, MethodBinding> _methods = new Dictionary<INamedTypeSymbol, MethodBinding>(SymbolEqualityComparer.Default);
        private bool _subclasses;

        public bool HasMethods => _methods.Count > 0;

        /// <summary>True when a bound type's subclasses are bound too.</summary>
        public bool HasSubclasses => _subclasses;

        /// <summary>The bound types and the types of the bound methods present in the compilation.</summary>
        public IEnumerable<INamedTypeSymbol> Symbols => _types.Keys.Concat(_methods.Keys);

        /// <summary>Null when the compilation references none of the bound types: the analyzer then registers nothing.</summary>
        public static BoundTypes? Resolve(Compilation compilation, IEnumerable<TypeBinding> types, IEnumerable<MethodBinding> methods)
        {
            var bound = new BoundTypes();
            foreach (TypeBinding t in types)
            {
                if (compilation.GetTypeByMetadataName(t.MetadataName) is INamedTypeSymbol symbol)
                {
                    bound._types[symbol] = t;
                    bound._subclasses |= t.IncludeSubclasses;
                }
            }

            foreach (MethodBinding m in methods)
            {
                if (compilation.GetTypeByMetadataName(m.ContainingType) is INamedTypeSymbol symbol)
                {
                    bound._methods[symbol] = m;
                }
            }

            return bound._types.Count == 0 && bound._methods.Count == 0 ? null : bound;
        }

        /// <summary>True when <paramref name="binding"/>'s type is present in the compilation.</summary>
        public bool Has(TypeBinding binding) => _types.ContainsValue(binding);

        public bool TryGet(ITypeSymbol? type, out TypeBinding binding)
        {
            binding = null!;
            if (type is not INamedTypeSymbol named)
            {
                return false;
            }

            TypeBinding? found = Find(named); // a few look-ups: cheaper than a shared cache that threads contend for
            binding = found!;
            return found != null;
        }

        /// <summary>True for a bound type itself (not a subclass of one).</summary>
        public bool IsBound(INamedTypeSymbol type) => _types.ContainsKey(type.OriginalDefinition);

        public bool TryGetMethod(IMethodSymbol method, out MethodBinding binding)
        {
            binding = null!;
            for (INamedTypeSymbol? t = method.ContainingType; t != null; t = t.BaseType)
            {
                if (_methods.TryGetValue(t.OriginalDefinition, out MethodBinding? m))
                {
                    foreach (string name in m.Methods)
                    {
                        if (name == method.Name)
                        {
                            binding = m;
                            return true;
                        }
                    }

                    return false;
                }
            }

            return false;
        }

        private TypeBinding? Find(ITypeSymbol type)
        {
            if (_types.TryGetValue((INamedTypeSymbol)type.OriginalDefinition, out TypeBinding? exact))
            {
                return exact;
            }

            if (_subclasses)
            {
                for (INamedTypeSymbol? t = type.BaseType; t != null; t = t.BaseType)
                {
                    if (_types.TryGetValue(t.OriginalDefinition, out TypeBinding? b) && b.IncludeSubclasses)
                    {
                        return b;
                    }
                }
            }

            return null;
        }
    }
}
