using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Orleans;
using Orleans.Runtime;
using TypedGrains.Orleans.Storage.Stores;

namespace TypedGrains.Orleans.Storage.Reminders;

/// <summary>
/// Orleans' reminder table on a SQL store, for one service id. Grain ids are stored in their text form, times and
/// periods as ticks. An upsert always writes and returns a fresh random ETag; a remove deletes only the row with the
/// ETag given.
/// </summary>
internal sealed class ReminderTable : IReminderTable, IAsyncDisposable
{
    private readonly ISqlStore _store;
    private readonly SchemaGate _schema;
    private readonly string _serviceId;

    public ReminderTable(ISqlStore store, string schemaDdl, string serviceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceId);
        _store = store;
        _schema = new SchemaGate(store, schemaDdl);
        _serviceId = serviceId;
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => _schema.EnsureAsync().WaitAsync(cancellationToken);

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, default);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, default);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, default);

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, default);

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, default);

    public Task TestOnlyClearTable() => TestOnlyClearTable(default);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync(ReminderSql.ReadGrain, command => command.With("@grain_id", grainId.ToString()), cancellationToken);

    // (begin, end] on the ring; begin >= end wraps past uint.MaxValue, so (x, x] is the whole ring.
    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken) =>
        QueryAsync(
            begin < end ? ReminderSql.ReadRange : ReminderSql.ReadWrappedRange,
            command => command.With("@begin", (long)begin).With("@end", (long)end),
            cancellationToken);

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        var rows = await QueryAsync(
            ReminderSql.ReadRow,
            command => command.With("@grain_id", grainId.ToString()).With("@reminder_name", reminderName),
            cancellationToken).ConfigureAwait(false);
        return rows.Reminders.Count == 0 ? null : rows.Reminders[0];
    }

    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.ReminderName);
        var etag = Guid.NewGuid().ToString("N");
        await ExecuteAsync(
            ReminderSql.Upsert,
            command => command
                .With("@grain_id", entry.GrainId.ToString())
                .With("@reminder_name", entry.ReminderName)
                .With("@grain_hash", (long)entry.GrainId.GetUniformHashCode())
                .With("@start_at", UtcTicks.From(entry.StartAt))
                .With("@period", entry.Period.Ticks)
                .With("@etag", etag),
            cancellationToken).ConfigureAwait(false);
        return etag;
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        ArgumentNullException.ThrowIfNull(eTag);
        var removed = await ExecuteAsync(
            ReminderSql.Remove,
            command => command
                .With("@grain_id", grainId.ToString())
                .With("@reminder_name", reminderName)
                .With("@etag", eTag),
            cancellationToken).ConfigureAwait(false);
        return removed == 1;
    }

    public Task TestOnlyClearTable(CancellationToken cancellationToken) => ExecuteAsync(ReminderSql.Clear, static _ => { }, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    private async Task<int> ExecuteAsync(string sql, Action<DbCommand> parameters, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return await _store.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(null, sql).With("@service_id", _serviceId);
                parameters(command);
                return await command.RunAsync(token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<ReminderTableData> QueryAsync(string sql, Action<DbCommand> parameters, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return await _store.RunAsync(
            async (connection, token) =>
            {
                await using var command = connection.Command(null, sql).With("@service_id", _serviceId);
                parameters(command);
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                var reminders = new List<ReminderEntry>();
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    reminders.Add(new ReminderEntry
                    {
                        GrainId = GrainId.Parse(reader.GetString(0)),
                        ReminderName = reader.GetString(1),
                        StartAt = UtcTicks.ToDateTime(reader.GetInt64(2)),
                        Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                        ETag = reader.GetString(4),
                    });
                }

                return new ReminderTableData(reminders);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
