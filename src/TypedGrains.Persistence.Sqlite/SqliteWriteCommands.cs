using System;
using Microsoft.Data.Sqlite;

namespace TypedGrains.Persistence.Sqlite;

/// <summary>
/// The compare-and-set statements of one transaction, prepared once and reused for every write of a batch. The ETag
/// check is in the SQL (<c>WHERE etag = $expected</c>, <c>ON CONFLICT DO NOTHING</c>), so it holds across processes.
/// </summary>
internal sealed class SqliteWriteCommands : IDisposable
{
    public const long Conflict = -1;

    private const string KeyMatch = "grain_type = $type AND key_kind = $kind AND grain_key = $key";

    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _etag;

    public SqliteWriteCommands(SqliteConnection connection, SqliteTransaction transaction)
    {
        _insert = Create(connection, transaction,
            "INSERT INTO grain_state (grain_type, key_kind, grain_key, etag, payload) VALUES ($type, $kind, $key, 1, $payload) ON CONFLICT DO NOTHING;",
            withPayload: true, withExpected: false);
        _update = Create(connection, transaction,
            "UPDATE grain_state SET etag = etag + 1, payload = $payload WHERE " + KeyMatch + " AND etag = $expected;",
            withPayload: true, withExpected: true);
        _etag = Create(connection, transaction, "SELECT etag FROM grain_state WHERE " + KeyMatch + ";",
            withPayload: false, withExpected: false);
    }

    /// <summary>Runs one write or clear inside the open transaction and records its outcome on <paramref name="write"/>.</summary>
    public void Apply(PendingWrite write)
    {
        long outcome;
        if (write.ExpectedETag == 0)
        {
            outcome = write.Clear
                ? (CurrentETag(write.Grain) == 0 ? 0 : Conflict)
                : (Run(_insert, write) == 1 ? 1 : Conflict);
        }
        else
        {
            outcome = Run(_update, write) == 1 ? write.ExpectedETag + 1 : Conflict;
        }

        write.Outcome = outcome;
        write.ActualETag = outcome == Conflict ? CurrentETag(write.Grain) : outcome;
    }

    public void Dispose()
    {
        _insert.Dispose();
        _update.Dispose();
        _etag.Dispose();
    }

    private long CurrentETag(GrainId grain)
    {
        Bind(_etag, grain);
        return _etag.ExecuteScalar() is long etag ? etag : 0;
    }

    private static int Run(SqliteCommand command, PendingWrite write)
    {
        Bind(command, write.Grain);
        command.Parameters["$payload"].Value = (object?)write.Payload ?? DBNull.Value;
        if (command.Parameters.Contains("$expected"))
        {
            command.Parameters["$expected"].Value = write.ExpectedETag;
        }

        return command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, GrainId grain)
    {
        command.Parameters["$type"].Value = grain.Type;
        command.Parameters["$kind"].Value = StateRow.KeyKind(grain);
        command.Parameters["$key"].Value = StateRow.Key(grain);
    }

    private static SqliteCommand Create(SqliteConnection connection, SqliteTransaction transaction, string sql, bool withPayload, bool withExpected)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.Add("$type", SqliteType.Text);
        command.Parameters.Add("$kind", SqliteType.Integer);
        command.Parameters.Add("$key", SqliteType.Text);
        if (withPayload)
        {
            command.Parameters.Add("$payload", SqliteType.Blob);
        }

        if (withExpected)
        {
            command.Parameters.Add("$expected", SqliteType.Integer);
        }

        return command;
    }
}
