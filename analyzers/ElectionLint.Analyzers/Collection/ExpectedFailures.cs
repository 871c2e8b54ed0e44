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
    /// FluentAssertions Invoking(…).Should().Throw…, Shouldly Should.Throw and ShouldThrow), or in a lambda assigned to a local
    /// that a later statement of the same block hands to such an assertion (<c>Action act = () => …; act.Should().Throw&lt;T&gt;();</c>,
    /// <c>Assert.Throws&lt;T&gt;(act)</c>). A library's own tests do that,
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

                if (ancestor is AnonymousFunctionExpressionSyntax lambda && AssignedLocal(lambda) is (string name, StatementSyntax statement) && ExpectedLater(name, statement))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The call takes the lambda and expects it to throw, itself or further along its chain (Invoking(…).Should().Throw()).</summary>
        private static bool ExpectsThrow(ExpressionSyntax call)
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

        /// <summary><c>Action act = () => …;</c> or <c>act = () => …;</c>: the local's name and the statement.</summary>
        private static (string Name, StatementSyntax Statement)? AssignedLocal(AnonymousFunctionExpressionSyntax lambda)
        {
            if (lambda.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax declaration } } declarator })
            {
                return (declarator.Identifier.ValueText, declaration);
            }

            if (lambda.Parent is AssignmentExpressionSyntax { Left: IdentifierNameSyntax local, Parent: ExpressionStatementSyntax assignment })
            {
                return (local.Identifier.ValueText, assignment);
            }

            return null;
        }

        /// <summary>A later statement of the same block asserts that the local throws: <c>act.Should().Throw()</c>, <c>Assert.Throws&lt;T&gt;(act)</c>.</summary>
        private static bool ExpectedLater(string name, StatementSyntax statement)
        {
            if (statement.Parent is not BlockSyntax block)
            {
                return false;
            }

            for (int i = block.Statements.IndexOf(statement) + 1; i < block.Statements.Count; i++)
            {
                foreach (SyntaxNode node in block.Statements[i].DescendantNodes())
                {
                    if (node is not IdentifierNameSyntax id || id.Identifier.ValueText != name)
                    {
                        continue;
                    }

                    if (id.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } && ExpectsThrow(call))
                    {
                        return true; // Assert.Throws<T>(act), FluentActions.Invoking(act).Should().Throw()
                    }

                    if (id.Parent is MemberAccessExpressionSyntax access && access.Expression == id && ExpectsThrow(access))
                    {
                        return true; // act.Should().Throw<T>(), act.ShouldThrow<T>()
                    }
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
