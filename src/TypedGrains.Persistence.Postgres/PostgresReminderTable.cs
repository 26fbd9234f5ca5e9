using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using TypedGrains.Reminders;

namespace TypedGrains.Persistence.Postgres;

/// <summary>
/// Durable reminders in PostgreSQL: table <c>typedgrains_reminder</c>, created idempotently on first use (under an
/// advisory lock, like the state table). Due times are <c>timestamptz</c> (microseconds), periods <c>bigint</c> ticks.
/// Every operation is one statement, so any number of runtimes may share the database.
/// </summary>
public sealed class PostgresReminderTable : IReminderTable, IAsyncDisposable
{
    private const string CreateSql = """
        SELECT pg_advisory_xact_lock(7394022);
        CREATE TABLE IF NOT EXISTS typedgrains_reminder (
            grain_type text        NOT NULL,
            key_kind   smallint    NOT NULL,
            grain_key  text        NOT NULL,
            name       text        NOT NULL,
            method_id  bigint      NOT NULL,
            due_at     timestamptz NOT NULL,
            period     bigint      NOT NULL,
            PRIMARY KEY (grain_type, key_kind, grain_key, name)
        );
        CREATE INDEX IF NOT EXISTS typedgrains_reminder_due ON typedgrains_reminder (due_at);
        """;

    private const string Columns = "grain_type, key_kind, grain_key, name, method_id, due_at, period";
    private const string KeyWhere = "grain_type = $1 AND key_kind = $2 AND grain_key = $3";

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;

    /// <summary>Creates a table with its own connection pool for <paramref name="connectionString"/>.</summary>
    public PostgresReminderTable(string connectionString)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _ownsDataSource = true;
    }

    /// <summary>Creates a table on <paramref name="dataSource"/>, which the caller keeps owning.</summary>
    public PostgresReminderTable(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <inheritdoc/>
    public async ValueTask UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var command = await KeyCommandAsync(
            "INSERT INTO typedgrains_reminder (" + Columns + ") VALUES ($1, $2, $3, $4, $5, $6, $7) " +
            "ON CONFLICT (grain_type, key_kind, grain_key, name) DO UPDATE SET method_id = $5, due_at = $6, period = $7;",
            entry.Grain, cancellationToken).ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Name });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = entry.MethodId });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = entry.DueAt.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = entry.Period.Ticks });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<bool> RemoveAsync(GrainId grain, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var command = await KeyCommandAsync("DELETE FROM typedgrains_reminder WHERE " + KeyWhere + " AND name = $4;", grain, cancellationToken).ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grain, CancellationToken cancellationToken = default)
    {
        await using var command = await KeyCommandAsync(
            "SELECT " + Columns + " FROM typedgrains_reminder WHERE " + KeyWhere + " ORDER BY name COLLATE \"C\";", grain, cancellationToken).ConfigureAwait(false);
        return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<ReminderEntry>> ReadDueAsync(DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand("SELECT " + Columns + " FROM typedgrains_reminder WHERE due_at <= $1 ORDER BY due_at;");
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = until.UtcDateTime });
        return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<DateTimeOffset?> ReadNextDueAsync(CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand("SELECT MIN(due_at) FROM typedgrains_reminder;");
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is DateTime due
            ? new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc))
            : null;
    }

    /// <inheritdoc/>
    public async ValueTask<bool> AdvanceAsync(ReminderEntry entry, DateTimeOffset nextDue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var command = await KeyCommandAsync(
            "UPDATE typedgrains_reminder SET due_at = $5 WHERE " + KeyWhere + " AND name = $4 AND due_at = $6 AND period = $7;",
            entry.Grain, cancellationToken).ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Name });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = nextDue.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = entry.DueAt.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = entry.Period.Ticks });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }

        _schemaLock.Dispose();
    }

    private async ValueTask<NpgsqlCommand> KeyCommandAsync(string sql, GrainId grain, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grain.Type });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)grain.Key.Kind });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grain.Key.ToString() });
        return command;
    }

    private static async ValueTask<IReadOnlyList<ReminderEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry(
                ReminderKeys.Parse(reader.GetString(0), reader.GetInt16(1), reader.GetString(2)),
                reader.GetString(3),
                (uint)reader.GetInt64(4),
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc)),
                TimeSpan.FromTicks(reader.GetInt64(6))));
        }

        return entries;
    }

    private async ValueTask EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_schemaReady)
            {
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (var command = new NpgsqlCommand(CreateSql, connection, transaction))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaLock.Release();
        }
    }
}
