namespace TypedGrains.Serialization.Formatters;

/// <summary>Writes a byte array as bin, and <see langword="null"/> as nil.</summary>
public sealed class ByteArrayFormatter : IMessagePackFormatter<byte[]?>
{
    /// <summary>The one instance.</summary>
    public static readonly ByteArrayFormatter Instance = new();

    private ByteArrayFormatter()
    {
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, byte[]? value) => writer.WriteBinary(value);

    /// <inheritdoc />
    public byte[]? Deserialize(ref MessagePackReader reader) => reader.ReadBytes();
}
