using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace TypedGrains.CodeFixes;

/// <summary>How a method returns, which decides how it becomes <c>async</c>.</summary>
internal enum ReturnShape
{
    /// <summary><c>void</c>: becomes <c>async ValueTask</c>.</summary>
    Void,

    /// <summary>A value of type <c>T</c>: becomes <c>async ValueTask&lt;T&gt;</c>.</summary>
    Value,

    /// <summary><c>Task</c> or <c>ValueTask</c>: keeps its type, each <c>return e;</c> becomes <c>await e; return;</c>.</summary>
    Task,

    /// <summary><c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>: keeps its type, each <c>return e;</c> becomes <c>return await e;</c>.</summary>
    TaskOfT,
}

/// <summary>Makes a synchronous method <c>async</c>, changing its return type or its returns so that it still compiles.</summary>
internal static class AsyncConverter
{
    /// <summary>
    /// Whether <paramref name="method"/> can become async on its own: it has a body, takes no by-reference parameter,
    /// is no iterator, and its signature is not tied to another declaration (partial, virtual, override, interface).
    /// </summary>
    public static bool CanMakeAsync(MethodDeclarationSyntax method, IMethodSymbol symbol, out ReturnShape shape)
    {
        shape = Classify(symbol);
        if ((method.Body is null && method.ExpressionBody is null)
            || symbol.IsVirtual || symbol.IsAbstract || symbol.IsOverride
            || symbol.PartialDefinitionPart is not null || symbol.PartialImplementationPart is not null
            || symbol.ReturnsByRef || symbol.ReturnsByRefReadonly || symbol.ReturnType.IsRefLikeType
            || symbol.ReturnType.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer
            || symbol.Parameters.Any(p => p.RefKind != RefKind.None)
            || OwnNodes(method).OfType<YieldStatementSyntax>().Any())
        {
            return false;
        }

        INamedTypeSymbol type = symbol.ContainingType;
        return !type.AllInterfaces.SelectMany(i => i.GetMembers())
            .Any(member => SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), symbol));
    }

    /// <summary>Adds <c>async</c> to <paramref name="method"/> and adapts its return type or its returns to <paramref name="shape"/>.</summary>
    public static MethodDeclarationSyntax MakeAsync(MethodDeclarationSyntax method, ReturnShape shape)
    {
        MethodDeclarationSyntax adapted = shape switch
        {
            ReturnShape.Void => method.WithReturnType(ValueTask(null).WithTriviaFrom(method.ReturnType)),
            ReturnShape.Value => method.WithReturnType(ValueTask(method.ReturnType.WithoutTrivia()).WithTriviaFrom(method.ReturnType)),
            _ => AwaitReturns(method, keepValue: shape == ReturnShape.TaskOfT),
        };
        return AddAsyncModifier(adapted);
    }

    /// <summary><c>await <paramref name="operand"/></c>, the operand parenthesized unless it is a primary expression.</summary>
    public static AwaitExpressionSyntax Await(ExpressionSyntax operand)
    {
        ExpressionSyntax bare = operand.WithoutTrivia();
        if (bare is not (InvocationExpressionSyntax or MemberAccessExpressionSyntax or SimpleNameSyntax or ElementAccessExpressionSyntax
            or ParenthesizedExpressionSyntax or BaseObjectCreationExpressionSyntax or PostfixUnaryExpressionSyntax or ThisExpressionSyntax))
        {
            bare = SyntaxFactory.ParenthesizedExpression(bare);
        }

        return SyntaxFactory.AwaitExpression(SyntaxFactory.Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(SyntaxFactory.Space), bare)
            .WithTriviaFrom(operand);
    }

    private static ReturnShape Classify(IMethodSymbol symbol)
    {
        if (symbol.ReturnsVoid)
        {
            return ReturnShape.Void;
        }

        return symbol.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask" } named
            && named.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks"
            ? named.Arity == 0 ? ReturnShape.Task : ReturnShape.TaskOfT
            : ReturnShape.Value;
    }

    // The nodes of the method's own body, not of the lambdas and local functions in it.
    private static IEnumerable<SyntaxNode> OwnNodes(SyntaxNode node) =>
        node.DescendantNodes(child => child is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax));

    private static TypeSyntax ValueTask(TypeSyntax? result)
    {
        SimpleNameSyntax name = result is null
            ? SyntaxFactory.IdentifierName("ValueTask")
            : SyntaxFactory.GenericName(SyntaxFactory.Identifier("ValueTask"), SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(result)));
        return SyntaxFactory.QualifiedName(SyntaxFactory.ParseName("global::System.Threading.Tasks"), name)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
    }

    private static MethodDeclarationSyntax AddAsyncModifier(MethodDeclarationSyntax method)
    {
        SyntaxToken asyncKeyword = SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (method.Modifiers.Count > 0)
        {
            return method.WithModifiers(method.Modifiers.Add(asyncKeyword));
        }

        // Keep the return type's leading trivia (indentation, comments) in front of the new modifier.
        TypeSyntax returnType = method.ReturnType;
        return method
            .WithReturnType(returnType.WithLeadingTrivia())
            .WithModifiers(SyntaxFactory.TokenList(asyncKeyword.WithLeadingTrivia(returnType.GetLeadingTrivia())));
    }

    private static MethodDeclarationSyntax AwaitReturns(MethodDeclarationSyntax method, bool keepValue)
    {
        if (method.ExpressionBody is { } arrow)
        {
            return method.WithExpressionBody(arrow.WithExpression(Await(arrow.Expression)));
        }

        var body = (BlockSyntax)new ReturnAwaiter(keepValue).Visit(method.Body!);
        if (!keepValue && body.Statements.LastOrDefault() is ReturnStatementSyntax { Expression: null } last)
        {
            body = body.WithStatements(body.Statements.Remove(last));
        }

        return method.WithBody(body);
    }

    /// <summary>Awaits the value of each return of the method's own body.</summary>
    private sealed class ReturnAwaiter(bool keepValue) : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitBlock(BlockSyntax node)
        {
            if (keepValue)
            {
                return base.VisitBlock(node);
            }

            var statements = new List<StatementSyntax>();
            foreach (StatementSyntax statement in node.Statements)
            {
                if (statement is ReturnStatementSyntax { Expression: { } expression } ret)
                {
                    statements.AddRange(AwaitThenReturn(ret, expression));
                }
                else
                {
                    statements.Add((StatementSyntax)Visit(statement));
                }
            }

            return node.WithStatements(SyntaxFactory.List(statements));
        }

        public override SyntaxNode? VisitReturnStatement(ReturnStatementSyntax node)
        {
            if (node.Expression is not { } expression)
            {
                return node;
            }

            return keepValue
                ? node.WithExpression(Await(expression))
                : SyntaxFactory.Block(AwaitThenReturn(node, expression)).WithTriviaFrom(node).WithAdditionalAnnotations(Formatter.Annotation);
        }

        // Returns inside lambdas and local functions belong to them.
        public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) => node;

        public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) => node;

        public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node) => node;

        public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node) => node;

        private static StatementSyntax[] AwaitThenReturn(ReturnStatementSyntax ret, ExpressionSyntax expression) =>
        [
            SyntaxFactory.ExpressionStatement(Await(expression)).WithTriviaFrom(ret),
            SyntaxFactory.ReturnStatement().WithTriviaFrom(ret),
        ];
    }
}
