using System.Collections.Immutable;
using System.Composition;
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
/// Converts a mutable state class (TG0012) into a record with init-only properties: setters become <c>init</c>, fields
/// the serializer writes become init-only properties (keeping the layout), other fields become readonly. Offered when
/// the state is one class declaration in source deriving from <c>object</c> (or already a record).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MutableStateCodeFix)), Shared]
public sealed class MutableStateCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "TypedGrains.StateToRecord";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MutableState);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || root.FindNode(context.Span, getInnermostNodeForTie: true) is not { } node)
        {
            return;
        }

        TypeSyntax? typeSyntax = node as TypeSyntax ?? node.FirstAncestorOrSelf<TypeSyntax>();
        if (typeSyntax is null
            || model.GetTypeInfo(typeSyntax, context.CancellationToken).Type is not INamedTypeSymbol { TypeKind: TypeKind.Class } state
            || state.DeclaringSyntaxReferences.Length != 1
            || (!state.IsRecord && state.BaseType?.SpecialType != SpecialType.System_Object))
        {
            return;
        }

        SyntaxReference reference = state.DeclaringSyntaxReferences[0];
        Document? stateDocument = context.Document.Project.Solution.GetDocument(reference.SyntaxTree);
        if (stateDocument is null
            || await reference.GetSyntaxAsync(context.CancellationToken).ConfigureAwait(false) is not TypeDeclarationSyntax declaration)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Make '{state.Name}' an immutable record",
                    cancellationToken => ConvertAsync(stateDocument, declaration, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Solution> ConvertAsync(Document document, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        TypeDeclarationSyntax immutable = RecordConverter.Convert(declaration);
        return document.WithSyntaxRoot(root.ReplaceNode(declaration, immutable)).Project.Solution;
    }
}
