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
/// <param name="Kind">What it formats.</param>
/// <param name="TypeName">The <c>global::</c>-qualified formatted type, without nullable reference annotations.</param>
/// <param name="ClassName">The generated class name (stable: a readable prefix and a hash of <paramref name="TypeName"/>).</param>
/// <param name="IsValueType">Whether the formatted type is a value type.</param>
/// <param name="Members">The serialized members of an object, ordered by key.</param>
/// <param name="Expression">The composed formatter of a composite; the underlying writer method suffix of an enum.</param>
/// <param name="ReadMethod">The reader method of an enum's underlying type.</param>
internal sealed record FormatterModel(
    string Namespace,
    FormatterKind Kind,
    string TypeName,
    string ClassName,
    bool IsValueType,
    EquatableArray<FormatterMemberModel> Members,
    string? Expression,
    string? ReadMethod);

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

/// <summary>How one value is written and read: a direct writer/reader call, or a formatter.</summary>
/// <param name="WriteMethod">The <c>MessagePackWriter</c> method for a primitive, or <c>null</c>.</param>
/// <param name="ReadMethod">The <c>MessagePackReader</c> method for a primitive, or <c>null</c>.</param>
/// <param name="Formatter">The formatter expression (always set; used when there is no direct method).</param>
internal sealed record CodecModel(string? WriteMethod, string? ReadMethod, string Formatter);
