namespace TypedGrains.Serialization.Formatters;

/// <summary>Writes <see cref="double"/> as float 64; reads float 64, float 32 and integers.</summary>
public sealed class DoubleFormatter : IMessagePackFormatter<double>
{
    /// <summary>The one instance.</summary>
    public static readonly DoubleFormatter Instance = new();

    private DoubleFormatter()
    {
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, double value) => writer.WriteDouble(value);

    /// <inheritdoc />
    public double Deserialize(ref MessagePackReader reader) => reader.ReadDouble();
}
