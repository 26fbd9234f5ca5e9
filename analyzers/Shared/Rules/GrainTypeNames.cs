using System.Collections.Concurrent;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

// How the generator writes type names, in generated code and in method ids. Linked into the analyzers with
// GrainRules.cs so that both compute the same method ids.
namespace TypedGrains.Generators;

/// <summary>
/// Writes <c>global::</c>-qualified type names. A reference struct generated in the same compilation (say
/// <c>CounterRef</c>, used as a handler parameter) is not visible to the generator and appears as an error type with
/// its name as written; it is resolved through the <c>[Grain]</c> class it belongs to, so that it gets the same
/// fully qualified name as when it comes from a referenced assembly.
/// </summary>
internal static class GrainTypeNames
{
    /// <summary>The format of parameter types in method ids: fully qualified, without nullable reference annotations.</summary>
    public static readonly SymbolDisplayFormat IdFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    /// <summary>The format of types in generated code: fully qualified, with nullable reference annotations.</summary>
    public static readonly SymbolDisplayFormat CodeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Writes <paramref name="type"/>, used in the declaration of <paramref name="context"/>.</summary>
    /// <param name="type">The type to write.</param>
    /// <param name="context">The member whose declaration mentions the type (used to resolve generated references).</param>
    /// <param name="known">The known types of the compilation.</param>
    /// <param name="forCode"><c>true</c> for generated code (<see cref="CodeFormat"/>), <c>false</c> for method ids (<see cref="IdFormat"/>).</param>
    public static string Format(ITypeSymbol type, ISymbol context, GrainKnownTypes known, bool forCode)
    {
        SymbolDisplayFormat format = forCode ? CodeFormat : IdFormat;
        if (!ContainsGlobalErrorType(type))
        {
            ConcurrentDictionary<ITypeSymbol, string> names = forCode ? known.CodeTypeNames : known.IdTypeNames;
            if (!names.TryGetValue(type, out string? name))
            {
                name = type.ToDisplayString(format);
                names.TryAdd(type, name);
            }

            return name;
        }

        switch (type)
        {
            case IErrorTypeSymbol error:
                string? resolved = ResolveGrainReference(error, context, known);
                return resolved is null ? error.ToDisplayString(format) : resolved + AnnotationSuffix(error, forCode);
            case IArrayTypeSymbol array:
                return Format(array.ElementType, context, known, forCode) + "[" + new string(',', array.Rank - 1) + "]" + AnnotationSuffix(array, forCode);
            case INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable:
                return Format(nullable.TypeArguments[0], context, known, forCode) + "?";
            case INamedTypeSymbol { IsTupleType: true } tuple:
                return "(" + string.Join(", ", tuple.TupleElements.Select(e =>
                    Format(e.Type, context, known, forCode) + (e.IsExplicitlyNamedTupleElement ? " " + Identifiers.Escape(e.Name) : string.Empty))) + ")"
                    + AnnotationSuffix(tuple, forCode);
            case INamedTypeSymbol named:
                var builder = new StringBuilder();
                if (named.ContainingType is { } containing)
                {
                    builder.Append(Format(containing, context, known, forCode)).Append('.');
                }
                else
                {
                    builder.Append(NamespacePrefix(named.ContainingNamespace));
                }

                builder.Append(Identifiers.Escape(named.Name));
                if (named.TypeArguments.Length > 0)
                {
                    builder.Append('<')
                        .Append(string.Join(", ", named.TypeArguments.Select(t => Format(t, context, known, forCode))))
                        .Append('>');
                }

                return builder.Append(AnnotationSuffix(named, forCode)).ToString();
            default:
                return type.ToDisplayString(format);
        }
    }

    private static string? ResolveGrainReference(IErrorTypeSymbol error, ISymbol context, GrainKnownTypes known)
    {
        // A qualified name (Other.CounterRef) already keeps its container and displays fully qualified.
        if (error.ContainingSymbol is not INamespaceSymbol { IsGlobalNamespace: true }
            || GeneratedReferences.ResolveError(error, context, known) is not { } grain)
        {
            return null;
        }

        string owner = grain.ContainingType is { } containing
            ? containing.ToDisplayString(IdFormat) + "."
            : NamespacePrefix(grain.ContainingNamespace);
        return owner + Identifiers.Escape(error.Name);
    }

    private static bool ContainsGlobalErrorType(ITypeSymbol type) => type switch
    {
        IErrorTypeSymbol error => error.ContainingSymbol is INamespaceSymbol { IsGlobalNamespace: true }
            || (error.ContainingType is { } outer && ContainsGlobalErrorType(outer)),
        IArrayTypeSymbol array => ContainsGlobalErrorType(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(ContainsGlobalErrorType)
            || (named.ContainingType is { } outer && ContainsGlobalErrorType(outer)),
        _ => false,
    };

    private static string AnnotationSuffix(ITypeSymbol type, bool forCode)
    {
        if (type.NullableAnnotation != NullableAnnotation.Annotated)
        {
            return string.Empty;
        }

        // An unresolved generated reference is a struct, so '?' is Nullable<T> and belongs to the id as well.
        return forCode || type is IErrorTypeSymbol ? "?" : string.Empty;
    }

    private static string NamespacePrefix(INamespaceSymbol? ns) =>
        ns is null || ns.IsGlobalNamespace
            ? "global::"
            : ns.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ".";
}
