using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace TypedGrains.Persistence.Sqlite;

/// <summary>
/// Stores grain states in a local SQLite file: the embedded default provider. The file is in write-ahead-log mode,
/// so reads (on pooled connections) never wait for writes; writes go through one group-commit writer that commits
/// every waiting save in one transaction. The ETag compare-and-set is done in SQL, so several providers or processes
/// may share a file. States are stored as the bytes of the grain's <see cref="IStateCodec"/>.
/// </summary>
public sealed class SqliteGrainStateProvider : IGrainStateProvider, IAsyncDisposable, IDisposable
{
    private const string ReadSql =
        "SELECT etag, payload FROM grain_state WHERE grain_type = $type AND key_kind = $kind AND grain_key = $key;";

    private readonly SqliteGrainStateProviderOptions _options;
    private readonly string _readConnectionString;
    private readonly string _writeConnectionString;
    private readonly SqliteGroupCommitWriter _writer;
    private readonly object _schemaLock = new();
    private volatile bool _schemaReady;
    private int _disposed;

    /// <summary>Creates a provider storing in the file at <paramref name="databasePath"/> with default settings.</summary>
    public SqliteGrainStateProvider(string databasePath)
        : this(new SqliteGrainStateProviderOptions { DatabasePath = databasePath })
    {
    }

    /// <summary>Creates a provider with <paramref name="options"/>. Nothing is opened until the first read or write.</summary>
    public SqliteGrainStateProvider(SqliteGrainStateProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        DatabasePath = Path.GetFullPath(options.DatabasePath);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = SqliteSchema.RetrySeconds(options.BusyTimeout),
        };
        _readConnectionString = builder.ToString();
        builder.Pooling = false;
        _writeConnectionString = builder.ToString();
        _writer = new SqliteGroupCommitWriter(OpenWriter, options.MaxBatchSize);
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>The group-commit writer, for tests: its transaction count and its hook inside a batch.</summary>
    internal SqliteGroupCommitWriter Writer => _writer;

    /// <inheritdoc/>
    public ValueTask<StoredState?> ReadAsync(GrainId grain, IStateCodec codec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(codec);
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (!_schemaReady)
        {
            // Opening creates the file but not its folder; the first read may come before any write.
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        }

        // The busy timeout bounds the whole read: the schema statements of a first read and the select share it.
        var deadline = LockDeadline.Start(_options.BusyTimeout);
        var connection = new SqliteConnection(_readConnectionString);
        try
        {
            connection.Open();
            EnsureSchema(connection, deadline);
            using var command = connection.CreateCommand();
            command.CommandText = ReadSql;
            deadline.Arm(command);
            command.Parameters.AddWithValue("$type", grain.Type);
            command.Parameters.AddWithValue("$kind", StateRow.KeyKind(grain));
            command.Parameters.AddWithValue("$key", StateRow.Key(grain));
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return new ValueTask<StoredState?>((StoredState?)null);
            }

            var etag = reader.GetInt64(0);
            var state = reader.IsDBNull(1) ? null : codec.Read(new ReadOnlySequence<byte>(reader.GetFieldValue<byte[]>(1)));
            return new ValueTask<StoredState?>(new StoredState(state, etag));
        }
        catch (SqliteException)
        {
            // A failed file may have left broken connections in the pool: drop them so a recovered file is reopened.
            SqliteConnection.ClearPool(connection);
            throw;
        }
        finally
        {
            connection.Dispose();
        }
    }

    /// <inheritdoc/>
    public ValueTask<long> WriteAsync(GrainId grain, object? state, IStateCodec codec, long expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedETag);
        cancellationToken.ThrowIfCancellationRequested();
        var write = new PendingWrite(grain, StateRow.Encode(state, codec), clear: false, expectedETag);
        return new ValueTask<long>(_writer.Enqueue(write));
    }

    /// <inheritdoc/>
    /// <remarks>The row stays as a tombstone (no payload) with a larger ETag, so ETags stay monotonic across a clear.</remarks>
    public async ValueTask ClearAsync(GrainId grain, long expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedETag);
        cancellationToken.ThrowIfCancellationRequested();
        await _writer.Enqueue(new PendingWrite(grain, null, clear: true, expectedETag)).ConfigureAwait(false);
    }

    /// <summary>Commits the writes already queued, then closes the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _writer.DisposeAsync().ConfigureAwait(false);
        using var connection = new SqliteConnection(_readConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>Commits the writes already queued, then closes the writer.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private SqliteConnection OpenWriter()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        var connection = new SqliteConnection(_writeConnectionString);
        try
        {
            connection.Open();
            var deadline = LockDeadline.Start(_options.BusyTimeout);
            SqliteSchema.Configure(connection, _options, deadline);
            EnsureSchema(connection, deadline);

            // What the writer's transactions wait for a lock, each in full.
            SqliteSchema.SetBusyTimeout(connection, _options.BusyTimeout);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void EnsureSchema(SqliteConnection connection, LockDeadline deadline)
    {
        if (_schemaReady)
        {
            return;
        }

        lock (_schemaLock)
        {
            if (!_schemaReady)
            {
                SqliteSchema.Create(connection, deadline);
                _schemaReady = true;
            }
        }
    }
}
