using System;
using Microsoft.Data.Sqlite;

namespace TypedGrains.Persistence.Sqlite;

/// <summary>The table and the per-connection settings. The SQL is repeated in <c>docs/persistence.md</c>.</summary>
internal static class SqliteSchema
{
    public const string CreateTable = """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type TEXT    NOT NULL,
            key_kind   INTEGER NOT NULL,
            grain_key  TEXT    NOT NULL,
            etag       INTEGER NOT NULL,
            payload    BLOB,
            PRIMARY KEY (grain_type, key_kind, grain_key)
        );
        """;

    /// <summary>Switches the file to write-ahead logging (a property of the file, kept across connections) and creates the table.</summary>
    public static void Create(SqliteConnection connection, LockDeadline deadline)
    {
        Execute(connection, "PRAGMA journal_mode = WAL;", deadline);
        Execute(connection, CreateTable, deadline);
    }

    /// <summary>The settings of the writer's connection: commit durability, within the operation's lock wait.</summary>
    /// <remarks>
    /// One statement a command: Microsoft.Data.Sqlite's ExecuteNonQuery does not report a busy error of a statement
    /// after the first, so a setting in a second statement could silently not be applied on a locked file.
    /// </remarks>
    public static void Configure(SqliteConnection connection, SqliteGrainStateProviderOptions options, LockDeadline deadline) =>
        Execute(connection, "PRAGMA synchronous = " + (options.SyncEveryCommit ? "FULL" : "NORMAL") + ";", deadline);

    /// <summary>Sets SQLite's lock wait on a connection without running a statement (so it cannot itself wait for a lock).</summary>
    public static void SetBusyTimeout(SqliteConnection connection, TimeSpan timeout)
    {
        int milliseconds = (int)Math.Clamp(Math.Ceiling(timeout.TotalMilliseconds), 0, int.MaxValue);
        int result = SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, milliseconds);
        SqliteException.ThrowExceptionForRC(result, connection.Handle);
    }

    /// <summary>
    /// The command timeout, in whole seconds (at least 1), for a busy timeout. Microsoft.Data.Sqlite retries a statement
    /// that found the file locked until its command timeout (30 s unless set), on top of SQLite's own busy_timeout.
    /// </summary>
    public static int RetrySeconds(TimeSpan busyTimeout) =>
        (int)Math.Clamp(Math.Ceiling(busyTimeout.TotalSeconds), 1, int.MaxValue);

    private static void Execute(SqliteConnection connection, string sql, LockDeadline deadline)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        deadline.Arm(command);
        command.ExecuteNonQuery();
    }
}
