using System;
using TypedGrains.Serialization;
using TypedGrains.Serialization.Formatters;

namespace TypedGrains.Messaging;

/// <summary>
/// Writes a <see cref="Caller{TReply}"/> as the array <c>[incarnation, number]</c> of its <see cref="CallerId"/>
/// (the incarnation as a 16-byte bin, like every Guid), or as the bare number when the id names no incarnation.
/// Reads both forms; a bare number (also what earlier versions wrote) names no incarnation, so no runtime answers it.
/// </summary>
/// <typeparam name="TReply">The reply type of the caller.</typeparam>
public sealed class CallerFormatter<TReply> : IMessagePackFormatter<Caller<TReply>>
{
    /// <summary>The one instance.</summary>
    public static readonly CallerFormatter<TReply> Instance = new();

    private CallerFormatter()
    {
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, Caller<TReply> value)
    {
        CallerId id = value.Id;
        if (id.Incarnation == Guid.Empty)
        {
            writer.WriteInt64(id.Value);
            return;
        }

        writer.WriteArrayHeader(2);
        GuidFormatter.Instance.Serialize(ref writer, id.Incarnation);
        writer.WriteInt64(id.Value);
    }

    /// <inheritdoc />
    public Caller<TReply> Deserialize(ref MessagePackReader reader)
    {
        if (reader.NextMessagePackType != MessagePackType.Array)
        {
            return new Caller<TReply>(new CallerId(reader.ReadInt64()));
        }

        long offset = reader.Consumed;
        int count = reader.ReadArrayHeader();
        if (count != 2)
        {
            throw new MessagePackSerializationException($"A caller token is an array of 2 but the array at offset {offset} has {count}.", offset);
        }

        Guid incarnation = GuidFormatter.Instance.Deserialize(ref reader);
        return new Caller<TReply>(new CallerId(incarnation, reader.ReadInt64()));
    }
}
