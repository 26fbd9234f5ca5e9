namespace TypedGrains.Serialization.Formatters;

/// <summary>Writes <see cref="float"/> as float 32; reads float 32, float 64 (rounded) and integers.</summary>
public sealed class SingleFormatter : IMessagePackFormatter<float>
{
    /// <summary>The one instance.</summary>
    public static readonly SingleFormatter Instance = new();

    private SingleFormatter()
    {
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, float value) => writer.WriteSingle(value);

    /// <inheritdoc />
    public float Deserialize(ref MessagePackReader reader) => reader.ReadSingle();
}
