using TypedGrains.Serialization;
using TypedGrains.Serialization.Formatters;

namespace TypedGrains.Messaging;

/// <summary>
/// Writes a <see cref="GrainId"/> as the array <c>[type, keyKind, key]</c>: the grain type name (str), the
/// <see cref="GrainKeyKind"/> number, and the key as str, 16-byte bin (Guid, big-endian) or int. A default id is nil.
/// </summary>
public sealed class GrainIdFormatter : IMessagePackFormatter<GrainId>
{
    /// <summary>The one instance.</summary>
    public static readonly GrainIdFormatter Instance = new();

    private GrainIdFormatter()
    {
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, GrainId value)
    {
        if (value.IsDefault)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(3);
        writer.WriteString(value.Type);
        GrainKey key = value.Key;
        writer.WriteInt32((int)key.Kind);
        switch (key.Kind)
        {
            case GrainKeyKind.String:
                writer.WriteString(key.AsString());
                break;
            case GrainKeyKind.Guid:
                GuidFormatter.Instance.Serialize(ref writer, key.AsGuid());
                break;
            default:
                writer.WriteInt64(key.AsLong());
                break;
        }
    }

    /// <inheritdoc />
    public GrainId Deserialize(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return default;
        }

        long offset = reader.Consumed;
        int count = reader.ReadArrayHeader();
        if (count != 3)
        {
            throw new MessagePackSerializationException($"A grain id is an array of 3 but the array at offset {offset} has {count}.", offset);
        }

        string? type = reader.ReadString();
        if (string.IsNullOrEmpty(type))
        {
            throw new MessagePackSerializationException($"The grain id at offset {offset} has no type name.", offset);
        }

        GrainKey key = (GrainKeyKind)reader.ReadInt32() switch
        {
            GrainKeyKind.String => GrainKey.From(reader.ReadString()
                ?? throw new MessagePackSerializationException($"The string key of the grain id at offset {offset} is nil.", offset)),
            GrainKeyKind.Guid => GrainKey.From(GuidFormatter.Instance.Deserialize(ref reader)),
            GrainKeyKind.Long => GrainKey.From(reader.ReadInt64()),
            _ => throw new MessagePackSerializationException($"The grain id at offset {offset} has an unknown key kind.", offset),
        };
        return new GrainId(type, key);
    }
}
