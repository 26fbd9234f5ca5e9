using System;
using Orleans.Runtime;

namespace TypedGrains.Orleans.Storage;

/// <summary>Where a SQLite-backed table lives: a file shared by the processes of one machine.</summary>
public abstract class SqliteTableOptions
{
    /// <summary>The database file; created, with its folder, if missing. Required.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>
    /// How long a statement waits for another connection or process holding the file's write lock before it fails.
    /// 30 seconds unless set; at least one millisecond.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws <see cref="OrleansConfigurationException"/> when a setting is missing or out of range.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DatabasePath))
        {
            throw new OrleansConfigurationException($"{GetType().Name}.{nameof(DatabasePath)} is required.");
        }

        if (BusyTimeout < TimeSpan.FromMilliseconds(1) || BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            throw new OrleansConfigurationException(
                $"{GetType().Name}.{nameof(BusyTimeout)} must be between 1 ms and {int.MaxValue} ms; it is {BusyTimeout}.");
        }
    }
}

/// <summary>The SQLite membership table (silos and clients of one cluster id), for one-machine development.</summary>
public sealed class SqliteClusteringOptions : SqliteTableOptions;

/// <summary>The SQLite reminder table (reminders of one service id), for one-machine development.</summary>
public sealed class SqliteReminderOptions : SqliteTableOptions;
