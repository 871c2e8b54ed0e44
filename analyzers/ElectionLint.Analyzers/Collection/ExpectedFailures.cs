using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ElectionLint.Analyzers.Collection
{
    /// <summary>
    /// Code that builds a configuration the system refuses on purpose: inside a lambda an assertion runs expecting an
    /// exception (xUnit and NUnit Assert.Throws…, NUnit Assert.Catch and Throws constraints, MSTest Assert.ThrowsException…,
    /// FluentAssertions Invoking(…).Should().Throw…, Shouldly Should.Throw and ShouldThrow). A library's own tests do that,
    /// and an error there would fail their build, and its code fix would make the test fail.
    /// </summary>
    internal static class ExpectedFailures
    {
        private static readonly HashSet<string> Expecting = new HashSet<string>(StringComparer.Ordinal)
        {
            "Throws", "ThrowsAsync", "ThrowsAny", "ThrowsAnyAsync", "Catch", "CatchAsync", "ThrowsException", "ThrowsExceptionAsync",
            "ThrowsExactly", "ThrowsExactlyAsync", "Throw", "ThrowAsync", "ThrowExactly", "ThrowExactlyAsync", "ShouldThrow", "ShouldThrowAsync",
        };

        public static bool Contains(Location location, CancellationToken cancellationToken)
        {
            if (!location.IsInSource || location.SourceTree is not SyntaxTree tree)
            {
                return false;
            }

            SyntaxNode node = tree.GetRoot(cancellationToken).FindNode(location.SourceSpan, getInnermostNodeForTie: true);
            foreach (SyntaxNode ancestor in node.AncestorsAndSelf())
            {
                if (ancestor is AnonymousFunctionExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } } && ExpectsThrow(call))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The call takes the lambda and expects it to throw, itself or further along its chain (Invoking(…).Should().Throw()).</summary>
        private static bool ExpectsThrow(InvocationExpressionSyntax call)
        {
            for (SyntaxNode? n = call; n is InvocationExpressionSyntax or MemberAccessExpressionSyntax or AwaitExpressionSyntax; n = n.Parent)
            {
                if (n is InvocationExpressionSyntax invocation && (Expecting.Contains(NameOf(invocation)) || IsThrowsConstraint(invocation)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>NUnit's Assert.That(() => …, Throws.TypeOf&lt;T&gt;()) and its kin.</summary>
        private static bool IsThrowsConstraint(InvocationExpressionSyntax invocation)
        {
            if (NameOf(invocation) != "That")
            {
                return false;
            }

            foreach (ArgumentSyntax a in invocation.ArgumentList.Arguments)
            {
                for (ExpressionSyntax e = a.Expression; ;)
                {
                    switch (e)
                    {
                        case IdentifierNameSyntax { Identifier.ValueText: "Throws" }:
                            return true;
                        case MemberAccessExpressionSyntax m:
                            e = m.Expression;
                            continue;
                        case InvocationExpressionSyntax i:
                            e = i.Expression;
                            continue;
                    }

                    break;
                }
            }

            return false;
        }

        private static string NameOf(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
            SimpleNameSyntax s => s.Identifier.ValueText,
            _ => string.Empty,
        };
    }
}
