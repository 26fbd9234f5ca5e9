using TypedGrains.Generators.Helpers;

namespace TypedGrains.Generators.Models;

/// <summary>What a generated MessagePack formatter class formats.</summary>
internal enum FormatterKind
{
    /// <summary>A record, class, struct or request struct written as an array of its members.</summary>
    Object = 0,

    /// <summary>An enum written as its underlying integer.</summary>
    Enum,

    /// <summary>A static holder of a composed library formatter (collections, nullable, grain references).</summary>
    Composite,
}

/// <summary>One generated formatter class.</summary>
/// <param name="Namespace">The namespace of the generated class (assembly-specific, without <c>global::</c>).</param>
/// <param name="File">Which generated file holds it: the namespace of the formatted type (of the grain, for a request).</param>
/// <param name="Kind">What it formats.</param>
/// <param name="TypeName">The <c>global::</c>-qualified formatted type, without nullable reference annotations.</param>
/// <param name="ClassName">The generated class name (stable: a readable prefix and a hash of <paramref name="TypeName"/>).</param>
/// <param name="IsValueType">Whether the formatted type is a value type.</param>
/// <param name="Members">The serialized members of an object, ordered by key.</param>
/// <param name="Composite">What a composite composes, or <c>null</c>.</param>
/// <param name="EnumUnderlying">The primitive (a <see cref="CodecKind.Primitive"/> name such as <c>Int32</c>) an enum is written as, or <c>null</c>.</param>
internal sealed record FormatterModel(
    string Namespace,
    string File,
    FormatterKind Kind,
    string TypeName,
    string ClassName,
    bool IsValueType,
    EquatableArray<FormatterMemberModel> Members,
    CompositeModel? Composite,
    string? EnumUnderlying);

/// <summary>The library formatter a composite formatter class holds.</summary>
internal enum CompositeKind
{
    /// <summary><c>Nullable&lt;T&gt;</c>.</summary>
    Nullable = 0,

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

    /// <summary>A generated grain reference, written as its grain id.</summary>
    GrainReference,
}

/// <summary>What one composite formatter composes.</summary>
/// <param name="Kind">The library formatter.</param>
/// <param name="ElementTypes">The element types (key and value for maps), without nullable reference annotations; empty for a grain reference.</param>
/// <param name="Elements">How each element is written and read, in the order of <paramref name="ElementTypes"/>.</param>
internal sealed record CompositeModel(CompositeKind Kind, EquatableArray<string> ElementTypes, EquatableArray<CodecModel> Elements);

/// <summary>One serialized member of an object formatter.</summary>
/// <param name="Name">The member name, escaped as an identifier.</param>
/// <param name="Key">The array index.</param>
/// <param name="TypeName">The member type, without nullable reference annotations.</param>
/// <param name="Codec">How the member's value is written and read.</param>
/// <param name="Assignment">How the member is assigned when read (a <c>SerializableMemberAssignment</c> value).</param>
/// <param name="DefaultValue">The value of a member missing from the data, or <c>null</c> for <c>default</c>.</param>
/// <param name="NilIsMissing">Whether nil (never a value of this non-nullable value type) reads as a missing member.</param>
/// <param name="IsRequired">Whether the member is <c>required</c>: an object initializer must always set it.</param>
internal sealed record FormatterMemberModel(
    string Name,
    int Key,
    string TypeName,
    CodecModel Codec,
    int Assignment,
    string? DefaultValue,
    bool NilIsMissing,
    bool IsRequired = false);

/// <summary>Where the codec of a value comes from.</summary>
internal enum CodecKind
{
    /// <summary>A primitive the writer and reader handle directly (also through a library formatter).</summary>
    Primitive = 0,

    /// <summary>A library formatter of a built-in type (Guid, DateTime, DateTimeOffset, TimeSpan, decimal).</summary>
    Builtin,

    /// <summary>The library formatter of a <c>Caller&lt;T&gt;</c>.</summary>
    Caller,

    /// <summary>A formatter class generated for this assembly.</summary>
    Generated,
}

/// <summary>How one value is written and read (the emitter turns it into C#).</summary>
/// <param name="Kind">Where the codec comes from.</param>
/// <param name="Name">
/// The primitive (<c>Int32</c>, <c>String</c>, <c>ByteArray</c>...) or built-in type (<c>Guid</c>, <c>Decimal</c>...)
/// named as the library formatters are; the <c>global::</c>-qualified reply type of a caller; the namespace-qualified
/// class (without <c>global::</c>) of a generated formatter.
/// </param>
internal sealed record CodecModel(CodecKind Kind, string Name);
