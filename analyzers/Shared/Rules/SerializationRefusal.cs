using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TypedGrains.Generators;

/// <summary>
/// Says why <see cref="SerializableTypeRules"/> refuses a type, as the end of the TG0100 and TG0101 messages: what the
/// type is and, where there is one, what to use instead.
/// </summary>
internal static class SerializationRefusal
{
    private static readonly SymbolDisplayFormat Short = SymbolDisplayFormat.CSharpShortErrorMessageFormat;

    /// <summary>Why <paramref name="type"/>, reached at <paramref name="path"/>, is refused.</summary>
    public static string Explain(SerializationProblemKind kind, ITypeSymbol type, string path)
    {
        string name = "'" + Display(type) + "'";
        switch (kind)
        {
            case SerializationProblemKind.ExpandingGeneric:
                return name + " holds itself constructed with ever larger type arguments, so its types never end";
            case SerializationProblemKind.TooDeep:
                return name + " is nested more than " + SerializableTypeRules.MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture) + " members deep";
        }

        if (path.EndsWith("(constructor)", StringComparison.Ordinal))
        {
            return name + " has no accessible constructor whose parameters all match readable members by name and type, and no parameterless one";
        }

        if (path.EndsWith("(key)", StringComparison.Ordinal))
        {
            return name + " has a missing, repeated or out-of-range [Key]: give every serialized member a distinct key from 0 to 255, or none";
        }

        return name + " " + Describe(type);
    }

    private static string Describe(ITypeSymbol type)
    {
        switch (type)
        {
            case IErrorTypeSymbol:
                return "is not defined (a missing type, reference or using)";
            case IArrayTypeSymbol array:
                return "is a " + array.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-dimensional array; only one-dimensional arrays are supported (use T[][] or a List<T> of rows)";
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return "is a pointer, which points into this process only";
            case IDynamicTypeSymbol:
                return "is dynamic; the serializer needs the static type";
            case ITypeParameterSymbol:
                return "is a type parameter; the serializer needs a concrete type";
        }

        if (type.IsRefLikeType)
        {
            return "is a ref struct, which cannot be stored (use an array or an ImmutableArray<T>)";
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Object:
                return "is object; the serializer needs a concrete type";
            case SpecialType.System_Char:
                return "is not supported (store it as a string or an int)";
            case SpecialType.System_IntPtr:
            case SpecialType.System_UIntPtr:
                return "is a native-sized integer, whose size differs between processes (use long or ulong)";
        }

        if (type is not INamedTypeSymbol named)
        {
            return "is not a supported type";
        }

        if (!SerializableTypeRules.IsAccessible(named))
        {
            return "is not accessible to generated code (private, protected or file-local)";
        }

        if (named.IsTupleType)
        {
            return "is a tuple; use a record with named members";
        }

        switch (named.TypeKind)
        {
            case TypeKind.Interface:
                return "is an interface; the serializer needs a concrete type (List<T>, Dictionary<K,V>, ImmutableArray<T>, ImmutableList<T>, ImmutableDictionary<K,V>, or a record)";
            case TypeKind.Delegate:
                return "is a delegate, which holds code, not data";
        }

        if (named.IsAbstract)
        {
            return "is abstract; the serializer needs a concrete type";
        }

        if (named.TypeArguments.Any(t => t.TypeKind == TypeKind.TypeParameter))
        {
            return "is an open generic type; the serializer needs concrete type arguments";
        }

        if (SerializableTypeRules.IsFrameworkType(named))
        {
            return "is a framework type outside the supported set (records, classes and structs of supported members, primitives, string, enums, Guid, DateTime, DateTimeOffset, TimeSpan, decimal, byte[], arrays, List, Dictionary, ImmutableArray, ImmutableList, ImmutableDictionary, Nullable, Caller<T> and grain references)";
        }

        return "is not a supported type";
    }

    private static string Display(ITypeSymbol type) => type is IArrayTypeSymbol array
        ? Display(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]"
        : type.ToDisplayString(Short);
}
