using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace TypedGrains.CodeFixes;

/// <summary>Turns a method that returns a value into one that does not, keeping each returned expression's side effects.</summary>
internal static class ReturnRewriter
{
    /// <summary>
    /// Whether <see cref="DropValue"/> applies: a synchronous method returning a value, an async method returning
    /// <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c>, or a non-async method returning <c>Task&lt;T&gt;</c> (already a <c>Task</c>).
    /// </summary>
    public static bool CanDropValue(MethodDeclarationSyntax method, IMethodSymbol symbol)
    {
        if (method.Body is null && method.ExpressionBody is null)
        {
            return false;
        }

        string? task = TaskName(symbol.ReturnType);
        if (task is null)
        {
            return !symbol.ReturnsVoid && method.ExpressionBody?.Expression is not ThrowExpressionSyntax;
        }

        return symbol.IsAsync || task == "Task";
    }

    /// <summary>Rewrites <paramref name="method"/> to return no value.</summary>
    public static MethodDeclarationSyntax DropValue(MethodDeclarationSyntax method, IMethodSymbol symbol)
    {
        string? task = TaskName(symbol.ReturnType);
        if (task is not null)
        {
            MethodDeclarationSyntax retyped = method.WithReturnType(StripTypeArguments(method.ReturnType));
            return symbol.IsAsync ? DiscardReturns(retyped) : retyped;
        }

        TypeSyntax voidType = SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.VoidKeyword)).WithTriviaFrom(method.ReturnType);
        return DiscardReturns(method.WithReturnType(voidType));
    }

    private static MethodDeclarationSyntax DiscardReturns(MethodDeclarationSyntax method)
    {
        if (method.ExpressionBody is { } arrow)
        {
            return method.WithExpressionBody(arrow.WithExpression(Discard(arrow.Expression)));
        }

        var body = (BlockSyntax)new Rewriter().Visit(method.Body!);
        if (body.Statements.LastOrDefault() is ReturnStatementSyntax { Expression: null } last)
        {
            body = body.WithStatements(body.Statements.Remove(last));
        }

        return method.WithBody(body);
    }

    private static ExpressionSyntax Discard(ExpressionSyntax expression) =>
        SyntaxFactory.AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxFactory.IdentifierName("_"),
            expression.WithoutLeadingTrivia().WithLeadingTrivia(SyntaxFactory.Space))
        .WithLeadingTrivia(expression.GetLeadingTrivia());

    private static TypeSyntax StripTypeArguments(TypeSyntax type) => type switch
    {
        GenericNameSyntax generic => SyntaxFactory.IdentifierName(generic.Identifier).WithTriviaFrom(generic),
        QualifiedNameSyntax { Right: GenericNameSyntax right } qualified => qualified.WithRight(SyntaxFactory.IdentifierName(right.Identifier).WithTriviaFrom(right)),
        AliasQualifiedNameSyntax { Name: GenericNameSyntax name } aliased => aliased.WithName(SyntaxFactory.IdentifierName(name.Identifier).WithTriviaFrom(name)),
        _ => type,
    };

    private static string? TaskName(ITypeSymbol type) =>
        type is INamedTypeSymbol { Arity: 1 } named
        && named.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks"
        && named.Name is "Task" or "ValueTask"
            ? named.Name
            : null;

    private sealed class Rewriter : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitBlock(BlockSyntax node)
        {
            var statements = new List<StatementSyntax>();
            foreach (StatementSyntax statement in node.Statements)
            {
                if (statement is ReturnStatementSyntax { Expression: { } expression } ret)
                {
                    statements.Add(DiscardStatement(expression).WithLeadingTrivia(ret.GetLeadingTrivia()).WithTrailingTrivia(ret.GetTrailingTrivia()));
                    statements.Add(SyntaxFactory.ReturnStatement().WithLeadingTrivia(ret.GetLeadingTrivia()).WithTrailingTrivia(ret.GetTrailingTrivia()));
                }
                else
                {
                    statements.Add((StatementSyntax)Visit(statement));
                }
            }

            return node.WithStatements(SyntaxFactory.List(statements));
        }

        public override SyntaxNode? VisitReturnStatement(ReturnStatementSyntax node) =>
            node.Expression is { } expression
                ? SyntaxFactory.Block(DiscardStatement(expression), SyntaxFactory.ReturnStatement()).WithTriviaFrom(node).WithAdditionalAnnotations(Formatter.Annotation)
                : node;

        // Returns inside lambdas and local functions belong to them.
        public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) => node;

        public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) => node;

        public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node) => node;

        public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node) => node;

        private static StatementSyntax DiscardStatement(ExpressionSyntax expression) =>
            SyntaxFactory.ExpressionStatement(Discard(expression));
    }
}
