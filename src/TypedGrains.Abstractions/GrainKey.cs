using System;
using System.Globalization;
using System.Runtime.InteropServices;

namespace TypedGrains;

/// <summary>The key of one grain instance: a string, a <see cref="Guid"/> or a 64-bit integer.</summary>
/// <remarks>
/// Three words: the text (or, for the other kinds, a marker naming the kind) and two words of payload (the Guid's 16
/// bytes, or the number in the first). A key is copied into every grain id, message and directory entry, so its size
/// counts per activation and per message.
/// </remarks>
public readonly struct GrainKey : IEquatable<GrainKey>
{
    // Marker instances, never interned, told apart by reference: no string key can be one of them.
    private static readonly string s_guidKind = new('G', 1);
    private static readonly string s_longKind = new('L', 1);

    private readonly string? _text;
    private readonly long _first;
    private readonly long _second;

    private GrainKey(string? text, long first, long second)
    {
        _text = text;
        _first = first;
        _second = second;
    }

    /// <summary>The kind of this key.</summary>
    public GrainKeyKind Kind =>
        ReferenceEquals(_text, s_longKind) ? GrainKeyKind.Long
        : ReferenceEquals(_text, s_guidKind) ? GrainKeyKind.Guid
        : GrainKeyKind.String;

    /// <summary>Creates a string key.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <c>null</c>.</exception>
    public static GrainKey From(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new GrainKey(key, 0, 0);
    }

    /// <summary>Creates a <see cref="Guid"/> key.</summary>
    public static GrainKey From(Guid key)
    {
        var words = MemoryMarshal.Cast<Guid, long>(new ReadOnlySpan<Guid>(in key));
        return new GrainKey(s_guidKind, words[0], words[1]);
    }

    /// <summary>Creates a 64-bit integer key.</summary>
    public static GrainKey From(long key) => new(s_longKind, key, 0);

    /// <summary>The string key.</summary>
    /// <exception cref="InvalidOperationException">The key is not a string key.</exception>
    public string AsString() => Kind == GrainKeyKind.String ? _text! : throw WrongKind(GrainKeyKind.String);

    /// <summary>The <see cref="Guid"/> key.</summary>
    /// <exception cref="InvalidOperationException">The key is not a Guid key.</exception>
    public Guid AsGuid() => Kind == GrainKeyKind.Guid ? Guid : throw WrongKind(GrainKeyKind.Guid);

    /// <summary>The 64-bit integer key.</summary>
    /// <exception cref="InvalidOperationException">The key is not a long key.</exception>
    public long AsLong() => Kind == GrainKeyKind.Long ? _first : throw WrongKind(GrainKeyKind.Long);

    private Guid Guid
    {
        get
        {
            ReadOnlySpan<long> words = [_first, _second];
            return MemoryMarshal.Cast<long, Guid>(words)[0];
        }
    }

    /// <inheritdoc/>
    public bool Equals(GrainKey other) =>
        _first == other._first && _second == other._second
        && (ReferenceEquals(_text, other._text) || (Kind == GrainKeyKind.String && other.Kind == GrainKeyKind.String
            && string.Equals(_text, other._text, StringComparison.Ordinal)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is GrainKey other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Kind switch
    {
        GrainKeyKind.String => _text is null ? 0 : _text.GetHashCode(StringComparison.Ordinal),
        GrainKeyKind.Guid => HashCode.Combine(_first, _second),
        _ => _first.GetHashCode(),
    };

    /// <summary>The key as text: the string itself, the Guid in "D" format, or the number in invariant culture.</summary>
    public override string ToString() => Kind switch
    {
        GrainKeyKind.String => _text ?? string.Empty,
        GrainKeyKind.Guid => Guid.ToString("D", CultureInfo.InvariantCulture),
        _ => _first.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Compares two keys for equality.</summary>
    public static bool operator ==(GrainKey left, GrainKey right) => left.Equals(right);

    /// <summary>Compares two keys for inequality.</summary>
    public static bool operator !=(GrainKey left, GrainKey right) => !left.Equals(right);

    private InvalidOperationException WrongKind(GrainKeyKind requested) =>
        new($"The grain key is a {Kind} key, not a {requested} key.");
}
