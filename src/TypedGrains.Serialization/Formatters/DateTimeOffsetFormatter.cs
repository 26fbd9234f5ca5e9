using System;

namespace TypedGrains.Serialization.Formatters;

/// <summary>
/// Writes <see cref="DateTimeOffset"/> as a 2-element array: the UTC instant as the timestamp extension (type -1),
/// then the offset from UTC in whole minutes (an integer), so both the instant and the offset round-trip.
/// </summary>
public sealed class DateTimeOffsetFormatter : IMessagePackFormatter<DateTimeOffset>
{
    /// <summary>The one instance.</summary>
    public static readonly DateTimeOffsetFormatter Instance = new();

    private DateTimeOffsetFormatter()
    {
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, DateTimeOffset value)
    {
        writer.WriteArrayHeader(2);
        writer.WriteTimestamp(value.UtcDateTime);
        writer.WriteInt64((long)value.Offset.TotalMinutes);
    }

    /// <inheritdoc />
    public DateTimeOffset Deserialize(ref MessagePackReader reader)
    {
        long offset = reader.Consumed;
        int count = reader.ReadArrayHeader();
        if (count != 2)
        {
            throw new MessagePackSerializationException($"A DateTimeOffset is an array of 2 but the array at offset {offset} has {count} element(s).", offset);
        }

        DateTime utc = reader.ReadDateTime();
        short minutes = reader.ReadInt16();
        if (minutes is < -14 * 60 or > 14 * 60)
        {
            throw new MessagePackSerializationException($"The DateTimeOffset at offset {offset} has an offset of {minutes} minutes, beyond ±14 hours.", offset);
        }

        long localTicks = utc.Ticks + (minutes * TimeSpan.TicksPerMinute);
        if (localTicks < DateTime.MinValue.Ticks || localTicks > DateTime.MaxValue.Ticks)
        {
            throw new MessagePackSerializationException($"The DateTimeOffset at offset {offset} is outside the range of DateTimeOffset.", offset);
        }

        return new DateTimeOffset(localTicks, TimeSpan.FromMinutes(minutes));
    }
}
