using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Orleans;
using ReminderEntry = TypedGrains.Reminders.ReminderEntry;
using TypedGrains.Backend;
using TypedGrains.Reminders;

namespace TypedGrains.Orleans;

/// <summary>
/// A grain's reminders on Orleans: the rows of its host grain in Orleans' reminder table (TypedGrains' own tables or
/// any Orleans reminder provider), those named <c>tg:{method id}:{handler}</c>.
/// </summary>
public sealed partial class OrleansGrainRuntime : IReminderRegistry
{
    /// <summary>Orleans' reminder table of this silo, or <c>null</c> where no reminder service runs (a client).</summary>
    internal Func<global::Orleans.IReminderTable?>? ReminderTable { get; init; }

    /// <inheritdoc/>
    /// <remarks>
    /// The next due time is the reminder's first tick after now on Orleans' schedule (its start time plus whole periods).
    /// </remarks>
    /// <exception cref="InvalidOperationException">No Orleans reminder service runs here.</exception>
    public async ValueTask<IReadOnlyList<ReminderEntry>> GetRemindersAsync(GrainId grain, CancellationToken cancellationToken = default)
    {
        var table = ReminderTable?.Invoke()
            ?? throw new InvalidOperationException($"No Orleans reminder service runs here to list the reminders of grain '{grain}' (configure one on the silo).");
        var definition = GrainCatalog.Get(grain.Type);
        var host = HostOf(grain, definition, definition.GrainClass);
        var rows = await table.ReadRows(host.GetGrainId()).WaitAsync(cancellationToken).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;
        var reminders = new List<ReminderEntry>(rows.Reminders.Count);
        foreach (var row in rows.Reminders)
        {
            if (TryParseName(row.ReminderName) is { } tick)
            {
                var start = new DateTimeOffset(DateTime.SpecifyKind(row.StartAt, DateTimeKind.Utc));
                var stored = new ReminderEntry(grain, tick.Name, tick.MethodId, start, row.Period);
                reminders.Add(stored with { DueAt = stored.NextDueAfter(now) });
            }
        }

        reminders.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return reminders;
    }

    /// <summary>The Orleans reminder name of a tick handler: <c>tg:{method id, 8 hex digits}:{handler}</c>.</summary>
    internal static string ReminderName(TickHandler handler) =>
        string.Create(CultureInfo.InvariantCulture, $"tg:{handler.MethodId:X8}:{handler.Name}");

    /// <summary>The method id and handler name of a TypedGrains reminder name; <c>null</c> for any other reminder.</summary>
    internal static (uint MethodId, string Name)? TryParseName(string reminderName) =>
        reminderName.Length > 12 && reminderName.StartsWith("tg:", StringComparison.Ordinal) && reminderName[11] == ':'
        && uint.TryParse(reminderName.AsSpan(3, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var id)
            ? (id, reminderName[12..])
            : null;
}
