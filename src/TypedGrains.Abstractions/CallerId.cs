using System;

namespace TypedGrains;

/// <summary>
/// Identifies one waiting caller of a deferred call: the runtime incarnation that issued the token and the number it
/// gave the call. A runtime answers only tokens of its own incarnation, so a token kept in stored state and answered
/// after a restart (a new incarnation) can never complete another caller that happens to have the same number.
/// </summary>
public readonly struct CallerId : IEquatable<CallerId>
{
    /// <summary>Creates the id of call <paramref name="value"/> issued by runtime incarnation <paramref name="incarnation"/>.</summary>
    /// <param name="incarnation">
    /// The incarnation of the runtime that holds the caller (a new value every time a runtime starts; a cluster
    /// backend maps it to the silo that holds the caller). <see cref="Guid.Empty"/> names no runtime.
    /// </param>
    /// <param name="value">The runtime-assigned number of the waiting call.</param>
    public CallerId(Guid incarnation, long value)
    {
        Incarnation = incarnation;
        Value = value;
    }

    /// <summary>Creates an id that names no runtime incarnation (for unit tests of pure handlers); no runtime answers it.</summary>
    /// <param name="value">The number of the call.</param>
    public CallerId(long value)
        : this(Guid.Empty, value)
    {
    }

    /// <summary>The incarnation of the runtime that issued the token; <see cref="Guid.Empty"/> when none did.</summary>
    public Guid Incarnation { get; }

    /// <summary>The runtime-assigned number of the waiting call.</summary>
    public long Value { get; }

    /// <inheritdoc/>
    public bool Equals(CallerId other) => Value == other.Value && Incarnation == other.Incarnation;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CallerId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Incarnation, Value);

    /// <summary>The id as text: <c>incarnation/number</c>.</summary>
    public override string ToString() => $"{Incarnation:N}/{Value}";

    /// <summary>Compares two ids for equality.</summary>
    public static bool operator ==(CallerId left, CallerId right) => left.Equals(right);

    /// <summary>Compares two ids for inequality.</summary>
    public static bool operator !=(CallerId left, CallerId right) => !left.Equals(right);
}
