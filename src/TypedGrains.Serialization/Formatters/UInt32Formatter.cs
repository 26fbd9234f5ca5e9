namespace TypedGrains.Serialization.Formatters;

/// <summary>Writes <see cref="uint"/> as the smallest integer encoding; reads any integer width in range.</summary>
public sealed class UInt32Formatter : IMessagePackFormatter<uint>
{
    /// <summary>The one instance.</summary>
    public static readonly UInt32Formatter Instance = new();

    private UInt32Formatter()
    {
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, uint value) => writer.WriteUInt64(value);

    /// <inheritdoc />
    public uint Deserialize(ref MessagePackReader reader) => reader.ReadUInt32();
}
