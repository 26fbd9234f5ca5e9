using System;
using System.Globalization;

namespace TypedGrains;

/// <summary>Thrown when a serialized request names a method id the grain type does not have.</summary>
public sealed class UnknownGrainMethodException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public UnknownGrainMethodException(string grainType, uint methodId)
        : base(string.Create(CultureInfo.InvariantCulture, $"Grain type '{grainType}' has no handler with method id 0x{methodId:X8}."))
    {
        GrainType = grainType;
        MethodId = methodId;
    }

    /// <summary>The grain type name.</summary>
    public string GrainType { get; }

    /// <summary>The unknown method id.</summary>
    public uint MethodId { get; }
}
