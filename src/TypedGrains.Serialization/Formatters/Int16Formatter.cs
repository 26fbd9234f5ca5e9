namespace TypedGrains.Serialization.Formatters;

/// <summary>Writes <see cref="short"/> as the smallest integer encoding; reads any integer width in range.</summary>
public sealed class Int16Formatter : IMessagePackFormatter<short>
{
    /// <summary>The one instance.</summary>
    public static readonly Int16Formatter Instance = new();

    private Int16Formatter()
    {
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, short value) => writer.WriteInt64(value);

    /// <inheritdoc />
    public short Deserialize(ref MessagePackReader reader) => reader.ReadInt16();
}
