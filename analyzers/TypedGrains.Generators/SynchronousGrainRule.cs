using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TypedGrains.Generators;

/// <summary>
/// Whether a grain's own code never continues after an <c>await</c> (the generated definition's
/// <c>RunsSynchronously</c>): it derives directly from <c>Grain</c> or <c>Grain&lt;TState&gt;</c>, and no part of
/// its declaration (nested types included) holds an <c>async</c> modifier or an <c>await</c>. Deliberately
/// conservative: a grain with a base class of its own, or with any async member at all, is not synchronous.
/// </summary>
internal static class SynchronousGrainRule
{
    public static bool RunsSynchronously(INamedTypeSymbol grain, GrainKnownTypes known, CancellationToken cancellationToken)
    {
        INamedTypeSymbol? baseType = grain.BaseType?.OriginalDefinition;
        if (baseType is null
            || !(SymbolEqualityComparer.Default.Equals(baseType, known.Grain) || SymbolEqualityComparer.Default.Equals(baseType, known.GrainOfTState)))
        {
            return false;
        }

        foreach (SyntaxReference reference in grain.DeclaringSyntaxReferences)
        {
            foreach (SyntaxToken token in reference.GetSyntax(cancellationToken).DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.AsyncKeyword) || token.IsKind(SyntaxKind.AwaitKeyword))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
