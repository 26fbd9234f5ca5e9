using Microsoft.CodeAnalysis;

namespace TypedGrains.Generators;

/// <summary>Why a type reachable from a grain's state, argument or reply cannot be serialized.</summary>
internal enum SerializationProblemKind
{
    /// <summary>The type is outside the supported set (TG0100).</summary>
    Unsupported = 0,

    /// <summary>A generic type nests in itself constructed ever larger, so its type graph has no end (TG0101).</summary>
    ExpandingGeneric,

    /// <summary>The types nest deeper than the walk follows (TG0101).</summary>
    TooDeep,
}

/// <summary>One type that keeps a root from being serialized, and the member path that reaches it.</summary>
internal sealed class SerializationProblem
{
    public SerializationProblem(string path, SerializationProblemKind kind, ITypeSymbol type, ISymbol? member, string reason)
    {
        Path = path;
        Kind = kind;
        Type = type;
        Member = member;
        Reason = reason;
    }

    /// <summary>The member path from the root, for example <c>OrderState.Lines[].Product.Stream</c>.</summary>
    public string Path { get; }

    /// <summary>Why the type is refused.</summary>
    public SerializationProblemKind Kind { get; }

    /// <summary>The refused type; for <see cref="SerializationProblemKind.ExpandingGeneric"/>, the generic definition that expands.</summary>
    public ITypeSymbol Type { get; }

    /// <summary>The property, field or parameter whose type reaches the refused type, or <c>null</c> at the root.</summary>
    public ISymbol? Member { get; }

    /// <summary>Why the type is refused, as a sentence completing "'Path' cannot be serialized as MessagePack: ".</summary>
    public string Reason { get; }
}
