using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using NpgsqlTypes;

namespace TypedGrains.Persistence.Postgres;

/// <summary>
/// Stores grain states in PostgreSQL for servers. Connections come from an <see cref="NpgsqlDataSource"/> pool, the
/// table is created on first use, and every write is a single statement whose ETag compare-and-set is in SQL, so any
/// number of runtimes may share the database. States are stored as the bytes of the grain's <see cref="IStateCodec"/>.
/// </summary>
public sealed class PostgresGrainStateProvider : IGrainStateProvider, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;

    /// <summary>Creates a provider with its own connection pool for <paramref name="connectionString"/>.</summary>
    public PostgresGrainStateProvider(string connectionString)
        : this(NpgsqlDataSource.Create(connectionString), ownsDataSource: true)
    {
    }

    /// <summary>Creates a provider on <paramref name="dataSource"/>, which the caller keeps owning.</summary>
    public PostgresGrainStateProvider(NpgsqlDataSource dataSource)
        : this(dataSource, ownsDataSource: false)
    {
    }

    private PostgresGrainStateProvider(NpgsqlDataSource dataSource, bool ownsDataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
    }

    /// <inheritdoc/>
    public async ValueTask<StoredState?> ReadAsync(GrainId grain, IStateCodec codec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(codec);
        try
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            await using var command = KeyCommand(PostgresSql.Read, grain);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var etag = reader.GetInt64(0);
            var state = await reader.IsDBNullAsync(1, cancellationToken).ConfigureAwait(false)
                ? null
                : codec.Read(new ReadOnlySequence<byte>(reader.GetFieldValue<byte[]>(1)));
            return new StoredState(state, etag);
        }
        catch (NpgsqlException error) when (DropPool(error))
        {
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<long> WriteAsync(GrainId grain, object? state, IStateCodec codec, long expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedETag);
        var payload = new ArrayBufferWriter<byte>();
        codec.Write(state, payload);
        return await CompareAndSetAsync(grain, payload.WrittenMemory, expectedETag, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>The row stays as a tombstone (no payload) with a larger ETag, so ETags stay monotonic across a clear.</remarks>
    public async ValueTask ClearAsync(GrainId grain, long expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedETag);
        if (expectedETag == 0)
        {
            // Nothing to clear if nothing was ever stored; anything stored means the caller is behind.
            var actual = await CurrentETagAsync(grain, cancellationToken).ConfigureAwait(false);
            if (actual != 0)
            {
                throw new ETagConflictException(grain, expectedETag, actual);
            }

            return;
        }

        await CompareAndSetAsync(grain, null, expectedETag, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Disposes the connection pool if this provider created it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }

        _schemaLock.Dispose();
    }

    private async Task<long> CompareAndSetAsync(GrainId grain, ReadOnlyMemory<byte>? payload, long expectedETag, CancellationToken cancellationToken)
    {
        object? etag;
        try
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            await using var command = KeyCommand(expectedETag == 0 ? PostgresSql.Insert : PostgresSql.Update, grain);
            command.Parameters.Add(payload is { } bytes
                ? new NpgsqlParameter<ReadOnlyMemory<byte>> { NpgsqlDbType = NpgsqlDbType.Bytea, TypedValue = bytes }
                : new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = DBNull.Value });

            if (expectedETag != 0)
            {
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expectedETag });
            }

            etag = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException error) when (DropPool(error))
        {
            throw;
        }

        return etag is long written
            ? written
            : throw new ETagConflictException(grain, expectedETag, await CurrentETagAsync(grain, cancellationToken).ConfigureAwait(false));
    }

    private async Task<long> CurrentETagAsync(GrainId grain, CancellationToken cancellationToken)
    {
        try
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            await using var command = KeyCommand(PostgresSql.ReadETag, grain);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long etag ? etag : 0;
        }
        catch (NpgsqlException error) when (DropPool(error))
        {
            throw;
        }
    }

    private NpgsqlCommand KeyCommand(string sql, GrainId grain)
    {
        var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grain.Type });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)grain.Key.Kind });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grain.Key.ToString() });
        return command;
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
                await PostgresSchema.CreateAsync(_dataSource, cancellationToken).ConfigureAwait(false);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    /// <summary>
    /// A server that went away leaves dead connections in the pool; dropping the idle ones on any storage error lets
    /// the next call open fresh connections once the server is back. Always <c>false</c>: the error is rethrown.
    /// </summary>
    private bool DropPool(NpgsqlException error)
    {
        if (error is not PostgresException { SqlState: not ("57P01" or "57P02" or "57P03") })
        {
            _dataSource.Clear();
        }

        return false;
    }
}
