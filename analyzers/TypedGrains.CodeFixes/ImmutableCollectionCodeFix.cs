using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using TypedGrains.Analyzers;

namespace TypedGrains.CodeFixes;

/// <summary>
/// Gives a state member holding a mutable collection (TG0018) the immutable collection type the serializer supports
/// with the same layout (see <see cref="ImmutableCollectionConverter"/>). The new type is written in full and shortened
/// by the clean-up where <c>System.Collections.Immutable</c> is imported; the fix adds no import, because Fix All merges
/// the edits of one document and rejects a third identical insertion at the same place. Offered when the diagnostic points at the member's single declaration in source, whose declared type is the
/// collection itself and whose initializer, if any, converts.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ImmutableCollectionCodeFix)), Shared]
public sealed class ImmutableCollectionCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "TypedGrains.UseImmutableCollection";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MutableCollectionInState);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            // The analyzer adds the member's declaration as the only additional location when the fix can apply.
            if (diagnostic.AdditionalLocations.Count != 1
                || diagnostic.AdditionalLocations[0] is not { SourceTree: { } tree } declared
                || context.Document.Project.Solution.GetDocument(tree) is not { } document
                || await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false) is not { } root
                || await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false) is not { } model
                || ImmutableCollectionConverter.Plan(root.FindNode(declared.SourceSpan), model, context.CancellationToken) is not { } edit)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use '{edit.TargetDisplay}' for '{edit.MemberName}'",
                    _ => Task.FromResult(Apply(document, root, edit)),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static Solution Apply(Document document, SyntaxNode root, ImmutableCollectionEdit edit)
    {
        SyntaxNode[] targets = edit.Initializer is null ? [edit.Type] : [edit.Type, edit.Initializer];
        SyntaxNode updated = root.ReplaceNodes(targets, (original, _) => original == edit.Type ? edit.NewType : edit.NewInitializer!);
        return document.WithSyntaxRoot(updated).Project.Solution;
    }
}
