using System.Buffers;
using TypedGrains.Persistence;

namespace TypedGrains.Persistence.Tests.Support;

/// <summary>A codec for provider-level tests whose states are byte arrays, stored as they are.</summary>
public sealed class BytesCodec : IStateCodec
{
    public static readonly BytesCodec Instance = new();

    public void Write(object? state, IBufferWriter<byte> output) => output.Write((byte[])state!);

    public object? Read(ReadOnlySequence<byte> input) => input.ToArray();
}
