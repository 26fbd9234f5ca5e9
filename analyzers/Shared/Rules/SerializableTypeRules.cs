using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

// The MessagePack type-support rules, shared by the generator (which skips what they reject) and the analyzers
// (which report TG0100 with the offending member path). Pure functions over symbols; linked into both projects.
namespace TypedGrains.Generators;

/// <summary>
/// Which types the generated MessagePack formatters support, how they are shaped, and the member path of the first
/// unsupported type reachable from a root (for example <c>OrderState.Lines[].Product.Stream</c>).
/// </summary>
internal static partial class SerializableTypeRules
{
    /// <summary>How many times one generic type may nest in itself, each time constructed differently, on one walk path.</summary>
    public const int MaxGenericNesting = 8;

    /// <summary>How many members, elements and type arguments deep one walk goes.</summary>
    public const int MaxDepth = 64;

    /// <summary>How many problems one walk reports before it stops looking.</summary>
    public const int MaxProblems = 32;

    /// <summary>
    /// The path of the first unsupported type reachable from <paramref name="root"/>, starting with
    /// <paramref name="rootPath"/>; <c>null</c> when everything is supported.
    /// </summary>
    /// <param name="root">The state, argument or reply type.</param>
    /// <param name="rootPath">How the root is named in the path (a type name, or <c>Grain.Handler(argument)</c>).</param>
    /// <param name="context">The symbol whose declaration mentions <paramref name="root"/> (resolves generated references).</param>
    /// <param name="known">The known symbols.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public static string? FindUnsupported(ITypeSymbol root, string rootPath, ISymbol context, SerializableKnownTypes known, CancellationToken cancellationToken) =>
        FindProblems(root, rootPath, context, known, cancellationToken).FirstOrDefault()?.Path;

    /// <summary>
    /// Every type that keeps <paramref name="root"/> from being serialized, in member order, each with its path and why it
    /// is refused; empty when nothing does. The walk ends on every type:
    /// each object type is looked into once, a generic type that nests in itself constructed ever larger (an expanding
    /// generic such as <c>N&lt;T&gt;</c> holding an <c>N&lt;N&lt;T&gt;&gt;</c>) stops after
    /// <see cref="MaxGenericNesting"/> levels, and no path goes deeper than <see cref="MaxDepth"/>.
    /// </summary>
    /// <param name="root">The state, argument or reply type.</param>
    /// <param name="rootPath">How the root is named in the path (a type name, or <c>Grain.Handler(argument)</c>).</param>
    /// <param name="context">The symbol whose declaration mentions <paramref name="root"/> (resolves generated references).</param>
    /// <param name="known">The known symbols.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public static IReadOnlyList<SerializationProblem> FindProblems(ITypeSymbol root, string rootPath, ISymbol context, SerializableKnownTypes known, CancellationToken cancellationToken)
    {
        var walk = new SerializableTypeWalk(known, cancellationToken);
        walk.Visit(root, rootPath, context, member: null, depth: 0);
        return walk.Problems;
    }

    /// <summary>Classifies <paramref name="type"/>; <paramref name="context"/> is the symbol whose declaration mentions it.</summary>
    public static SerializableKind Classify(ITypeSymbol type, ISymbol context, SerializableKnownTypes known)
    {
        if (type is IErrorTypeSymbol error)
        {
            return IsGeneratedReference(error, context, known) ? SerializableKind.GrainReference : SerializableKind.Unsupported;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_String:
                return SerializableKind.Primitive;
            case SpecialType.System_Decimal:
            case SpecialType.System_DateTime:
                return SerializableKind.Builtin;
        }

        if (type is IArrayTypeSymbol array)
        {
            if (array.ElementType.SpecialType == SpecialType.System_Byte && array.IsSZArray)
            {
                return SerializableKind.Primitive;
            }

            return array.IsSZArray ? SerializableKind.Array : SerializableKind.Unsupported;
        }

        if (type is not INamedTypeSymbol named || type.IsRefLikeType)
        {
            return SerializableKind.Unsupported;
        }

        if (named.TypeKind == TypeKind.Enum)
        {
            return IsAccessible(named) ? SerializableKind.Enum : SerializableKind.Unsupported;
        }

        if (Is(named, known.Guid) || Is(named, known.DateTimeOffset) || Is(named, known.TimeSpan))
        {
            return SerializableKind.Builtin;
        }

        INamedTypeSymbol definition = named.OriginalDefinition;
        if (definition.SpecialType == SpecialType.System_Nullable_T)
        {
            return SerializableKind.Nullable;
        }

        if (Is(definition, known.List))
        {
            return SerializableKind.List;
        }

        if (Is(definition, known.Dictionary))
        {
            return SerializableKind.Dictionary;
        }

        if (Is(definition, known.ImmutableArray))
        {
            return SerializableKind.ImmutableArray;
        }

        if (Is(definition, known.ImmutableList))
        {
            return SerializableKind.ImmutableList;
        }

        if (Is(definition, known.ImmutableDictionary))
        {
            return SerializableKind.ImmutableDictionary;
        }

        if (Is(definition, known.Grains.Caller))
        {
            return SerializableKind.Caller;
        }

        if (named.TypeKind == TypeKind.Struct && known.GrainReference is { } reference
            && named.AllInterfaces.Any(i => Is(i, reference)))
        {
            return SerializableKind.GrainReference;
        }

        return IsObjectCandidate(named) ? SerializableKind.Object : SerializableKind.Unsupported;
    }

    /// <summary>The element types a container kind nests (one for lists and arrays, key and value for maps).</summary>
    public static ITypeSymbol[] GetElementTypes(ITypeSymbol type, SerializableKind kind) => kind switch
    {
        SerializableKind.Array => [((IArrayTypeSymbol)type).ElementType],
        SerializableKind.Nullable or SerializableKind.List or SerializableKind.ImmutableArray or SerializableKind.ImmutableList
            => [((INamedTypeSymbol)type).TypeArguments[0]],
        SerializableKind.Dictionary or SerializableKind.ImmutableDictionary
            => [((INamedTypeSymbol)type).TypeArguments[0], ((INamedTypeSymbol)type).TypeArguments[1]],
        _ => [],
    };

    /// <summary>Whether an error type is a reference struct generated for a <c>[Grain]</c> class of the same compilation.</summary>
    public static bool IsGeneratedReference(IErrorTypeSymbol error, ISymbol context, SerializableKnownTypes known) =>
        GeneratedReferences.ResolveError(error, context, known.Grains) is not null;

    private static bool IsObjectCandidate(INamedTypeSymbol type)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsAbstract || type.IsStatic
            || type.IsUnboundGenericType || type.IsTupleType || type.SpecialType != SpecialType.None
            || !IsAccessible(type) || type.TypeArguments.Any(t => t.TypeKind == TypeKind.TypeParameter))
        {
            return false;
        }

        // Framework types other than the supported ones (streams, tasks, delegates...) are not data.
        return !IsFrameworkType(type);
    }

    /// <summary>Whether <paramref name="type"/> is declared under the <c>System</c> or <c>Microsoft</c> namespaces.</summary>
    internal static bool IsFrameworkType(INamedTypeSymbol type) => RootNamespace(type) is "System" or "Microsoft";

    private static string? RootNamespace(INamedTypeSymbol type)
    {
        INamespaceSymbol? ns = type.ContainingNamespace;
        if (ns is null || ns.IsGlobalNamespace)
        {
            return null;
        }

        while (ns.ContainingNamespace is { IsGlobalNamespace: false } parent)
        {
            ns = parent;
        }

        return ns.Name;
    }

    /// <summary>Whether generated code can name <paramref name="type"/> (it and its containers are public or internal, not file-local).</summary>
    internal static bool IsAccessible(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal)
                || current.IsFileLocal)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The type of a property or field.</summary>
    public static ITypeSymbol MemberType(ISymbol member) => member switch
    {
        IPropertySymbol property => property.Type,
        IFieldSymbol field => field.Type,
        _ => throw new ArgumentException("Not a property or field.", nameof(member)),
    };

    private static bool IsVisible(Accessibility accessibility) =>
        accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    private static bool Is(ITypeSymbol? type, ITypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
}
