using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using TypedGrains.Serialization;

namespace TypedGrains.Messaging;

/// <summary>
/// Reads the arguments of a request written by its generated formatter (a MessagePack array of the arguments in
/// declaration order), for <see cref="GrainDefinition{TGrain}.Dispatch"/>. Each argument is read with the formatter
/// <see cref="MessagePackFormatters"/> holds for its type; grain references are bound to the given runtime.
/// </summary>
public sealed class MessagePackArgumentReader : IArgumentReader
{
    private readonly ReadOnlySequence<byte> _payload;
    private readonly IGrainRuntime? _runtime;
    private readonly int _count;
    private SequencePosition _position;
    private int _read;

    /// <summary>Starts reading a request payload.</summary>
    /// <param name="payload">The bytes of the request.</param>
    /// <param name="runtime">The runtime grain references in the arguments are bound to, or <c>null</c>.</param>
    /// <exception cref="MessagePackSerializationException">The payload does not start with an array header.</exception>
    [SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in the type of a required parameter, so leaving the optional one out never makes a call ambiguous.")]
    public MessagePackArgumentReader(ReadOnlySequence<byte> payload, IGrainRuntime? runtime = null)
    {
        _payload = payload;
        _runtime = runtime;
        var reader = new MessagePackReader(payload);
        _count = reader.ReadArrayHeader();
        _position = reader.Position;
    }

    /// <summary>Starts reading a request payload.</summary>
    /// <param name="payload">The bytes of the request.</param>
    /// <param name="runtime">The runtime grain references in the arguments are bound to, or <c>null</c>.</param>
    [SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in the type of a required parameter, so leaving the optional one out never makes a call ambiguous.")]
    public MessagePackArgumentReader(ReadOnlyMemory<byte> payload, IGrainRuntime? runtime = null)
        : this(new ReadOnlySequence<byte>(payload), runtime)
    {
    }

    /// <summary>How many arguments the payload holds.</summary>
    public int Count => _count;

    /// <inheritdoc />
    /// <exception cref="MessagePackSerializationException">No argument is left, or the next one is not a valid <typeparamref name="T"/>.</exception>
    public T Read<T>()
    {
        if (_read >= _count)
        {
            throw new MessagePackSerializationException($"The request holds {_count} argument(s); the handler reads more.");
        }

        var reader = new MessagePackReader(_payload.Slice(_position), MessagePackReader.DefaultMaxDepth - 1) { Context = _runtime };
        T value = MessagePackFormatters.Get<T>().Deserialize(ref reader);
        _position = reader.Position;
        _read++;
        return value;
    }
}
