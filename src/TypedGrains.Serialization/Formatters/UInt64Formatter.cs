namespace TypedGrains.Serialization.Formatters;

/// <summary>Writes <see cref="ulong"/> as the smallest integer encoding; reads any integer width in range.</summary>
public sealed class UInt64Formatter : IMessagePackFormatter<ulong>
{
    /// <summary>The one instance.</summary>
    public static readonly UInt64Formatter Instance = new();

    private UInt64Formatter()
    {
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, ulong value) => writer.WriteUInt64(value);

    /// <inheritdoc />
    public ulong Deserialize(ref MessagePackReader reader) => reader.ReadUInt64();
}
