using System;

namespace TypedGrains;

/// <summary>
/// A typed token for a caller waiting on a deferred reply. A <see cref="CallAttribute">call</see> handler that takes
/// one may keep it (for example in its state) and answer in a later turn with
/// <see cref="Grain.Reply{TReply}(Caller{TReply}, TReply)"/>.
/// </summary>
/// <typeparam name="TReply">The type of the reply the caller waits for.</typeparam>
public readonly struct Caller<TReply> : IEquatable<Caller<TReply>>
{
    /// <summary>Creates a token for the waiting call <paramref name="id"/>.</summary>
    public Caller(CallerId id) => Id = id;

    /// <summary>The id of the waiting call.</summary>
    public CallerId Id { get; }

    /// <inheritdoc/>
    public bool Equals(Caller<TReply> other) => Id.Equals(other.Id);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Caller<TReply> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Id.GetHashCode();

    /// <inheritdoc/>
    public override string ToString() => $"Caller<{typeof(TReply).Name}>({Id.Value})";

    /// <summary>Compares two tokens for equality.</summary>
    public static bool operator ==(Caller<TReply> left, Caller<TReply> right) => left.Equals(right);

    /// <summary>Compares two tokens for inequality.</summary>
    public static bool operator !=(Caller<TReply> left, Caller<TReply> right) => !left.Equals(right);
}
