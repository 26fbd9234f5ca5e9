using System;

namespace TypedGrains.Serialization;

/// <summary>
/// The value of the MessagePack timestamp extension (type -1): signed seconds since 1970-01-01T00:00:00Z
/// and a nanosecond adjustment of 0..999,999,999. It spans far more than <see cref="DateTime"/>
/// (year 0 and before, nanosecond precision); convert with <see cref="ToDateTime"/> and <see cref="FromDateTime"/>.
/// </summary>
public readonly record struct MessagePackTimestamp
{
    /// <summary>The largest valid nanosecond adjustment.</summary>
    public const uint MaxNanoseconds = 999_999_999;

    internal const long MinDateTimeSeconds = -62_135_596_800; // 0001-01-01T00:00:00Z
    internal const long MaxDateTimeSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;
    private const uint NanosecondsPerTick = 100;

    /// <summary>Creates a timestamp.</summary>
    /// <param name="seconds">Seconds since the Unix epoch (negative before it).</param>
    /// <param name="nanoseconds">Nanoseconds added to <paramref name="seconds"/>: 0..999,999,999.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nanoseconds"/> is over 999,999,999.</exception>
    public MessagePackTimestamp(long seconds, uint nanoseconds)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nanoseconds, MaxNanoseconds);
        Seconds = seconds;
        Nanoseconds = nanoseconds;
    }

    /// <summary>Seconds since 1970-01-01T00:00:00Z.</summary>
    public long Seconds { get; }

    /// <summary>Nanoseconds added to <see cref="Seconds"/> (always 0..999,999,999).</summary>
    public uint Nanoseconds { get; }

    /// <summary>Whether <see cref="ToDateTime"/> can represent this instant.</summary>
    public bool IsInDateTimeRange => Seconds is >= MinDateTimeSeconds and <= MaxDateTimeSeconds;

    /// <summary>
    /// The instant as a UTC <see cref="DateTime"/>. Nanoseconds below the 100 ns tick are truncated.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The instant is outside 0001-01-01 .. 9999-12-31 (see <see cref="IsInDateTimeRange"/>).</exception>
    public DateTime ToDateTime()
    {
        if (!IsInDateTimeRange)
        {
            throw new ArgumentOutOfRangeException(nameof(Seconds), Seconds, "The timestamp is outside the range of DateTime.");
        }

        long ticks = DateTime.UnixEpoch.Ticks + (Seconds * TicksPerSecond) + (Nanoseconds / NanosecondsPerTick);
        return new DateTime(ticks, DateTimeKind.Utc);
    }

    /// <summary>
    /// The timestamp of a <see cref="DateTime"/>. A <see cref="DateTimeKind.Local"/> value is converted to UTC first;
    /// an <see cref="DateTimeKind.Unspecified"/> one is taken as UTC as it is, so the result never depends on the
    /// machine's time zone.
    /// </summary>
    /// <param name="value">The instant.</param>
    /// <returns>Its timestamp, exact to the 100 ns tick.</returns>
    public static MessagePackTimestamp FromDateTime(DateTime value)
    {
        if (value.Kind == DateTimeKind.Local)
        {
            value = value.ToUniversalTime();
        }

        long ticks = value.Ticks - DateTime.UnixEpoch.Ticks;
        long seconds = Math.DivRem(ticks, TicksPerSecond, out long remainder);
        if (remainder < 0)
        {
            seconds--;
            remainder += TicksPerSecond;
        }

        return new MessagePackTimestamp(seconds, (uint)remainder * NanosecondsPerTick);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Seconds}s+{Nanoseconds}ns";
}
