using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Reminders;

namespace TypedGrains.Runtime.Reminders;

/// <summary>
/// Keeps reminders in this process's memory: the default table, durable only as long as the table object lives (share
/// one between runtimes to model a restart in tests). Use the SQLite or PostgreSQL table to survive a process restart.
/// </summary>
public sealed class MemoryReminderTable : IReminderTable
{
    private readonly Dictionary<(GrainId Grain, string Name), ReminderEntry> _entries = new();

    /// <inheritdoc/>
    public ValueTask UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_entries)
        {
            _entries[(entry.Grain, entry.Name)] = entry;
        }

        return default;
    }

    /// <inheritdoc/>
    public ValueTask<bool> RemoveAsync(GrainId grain, string name, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            return new ValueTask<bool>(_entries.Remove((grain, name)));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grain, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            return new ValueTask<IReadOnlyList<ReminderEntry>>(
                _entries.Values.Where(e => e.Grain == grain).OrderBy(e => e.Name, StringComparer.Ordinal).ToArray());
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ReminderEntry>> ReadDueAsync(DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            return new ValueTask<IReadOnlyList<ReminderEntry>>(_entries.Values.Where(e => e.DueAt <= until).OrderBy(e => e.DueAt).ToArray());
        }
    }

    /// <inheritdoc/>
    public ValueTask<DateTimeOffset?> ReadNextDueAsync(CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            return new ValueTask<DateTimeOffset?>(_entries.Count == 0 ? null : _entries.Values.Min(e => e.DueAt));
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> AdvanceAsync(ReminderEntry entry, DateTimeOffset nextDue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_entries)
        {
            if (!_entries.TryGetValue((entry.Grain, entry.Name), out var current) || current.DueAt != entry.DueAt || current.Period != entry.Period)
            {
                return new ValueTask<bool>(false);
            }

            _entries[(entry.Grain, entry.Name)] = current with { DueAt = nextDue };
            return new ValueTask<bool>(true);
        }
    }
}
