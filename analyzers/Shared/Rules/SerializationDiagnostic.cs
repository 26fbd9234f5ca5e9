// The text of the diagnostic for types the generated MessagePack formatters cannot handle. The generator never
// reports it (it only skips the grain's serialization); the analyzers link this file with SerializableTypeRules.cs
// and report it, one per offending member path, at the grain (state), the handler parameter or the handler (reply).
namespace TypedGrains.Generators;

/// <summary>TG0100: a grain state, handler argument or reply reaches a type the generated serializers do not support.</summary>
internal static class SerializationDiagnostic
{
    /// <summary>The diagnostic id.</summary>
    public const string Id = "TG0100";

    /// <summary>The title.</summary>
    public const string Title = "Type cannot be serialized";

    /// <summary>The message; <c>{0}</c> is the member path, <c>{1}</c> why its type is refused (<see cref="SerializationRefusal"/>).</summary>
    public const string MessageFormat = "'{0}' cannot be serialized as MessagePack: {1}";

    /// <summary>The longer description.</summary>
    public const string Description = "The generator emits MessagePack formatters for every type reachable from a grain's state, handler arguments and replies; a type outside the supported set (see docs/serialization.md) would fail only at run time, so it is a compile-time error. Each member that reaches an unsupported type gets its own diagnostic, saying why the type is refused. The path names the member, for example OrderState.Lines[].Product.Stream; '[]' is a collection element, '{}' a dictionary key, '(constructor)' a class without a usable constructor and '(key)' a missing, repeated or out-of-range [Key].";

    /// <summary>The category.</summary>
    public const string Category = "TypedGrains.Serialization";

    /// <summary>The help link.</summary>
    public const string HelpLink = "https://github.com/typedgrains/typedgrains/blob/main/docs/serialization.md#supported-types";
}

/// <summary>TG0101: a grain state, handler argument or reply reaches a type whose type graph has no end.</summary>
internal static class EndlessTypeDiagnostic
{
    /// <summary>The diagnostic id.</summary>
    public const string Id = "TG0101";

    /// <summary>The title.</summary>
    public const string Title = "Type nests without end";

    /// <summary>The message; <c>{0}</c> is the member path, <c>{1}</c> which type expands or nests too deep.</summary>
    public const string MessageFormat = "'{0}' cannot be serialized as MessagePack: {1}";

    /// <summary>The longer description.</summary>
    public const string Description = "A generic type that holds itself constructed with a larger type argument (class N<T> { public N<N<T>>? Deeper { get; set; } }) is valid C#, but the types reachable from it never end: N<int>, N<N<int>>, N<N<N<int>>>... No serializer can be generated for it, so it is a compile-time error. The walk also stops at types nested more than 64 members deep. Hold the nested value as a fixed type (N<T>? instead of N<N<T>>?) or a non-generic type.";
}
