using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ElectionLint.CodeFixes
{
    /// <summary>
    /// Adds members and statements the way the file is already written: its line ending, the indentation of the member or
    /// statement before, its comma style; a comment after the last member stays after it. Nothing else is reformatted.
    /// </summary>
    internal static class Layout
    {
        public static BaseObjectCreationExpressionSyntax AddMembers(BaseObjectCreationExpressionSyntax creation, List<(string Member, ExpressionSyntax Value)> adds, string eol)
        {
            ExpressionSyntax[] assignments = adds.Select(a => (ExpressionSyntax)AssignmentExpression(SyntaxKind.SimpleAssignmentExpression,
                IdentifierName(a.Member).WithTrailingTrivia(Space), Token(SyntaxKind.EqualsToken).WithTrailingTrivia(Space), a.Value.WithoutTrivia())).ToArray();
            InitializerExpressionSyntax? initializer = creation.Initializer;
            if (initializer == null || initializer.Expressions.Count == 0)
            {
                // `new T(x)` → `new T(x) { A = 1 }`, on the same line; what followed the creation stays after it.
                SyntaxTriviaList after = creation.GetTrailingTrivia();
                var list = new List<SyntaxNodeOrToken>();
                for (int i = 0; i < assignments.Length; i++)
                {
                    if (i > 0)
                    {
                        list.Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(Space));
                    }

                    list.Add(assignments[i]);
                }

                InitializerExpressionSyntax created = InitializerExpression(SyntaxKind.ObjectInitializerExpression,
                    Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(Space).WithTrailingTrivia(Space),
                    SeparatedList<ExpressionSyntax>(list),
                    Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(Space).WithTrailingTrivia(after));
                BaseObjectCreationExpressionSyntax bare = creation.WithoutTrailingTrivia();
                if (initializer != null)
                {
                    bare = bare.WithInitializer(null).WithoutTrailingTrivia();
                }

                return bare.WithInitializer(created);
            }

            SeparatedSyntaxList<ExpressionSyntax> items = initializer.Expressions;
            var nodes = items.ToList();
            var separators = items.GetSeparators().ToList();
            bool trailingComma = separators.Count == nodes.Count;
            bool multiLine = initializer.OpenBraceToken.GetLocation().GetLineSpan().StartLinePosition.Line != initializer.CloseBraceToken.GetLocation().GetLineSpan().StartLinePosition.Line;
            ExpressionSyntax last = nodes[nodes.Count - 1];
            SyntaxTriviaList indent = Indentation(last);
            foreach (ExpressionSyntax added in assignments)
            {
                if (!multiLine)
                {
                    if (trailingComma)
                    {
                        // { A = 1, } → { A = 1, B = 2, }
                        SyntaxToken sep = separators[separators.Count - 1];
                        nodes.Add(added);
                        separators.Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(sep.TrailingTrivia));
                        separators[separators.Count - 2] = sep.WithTrailingTrivia(Space);
                    }
                    else
                    {
                        // { A = 1 } → { A = 1, B = 2 }: what followed the last member follows the new one.
                        ExpressionSyntax previous = nodes[nodes.Count - 1];
                        nodes[nodes.Count - 1] = previous.WithoutTrailingTrivia();
                        separators.Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(Space));
                        nodes.Add(added.WithTrailingTrivia(previous.GetTrailingTrivia()));
                    }

                    continue;
                }

                if (trailingComma)
                {
                    // A = 1,⏎ → A = 1,⏎    B = 2,⏎
                    nodes.Add(added.WithLeadingTrivia(indent));
                    separators.Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(EndOfLine(eol)));
                }
                else
                {
                    // A = 1 // note⏎ → A = 1, // note⏎    B = 2⏎ : the comma goes before the comment.
                    ExpressionSyntax previous = nodes[nodes.Count - 1];
                    SyntaxTriviaList trailing = previous.GetTrailingTrivia();
                    bool lineEnds = trailing.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                    nodes[nodes.Count - 1] = previous.WithoutTrailingTrivia();
                    separators.Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(lineEnds ? trailing : TriviaList(EndOfLine(eol))));
                    nodes.Add(added.WithLeadingTrivia(indent).WithTrailingTrivia(lineEnds ? TriviaList(EndOfLine(eol)) : trailing));
                }
            }

            var all = new List<SyntaxNodeOrToken>();
            for (int i = 0; i < nodes.Count; i++)
            {
                all.Add(nodes[i]);
                if (i < separators.Count)
                {
                    all.Add(separators[i]);
                }
            }

            return creation.WithInitializer(initializer.WithExpressions(SeparatedList<ExpressionSyntax>(all)));
        }

        /// <summary>Adds <c>receiver.Member = value;</c> statements after <paramref name="statement"/>, indented like it.</summary>
        public static SyntaxNode AddStatementsAfter(SyntaxNode root, StatementSyntax statement, List<(ExpressionSyntax Receiver, string Member, ExpressionSyntax Value)> adds, string eol)
        {
            bool ownLine = statement.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            SyntaxTriviaList indent = Indentation(statement);
            StatementSyntax[] added = adds.Select(a => (StatementSyntax)ExpressionStatement(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression,
                    MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, a.Receiver.WithoutTrivia(), IdentifierName(a.Member)).WithTrailingTrivia(Space),
                    Token(SyntaxKind.EqualsToken).WithTrailingTrivia(Space), a.Value.WithoutTrivia()))
                .WithLeadingTrivia(ownLine ? indent : TriviaList(Space))
                .WithTrailingTrivia(ownLine ? TriviaList(EndOfLine(eol)) : TriviaList())).ToArray();
            if (!ownLine && added.Length > 0 && statement.Parent is BlockSyntax)
            {
                // `{ o.A = 1; }` → `{ o.A = 1; o.B = 2; }`: what followed the statement on its line follows the last one added.
                added[added.Length - 1] = added[added.Length - 1].WithTrailingTrivia(statement.GetTrailingTrivia());
                var mark = new SyntaxAnnotation();
                root = root.ReplaceNode(statement, statement.WithTrailingTrivia().WithAdditionalAnnotations(mark));
                statement = root.GetAnnotatedNodes(mark).OfType<StatementSyntax>().Single();
            }

            switch (statement.Parent)
            {
                case BlockSyntax block:
                    int at = block.Statements.IndexOf(statement);
                    return root.ReplaceNode(block, block.WithStatements(block.Statements.InsertRange(at + 1, added)));
                case GlobalStatementSyntax global when global.Parent is CompilationUnitSyntax unit:
                    int g = unit.Members.IndexOf(global);
                    return root.ReplaceNode(unit, unit.WithMembers(unit.Members.InsertRange(g + 1, added.Select(GlobalStatement))));
                case SwitchSectionSyntax section:
                    int k = section.Statements.IndexOf(statement);
                    return root.ReplaceNode(section, section.WithStatements(section.Statements.InsertRange(k + 1, added)));
                default:
                    return root; // an embedded statement without braces: left alone (the planner offers no fix there)
            }
        }

        /// <summary><c>o => o.A = 1</c> becomes <c>o => { o.A = 1; o.B = 2; }</c>, on the line it was on.</summary>
        public static LambdaExpressionSyntax AddToExpressionLambda(LambdaExpressionSyntax lambda, List<(ExpressionSyntax Receiver, string Member, ExpressionSyntax Value)> adds)
        {
            ExpressionSyntax body = lambda.ExpressionBody!;
            var statements = new List<StatementSyntax> { ExpressionStatement(body.WithoutTrivia()).WithLeadingTrivia(Space) };
            statements.AddRange(adds.Select(a => (StatementSyntax)ExpressionStatement(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression,
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, a.Receiver.WithoutTrivia(), IdentifierName(a.Member)).WithTrailingTrivia(Space),
                Token(SyntaxKind.EqualsToken).WithTrailingTrivia(Space), a.Value.WithoutTrivia())).WithLeadingTrivia(Space)));
            BlockSyntax block = Block(Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(body.GetLeadingTrivia()), List(statements),
                Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(Space).WithTrailingTrivia(body.GetTrailingTrivia()));
            return lambda.WithExpressionBody(null).WithBlock(block);
        }

        /// <summary><c>o => { }</c> becomes <c>o => { o.A = 1; }</c>; a block written over several lines gets one statement a line, indented one level in.</summary>
        public static BlockSyntax FillEmptyBlock(BlockSyntax block, List<(ExpressionSyntax Receiver, string Member, ExpressionSyntax Value)> adds, string eol)
        {
            bool multiLine = block.OpenBraceToken.GetLocation().GetLineSpan().StartLinePosition.Line != block.CloseBraceToken.GetLocation().GetLineSpan().StartLinePosition.Line;
            SyntaxTriviaList closeIndent = multiLine ? TokenIndentation(block.CloseBraceToken) : TriviaList();
            SyntaxTriviaList inner = multiLine ? closeIndent.Add(Whitespace("    ")) : TriviaList(Space);
            StatementSyntax[] added = adds.Select(a => (StatementSyntax)ExpressionStatement(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression,
                    MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, a.Receiver.WithoutTrivia(), IdentifierName(a.Member)).WithTrailingTrivia(Space),
                    Token(SyntaxKind.EqualsToken).WithTrailingTrivia(Space), a.Value.WithoutTrivia()))
                .WithLeadingTrivia(inner)
                .WithTrailingTrivia(multiLine ? TriviaList(EndOfLine(eol)) : TriviaList())).ToArray();
            SyntaxToken open = multiLine ? block.OpenBraceToken : block.OpenBraceToken.WithTrailingTrivia();
            SyntaxToken close = multiLine ? block.CloseBraceToken : block.CloseBraceToken.WithLeadingTrivia(Space);
            return block.WithOpenBraceToken(open).WithStatements(List(added)).WithCloseBraceToken(close);
        }

        /// <summary>The whitespace at the start of a token's line.</summary>
        private static SyntaxTriviaList TokenIndentation(SyntaxToken token)
        {
            string line = token.SyntaxTree!.GetText().Lines.GetLineFromPosition(token.SpanStart).ToString();
            return TriviaList(Whitespace(new string(line.TakeWhile(char.IsWhiteSpace).ToArray())));
        }

        /// <summary>The whitespace at the start of the node's line.</summary>
        private static SyntaxTriviaList Indentation(SyntaxNode node)
        {
            SyntaxTriviaList leading = node.GetLeadingTrivia();
            int lastEol = -1;
            for (int i = 0; i < leading.Count; i++)
            {
                if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    lastEol = i;
                }
            }

            var whitespace = leading.Skip(lastEol + 1).TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).ToList();
            if (whitespace.Count > 0 || lastEol >= 0)
            {
                return TriviaList(whitespace);
            }

            // The node does not start its line: take the line's own indentation from the text.
            string line = node.SyntaxTree.GetText().Lines.GetLineFromPosition(node.SpanStart).ToString();
            return TriviaList(Whitespace(new string(line.TakeWhile(char.IsWhiteSpace).ToArray())));
        }
    }
}
