using System;
using System.Data.Common;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace TypedGrains.Orleans.Storage.Stores;

/// <summary>
/// A SQLite file shared by the processes of one machine. The file is in write-ahead-log mode, so a reader never waits
/// for a writer; writers take the file's write lock when their transaction begins (<c>BEGIN IMMEDIATE</c>) and wait
/// up to the busy timeout for it, so two writers never deadlock upgrading a read lock.
/// </summary>
internal sealed class SqliteStore : ISqlStore
{
    private readonly string _connectionString;
    private readonly string _pragmas;

    public SqliteStore(string databasePath, TimeSpan busyTimeout)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Microsoft.Data.Sqlite also retries a statement that found the file locked, until its command timeout.
            DefaultTimeout = (int)Math.Clamp(Math.Ceiling(busyTimeout.TotalSeconds), 1, int.MaxValue),
        }.ToString();
        _pragmas = "PRAGMA busy_timeout = " + ((long)busyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) +
                   "; PRAGMA synchronous = FULL;";
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; }

    public string GreatestFunction => "MAX";

    public Task<T> RunAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        // Microsoft.Data.Sqlite completes its async methods synchronously, waiting on locks in the calling thread.
        Task.Run(
            async () =>
            {
                await using var connection = Open();
                return await work(connection, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    // A deferred transaction in WAL mode reads one snapshot, fixed by its first read.
    public Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    public Task CreateSchemaAsync(string ddl, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
                using var connection = Open();
                Execute(connection, null, "PRAGMA journal_mode = WAL;");
                using var transaction = connection.BeginTransaction(deferred: false);
                Execute(connection, transaction, ddl);
                transaction.Commit();
            },
            cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Execute(connection, null, _pragmas);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
