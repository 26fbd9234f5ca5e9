using System;

namespace TypedGrains.Persistence.Sqlite;

/// <summary>Settings of a <see cref="SqliteGrainStateProvider"/>.</summary>
public sealed class SqliteGrainStateProviderOptions
{
    /// <summary>The database file. Its folder is created when missing. Required.</summary>
    public string DatabasePath { get; set; } = string.Empty;

    /// <summary>
    /// The most writes committed in one transaction. Writes that arrive while a transaction commits wait for the
    /// next one and share its commit (group commit). Default: 256. 1 commits every write on its own.
    /// </summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>
    /// <c>true</c> (the default) syncs the write-ahead log on every commit (<c>PRAGMA synchronous = FULL</c>), so an
    /// acknowledged save survives a power loss; <c>false</c> uses <c>NORMAL</c>, which survives a process crash only.
    /// </summary>
    public bool SyncEveryCommit { get; set; } = true;

    /// <summary>
    /// How long a read or a transaction waits for another connection's lock on the file (another process, or another
    /// provider on the same file) before failing with <c>SQLITE_BUSY</c> ("database is locked"). Default: 5 seconds.
    /// A read waits it once in all (the first read of a file also creates the table, within the same wait).
    /// Waits are counted in whole seconds, so a timeout under one second waits about one second.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(DatabasePath))
        {
            throw new ArgumentException("A database path is required.", nameof(DatabasePath));
        }

        if (MaxBatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBatchSize), MaxBatchSize, "The batch size must be at least 1.");
        }

        if (BusyTimeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(BusyTimeout), BusyTimeout, "The busy timeout must not be negative.");
        }
    }
}
