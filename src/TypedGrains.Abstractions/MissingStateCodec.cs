using System;
using System.Buffers;
using TypedGrains.Persistence;

namespace TypedGrains;

/// <summary>The codec of a grain without generated serialization or without state: any use names the problem.</summary>
internal sealed class MissingStateCodec : IStateCodec
{
    public static readonly MissingStateCodec Instance = new();

    public void Write(object? state, IBufferWriter<byte> output) => throw Missing();

    public object? Read(ReadOnlySequence<byte> input) => throw Missing();

    private static NotSupportedException Missing() =>
        new("This grain type has no generated state codec (its types cannot be serialized, or it has no state), so its state cannot be stored as bytes.");
}
