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
using TypedGrains.Analyzers;

namespace TypedGrains.CodeFixes;

/// <summary>
/// Fixes a cast that returns a value (TG0006): make it a <c>[Call]</c>, or drop the value (return <c>void</c>,
/// <c>Task</c> or <c>ValueTask</c>, keeping the side effects of each returned expression).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CastReturnsValueCodeFix)), Shared]
public sealed class CastReturnsValueCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix that turns the cast into a call.</summary>
    public const string MakeCallKey = "TypedGrains.CastToCall";

    /// <summary>The equivalence key of the fix that drops the returned value.</summary>
    public const string ReturnVoidKey = "TypedGrains.CastReturnVoid";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CastReturnsValue);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindToken(context.Span.Start).Parent is not MethodDeclarationSyntax method || model is null)
        {
            return;
        }

        AttributeSyntax? cast = FindCastAttribute(method, model, context.CancellationToken);
        Document document = context.Document;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (cast is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Make it a [Call]", _ => Task.FromResult(MakeCall(document, root, cast)), MakeCallKey),
                    diagnostic);
            }

            if (model.GetDeclaredSymbol(method, context.CancellationToken) is { } symbol && ReturnRewriter.CanDropValue(method, symbol))
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Return no value", _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(method, ReturnRewriter.DropValue(method, symbol)))), ReturnVoidKey),
                    diagnostic);
            }
        }
    }

    private static AttributeSyntax? FindCastAttribute(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken) =>
        method.AttributeLists
            .SelectMany(list => list.Attributes)
            .FirstOrDefault(attribute => model.GetSymbolInfo(attribute, cancellationToken).Symbol is IMethodSymbol constructor
                && constructor.ContainingType.ToDisplayString() == "TypedGrains.CastAttribute");

    private static Document MakeCall(Document document, SyntaxNode root, AttributeSyntax cast)
    {
        NameSyntax renamed = cast.Name switch
        {
            QualifiedNameSyntax qualified => qualified.WithRight(Rename(qualified.Right)),
            AliasQualifiedNameSyntax aliased => aliased.WithName(Rename(aliased.Name)),
            SimpleNameSyntax simple => Rename(simple),
            NameSyntax other => other,
        };
        return document.WithSyntaxRoot(root.ReplaceNode(cast.Name, renamed));
    }

    private static SimpleNameSyntax Rename(SimpleNameSyntax name)
    {
        string text = name.Identifier.ValueText == "CastAttribute" ? "CallAttribute" : "Call";
        return SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(name.Identifier.LeadingTrivia, text, name.Identifier.TrailingTrivia));
    }
}
