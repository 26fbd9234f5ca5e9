using System;

namespace TypedGrains.Serialization.Formatters;

/// <summary>
/// Writes <see cref="Guid"/> as a 16-byte bin in big-endian (RFC 9562) byte order, the order of its string form,
/// so other languages read the same UUID.
/// </summary>
public sealed class GuidFormatter : IMessagePackFormatter<Guid>
{
    private const int Size = 16;

    /// <summary>The one instance.</summary>
    public static readonly GuidFormatter Instance = new();

    private GuidFormatter()
    {
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, Guid value)
    {
        Span<byte> bytes = stackalloc byte[Size];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        writer.WriteBinary(bytes);
    }

    /// <inheritdoc />
    public Guid Deserialize(ref MessagePackReader reader)
    {
        long offset = reader.Consumed;
        int length = reader.ReadBinaryHeader();
        if (length != Size)
        {
            throw new MessagePackSerializationException($"A Guid is a 16-byte bin but the bin at offset {offset} has {length} byte(s).", offset);
        }

        Span<byte> bytes = stackalloc byte[Size];
        reader.ReadRaw(bytes);
        return new Guid(bytes, bigEndian: true);
    }
}
