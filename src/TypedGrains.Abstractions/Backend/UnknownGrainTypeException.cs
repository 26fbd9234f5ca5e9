using System.Collections.Generic;

namespace TypedGrains.Backend;

/// <summary>Thrown when <see cref="GrainCatalog"/> has no grain with the type name asked for.</summary>
public sealed class UnknownGrainTypeException : KeyNotFoundException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="grainType">The type name asked for.</param>
    /// <param name="knownTypes">The type names registered, ordinally sorted.</param>
    public UnknownGrainTypeException(string grainType, IReadOnlyList<string> knownTypes)
        : base(Describe(grainType, knownTypes))
    {
        GrainType = grainType;
        KnownTypes = knownTypes;
    }

    /// <summary>The type name asked for.</summary>
    public string GrainType { get; }

    /// <summary>The type names registered when the lookup failed, ordinally sorted.</summary>
    public IReadOnlyList<string> KnownTypes { get; }

    private static string Describe(string grainType, IReadOnlyList<string> knownTypes) =>
        $"No grain type '{grainType}' is registered in the grain catalog (grains register when their assembly loads). "
        + (knownTypes.Count == 0 ? "No grain type is registered." : "Registered: " + string.Join(", ", knownTypes) + ".");
}
