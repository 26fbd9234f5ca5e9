using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Orleans.Storage.Stores;

/// <summary>
/// What the membership and reminder tables need from a database: connections, the two kinds of transaction and the
/// few words of SQL that differ. The tables' statements are otherwise the same on every store.
/// </summary>
internal interface ISqlStore : IAsyncDisposable
{
    /// <summary>The SQL function returning the largest of its arguments (<c>GREATEST</c>, <c>MAX</c>).</summary>
    string GreatestFunction { get; }

    /// <summary>
    /// Runs <paramref name="work"/> on an open connection that is closed afterwards. A store whose driver blocks
    /// (SQLite waits on file locks) runs it off the caller's thread, so Orleans' schedulers are not held.
    /// </summary>
    Task<T> RunAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// Begins a transaction that writes: it serializes with every other writing transaction on the rows it touches
    /// (row locks on PostgreSQL, the file's write lock taken at <c>BEGIN IMMEDIATE</c> on SQLite).
    /// </summary>
    Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Begins a read-only transaction in which every statement sees one snapshot of the database.</summary>
    Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="ddl"/> (idempotent <c>CREATE ... IF NOT EXISTS</c> statements) so that concurrent creators do not collide.</summary>
    Task CreateSchemaAsync(string ddl, CancellationToken cancellationToken);
}
