namespace TypedGrains.Serialization.Formatters;

/// <summary>Writes <see cref="byte"/> as the smallest integer encoding; reads any integer width in range.</summary>
public sealed class ByteFormatter : IMessagePackFormatter<byte>
{
    /// <summary>The one instance.</summary>
    public static readonly ByteFormatter Instance = new();

    private ByteFormatter()
    {
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, byte value) => writer.WriteUInt64(value);

    /// <inheritdoc />
    public byte Deserialize(ref MessagePackReader reader) => reader.ReadByte();
}
