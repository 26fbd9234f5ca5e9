using System;
using System.Globalization;

namespace TypedGrains.Reminders;

/// <summary>How reminder tables store a grain id as (type, key kind, key text) and read it back.</summary>
public static class ReminderKeys
{
    /// <summary>The grain id stored as <paramref name="type"/>, <paramref name="kind"/> and <paramref name="key"/> (<see cref="GrainKey.ToString"/>).</summary>
    /// <exception cref="FormatException">The key text does not fit the kind.</exception>
    public static GrainId Parse(string type, int kind, string key) => new(type, (GrainKeyKind)kind switch
    {
        GrainKeyKind.String => GrainKey.From(key),
        GrainKeyKind.Guid => GrainKey.From(Guid.ParseExact(key, "D")),
        GrainKeyKind.Long => GrainKey.From(long.Parse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
        _ => throw new FormatException($"Unknown grain key kind {kind} in a stored reminder of '{type}'."),
    });
}
