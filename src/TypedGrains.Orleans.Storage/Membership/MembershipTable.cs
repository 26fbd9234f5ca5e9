using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Orleans;
using Orleans.Runtime;
using TypedGrains.Orleans.Storage.Stores;

namespace TypedGrains.Orleans.Storage.Membership;

/// <summary>
/// Orleans' membership table on a SQL store, for one cluster id. Inserts and updates of a silo row compare and set
/// the table version in the same transaction (the version passed must be the stored one plus one, with the stored
/// version ETag) and, for updates, the row's ETag; each success gives the row and the version fresh random ETags.
/// Reads see the rows and the version of one snapshot.
/// </summary>
internal sealed class MembershipTable : IMembershipTable, IAsyncDisposable
{
    private readonly ISqlStore _store;
    private readonly SchemaGate _schema;
    private readonly string _clusterId;
    private readonly string _cleanupSql;

    public MembershipTable(ISqlStore store, string schemaDdl, string clusterId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        _store = store;
        _schema = new SchemaGate(store, schemaDdl);
        _clusterId = clusterId;
        _cleanupSql = MembershipSql.CleanupDefunct(store.GreatestFunction);
    }

    public Task InitializeMembershipTable(bool tryInitTableVersion) => InitializeMembershipTableAsync(tryInitTableVersion, default);

    public Task DeleteMembershipTableEntries(string clusterId) => DeleteMembershipTableEntriesAsync(clusterId, default);

    public Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate) => CleanupDefunctSiloEntriesAsync(beforeDate, default);

    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadRowAsync(key, default);

    public Task<MembershipTableData> ReadAll() => ReadAllAsync(default);

    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) => InsertRowAsync(entry, tableVersion, default);

    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) =>
        UpdateRowAsync(entry, etag, tableVersion, default);

    public Task UpdateIAmAlive(MembershipEntry entry) => UpdateIAmAliveAsync(entry, default);

    public async Task InitializeMembershipTableAsync(bool tryInitTableVersion, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        if (tryInitTableVersion)
        {
            await _store.RunAsync(
                async (connection, token) =>
                {
                    await using var command = connection.Command(null, MembershipSql.EnsureVersion).With("@cluster_id", _clusterId);
                    return await command.RunAsync(token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task DeleteMembershipTableEntriesAsync(string clusterId, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        await _store.RunAsync(
            async (connection, token) =>
            {
                await using var transaction = await _store.BeginWriteAsync(connection, token).ConfigureAwait(false);
                await using var command = connection.Command(transaction, MembershipSql.DeleteCluster).With("@cluster_id", clusterId);
                var deleted = await command.RunAsync(token).ConfigureAwait(false);
                await transaction.CommitAsync(token).ConfigureAwait(false);
                return deleted;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        await _store.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(null, _cleanupSql)
                    .With("@cluster_id", _clusterId)
                    .With("@active", (int)SiloStatus.Active)
                    .With("@before", beforeDate.UtcTicks);
                return await command.RunAsync(token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public Task<MembershipTableData> ReadRowAsync(SiloAddress key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ReadAsync(key, cancellationToken);
    }

    public Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken) => ReadAsync(null, cancellationToken);

    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion tableVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(tableVersion);
        return WriteAsync(entry, tableVersion, MembershipSql.InsertRow, rowETag: null, cancellationToken);
    }

    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion tableVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(etag);
        ArgumentNullException.ThrowIfNull(tableVersion);
        return WriteAsync(entry, tableVersion, MembershipSql.UpdateRow, etag, cancellationToken);
    }

    public async Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _schema.EnsureAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        await _store.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(null, MembershipSql.UpdateIAmAlive)
                    .With("@cluster_id", _clusterId)
                    .With("@silo_address", entry.SiloAddress.ToParsableString())
                    .With("@iamalive_time", UtcTicks.From(entry.IAmAliveTime));
                return await command.RunAsync(token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The gateway addresses (<c>ip:proxy port@generation</c>) of the Active silos that accept clients.</summary>
    public async Task<IList<Uri>> ReadGatewaysAsync(CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return await _store.RunAsync<IList<Uri>>(
            async (connection, token) =>
            {
                await using var command = connection.Command(null, MembershipSql.ReadGateways)
                    .With("@cluster_id", _clusterId)
                    .With("@active", (int)SiloStatus.Active);
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                var gateways = new List<Uri>();
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    var silo = SiloAddress.FromParsableString(reader.GetString(0));
                    gateways.Add(SiloAddress.New(silo.Endpoint.Address, reader.GetInt32(1), silo.Generation).ToGatewayUri());
                }

                return gateways;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    // One transaction: the version compare-and-set first (so concurrent writers of a cluster queue on its version
    // row and every later one finds the version moved), then the row; any miss rolls both back.
    private async Task<bool> WriteAsync(MembershipEntry entry, TableVersion tableVersion, string rowSql, string? rowETag, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return await _store.RunAsync(
            async (connection, token) =>
            {
                await using var transaction = await _store.BeginWriteAsync(connection, token).ConfigureAwait(false);
                await using (var ensure = connection.Command(transaction, MembershipSql.EnsureVersion).With("@cluster_id", _clusterId))
                {
                    await ensure.RunAsync(token).ConfigureAwait(false);
                }

                await using (var advance = connection.Command(transaction, MembershipSql.AdvanceVersion)
                    .With("@cluster_id", _clusterId)
                    .With("@version", (long)tableVersion.Version)
                    .With("@etag", tableVersion.VersionEtag)
                    .With("@new_etag", NewETag()))
                {
                    if (await advance.RunAsync(token).ConfigureAwait(false) != 1)
                    {
                        await transaction.RollbackAsync(token).ConfigureAwait(false);
                        return false;
                    }
                }

                await using (var row = connection.Command(transaction, rowSql)
                    .With("@cluster_id", _clusterId)
                    .WithEntry(entry)
                    .With("@new_etag", NewETag()))
                {
                    if (rowETag is not null)
                    {
                        row.With("@etag", rowETag);
                    }

                    if (await row.RunAsync(token).ConfigureAwait(false) != 1)
                    {
                        await transaction.RollbackAsync(token).ConfigureAwait(false);
                        return false;
                    }
                }

                await transaction.CommitAsync(token).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static string NewETag() => Guid.NewGuid().ToString("N");

    private async Task<MembershipTableData> ReadAsync(SiloAddress? silo, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return await _store.RunAsync(
            async (connection, token) =>
            {
                await using var transaction = await _store.BeginSnapshotAsync(connection, token).ConfigureAwait(false);
                var rows = new List<Tuple<MembershipEntry, string>>();
                await using (var command = connection.Command(transaction, silo is null ? MembershipSql.ReadAll : MembershipSql.ReadRow))
                {
                    command.With("@cluster_id", _clusterId);
                    if (silo is not null)
                    {
                        command.With("@silo_address", silo.ToParsableString());
                    }

                    await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                    while (await reader.ReadAsync(token).ConfigureAwait(false))
                    {
                        rows.Add(MembershipRow.Read(reader));
                    }
                }

                var version = new TableVersion(0, MembershipSql.InitialETag);
                await using (var command = connection.Command(transaction, MembershipSql.ReadVersion).With("@cluster_id", _clusterId))
                {
                    await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                    if (await reader.ReadAsync(token).ConfigureAwait(false))
                    {
                        version = new TableVersion(checked((int)reader.GetInt64(0)), reader.GetString(1));
                    }
                }

                await transaction.CommitAsync(token).ConfigureAwait(false);
                return new MembershipTableData(rows, version);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
