using System;
using System.Data;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace TypedGrains.Orleans.Storage.Stores;

/// <summary>A PostgreSQL database reached through one pooled <see cref="NpgsqlDataSource"/>.</summary>
internal sealed class PostgresStore : ISqlStore
{
    // Concurrent CREATE TABLE IF NOT EXISTS can still collide in the catalog (a unique violation on pg_type); a
    // transaction-scoped advisory lock on a fixed key makes the first creator win and the others find the tables.
    private const long SchemaLockKey = 7394022;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresStore(string connectionString) => _dataSource = NpgsqlDataSource.Create(connectionString);

    public string GreatestFunction => "GREATEST";

    public async Task<T> RunAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await work(connection, cancellationToken).ConfigureAwait(false);
    }

    // Read committed: a writer blocked on a row another writer changed re-reads that row before its WHERE decides,
    // so a compare-and-set whose expected value went stale matches nothing.
    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    public async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

    public async Task CreateSchemaAsync(string ddl, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(" + SchemaLockKey + ");" + ddl, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
