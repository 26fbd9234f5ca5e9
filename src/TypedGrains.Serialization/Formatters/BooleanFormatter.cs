namespace TypedGrains.Serialization.Formatters;

/// <summary>Writes <see cref="bool"/> as false/true.</summary>
public sealed class BooleanFormatter : IMessagePackFormatter<bool>
{
    /// <summary>The one instance.</summary>
    public static readonly BooleanFormatter Instance = new();

    private BooleanFormatter()
    {
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, bool value) => writer.WriteBoolean(value);

    /// <inheritdoc />
    public bool Deserialize(ref MessagePackReader reader) => reader.ReadBoolean();
}
