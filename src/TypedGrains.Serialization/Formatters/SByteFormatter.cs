namespace TypedGrains.Serialization.Formatters;

/// <summary>Writes <see cref="sbyte"/> as the smallest integer encoding; reads any integer width in range.</summary>
public sealed class SByteFormatter : IMessagePackFormatter<sbyte>
{
    /// <summary>The one instance.</summary>
    public static readonly SByteFormatter Instance = new();

    private SByteFormatter()
    {
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, sbyte value) => writer.WriteInt64(value);

    /// <inheritdoc />
    public sbyte Deserialize(ref MessagePackReader reader) => reader.ReadSByte();
}
