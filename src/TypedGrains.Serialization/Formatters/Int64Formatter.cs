namespace TypedGrains.Serialization.Formatters;

/// <summary>Writes <see cref="long"/> as the smallest integer encoding; reads any integer width in range.</summary>
public sealed class Int64Formatter : IMessagePackFormatter<long>
{
    /// <summary>The one instance.</summary>
    public static readonly Int64Formatter Instance = new();

    private Int64Formatter()
    {
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, long value) => writer.WriteInt64(value);

    /// <inheritdoc />
    public long Deserialize(ref MessagePackReader reader) => reader.ReadInt64();
}
