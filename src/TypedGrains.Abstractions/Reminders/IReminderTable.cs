using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Reminders;

/// <summary>
/// Where durable reminders live: one row per (grain, reminder name). Each state provider has one (memory, SQLite,
/// PostgreSQL) that creates its table idempotently on first use. This is the seam a cluster backend implements or
/// adapts to its own reminder service; the in-process runtime polls it for due reminders.
/// </summary>
/// <remarks>Implementations are thread-safe. Times are stored to the microsecond at least.</remarks>
public interface IReminderTable
{
    /// <summary>Inserts the reminder, or replaces the one of the same grain and name.</summary>
    ValueTask UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes the reminder <paramref name="name"/> of <paramref name="grain"/>; <c>false</c> when there was none.</summary>
    ValueTask<bool> RemoveAsync(GrainId grain, string name, CancellationToken cancellationToken = default);

    /// <summary>The reminders of <paramref name="grain"/>, ordinally sorted by name.</summary>
    ValueTask<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grain, CancellationToken cancellationToken = default);

    /// <summary>The reminders due at or before <paramref name="until"/>, earliest first.</summary>
    ValueTask<IReadOnlyList<ReminderEntry>> ReadDueAsync(DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>The earliest due time of all reminders, or <c>null</c> when there are none.</summary>
    ValueTask<DateTimeOffset?> ReadNextDueAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the reminder <paramref name="entry"/> names to <paramref name="nextDue"/> if it is still due at
    /// <see cref="ReminderEntry.DueAt"/> with the same period (it was not re-registered or removed meanwhile);
    /// <c>false</c> otherwise.
    /// </summary>
    ValueTask<bool> AdvanceAsync(ReminderEntry entry, DateTimeOffset nextDue, CancellationToken cancellationToken = default);
}
