using System;
using System.Collections.Generic;

namespace TypedGrains.Benchmarks.Serialization;

/// <summary>The status of a profile.</summary>
public enum ProfileStatus
{
    /// <summary>New.</summary>
    Pending,

    /// <summary>In use.</summary>
    Active,

    /// <summary>Closed.</summary>
    Closed,
}

/// <summary>A typical grain state: eleven members including a list and a nested record.</summary>
public sealed record ProfileState(
    Guid Id,
    string Name,
    int Version,
    long Balance,
    double Score,
    bool Verified,
    DateTime Updated,
    ProfileStatus Status,
    Address Address,
    List<OrderLine> Orders,
    string? Note);

/// <summary>A nested record.</summary>
public sealed record Address(string Street, string City, string PostalCode);

/// <summary>A list element.</summary>
public sealed record OrderLine(string Sku, int Quantity, double Price);

/// <summary>The grain that owns <see cref="ProfileState"/>, so that the generator emits its formatter.</summary>
[Grain]
public sealed partial class ProfileGrain : Grain<ProfileState>
{
    /// <inheritdoc/>
    protected override ProfileState InitialState => ProfileSamples.Typical();

    /// <summary>Reads the name.</summary>
    [Call]
    public string Name() => State.Name;
}
