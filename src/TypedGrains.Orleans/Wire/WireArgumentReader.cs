using System;
using TypedGrains.Serialization;

namespace TypedGrains.Orleans.Wire;

/// <summary>
/// Reads a request's argument bytes (a MessagePack array of the arguments, as <c>MessagePackRequests</c> writes them)
/// for a generated dispatcher, like <see cref="Messaging.MessagePackArgumentReader"/> but reused: one per thread,
/// taken for one dispatch and given back after it, so a call allocates no reader.
/// </summary>
internal sealed class WireArgumentReader : IArgumentReader
{
    [ThreadStatic]
    private static WireArgumentReader? t_free;

    private byte[] _payload = [];
    private IGrainRuntime? _runtime;
    private int _count;
    private int _offset;
    private int _read;

    /// <summary>A reader over <paramref name="payload"/>; hand it back with <see cref="Return"/> once the dispatch is done.</summary>
    /// <exception cref="MessagePackSerializationException">The payload does not start with an array header.</exception>
    public static WireArgumentReader Rent(byte[] payload, IGrainRuntime runtime)
    {
        var reader = t_free ?? new WireArgumentReader();
        t_free = null;
        var header = new MessagePackReader(payload);
        reader._count = header.ReadArrayHeader();
        reader._offset = (int)header.Consumed;
        reader._payload = payload;
        reader._runtime = runtime;
        reader._read = 0;
        return reader;
    }

    /// <summary>Gives the reader back to this thread (it drops its payload and runtime).</summary>
    public void Return()
    {
        _payload = [];
        _runtime = null;
        t_free = this;
    }

    /// <inheritdoc />
    /// <exception cref="MessagePackSerializationException">No argument is left, or the next one is not a valid <typeparamref name="T"/>.</exception>
    public T Read<T>()
    {
        if (_read >= _count)
        {
            throw new MessagePackSerializationException($"The request holds {_count} argument(s); the handler reads more.");
        }

        var reader = new MessagePackReader(_payload.AsSpan(_offset), MessagePackReader.DefaultMaxDepth - 1) { Context = _runtime };
        var value = MessagePackFormatters.Get<T>().Deserialize(ref reader);
        _offset += (int)reader.Consumed;
        _read++;
        return value;
    }
}
