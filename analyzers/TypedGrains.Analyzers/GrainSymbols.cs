using Microsoft.CodeAnalysis;
using TypedGrains.Generators;

namespace TypedGrains.Analyzers;

/// <summary>Questions about grains and handlers that several analyzers ask, answered against the compilation's known types.</summary>
internal static class GrainSymbols
{
    private const string GeneratorPathSegment = "TypedGrains.Generators.GrainGenerator";

    /// <summary>Whether <paramref name="type"/> carries <c>[Grain]</c>.</summary>
    public static bool IsGrain(INamedTypeSymbol type, GrainKnownTypes known) => HasAttribute(type, known.GrainAttribute);

    /// <summary>Whether <paramref name="method"/> carries <c>[Call]</c> or <c>[Cast]</c>.</summary>
    public static bool HasHandlerAttribute(IMethodSymbol method, GrainKnownTypes known) =>
        HasAttribute(method, known.CallAttribute) || HasAttribute(method, known.CastAttribute);

    /// <summary>Whether <paramref name="method"/> is a handler: it has <c>[Call]</c>/<c>[Cast]</c> and its type is a grain.</summary>
    public static bool IsHandler(IMethodSymbol method, GrainKnownTypes known) =>
        HasHandlerAttribute(method, known) && method.ContainingType is { } type && IsGrain(type, known);

    /// <summary>The handler method whose body contains code owned by <paramref name="symbol"/> (a method, local function or lambda), or <c>null</c>.</summary>
    public static IMethodSymbol? GetEnclosingHandler(ISymbol? symbol, GrainKnownTypes known)
    {
        for (ISymbol? current = symbol; current is not null; current = current.ContainingSymbol)
        {
            if (current is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
            {
                return IsHandler(method, known) ? method : null;
            }

            if (current is not IMethodSymbol)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The grain whose generated reference is <paramref name="type"/>: a struct implementing <c>IGrainReference</c>,
    /// named after a <c>[Grain]</c> class declared beside it with the <c>Ref</c> suffix.
    /// </summary>
    public static INamedTypeSymbol? GetGrainOfReference(ITypeSymbol? type, GrainKnownTypes known)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Struct } reference
            || GeneratedReferences.GrainNameOf(reference.Name) is not { } grainName)
        {
            return null;
        }

        System.Collections.Immutable.ImmutableArray<INamedTypeSymbol> candidates = reference.ContainingType is { } outer
            ? outer.GetTypeMembers(grainName)
            : reference.ContainingNamespace.GetTypeMembers(grainName);
        foreach (INamedTypeSymbol candidate in candidates)
        {
            if (candidate.Arity == 0 && IsGrain(candidate, known)
                && string.Equals(GeneratedReferences.NameOf(candidate), reference.Name, System.StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="member"/> was added by the grain generator: every declaration lies in a tree the generator
    /// produced (whose path holds the generator's type name). Analyzers see generated code; the generator's rules do not.
    /// </summary>
    public static bool IsGeneratedByTypedGrains(ISymbol member)
    {
        if (member.DeclaringSyntaxReferences.IsEmpty)
        {
            return false;
        }

        foreach (SyntaxReference reference in member.DeclaringSyntaxReferences)
        {
            string path = reference.SyntaxTree.FilePath ?? string.Empty;
            if (path.IndexOf(GeneratorPathSegment, System.StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="symbol"/> carries an attribute of class <paramref name="attributeType"/>.</summary>
    public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attributeType)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
    }
}
