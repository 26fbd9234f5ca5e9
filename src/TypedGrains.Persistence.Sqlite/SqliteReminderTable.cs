using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using TypedGrains.Reminders;

namespace TypedGrains.Persistence.Sqlite;

/// <summary>
/// Durable reminders in a local SQLite file (the state provider's file or another): table <c>grain_reminder</c>,
/// created idempotently on first use, in write-ahead-log mode. Times are stored as UTC ticks. Every operation is one
/// statement on a pooled connection, so several processes may share the file.
/// </summary>
public sealed class SqliteReminderTable : IReminderTable
{
    private const string CreateSql = """
        CREATE TABLE IF NOT EXISTS grain_reminder (
            grain_type TEXT    NOT NULL,
            key_kind   INTEGER NOT NULL,
            grain_key  TEXT    NOT NULL,
            name       TEXT    NOT NULL,
            method_id  INTEGER NOT NULL,
            due_ticks  INTEGER NOT NULL,
            period     INTEGER NOT NULL,
            PRIMARY KEY (grain_type, key_kind, grain_key, name)
        );
        CREATE INDEX IF NOT EXISTS grain_reminder_due ON grain_reminder (due_ticks);
        """;

    private const string Columns = "grain_type, key_kind, grain_key, name, method_id, due_ticks, period";
    private const string KeyWhere = "grain_type = $type AND key_kind = $kind AND grain_key = $key";

    private readonly string _connectionString;
    private readonly object _schemaLock = new();
    private volatile bool _schemaReady;

    /// <summary>Creates a table in the file at <paramref name="databasePath"/>. Nothing is opened until the first operation.</summary>
    public SqliteReminderTable(string databasePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc/>
    public ValueTask UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Execute(
            "INSERT INTO grain_reminder (" + Columns + ") VALUES ($type, $kind, $key, $name, $method, $due, $period) " +
            "ON CONFLICT (grain_type, key_kind, grain_key, name) DO UPDATE SET method_id = $method, due_ticks = $due, period = $period;",
            command =>
            {
                AddKey(command, entry.Grain);
                command.Parameters.AddWithValue("$name", entry.Name);
                command.Parameters.AddWithValue("$method", (long)entry.MethodId);
                command.Parameters.AddWithValue("$due", entry.DueAt.UtcTicks);
                command.Parameters.AddWithValue("$period", entry.Period.Ticks);
                return command.ExecuteNonQuery();
            });
        return default;
    }

    /// <inheritdoc/>
    public ValueTask<bool> RemoveAsync(GrainId grain, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var removed = Execute("DELETE FROM grain_reminder WHERE " + KeyWhere + " AND name = $name;", command =>
        {
            AddKey(command, grain);
            command.Parameters.AddWithValue("$name", name);
            return command.ExecuteNonQuery();
        });
        return new ValueTask<bool>(removed > 0);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grain, CancellationToken cancellationToken = default) =>
        new(Execute("SELECT " + Columns + " FROM grain_reminder WHERE " + KeyWhere + " ORDER BY name;", command =>
        {
            AddKey(command, grain);
            return ReadEntries(command);
        }));

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ReminderEntry>> ReadDueAsync(DateTimeOffset until, CancellationToken cancellationToken = default) =>
        new(Execute("SELECT " + Columns + " FROM grain_reminder WHERE due_ticks <= $until ORDER BY due_ticks;", command =>
        {
            command.Parameters.AddWithValue("$until", until.UtcTicks);
            return ReadEntries(command);
        }));

    /// <inheritdoc/>
    public ValueTask<DateTimeOffset?> ReadNextDueAsync(CancellationToken cancellationToken = default) =>
        new(Execute("SELECT MIN(due_ticks) FROM grain_reminder;", command =>
            command.ExecuteScalar() is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : (DateTimeOffset?)null));

    /// <inheritdoc/>
    public ValueTask<bool> AdvanceAsync(ReminderEntry entry, DateTimeOffset nextDue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var moved = Execute(
            "UPDATE grain_reminder SET due_ticks = $next WHERE " + KeyWhere + " AND name = $name AND due_ticks = $due AND period = $period;",
            command =>
            {
                AddKey(command, entry.Grain);
                command.Parameters.AddWithValue("$name", entry.Name);
                command.Parameters.AddWithValue("$next", nextDue.UtcTicks);
                command.Parameters.AddWithValue("$due", entry.DueAt.UtcTicks);
                command.Parameters.AddWithValue("$period", entry.Period.Ticks);
                return command.ExecuteNonQuery();
            });
        return new ValueTask<bool>(moved > 0);
    }

    private static void AddKey(SqliteCommand command, GrainId grain)
    {
        command.Parameters.AddWithValue("$type", grain.Type);
        command.Parameters.AddWithValue("$kind", (int)grain.Key.Kind);
        command.Parameters.AddWithValue("$key", grain.Key.ToString());
    }

    private static IReadOnlyList<ReminderEntry> ReadEntries(SqliteCommand command)
    {
        var entries = new List<ReminderEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(new ReminderEntry(
                ReminderKeys.Parse(reader.GetString(0), reader.GetInt32(1), reader.GetString(2)),
                reader.GetString(3),
                (uint)reader.GetInt64(4),
                new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero),
                TimeSpan.FromTicks(reader.GetInt64(6))));
        }

        return entries;
    }

    private T Execute<T>(string sql, Func<SqliteCommand, T> run)
    {
        using var connection = new SqliteConnection(_connectionString);
        if (!_schemaReady)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        }

        connection.Open();
        EnsureSchema(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return run(command);
    }

    private void EnsureSchema(SqliteConnection connection)
    {
        if (_schemaReady)
        {
            return;
        }

        lock (_schemaLock)
        {
            if (_schemaReady)
            {
                return;
            }

            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 30000; " + CreateSql;
            command.ExecuteNonQuery();
            _schemaReady = true;
        }
    }
}
