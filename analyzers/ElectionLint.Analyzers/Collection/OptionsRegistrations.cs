using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ElectionLint.Analyzers.Collection
{
    /// <summary>
    /// Where in the compilation each options type is registered (<c>Configure&lt;T&gt;</c>, <c>PostConfigure&lt;T&gt;</c>,
    /// <c>ConfigureAll&lt;T&gt;</c>, <c>AddOptions&lt;T&gt;</c>), by type and the member body that does it. Only the trees whose text
    /// names a registration method are read, only at those names, and only when the type argument is a trigger name (a bound
    /// type, a subclass or an alias); the type argument's symbol then decides. Computed once per compilation, and only when a
    /// body registers options of a bound type. When another body registers the same type, what it sets is not known here, so
    /// this body's unset members are unknown rather than defaulted.
    /// </summary>
    internal sealed class OptionsRegistrations
    {
        private static readonly string[] Methods = { "Configure", "PostConfigure", "ConfigureAll", "PostConfigureAll", "AddOptions", "AddOptionsWithValidateOnStart" };

        private readonly Compilation _compilation;
        private readonly TriggerIndex _index;
        private readonly object _gate = new object();
        private Dictionary<ITypeSymbol, HashSet<(SyntaxTree Tree, TextSpan Span)>>? _bodies;

        public OptionsRegistrations(Compilation compilation, TriggerIndex index)
        {
            _compilation = compilation;
            _index = index;
        }

        /// <summary>True when a member body other than <paramref name="body"/> registers options of <paramref name="type"/>.</summary>
        public bool ElsewhereThan(ITypeSymbol type, SyntaxNode body, CancellationToken cancellation)
        {
            Dictionary<ITypeSymbol, HashSet<(SyntaxTree Tree, TextSpan Span)>> bodies = Bodies(cancellation);
            if (!bodies.TryGetValue(type, out HashSet<(SyntaxTree Tree, TextSpan Span)>? found))
            {
                return false;
            }

            SyntaxNode own = Member(body);
            return found.Any(b => b.Tree != own.SyntaxTree || b.Span != own.Span);
        }

        private Dictionary<ITypeSymbol, HashSet<(SyntaxTree, TextSpan)>> Bodies(CancellationToken cancellation)
        {
            lock (_gate)
            {
                if (_bodies != null)
                {
                    return _bodies;
                }

                var bodies = new Dictionary<ITypeSymbol, HashSet<(SyntaxTree, TextSpan)>>(SymbolEqualityComparer.Default);
                foreach (SyntaxTree tree in _compilation.SyntaxTrees)
                {
                    int[] positions = _index.For(tree, cancellation).Registrations;
                    if (positions.Length == 0)
                    {
                        continue;
                    }

                    SyntaxNode root = tree.GetRoot(cancellation);
                    SemanticModel? model = null;
                    foreach (int position in positions)
                    {
                        SyntaxToken token = root.FindToken(position);
                        if (!(token.Parent is GenericNameSyntax g) || g.Identifier != token || Array.IndexOf(Methods, g.Identifier.ValueText) < 0 ||
                            g.TypeArgumentList.Arguments.Count == 0 || !(g.Parent is MemberAccessExpressionSyntax || g.Parent is InvocationExpressionSyntax) ||
                            !_index.IsName(SimpleName(g.TypeArgumentList.Arguments[0]), tree, cancellation))
                        {
                            continue;
                        }

#pragma warning disable RS1030 // only the few trees that register options of a trigger name are bound, once per compilation
                        model ??= _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                        if (model.GetTypeInfo(g.TypeArgumentList.Arguments[0], cancellation).Type is ITypeSymbol type)
                        {
                            if (!bodies.TryGetValue(type, out HashSet<(SyntaxTree, TextSpan)>? set))
                            {
                                bodies[type] = set = new HashSet<(SyntaxTree, TextSpan)>();
                            }

                            set.Add((tree, Member(g).Span));
                        }
                    }
                }

                return _bodies = bodies;
            }
        }

        public static string SimpleName(TypeSyntax type) => type switch
        {
            QualifiedNameSyntax q => q.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
            SimpleNameSyntax s => s.Identifier.ValueText,
            _ => type.ToString(),
        };

        /// <summary>The member a node is in, as an operation block is (its local functions and lambdas with it; top-level statements: the file).</summary>
        private static SyntaxNode Member(SyntaxNode node) =>
            node.AncestorsAndSelf().FirstOrDefault(a => a is BaseMethodDeclarationSyntax || a is BasePropertyDeclarationSyntax || a is FieldDeclarationSyntax || a is CompilationUnitSyntax) ?? node.SyntaxTree.GetRoot();
    }
}
