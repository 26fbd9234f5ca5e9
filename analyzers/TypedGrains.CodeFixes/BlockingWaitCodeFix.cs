using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using TypedGrains.Analyzers;

namespace TypedGrains.CodeFixes;

/// <summary>
/// Replaces a blocking wait in a handler (TG0013) with <c>await</c>: <c>t.Result</c> and
/// <c>t.GetAwaiter().GetResult()</c> become <c>await t</c>, <c>t.Wait()</c> becomes <c>await t;</c>. A synchronous
/// handler becomes <c>async</c>: <c>T</c> turns into <c>ValueTask&lt;T&gt;</c> and <c>void</c> into <c>ValueTask</c>,
/// both shapes the generator accepts for calls and casts alike. Offered only for a wait directly in the handler's
/// body (not in a lambda or local function, nor where <c>await</c> is not allowed), and only when the handler can
/// become async without touching another declaration.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BlockingWaitCodeFix)), Shared]
public sealed class BlockingWaitCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "TypedGrains.AwaitBlockingWait";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.BlockingWait);

    /// <inheritdoc/>
    /// <remarks>
    /// Fixes each document in one pass, so that several waits in one handler make it async once (the batch fixer cannot
    /// merge fixes that each rewrite the same signature).
    /// </remarks>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || FindTarget(root, model, context.Span, context.CancellationToken) is not { } target)
        {
            return;
        }

        (ExpressionSyntax blocking, MethodDeclarationSyntax method, IMethodSymbol symbol) = target;
        if (Rewrite(method, symbol, [blocking]) is not { } updated)
        {
            return;
        }

        string title = symbol.IsAsync ? "Await the task" : $"Await the task and make '{symbol.Name}' async";
        Document document = context.Document;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(title, cancellationToken => WithRootAsync(document, root.ReplaceNode(method, updated), cancellationToken), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var targets = diagnostics
            .Select(diagnostic => FindTarget(root, model, diagnostic.Location.SourceSpan, context.CancellationToken))
            .OfType<(ExpressionSyntax Blocking, MethodDeclarationSyntax Method, IMethodSymbol Symbol)>()
            .GroupBy(target => target.Method)
            .ToArray();
        var updates = new Dictionary<MethodDeclarationSyntax, MethodDeclarationSyntax>();
        foreach (var inMethod in targets)
        {
            if (Rewrite(inMethod.Key, inMethod.First().Symbol, inMethod.Select(target => target.Blocking).Distinct().ToArray()) is { } updated)
            {
                updates.Add(inMethod.Key, updated);
            }
        }

        return await WithRootAsync(document, root.ReplaceNodes(updates.Keys, (original, _) => updates[original]), context.CancellationToken).ConfigureAwait(false);
    }

    // A new ValueTask return type is written in full; the import added here lets the clean-up shorten it.
    private static Task<Document> WithRootAsync(Document document, SyntaxNode root, CancellationToken cancellationToken) =>
        ImportAdder.AddImportsAsync(document.WithSyntaxRoot(root), Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken);

    /// <summary>The blocking wait reported at <paramref name="span"/> and the handler whose own body holds it, when <c>await</c> can replace it.</summary>
    private static (ExpressionSyntax Blocking, MethodDeclarationSyntax Method, IMethodSymbol Symbol)? FindTarget(
        SyntaxNode root, SemanticModel model, TextSpan span, CancellationToken cancellationToken)
    {
        if (root.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax blocking
            || GetAwaited(blocking) is null
            || GetHandler(blocking) is not { } method
            || model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol)
        {
            return null;
        }

        return (blocking, method, symbol);
    }

    /// <summary>
    /// <paramref name="method"/> with each of <paramref name="blockings"/> awaited, made async if it was not; <c>null</c>
    /// when it cannot become async on its own.
    /// </summary>
    private static MethodDeclarationSyntax? Rewrite(MethodDeclarationSyntax method, IMethodSymbol symbol, IReadOnlyCollection<ExpressionSyntax> blockings)
    {
        ReturnShape shape = default;
        if (!symbol.IsAsync && !AsyncConverter.CanMakeAsync(method, symbol, out shape))
        {
            return null;
        }

        // A wait nested in another is awaited first; the outer one then wraps the rewritten inner expression.
        MethodDeclarationSyntax awaiting = method.ReplaceNodes(
            blockings,
            (original, rewritten) => AwaitInPlace(original, GetAwaited(rewritten) ?? GetAwaited(original)!));
        return symbol.IsAsync ? awaiting : AsyncConverter.MakeAsync(awaiting, shape);
    }

    /// <summary>The task that <paramref name="blocking"/> waits for: <c>t</c> of <c>t.Result</c>, <c>t.Wait()</c> or <c>t.GetAwaiter().GetResult()</c>.</summary>
    private static ExpressionSyntax? GetAwaited(ExpressionSyntax blocking) => blocking switch
    {
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Result" } result => result.Expression,
        InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax call } => call.Name.Identifier.ValueText switch
        {
            "Wait" => call.Expression,
            "GetResult" when call.Expression is InvocationExpressionSyntax
            {
                ArgumentList.Arguments.Count: 0,
                Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" } getAwaiter,
            } => getAwaiter.Expression,
            _ => null,
        },
        _ => null,
    };

    /// <summary>
    /// The method whose own body holds <paramref name="blocking"/>, where an <c>await</c> may stand; <c>null</c> inside a
    /// lambda or local function, a <c>lock</c>, an unsafe context, a query or a catch filter.
    /// </summary>
    private static MethodDeclarationSyntax? GetHandler(ExpressionSyntax blocking)
    {
        foreach (SyntaxNode ancestor in blocking.Ancestors())
        {
            switch (ancestor)
            {
                case MethodDeclarationSyntax method:
                    return method.Modifiers.Any(SyntaxKind.UnsafeKeyword)
                        || method.Ancestors().OfType<TypeDeclarationSyntax>().Any(t => t.Modifiers.Any(SyntaxKind.UnsafeKeyword))
                        ? null
                        : method;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax
                    or LockStatementSyntax or UnsafeStatementSyntax or FixedStatementSyntax
                    or QueryExpressionSyntax or CatchFilterClauseSyntax or AttributeSyntax:
                    return null;
            }
        }

        return null;
    }

    // Parenthesized where the wait was the target of a member access, call, index or postfix operator.
    private static ExpressionSyntax AwaitInPlace(ExpressionSyntax blocking, ExpressionSyntax awaited)
    {
        AwaitExpressionSyntax awaitExpression = AsyncConverter.Await(awaited).WithTriviaFrom(blocking);
        bool isOperand = blocking.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression == blocking,
            ConditionalAccessExpressionSyntax conditional => conditional.Expression == blocking,
            ElementAccessExpressionSyntax element => element.Expression == blocking,
            InvocationExpressionSyntax invocation => invocation.Expression == blocking,
            PostfixUnaryExpressionSyntax => true,
            _ => false,
        };
        return isOperand
            ? SyntaxFactory.ParenthesizedExpression(awaitExpression.WithoutTrivia()).WithTriviaFrom(blocking)
            : awaitExpression;
    }
}
