using System.Buffers;
using TypedGrains.Persistence;

namespace TypedGrains.Persistence.Bench;

/// <summary>States are byte arrays written as they are: the benchmark measures storage, not serialization.</summary>
internal sealed class FixedStateCodec : IStateCodec
{
    public static readonly FixedStateCodec Instance = new();

    public void Write(object? state, IBufferWriter<byte> output) => output.Write((byte[])state!);

    public object? Read(ReadOnlySequence<byte> input) => input.ToArray();
}
