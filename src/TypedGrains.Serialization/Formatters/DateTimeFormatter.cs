using System;

namespace TypedGrains.Serialization.Formatters;

/// <summary>Writes <see cref="DateTime"/> as the timestamp extension (type -1). A local time is converted to UTC; an unspecified kind is taken as UTC as it is. Reads any timestamp form into a UTC <see cref="DateTime"/>, truncating below 100 ns.</summary>
public sealed class DateTimeFormatter : IMessagePackFormatter<DateTime>
{
    /// <summary>The one instance.</summary>
    public static readonly DateTimeFormatter Instance = new();

    private DateTimeFormatter()
    {
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, DateTime value) => writer.WriteTimestamp(value);

    /// <inheritdoc />
    public DateTime Deserialize(ref MessagePackReader reader) => reader.ReadDateTime();
}
