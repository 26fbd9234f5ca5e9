namespace TypedGrains.Serialization.Formatters;

/// <summary>Writes <see cref="ushort"/> as the smallest integer encoding; reads any integer width in range.</summary>
public sealed class UInt16Formatter : IMessagePackFormatter<ushort>
{
    /// <summary>The one instance.</summary>
    public static readonly UInt16Formatter Instance = new();

    private UInt16Formatter()
    {
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, ushort value) => writer.WriteUInt64(value);

    /// <inheritdoc />
    public ushort Deserialize(ref MessagePackReader reader) => reader.ReadUInt16();
}
