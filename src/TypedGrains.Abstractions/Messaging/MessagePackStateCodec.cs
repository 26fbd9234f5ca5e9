using System;
using System.Buffers;
using TypedGrains.Persistence;
using TypedGrains.Serialization;

namespace TypedGrains.Messaging;

/// <summary>
/// The <see cref="IStateCodec"/> of a grain whose state has a generated MessagePack formatter. A codec bound to a
/// runtime (<see cref="Bind"/>) binds the grain references in the states it reads to that runtime.
/// </summary>
/// <typeparam name="TState">The state type.</typeparam>
public sealed class MessagePackStateCodec<TState> : IStateCodec
{
    private readonly IMessagePackFormatter<TState> _formatter;
    private readonly IGrainRuntime? _runtime;

    /// <summary>Creates an unbound codec over the state formatter.</summary>
    /// <param name="formatter">The formatter of <typeparamref name="TState"/>.</param>
    public MessagePackStateCodec(IMessagePackFormatter<TState> formatter)
        : this(formatter, null)
    {
    }

    private MessagePackStateCodec(IMessagePackFormatter<TState> formatter, IGrainRuntime? runtime)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _formatter = formatter;
        _runtime = runtime;
    }

    /// <summary>The runtime references read by this codec are bound to, or <c>null</c>.</summary>
    public IGrainRuntime? Runtime => _runtime;

    /// <inheritdoc />
    public void Write(object? state, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        MessagePackSerializer.Serialize(output, (TState)state!, _formatter);
    }

    /// <inheritdoc />
    /// <exception cref="MessagePackSerializationException">The bytes are not a valid encoding of the state.</exception>
    public object? Read(ReadOnlySequence<byte> input)
    {
        var reader = new MessagePackReader(input) { Context = _runtime };
        TState state = _formatter.Deserialize(ref reader);
        if (!reader.End)
        {
            throw new MessagePackSerializationException(
                $"{reader.Remaining} byte(s) follow the state, which ends at offset {reader.Consumed}.", reader.Consumed);
        }

        return state;
    }

    /// <inheritdoc />
    public IStateCodec Bind(IGrainRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        return ReferenceEquals(runtime, _runtime) ? this : new MessagePackStateCodec<TState>(_formatter, runtime);
    }
}
