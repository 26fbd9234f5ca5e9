namespace TypedGrains.Serialization.Formatters;

/// <summary>Writes <see cref="string"/> as UTF-8 str, and <see langword="null"/> as nil.</summary>
public sealed class StringFormatter : IMessagePackFormatter<string?>
{
    /// <summary>The one instance.</summary>
    public static readonly StringFormatter Instance = new();

    private StringFormatter()
    {
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, string? value) => writer.WriteString(value);

    /// <inheritdoc />
    public string? Deserialize(ref MessagePackReader reader) => reader.ReadString();
}
