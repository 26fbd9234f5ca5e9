namespace TypedGrains.Serialization.Formatters;

/// <summary>Writes <see cref="int"/> as the smallest integer encoding; reads any integer width in range.</summary>
public sealed class Int32Formatter : IMessagePackFormatter<int>
{
    /// <summary>The one instance.</summary>
    public static readonly Int32Formatter Instance = new();

    private Int32Formatter()
    {
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, int value) => writer.WriteInt64(value);

    /// <inheritdoc />
    public int Deserialize(ref MessagePackReader reader) => reader.ReadInt32();
}
