using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ElectionLint.Analyzers.Collection
{
    /// <summary>
    /// Where in the compilation each options type is registered (<c>Configure&lt;T&gt;</c>, <c>PostConfigure&lt;T&gt;</c>,
    /// <c>ConfigureAll&lt;T&gt;</c>, <c>AddOptions&lt;T&gt;</c>), by the type's simple name and the member body that does it: read
    /// from syntax once per compilation, and only when a body registers options of a bound type. When another body registers
    /// the same type, what it sets is not known here, so this body's unset members are unknown rather than defaulted.
    /// </summary>
    internal sealed class OptionsRegistrations
    {
        private static readonly string[] Methods = { "Configure", "PostConfigure", "ConfigureAll", "PostConfigureAll", "AddOptions", "AddOptionsWithValidateOnStart" };

        private readonly Compilation _compilation;
        private readonly object _gate = new object();
        private Dictionary<string, HashSet<(SyntaxTree Tree, TextSpan Span)>>? _bodies;

        public OptionsRegistrations(Compilation compilation)
        {
            _compilation = compilation;
        }

        /// <summary>True when a member body other than <paramref name="body"/> registers options named <paramref name="typeName"/>.</summary>
        public bool ElsewhereThan(string typeName, SyntaxNode body, CancellationToken cancellation)
        {
            Dictionary<string, HashSet<(SyntaxTree, TextSpan)>> bodies = Bodies(cancellation);
            if (!bodies.TryGetValue(typeName, out HashSet<(SyntaxTree Tree, TextSpan Span)>? found))
            {
                return false;
            }

            SyntaxNode own = Member(body);
            return found.Any(b => b.Tree != own.SyntaxTree || b.Span != own.Span);
        }

        private Dictionary<string, HashSet<(SyntaxTree, TextSpan)>> Bodies(CancellationToken cancellation)
        {
            lock (_gate)
            {
                if (_bodies != null)
                {
                    return _bodies;
                }

                var bodies = new Dictionary<string, HashSet<(SyntaxTree, TextSpan)>>(StringComparer.Ordinal);
                foreach (SyntaxTree tree in _compilation.SyntaxTrees)
                {
                    foreach ((string name, TextSpan member) in PerTree.GetValue(tree, t => Scan(t, cancellation)))
                    {
                        if (!bodies.TryGetValue(name, out HashSet<(SyntaxTree, TextSpan)>? set))
                        {
                            bodies[name] = set = new HashSet<(SyntaxTree, TextSpan)>();
                        }

                        set.Add((tree, member));
                    }
                }

                return _bodies = bodies;
            }
        }

        /// <summary>Per tree, its registrations: a tree the IDE has not changed is not read again for the next compilation.</summary>
        private static readonly ConditionalWeakTable<SyntaxTree, List<(string Name, TextSpan Member)>> PerTree = new ConditionalWeakTable<SyntaxTree, List<(string, TextSpan)>>();

        private static List<(string Name, TextSpan Member)> Scan(SyntaxTree tree, CancellationToken cancellation)
        {
            var found = new List<(string, TextSpan)>();
            foreach (GenericNameSyntax g in tree.GetRoot(cancellation).DescendantNodes().OfType<GenericNameSyntax>())
            {
                if (Array.IndexOf(Methods, g.Identifier.ValueText) >= 0 && g.TypeArgumentList.Arguments.Count > 0 && (g.Parent is MemberAccessExpressionSyntax || g.Parent is InvocationExpressionSyntax))
                {
                    found.Add((SimpleName(g.TypeArgumentList.Arguments[0]), Member(g).Span));
                }
            }

            return found;
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
