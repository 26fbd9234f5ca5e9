using System.Collections.Generic;
using Microsoft.CodeAnalysis;

// What the serialization rules say about a type: its kind, and the members and constructor of an object type.
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

