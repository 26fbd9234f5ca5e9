using System;

namespace TypedGrains.Backend;

/// <summary>Thrown when two different grain classes registered the same grain type name in <see cref="GrainCatalog"/>.</summary>
public sealed class GrainTypeConflictException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="grainType">The type name both classes use.</param>
    /// <param name="firstClass">The class registered first.</param>
    /// <param name="secondClass">The class registered later.</param>
    public GrainTypeConflictException(string grainType, Type firstClass, Type secondClass)
        : base($"The grain type name '{grainType}' is used by two grain classes, {Describe(firstClass)} and {Describe(secondClass)}; "
            + "give one of them another name with [Grain(Name = ...)].")
    {
        GrainType = grainType;
        FirstClass = firstClass;
        SecondClass = secondClass;
    }

    /// <summary>The type name both classes use.</summary>
    public string GrainType { get; }

    /// <summary>The class registered first.</summary>
    public Type FirstClass { get; }

    /// <summary>The class registered later.</summary>
    public Type SecondClass { get; }

    private static string Describe(Type type) => $"'{type.FullName}' (assembly {type.Assembly.GetName().Name})";
}
