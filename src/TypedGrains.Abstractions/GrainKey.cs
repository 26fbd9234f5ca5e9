using System;
using System.Globalization;

namespace TypedGrains;

/// <summary>The key of one grain instance: a string, a <see cref="Guid"/> or a 64-bit integer.</summary>
public readonly struct GrainKey : IEquatable<GrainKey>
{
    private readonly string? _text;
    private readonly Guid _guid;
    private readonly long _number;

    private GrainKey(GrainKeyKind kind, string? text, Guid guid, long number)
    {
        Kind = kind;
        _text = text;
        _guid = guid;
        _number = number;
    }

    /// <summary>The kind of this key.</summary>
    public GrainKeyKind Kind { get; }

    /// <summary>Creates a string key.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <c>null</c>.</exception>
    public static GrainKey From(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new GrainKey(GrainKeyKind.String, key, default, 0);
    }

    /// <summary>Creates a <see cref="Guid"/> key.</summary>
    public static GrainKey From(Guid key) => new(GrainKeyKind.Guid, null, key, 0);

    /// <summary>Creates a 64-bit integer key.</summary>
    public static GrainKey From(long key) => new(GrainKeyKind.Long, null, default, key);

    /// <summary>The string key.</summary>
    /// <exception cref="InvalidOperationException">The key is not a string key.</exception>
    public string AsString() => Kind == GrainKeyKind.String ? _text! : throw WrongKind(GrainKeyKind.String);

    /// <summary>The <see cref="Guid"/> key.</summary>
    /// <exception cref="InvalidOperationException">The key is not a Guid key.</exception>
    public Guid AsGuid() => Kind == GrainKeyKind.Guid ? _guid : throw WrongKind(GrainKeyKind.Guid);

    /// <summary>The 64-bit integer key.</summary>
    /// <exception cref="InvalidOperationException">The key is not a long key.</exception>
    public long AsLong() => Kind == GrainKeyKind.Long ? _number : throw WrongKind(GrainKeyKind.Long);

    /// <inheritdoc/>
    public bool Equals(GrainKey other) =>
        Kind == other.Kind && _number == other._number && _guid == other._guid
        && string.Equals(_text, other._text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is GrainKey other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Kind switch
    {
        GrainKeyKind.String => _text is null ? 0 : _text.GetHashCode(StringComparison.Ordinal),
        GrainKeyKind.Guid => _guid.GetHashCode(),
        _ => _number.GetHashCode(),
    };

    /// <summary>The key as text: the string itself, the Guid in "D" format, or the number in invariant culture.</summary>
    public override string ToString() => Kind switch
    {
        GrainKeyKind.String => _text ?? string.Empty,
        GrainKeyKind.Guid => _guid.ToString("D", CultureInfo.InvariantCulture),
        _ => _number.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Compares two keys for equality.</summary>
    public static bool operator ==(GrainKey left, GrainKey right) => left.Equals(right);

    /// <summary>Compares two keys for inequality.</summary>
    public static bool operator !=(GrainKey left, GrainKey right) => !left.Equals(right);

    private InvalidOperationException WrongKind(GrainKeyKind requested) =>
        new($"The grain key is a {Kind} key, not a {requested} key.");
}
