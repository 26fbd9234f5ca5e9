using System.Buffers;

namespace TypedGrains.Persistence;

/// <summary>
/// Turns one grain type's state into bytes and back. The generator emits one per grain (MessagePack, see
/// <c>docs/serialization.md</c>); providers that store bytes use it, the in-memory provider does not need it.
/// </summary>
public interface IStateCodec
{
    /// <summary>Writes <paramref name="state"/> to <paramref name="output"/>.</summary>
    void Write(object? state, IBufferWriter<byte> output);

    /// <summary>Reads a state written by <see cref="Write"/>.</summary>
    object? Read(ReadOnlySequence<byte> input);

    /// <summary>
    /// A codec whose <see cref="Read"/> binds the grain references it finds in a state to <paramref name="runtime"/>;
    /// a codec with nothing to bind returns itself.
    /// </summary>
    IStateCodec Bind(IGrainRuntime runtime) => this;
}
