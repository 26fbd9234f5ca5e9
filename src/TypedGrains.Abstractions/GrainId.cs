using System;

namespace TypedGrains;

/// <summary>Identifies one grain instance: its grain type name and its key.</summary>
public readonly struct GrainId : IEquatable<GrainId>
{
    /// <summary>Creates a grain id.</summary>
    /// <exception cref="ArgumentException"><paramref name="type"/> is null or empty.</exception>
    public GrainId(string type, GrainKey key)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        Type = type;
        Key = key;
    }

    /// <summary>The stable grain type name (see <see cref="GrainAttribute.Name"/>).</summary>
    public string Type { get; }

    /// <summary>The key of the instance.</summary>
    public GrainKey Key { get; }

    /// <summary><c>true</c> for <c>default(GrainId)</c>, which names no grain.</summary>
    public bool IsDefault => Type is null;

    /// <inheritdoc/>
    public bool Equals(GrainId other) => string.Equals(Type, other.Type, StringComparison.Ordinal) && Key.Equals(other.Key);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is GrainId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Type is null ? 0 : Type.GetHashCode(StringComparison.Ordinal), Key);

    /// <summary>The id as <c>type/key</c>.</summary>
    public override string ToString() => $"{Type}/{Key}";

    /// <summary>Compares two ids for equality.</summary>
    public static bool operator ==(GrainId left, GrainId right) => left.Equals(right);

    /// <summary>Compares two ids for inequality.</summary>
    public static bool operator !=(GrainId left, GrainId right) => !left.Equals(right);
}
