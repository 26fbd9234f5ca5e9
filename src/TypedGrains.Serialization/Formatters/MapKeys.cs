namespace TypedGrains.Serialization.Formatters;

/// <summary>The key checks the map formatters share.</summary>
internal static class MapKeys
{
    public static TKey Read<TKey>(ref MessagePackReader reader, IMessagePackFormatter<TKey> formatter, long offset) =>
        formatter.Deserialize(ref reader)
        ?? throw new MessagePackSerializationException($"The map key at offset {offset} is nil; dictionary keys cannot be null.", offset);

    public static MessagePackSerializationException Duplicate(long offset) =>
        new($"The map key at offset {offset} repeats an earlier key.", offset);
}
