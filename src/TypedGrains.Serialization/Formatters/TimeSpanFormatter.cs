using System;

namespace TypedGrains.Serialization.Formatters;

/// <summary>Writes <see cref="TimeSpan"/> as its tick count (100 ns units), an int 64 in its smallest encoding.</summary>
public sealed class TimeSpanFormatter : IMessagePackFormatter<TimeSpan>
{
    /// <summary>The one instance.</summary>
    public static readonly TimeSpanFormatter Instance = new();

    private TimeSpanFormatter()
    {
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, TimeSpan value) => writer.WriteInt64(value.Ticks);

    /// <inheritdoc />
    public TimeSpan Deserialize(ref MessagePackReader reader) => new(reader.ReadInt64());
}
