using System;
using System.Threading.Tasks;
using TypedGrains.Persistence.Tests.Grains;
using TypedGrains.Persistence.Tests.Support;
using TypedGrains.Reminders;
using TypedGrains.Runtime;
using Xunit;

namespace TypedGrains.Persistence.Tests.Conformance;

/// <summary>
/// Reminder behaviour on one reminder table and state provider: each "process" is a new runtime on the same storage
/// and a hand-set clock; each test runs reminder passes itself, so nothing depends on timing.
/// </summary>
public abstract class ReminderConformance : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(5);

    private readonly SteppedClock _clock = new();

    protected abstract IReminderTable Table { get; }

    protected abstract IGrainStateProvider Provider { get; }

    public virtual void Dispose()
    {
    }

    [Fact]
    public async Task A_reminder_fires_after_a_restart_and_activates_the_grain()
    {
        var key = Guid.NewGuid().ToString();
        await using (var first = Start())
        {
            await first.Subscriber(key).Subscribe(Period);
        }

        _clock.Advance(Period);
        await using var second = Start();
        Assert.False(second.IsActive(second.Subscriber(key).Id));

        await second.FireDueRemindersAsync();

        Assert.True(second.IsActive(second.Subscriber(key).Id));
        Assert.Equal(1, await second.Subscriber(key).Charges());
    }

    [Fact]
    public async Task Ticks_missed_while_down_fire_once()
    {
        var key = Guid.NewGuid().ToString();
        await using (var first = Start())
        {
            await first.Subscriber(key).Subscribe(Period);
        }

        _clock.Advance(Period * 10 + TimeSpan.FromSeconds(30));
        await using var second = Start();
        await second.FireDueRemindersAsync();
        await second.FireDueRemindersAsync();

        Assert.Equal(1, await second.Subscriber(key).Charges());
        var entry = Assert.Single(await Table.ReadAsync(second.Subscriber(key).Id));
        Assert.True(entry.DueAt > _clock.GetUtcNow());
        Assert.True(entry.DueAt <= _clock.GetUtcNow() + Period);
    }

    [Fact]
    public async Task A_reminder_fires_once_per_due_period()
    {
        var key = Guid.NewGuid().ToString();
        await using var grains = Start();
        await grains.Subscriber(key).Subscribe(Period);

        await grains.FireDueRemindersAsync();
        Assert.Equal(0, await grains.Subscriber(key).Charges());
        for (var i = 0; i < 3; i++)
        {
            _clock.Advance(Period);
            await grains.FireDueRemindersAsync();
        }

        Assert.Equal(3, await grains.Subscriber(key).Charges());
    }

    [Fact]
    public async Task Unregister_stops_the_reminder()
    {
        var key = Guid.NewGuid().ToString();
        await using var grains = Start();
        var subscriber = grains.Subscriber(key);
        await subscriber.Subscribe(Period);
        _clock.Advance(Period);
        await grains.FireDueRemindersAsync();

        await subscriber.Cancel();
        _clock.Advance(Period * 3);
        await grains.FireDueRemindersAsync();

        Assert.Equal(1, await subscriber.Charges());
        Assert.Empty(await subscriber.Reminders());
    }

    [Fact]
    public async Task A_grain_lists_its_committed_reminders_and_a_rolled_back_turn_registers_none()
    {
        var key = Guid.NewGuid().ToString();
        await using var grains = Start();
        var subscriber = grains.Subscriber(key);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await subscriber.SubscribeThenFail(Period));
        Assert.Empty(await subscriber.Reminders());

        await subscriber.Subscribe(Period);
        Assert.Equal(new[] { "Charge" }, await subscriber.Reminders());
    }

    private InProcessRuntime Start() => new(new InProcessRuntimeOptions
    {
        TimeProvider = _clock,
        ReminderTable = Table,
        DefaultProvider = Provider,
    });
}
