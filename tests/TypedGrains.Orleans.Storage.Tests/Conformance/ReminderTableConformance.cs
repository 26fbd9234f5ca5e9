using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Orleans;
using Orleans.Runtime;
using Xunit;

namespace TypedGrains.Orleans.Storage.Tests.Conformance;

/// <summary>
/// The contract of Orleans' reminder table, run against each store by a ten-line subclass. Each test works in its
/// own service id, so a store shared between tests does not matter.
/// </summary>
public abstract class ReminderTableConformance : IAsyncLifetime
{
    private readonly List<IReminderTable> _created = new();

    protected string ServiceId { get; } = "service-" + Guid.NewGuid().ToString("N");

    /// <summary>A table of <paramref name="serviceId"/> on this test's store; each call gives another instance.</summary>
    protected abstract IReminderTable CreateTable(string serviceId);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var table in _created)
        {
            await table.StopAsync();
            if (table is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Upsert_returns_an_etag_and_the_row_reads_back_with_it()
    {
        var table = await Table();
        var reminder = Reminder(NewGrain(), "foo/bar\\#b_a_z?");

        var etag = await table.UpsertRow(reminder);

        var read = await table.ReadRow(reminder.GrainId, reminder.ReminderName);
        Assert.NotNull(read);
        Assert.False(string.IsNullOrEmpty(etag));
        Assert.Equal(etag, read.ETag);
        Assert.Equal(reminder.GrainId, read.GrainId);
        Assert.Equal(reminder.ReminderName, read.ReminderName);
        Assert.Equal(reminder.StartAt, read.StartAt);
        Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);
        Assert.Equal(reminder.Period, read.Period);
        Assert.Null(await table.ReadRow(reminder.GrainId, "another"));
        Assert.Null(await table.ReadRow(NewGrain(), reminder.ReminderName));
    }

    [Fact]
    public async Task Upsert_of_an_existing_reminder_replaces_it_with_a_new_etag()
    {
        var table = await Table();
        var reminder = Reminder(NewGrain(), "tick");
        var first = await table.UpsertRow(reminder);

        reminder.Period = TimeSpan.FromMinutes(7);
        reminder.StartAt = reminder.StartAt.AddHours(1);
        var second = await table.UpsertRow(reminder);

        Assert.NotEqual(first, second);
        var rows = await table.ReadRows(reminder.GrainId);
        var read = Assert.Single(rows.Reminders);
        Assert.Equal(second, read.ETag);
        Assert.Equal(TimeSpan.FromMinutes(7), read.Period);
        Assert.Equal(reminder.StartAt, read.StartAt);
    }

    [Fact]
    public async Task Remove_needs_the_current_etag_and_the_right_name()
    {
        var table = await Table();
        var reminder = Reminder(NewGrain(), "tick");
        var stale = await table.UpsertRow(reminder);
        var current = await table.UpsertRow(reminder);

        Assert.False(await table.RemoveRow(reminder.GrainId, reminder.ReminderName, stale!), "a stale etag");
        Assert.False(await table.RemoveRow(reminder.GrainId, "another", current!), "another name");
        Assert.False(await table.RemoveRow(NewGrain(), reminder.ReminderName, current!), "another grain");
        Assert.NotNull(await table.ReadRow(reminder.GrainId, reminder.ReminderName));
        Assert.True(await table.RemoveRow(reminder.GrainId, reminder.ReminderName, current!));
        Assert.False(await table.RemoveRow(reminder.GrainId, reminder.ReminderName, current!), "already removed");
        Assert.Null(await table.ReadRow(reminder.GrainId, reminder.ReminderName));
    }

    [Fact]
    public async Task Per_grain_reads_return_every_reminder_of_that_grain_only()
    {
        var table = await Table();
        var grain = NewGrain();
        var other = NewGrain();
        foreach (var name in new[] { "a", "b", "c" })
        {
            await table.UpsertRow(Reminder(grain, name));
        }

        await table.UpsertRow(Reminder(other, "a"));

        var rows = await table.ReadRows(grain);
        Assert.Equal(new[] { "a", "b", "c" }, rows.Reminders.Select(r => r.ReminderName).Order());
        Assert.All(rows.Reminders, r => Assert.Equal(grain, r.GrainId));
        Assert.Empty((await table.ReadRows(NewGrain())).Reminders);
    }

    [Fact]
    public async Task Range_reads_select_by_grain_hash_in_begin_exclusive_end_inclusive_and_wrap_when_begin_is_not_below_end()
    {
        var table = await Table();
        var grains = Enumerable.Range(0, 60).Select(_ => NewGrain()).ToArray();
        await Task.WhenAll(grains.Select(grain => table.UpsertRow(Reminder(grain, "r"))));
        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToArray();

        var random = new Random(20261201);
        var ranges = new List<(uint Begin, uint End)>
        {
            (0, uint.MaxValue), (0, 0), (uint.MaxValue, uint.MaxValue), (uint.MaxValue, 0),
            (hashes[10], hashes[20]), (hashes[20], hashes[10]), (hashes[5], hashes[5]), (hashes[^1], hashes[0]),
        };
        for (var i = 0; i < 12; i++)
        {
            ranges.Add(((uint)random.NextInt64(0, 1L << 32), (uint)random.NextInt64(0, 1L << 32)));
        }

        foreach (var (begin, end) in ranges)
        {
            var expected = hashes.Where(h => begin < end ? h > begin && h <= end : h > begin || h <= end);
            var rows = await table.ReadRows(begin, end);
            Assert.Equal(expected, rows.Reminders.Select(r => r.GrainId.GetUniformHashCode()).Order());
        }

        Assert.Equal(grains.Length, (await table.ReadRows(hashes[7], hashes[7])).Reminders.Count);
    }

    [Fact]
    public async Task Rows_are_scoped_by_service_id_and_clearing_clears_only_this_service()
    {
        var table = await Table();
        var other = await Table("other-" + ServiceId);
        var grain = NewGrain();
        await table.UpsertRow(Reminder(grain, "mine"));
        await other.UpsertRow(Reminder(grain, "theirs"));

        Assert.Equal("mine", Assert.Single((await table.ReadRows(grain)).Reminders).ReminderName);
        Assert.Equal("mine", Assert.Single((await table.ReadRows(0, 0)).Reminders).ReminderName);

        await table.TestOnlyClearTable();

        Assert.Empty((await table.ReadRows(0, 0)).Reminders);
        Assert.Equal("theirs", Assert.Single((await other.ReadRows(grain)).Reminders).ReminderName);
    }

    [Fact]
    public async Task Another_instance_on_the_same_store_sees_the_rows()
    {
        var writer = await Table();
        var reminder = Reminder(NewGrain(), "shared");
        var etag = await writer.UpsertRow(reminder);

        var reader = await Table();

        Assert.Equal(etag, (await reader.ReadRow(reminder.GrainId, reminder.ReminderName))?.ETag);
        Assert.True(await reader.RemoveRow(reminder.GrainId, reminder.ReminderName, etag!));
        Assert.Null(await writer.ReadRow(reminder.GrainId, reminder.ReminderName));
    }

    private async Task<IReminderTable> Table(string? serviceId = null)
    {
        var table = CreateTable(serviceId ?? ServiceId);
        _created.Add(table);
        await table.StartAsync();
        return table;
    }

    private static GrainId NewGrain() =>
        GrainId.Create(GrainType.Create("remindable"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid(), "ext/with#odd?chars"));

    private static ReminderEntry Reminder(GrainId grain, string name) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = new DateTime(2026, 12, 1, 23, 45, 30, 123, DateTimeKind.Utc).AddTicks(4567),
        Period = TimeSpan.FromMinutes(1) + TimeSpan.FromTicks(89),
    };
}
