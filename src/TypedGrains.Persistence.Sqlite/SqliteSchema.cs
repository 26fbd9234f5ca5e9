using System;
using System.Globalization;
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
    public static void Create(SqliteConnection connection)
    {
        Execute(connection, "PRAGMA journal_mode = WAL;");
        Execute(connection, CreateTable);
    }

    /// <summary>Per-connection settings: lock wait and commit durability.</summary>
    public static void Configure(SqliteConnection connection, SqliteGrainStateProviderOptions options)
    {
        var busy = ((long)options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        Execute(connection, "PRAGMA busy_timeout = " + busy + "; PRAGMA synchronous = " + (options.SyncEveryCommit ? "FULL" : "NORMAL") + ";");
    }

    /// <summary>
    /// The command timeout, in whole seconds (at least 1), for a busy timeout. Microsoft.Data.Sqlite retries a statement
    /// that found the file locked until its command timeout (30 s unless set), on top of SQLite's own busy_timeout.
    /// </summary>
    public static int RetrySeconds(TimeSpan busyTimeout) =>
        (int)Math.Clamp(Math.Ceiling(busyTimeout.TotalSeconds), 1, int.MaxValue);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
