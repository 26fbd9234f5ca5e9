using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

// The MessagePack type-support rules, shared by the generator (which skips what they reject) and the analyzers
// (which report TG0100 with the offending member path). Pure functions over symbols; linked into both projects.
namespace TypedGrains.Generators;

/// <summary>How a type is written as MessagePack.</summary>
internal enum SerializableKind
{
    /// <summary>The type cannot be serialized.</summary>
    Unsupported = 0,

    /// <summary>A primitive, string or byte array written directly by the writer.</summary>
    Primitive,

    /// <summary>A type with a built-in formatter: Guid, DateTime, DateTimeOffset, TimeSpan, decimal.</summary>
    Builtin,

    /// <summary>An enum, written as its underlying integer.</summary>
    Enum,

    /// <summary><c>Nullable&lt;T&gt;</c>: nil or the value.</summary>
    Nullable,

    /// <summary>A one-dimensional array.</summary>
    Array,

    /// <summary><c>List&lt;T&gt;</c>.</summary>
    List,

    /// <summary><c>ImmutableArray&lt;T&gt;</c>.</summary>
    ImmutableArray,

    /// <summary><c>ImmutableList&lt;T&gt;</c>.</summary>
    ImmutableList,

    /// <summary><c>Dictionary&lt;K,V&gt;</c>.</summary>
    Dictionary,

    /// <summary><c>ImmutableDictionary&lt;K,V&gt;</c>.</summary>
    ImmutableDictionary,

    /// <summary><c>TypedGrains.Caller&lt;T&gt;</c>: its caller id.</summary>
    Caller,

    /// <summary>A generated grain reference struct: its grain id.</summary>
    GrainReference,

    /// <summary>A record, class or struct written as an array of its members.</summary>
    Object,
}

/// <summary>How a serialized member gets its value when an object is read.</summary>
internal enum SerializableMemberAssignment
{
    /// <summary>Passed to the constructor.</summary>
    Constructor = 0,

    /// <summary>Set in the object initializer (init-only or required members).</summary>
    Initializer,

    /// <summary>Assigned after construction, only when the data holds it.</summary>
    Setter,
}

/// <summary>One serialized member of an object type.</summary>
internal sealed class SerializableMember
{
    public SerializableMember(ISymbol symbol, ITypeSymbol type, int key, SerializableMemberAssignment assignment, IParameterSymbol? parameter)
    {
        Symbol = symbol;
        Type = type;
        Key = key;
        Assignment = assignment;
        Parameter = parameter;
    }

    /// <summary>The property or field.</summary>
    public ISymbol Symbol { get; }

    /// <summary>The member type.</summary>
    public ITypeSymbol Type { get; }

    /// <summary>The array index of the member.</summary>
    public int Key { get; }

    /// <summary>How the member is assigned when read.</summary>
    public SerializableMemberAssignment Assignment { get; }

    /// <summary>The constructor parameter that takes the member, if any.</summary>
    public IParameterSymbol? Parameter { get; }
}

/// <summary>The serialized members and constructor of an object type, or why it has none.</summary>
internal sealed class SerializableObjectShape
{
    public SerializableObjectShape(IMethodSymbol? constructor, IReadOnlyList<SerializableMember> members, string? problem)
    {
        Constructor = constructor;
        Members = members;
        Problem = problem;
    }

    /// <summary>The constructor used to create instances, <c>null</c> for a struct's default.</summary>
    public IMethodSymbol? Constructor { get; }

    /// <summary>The serialized members, ordered by key.</summary>
    public IReadOnlyList<SerializableMember> Members { get; }

    /// <summary>The path suffix naming what is wrong (for example <c>(constructor)</c>), or <c>null</c>.</summary>
    public string? Problem { get; }
}

/// <summary>The symbols the serialization rules compare against.</summary>
internal sealed class SerializableKnownTypes
{
    private SerializableKnownTypes(Compilation compilation, GrainKnownTypes grains)
    {
        Compilation = compilation;
        Grains = grains;
        List = compilation.GetTypeByMetadataName("System.Collections.Generic.List`1");
        Dictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.Dictionary`2");
        ImmutableArray = compilation.GetTypeByMetadataName("System.Collections.Immutable.ImmutableArray`1");
        ImmutableList = compilation.GetTypeByMetadataName("System.Collections.Immutable.ImmutableList`1");
        ImmutableDictionary = compilation.GetTypeByMetadataName("System.Collections.Immutable.ImmutableDictionary`2");
        Guid = compilation.GetTypeByMetadataName("System.Guid");
        DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
        TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
        GrainReference = compilation.GetTypeByMetadataName("TypedGrains.IGrainReference");
        KeyAttribute = compilation.GetTypeByMetadataName("TypedGrains.KeyAttribute");
    }

    /// <summary>The compilation.</summary>
    public Compilation Compilation { get; }

    /// <summary>The grain symbols (attributes, <c>Caller&lt;T&gt;</c>).</summary>
    public GrainKnownTypes Grains { get; }

    /// <summary><c>List&lt;T&gt;</c>.</summary>
    public INamedTypeSymbol? List { get; }

    /// <summary><c>Dictionary&lt;K,V&gt;</c>.</summary>
    public INamedTypeSymbol? Dictionary { get; }

    /// <summary><c>ImmutableArray&lt;T&gt;</c>.</summary>
    public INamedTypeSymbol? ImmutableArray { get; }

    /// <summary><c>ImmutableList&lt;T&gt;</c>.</summary>
    public INamedTypeSymbol? ImmutableList { get; }

    /// <summary><c>ImmutableDictionary&lt;K,V&gt;</c>.</summary>
    public INamedTypeSymbol? ImmutableDictionary { get; }

    /// <summary><c>System.Guid</c>.</summary>
    public INamedTypeSymbol? Guid { get; }

    /// <summary><c>System.DateTimeOffset</c>.</summary>
    public INamedTypeSymbol? DateTimeOffset { get; }

    /// <summary><c>System.TimeSpan</c>.</summary>
    public INamedTypeSymbol? TimeSpan { get; }

    /// <summary><c>TypedGrains.IGrainReference</c>.</summary>
    public INamedTypeSymbol? GrainReference { get; }

    /// <summary><c>TypedGrains.KeyAttribute</c>, absent in older abstractions.</summary>
    public INamedTypeSymbol? KeyAttribute { get; }

    /// <summary>Resolves the symbols of <paramref name="grains"/>' compilation.</summary>
    public static SerializableKnownTypes Create(GrainKnownTypes grains) => new(grains.Compilation, grains);
}

/// <summary>
/// Which types the generated MessagePack formatters support, how they are shaped, and the member path of the first
/// unsupported type reachable from a root (for example <c>OrderState.Lines[].Product.Stream</c>).
/// </summary>
internal static class SerializableTypeRules
{
    private const string ReferenceSuffix = "Ref";

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

    /// <summary>
    /// The serialized members of an object type: accessible instance properties and fields that are settable or taken
    /// by the chosen constructor, base types first, each type's members in declaration order, numbered by position or
    /// by <c>[Key(n)]</c>.
    /// </summary>
    public static SerializableObjectShape GetObjectShape(INamedTypeSymbol type, SerializableKnownTypes known)
    {
        List<ISymbol> readable = GetReadableMembers(type);
        IMethodSymbol? constructor = ChooseConstructor(type, readable);
        if (constructor is null && type.TypeKind != TypeKind.Struct)
        {
            return new SerializableObjectShape(null, [], "(constructor)");
        }

        var included = new List<(ISymbol Member, IParameterSymbol? Parameter, SerializableMemberAssignment Assignment)>();
        foreach (ISymbol member in readable)
        {
            IParameterSymbol? parameter = constructor?.Parameters.FirstOrDefault(p => string.Equals(p.Name, member.Name, StringComparison.OrdinalIgnoreCase));
            if (parameter is not null)
            {
                included.Add((member, parameter, SerializableMemberAssignment.Constructor));
            }
            else if (GetWriteAssignment(member) is { } assignment)
            {
                included.Add((member, null, assignment));
            }
        }

        var keyed = included.Select(m => (m.Member, m.Parameter, m.Assignment, Key: ReadKey(m.Member, m.Parameter, known))).ToList();
        int withKeys = keyed.Count(m => m.Key is not null);
        var members = new List<SerializableMember>(keyed.Count);
        if (withKeys == 0)
        {
            for (int i = 0; i < keyed.Count; i++)
            {
                members.Add(new SerializableMember(keyed[i].Member, MemberType(keyed[i].Member), i, keyed[i].Assignment, keyed[i].Parameter));
            }

            return new SerializableObjectShape(constructor, members, null);
        }

        var seen = new HashSet<int>();
        foreach ((ISymbol member, IParameterSymbol? parameter, SerializableMemberAssignment assignment, int? key) in keyed)
        {
            if (key is not int index || index < 0 || index > 255 || !seen.Add(index))
            {
                return new SerializableObjectShape(constructor, [], "." + member.Name + "(key)");
            }

            members.Add(new SerializableMember(member, MemberType(member), index, assignment, parameter));
        }

        members.Sort((x, y) => x.Key.CompareTo(y.Key));
        return new SerializableObjectShape(constructor, members, null);
    }

    /// <summary>Whether an error type is a reference struct generated for a <c>[Grain]</c> class of the same compilation.</summary>
    public static bool IsGeneratedReference(IErrorTypeSymbol error, ISymbol context, SerializableKnownTypes known)
    {
        if (error.Arity != 0 || error.Name.Length <= ReferenceSuffix.Length || !error.Name.EndsWith(ReferenceSuffix, StringComparison.Ordinal))
        {
            return false;
        }

        string grainName = error.Name.Substring(0, error.Name.Length - ReferenceSuffix.Length);
        if (error.ContainingSymbol is INamespaceOrTypeSymbol container and not INamespaceSymbol { IsGlobalNamespace: true })
        {
            return container.GetTypeMembers(grainName).Any(t => IsGrain(t, known));
        }

        foreach (SyntaxReference reference in context.DeclaringSyntaxReferences)
        {
            SyntaxNode node = reference.GetSyntax();
            SemanticModel model = known.Compilation.GetSemanticModel(node.SyntaxTree);
            if (model.LookupNamespacesAndTypes(node.SpanStart, name: grainName).OfType<INamedTypeSymbol>().Any(t => t.Arity == 0 && IsGrain(t, known)))
            {
                return true;
            }
        }

        return false;
    }

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

    private static List<ISymbol> GetReadableMembers(INamedTypeSymbol type)
    {
        var chain = new List<INamedTypeSymbol>();
        for (INamedTypeSymbol? current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            chain.Insert(0, current);
        }

        var members = new List<ISymbol>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (INamedTypeSymbol current in chain)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                if (!IsReadable(member))
                {
                    continue;
                }

                if (positions.TryGetValue(member.Name, out int position))
                {
                    members[position] = member;
                }
                else
                {
                    positions.Add(member.Name, members.Count);
                    members.Add(member);
                }
            }
        }

        return members;
    }

    private static bool IsReadable(ISymbol member)
    {
        if (member.IsStatic || member.IsImplicitlyDeclared && member is IFieldSymbol || !IsVisible(member.DeclaredAccessibility)
            || member.GetAttributes().Any(a => a.AttributeClass?.Name is "IgnoreDataMemberAttribute" or "NonSerializedAttribute"))
        {
            return false;
        }

        return member switch
        {
            IPropertySymbol property => !property.IsIndexer && property.GetMethod is { } getter && IsVisible(getter.DeclaredAccessibility)
                && !property.ReturnsByRef && !property.ReturnsByRefReadonly && property.Name != "EqualityContract",
            IFieldSymbol field => !field.IsConst && field.AssociatedSymbol is null,
            _ => false,
        };
    }

    private static SerializableMemberAssignment? GetWriteAssignment(ISymbol member)
    {
        switch (member)
        {
            case IPropertySymbol { SetMethod: { } setter } property when IsVisible(setter.DeclaredAccessibility):
                return setter.IsInitOnly || property.IsRequired ? SerializableMemberAssignment.Initializer : SerializableMemberAssignment.Setter;
            case IFieldSymbol { IsReadOnly: false } field:
                return field.IsRequired ? SerializableMemberAssignment.Initializer : SerializableMemberAssignment.Setter;
            default:
                return null;
        }
    }

    private static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, List<ISymbol> readable)
    {
        IMethodSymbol? best = null;
        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            if (!IsVisible(constructor.DeclaredAccessibility)
                || (constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type)))
            {
                continue;
            }

            bool matches = constructor.Parameters.All(p => p.RefKind == RefKind.None && readable.Any(m =>
                string.Equals(m.Name, p.Name, StringComparison.OrdinalIgnoreCase) && SameType(MemberType(m), p.Type)));
            if (matches && (best is null || constructor.Parameters.Length > best.Parameters.Length))
            {
                best = constructor;
            }
        }

        return best;
    }

    private static int? ReadKey(ISymbol member, IParameterSymbol? parameter, SerializableKnownTypes known)
    {
        if (known.KeyAttribute is not { } keyAttribute)
        {
            return null;
        }

        foreach (ISymbol symbol in parameter is null ? [member] : new ISymbol[] { member, parameter })
        {
            foreach (AttributeData attribute in symbol.GetAttributes())
            {
                if (Is(attribute.AttributeClass, keyAttribute) && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is int index)
                {
                    return index;
                }
            }
        }

        return null;
    }

    private static bool SameType(ITypeSymbol x, ITypeSymbol y) =>
        SymbolEqualityComparer.Default.Equals(x, y)
        || (x is IErrorTypeSymbol || y is IErrorTypeSymbol) && string.Equals(x.ToDisplayString(), y.ToDisplayString(), StringComparison.Ordinal);

    /// <summary>The type of a property or field.</summary>
    public static ITypeSymbol MemberType(ISymbol member) => member switch
    {
        IPropertySymbol property => property.Type,
        IFieldSymbol field => field.Type,
        _ => throw new ArgumentException("Not a property or field.", nameof(member)),
    };

    private static bool IsVisible(Accessibility accessibility) =>
        accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    private static bool IsGrain(INamedTypeSymbol type, SerializableKnownTypes known) =>
        type.GetAttributes().Any(a => Is(a.AttributeClass, known.Grains.GrainAttribute));

    private static bool Is(ITypeSymbol? type, ITypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
}
