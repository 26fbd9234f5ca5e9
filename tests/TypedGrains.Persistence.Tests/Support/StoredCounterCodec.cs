using System;
using System.Buffers;
using System.Buffers.Binary;
using TypedGrains.Persistence.Tests.Grains;

namespace TypedGrains.Persistence.Tests.Support;

/// <summary>The bytes of a <see cref="StoredCounterState"/>: its count, 4 bytes little-endian.</summary>
public sealed class StoredCounterCodec : IStateCodec
{
    public static readonly StoredCounterCodec Instance = new();

    public void Write(object? state, IBufferWriter<byte> output)
    {
        var span = output.GetSpan(4);
        BinaryPrimitives.WriteInt32LittleEndian(span, ((StoredCounterState)state!).Count);
        output.Advance(4);
    }

    public object? Read(ReadOnlySequence<byte> input)
    {
        Span<byte> bytes = stackalloc byte[4];
        input.CopyTo(bytes);
        return new StoredCounterState(BinaryPrimitives.ReadInt32LittleEndian(bytes));
    }
}
