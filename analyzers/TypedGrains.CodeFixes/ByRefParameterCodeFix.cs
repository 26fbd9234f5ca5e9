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
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Operations;
using TypedGrains.Analyzers;

namespace TypedGrains.CodeFixes;

/// <summary>
/// Passes a <c>ref</c>, <c>in</c> or <c>ref readonly</c> handler parameter by value (TG0007): drops the modifiers
/// (with <c>scoped</c>) from every declaration of the method and <c>ref</c>/<c>in</c> from the arguments of its calls in
/// source. Not offered for <c>out</c> (the value would no longer reach the caller) nor for a pointer or ref struct
/// parameter, which stays unsupported by value.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ByRefParameterCodeFix)), Shared]
public sealed class ByRefParameterCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "TypedGrains.PassByValue";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnsupportedHandlerParameter);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindToken(context.Span.Start).Parent is not ParameterSyntax declaration
            || model?.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } parameter
            || !CanPassByValue(parameter))
        {
            return;
        }

        Solution solution = context.Document.Project.Solution;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Pass '{parameter.Name}' by value",
                    cancellationToken => PassByValueAsync(solution, parameter, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>Whether dropping the modifier leaves a parameter a message can carry.</summary>
    private static bool CanPassByValue(IParameterSymbol parameter) =>
        parameter.RefKind is RefKind.Ref or RefKind.In or RefKind.RefReadOnlyParameter
        && parameter.ContainingSymbol is IMethodSymbol
        && parameter.Type.TypeKind is not (TypeKind.Pointer or TypeKind.FunctionPointer)
        && !parameter.Type.IsRefLikeType;

    private static async Task<Solution> PassByValueAsync(Solution solution, IParameterSymbol parameter, CancellationToken cancellationToken)
    {
        var method = (IMethodSymbol)parameter.ContainingSymbol;
        var edits = new List<SyntaxNode>();
        foreach (IMethodSymbol part in new[] { method, method.PartialDefinitionPart, method.PartialImplementationPart }.OfType<IMethodSymbol>())
        {
            foreach (SyntaxReference reference in part.Parameters[parameter.Ordinal].DeclaringSyntaxReferences)
            {
                edits.Add(await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false));
            }
        }

        edits.AddRange(await FindArgumentsAsync(solution, method, parameter.Ordinal, cancellationToken).ConfigureAwait(false));

        foreach (IGrouping<SyntaxTree, SyntaxNode> inTree in edits.Distinct().GroupBy(node => node.SyntaxTree))
        {
            if (solution.GetDocument(inTree.Key) is not { } document)
            {
                continue;
            }

            SyntaxNode root = await inTree.Key.GetRootAsync(cancellationToken).ConfigureAwait(false);
            SyntaxNode updated = root.ReplaceNodes(inTree, (_, node) => node switch
            {
                ParameterSyntax declaration => WithoutRefModifiers(declaration),
                ArgumentSyntax argument => WithoutRefKeyword(argument),
                _ => node,
            });
            solution = solution.WithDocumentSyntaxRoot(document.Id, updated);
        }

        return solution;
    }

    // The arguments passed for the parameter in calls to the method, in documents of the solution.
    private static async Task<IEnumerable<ArgumentSyntax>> FindArgumentsAsync(Solution solution, IMethodSymbol method, int ordinal, CancellationToken cancellationToken)
    {
        var arguments = new List<ArgumentSyntax>();
        foreach (ReferencedSymbol referenced in await SymbolFinder.FindReferencesAsync(method, solution, cancellationToken).ConfigureAwait(false))
        {
            foreach (ReferenceLocation location in referenced.Locations)
            {
                SyntaxNode root = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) ?? throw new System.InvalidOperationException();
                SemanticModel model = await location.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) ?? throw new System.InvalidOperationException();
                InvocationExpressionSyntax? invocation = root.FindNode(location.Location.SourceSpan).FirstAncestorOrSelf<InvocationExpressionSyntax>();
                if (invocation is not null
                    && model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation
                    && operation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal)?.Syntax is ArgumentSyntax argument)
                {
                    arguments.Add(argument);
                }
            }
        }

        return arguments;
    }

    private static ParameterSyntax WithoutRefModifiers(ParameterSyntax parameter)
    {
        SyntaxTokenList modifiers = parameter.Modifiers;
        SyntaxToken[] kept = modifiers.Where(m => !m.IsKind(SyntaxKind.RefKeyword) && !m.IsKind(SyntaxKind.InKeyword)
            && !m.IsKind(SyntaxKind.ReadOnlyKeyword) && !m.IsKind(SyntaxKind.ScopedKeyword)).ToArray();
        if (kept.Length == modifiers.Count)
        {
            return parameter;
        }

        // The first modifier's leading trivia moves to whatever now starts the parameter after its attributes.
        SyntaxTriviaList leading = modifiers[0].LeadingTrivia;
        if (kept.Length > 0)
        {
            kept[0] = kept[0] == modifiers[0] ? kept[0] : kept[0].WithLeadingTrivia(leading);
            return parameter.WithModifiers(SyntaxFactory.TokenList(kept));
        }

        return parameter.WithModifiers(default).WithType(parameter.Type?.WithLeadingTrivia(leading));
    }

    private static ArgumentSyntax WithoutRefKeyword(ArgumentSyntax argument) =>
        argument.RefKindKeyword.IsKind(SyntaxKind.RefKeyword) || argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword)
            ? argument.WithRefKindKeyword(default).WithExpression(argument.Expression.WithLeadingTrivia(argument.RefKindKeyword.LeadingTrivia))
            : argument;
}
