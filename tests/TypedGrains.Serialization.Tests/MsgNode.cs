using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace TypedGrains.Serialization.Tests;

/// <summary>A MessagePack value as a tree, for tests that read or write any value.</summary>
internal abstract record MsgNode
{
    public sealed record Nil : MsgNode
    {
        public override string ToString() => "nil";
    }

    public sealed record Bool(bool Value) : MsgNode;

    public sealed record Int(BigInteger Value) : MsgNode;

    public sealed record Float(double Value) : MsgNode;

    public sealed record Str(string Value) : MsgNode;

    public sealed record Bin(byte[] Value) : MsgNode
    {
        public bool Equals(Bin? other) => other is not null && Value.AsSpan().SequenceEqual(other.Value);

        public override int GetHashCode() => Value.Length;

        public override string ToString() => $"Bin({Hex.Of(Value)})";
    }

    public sealed record Arr(IReadOnlyList<MsgNode> Items) : MsgNode
    {
        public bool Equals(Arr? other) => other is not null && Items.SequenceEqual(other.Items);

        public override int GetHashCode() => Items.Count;

        public override string ToString() => $"[{string.Join(", ", Items)}]";
    }

    public sealed record Map(IReadOnlyList<KeyValuePair<MsgNode, MsgNode>> Pairs) : MsgNode
    {
        public bool Equals(Map? other) => other is not null && Pairs.SequenceEqual(other.Pairs);

        public override int GetHashCode() => Pairs.Count;

        public override string ToString() => $"{{{string.Join(", ", Pairs.Select(p => $"{p.Key}: {p.Value}"))}}}";
    }

    public sealed record Ext(sbyte Type, byte[] Data) : MsgNode
    {
        public bool Equals(Ext? other) => other is not null && Type == other.Type && Data.AsSpan().SequenceEqual(other.Data);

        public override int GetHashCode() => Type;

        public override string ToString() => $"Ext({Type}, {Hex.Of(Data)})";
    }

    public sealed record Timestamp(long Seconds, uint Nanoseconds) : MsgNode;

    /// <summary>
    /// Equality as MessagePack implementations see values: an integer equals a float of the same exact value
    /// (the test suite lists float encodings of integers), otherwise structural.
    /// </summary>
    public static bool SameValue(MsgNode a, MsgNode b) => (a, b) switch
    {
        (Int i, Float f) => IsExactly(f.Value, i.Value),
        (Float f, Int i) => IsExactly(f.Value, i.Value),
        (Float x, Float y) => x.Value.Equals(y.Value),
        (Arr x, Arr y) => x.Items.Count == y.Items.Count && x.Items.Zip(y.Items).All(p => SameValue(p.First, p.Second)),
        (Map x, Map y) => x.Pairs.Count == y.Pairs.Count
            && x.Pairs.Zip(y.Pairs).All(p => SameValue(p.First.Key, p.Second.Key) && SameValue(p.First.Value, p.Second.Value)),
        _ => a.Equals(b),
    };

    private static bool IsExactly(double value, BigInteger integer) =>
        double.IsFinite(value) && Math.Floor(value) == value && new BigInteger(value) == integer;
}
