using System;

namespace TypedGrains.Orleans.Storage.Stores;

/// <summary>Times are stored as UTC ticks (100 ns since 0001-01-01): exact, ordered, and the same on every store.</summary>
internal static class UtcTicks
{
    public static long From(DateTime time) => time.Kind == DateTimeKind.Local ? time.ToUniversalTime().Ticks : time.Ticks;

    public static DateTime ToDateTime(long ticks) => new(ticks, DateTimeKind.Utc);
}
