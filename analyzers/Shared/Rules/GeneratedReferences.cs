using System;
using System.Linq;
using Microsoft.CodeAnalysis;

// How a grain's generated reference struct is named and found again: the one place that knows the Ref suffix.
namespace TypedGrains.Generators;

/// <summary>
/// The generated reference of a grain is a struct named after it with the <see cref="Suffix"/> suffix, declared beside
/// it. Inside the compilation that declares the grain the struct does not exist yet when the generator and the
/// analyzers look at a type that mentions it, so it appears as an error type named as written; it is resolved to its
/// grain by name.
/// </summary>
internal static class GeneratedReferences
{
    /// <summary>The suffix of a reference struct's name.</summary>
    public const string Suffix = "Ref";

    /// <summary>The name of the reference struct generated for <paramref name="grain"/>.</summary>
    public static string NameOf(INamedTypeSymbol grain) => grain.Name + Suffix;

    /// <summary>The grain name a reference name stands for (<c>CounterRef</c> → <c>Counter</c>), or <c>null</c>.</summary>
    public static string? GrainNameOf(string referenceName) =>
        referenceName.Length > Suffix.Length && referenceName.EndsWith(Suffix, StringComparison.Ordinal)
            ? referenceName.Substring(0, referenceName.Length - Suffix.Length)
            : null;

    /// <summary>
    /// The <c>[Grain]</c> class whose not-yet-generated reference <paramref name="error"/> names: looked up in the
    /// container it was qualified with, or else by name where <paramref name="context"/> is declared (so that
    /// <c>using</c> directives and enclosing namespaces count); <c>null</c> when it names none.
    /// </summary>
    public static INamedTypeSymbol? ResolveError(IErrorTypeSymbol error, ISymbol context, GrainKnownTypes known)
    {
        if (error.Arity != 0 || GrainNameOf(error.Name) is not { } grainName)
        {
            return null;
        }

        if (error.ContainingSymbol is INamespaceOrTypeSymbol container and not INamespaceSymbol { IsGlobalNamespace: true })
        {
            return container.GetTypeMembers(grainName).FirstOrDefault(t => IsGrain(t, known));
        }

        if (known.ResolvedReferences.TryGetValue((context, grainName), out INamedTypeSymbol? cached))
        {
            return cached;
        }

        INamedTypeSymbol? found = LookUp(grainName, context, known);
        known.ResolvedReferences.TryAdd((context, grainName), found);
        return found;
    }

    private static INamedTypeSymbol? LookUp(string grainName, ISymbol context, GrainKnownTypes known)
    {
        foreach (SyntaxReference reference in context.DeclaringSyntaxReferences)
        {
            SyntaxNode node = reference.GetSyntax();
            SemanticModel model = known.Compilation.GetSemanticModel(node.SyntaxTree);
            foreach (ISymbol candidate in model.LookupNamespacesAndTypes(node.SpanStart, name: grainName))
            {
                if (candidate is INamedTypeSymbol grain && IsGrain(grain, known))
                {
                    return grain;
                }
            }
        }

        return null;
    }

    private static bool IsGrain(INamedTypeSymbol type, GrainKnownTypes known) =>
        type.Arity == 0 && type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, known.GrainAttribute));
}
