using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using TypedGrains.Analyzers;

namespace TypedGrains.CodeFixes;

/// <summary>
/// Removes <c>[Call]</c>/<c>[Cast]</c> from a method outside a grain (TG0004), where it is never dispatched, and from a
/// tick handler (TG0019), which only timers and reminders call. Other attributes stay; an attribute list that becomes empty goes, with its line when it stood alone on one.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HandlerOutsideGrainCodeFix)), Shared]
public sealed class HandlerOutsideGrainCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "TypedGrains.RemoveHandlerAttribute";

    private static readonly string[] HandlerAttributes = ["TypedGrains.CallAttribute", "TypedGrains.CastAttribute"];

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HandlerOutsideGrain, DiagnosticIds.InvalidTickHandler);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindToken(context.Span.Start).Parent is not { } declaration
            || model?.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } member)
        {
            return;
        }

        // The diagnostic sits on the method, or on the property or event whose accessor carries the attribute.
        AttributeData[] misplaced = Methods(member)
            .SelectMany(method => method.GetAttributes())
            .Where(attribute => attribute.ApplicationSyntaxReference is not null
                && HandlerAttributes.Contains(attribute.AttributeClass?.ToDisplayString()))
            .ToArray();
        if (misplaced.Length == 0)
        {
            return;
        }

        string names = string.Join(" and ", misplaced.Select(a => $"[{ShortName(a.AttributeClass!)}]").Distinct());
        Solution solution = context.Document.Project.Solution;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Remove {names} from '{member.Name}'",
                    cancellationToken => RemoveAsync(solution, misplaced, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static IEnumerable<IMethodSymbol> Methods(ISymbol member) => member switch
    {
        IMethodSymbol method => [method],
        IPropertySymbol property => new[] { property.GetMethod, property.SetMethod }.OfType<IMethodSymbol>(),
        IEventSymbol @event => new[] { @event.AddMethod, @event.RemoveMethod }.OfType<IMethodSymbol>(),
        _ => [],
    };

    private static string ShortName(INamedTypeSymbol attribute) => attribute.Name.Substring(0, attribute.Name.Length - "Attribute".Length);

    // A partial method's attributes may sit on either declaration, so the edits are grouped by document.
    private static async Task<Solution> RemoveAsync(Solution solution, AttributeData[] misplaced, CancellationToken cancellationToken)
    {
        var attributes = new List<AttributeSyntax>();
        foreach (AttributeData attribute in misplaced)
        {
            if (await attribute.ApplicationSyntaxReference!.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is AttributeSyntax syntax)
            {
                attributes.Add(syntax);
            }
        }

        foreach (IGrouping<SyntaxTree, AttributeSyntax> inTree in attributes.GroupBy(a => a.SyntaxTree))
        {
            if (solution.GetDocument(inTree.Key) is not { } document)
            {
                continue;
            }

            SourceText text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            solution = solution.WithDocumentText(document.Id, text.WithChanges(AttributeRemover.Remove(text, inTree)));
        }

        return solution;
    }
}
