using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Orleans.Tests.Grains;
using TypedGrains.Orleans.Tests.Support;
using Xunit;

namespace TypedGrains.Orleans.Tests;

/// <summary>On Orleans, TypedGrains timers run as Orleans grain timers and reminders on Orleans' reminder service.</summary>
public sealed class TimerAndReminderTests : IClassFixture<TwoSiloCluster>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TwoSiloCluster _cluster;
    private readonly string _prefix = Guid.NewGuid().ToString("N")[..8];

    public TimerAndReminderTests(TwoSiloCluster cluster) => _cluster = cluster;

    [Fact]
    public async Task A_timer_ticks_as_turns_that_commit()
    {
        var key = _prefix + "timer";
        var ticked = Signal(Clock.TimerTicked, key);
        var clock = _cluster.Client.Clock(key);

        await clock.StartTicking();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await ticked.WaitAsync(Patience), "A timer tick did not come.");
        }

        await clock.StopTicking();
        Assert.True((await clock.Read()).TimerTicks >= 3);
    }

    [Fact]
    public async Task A_reminder_fires_through_Orleans_reminder_service()
    {
        var key = _prefix + "reminder";
        var ticked = Signal(Clock.ReminderTicked, key);
        var clock = _cluster.Client.Clock(key);

        await clock.Remind();
        Assert.True(await ticked.WaitAsync(Patience), "The reminder did not fire.");
        await clock.Forget();

        Assert.Equal(1, (await clock.Read()).ReminderTicks);
    }

    [Fact]
    public async Task A_grain_lists_its_reminders_from_Orleans_reminder_table()
    {
        var clock = _cluster.Client.Clock(_prefix + "listed");
        Assert.Empty(await clock.Reminders());

        await clock.RemindAfter(TimeSpan.FromHours(1));
        Assert.Equal(["ReminderTick every 00:01:00, due in the future: True"], await clock.Reminders());

        await clock.Forget();
        Assert.Empty(await clock.Reminders());
    }

    /// <summary>The grain releases it after each committed tick: ticks come on Orleans' clock, which a test cannot drive.</summary>
    private static SemaphoreSlim Signal(ConcurrentDictionary<string, SemaphoreSlim> signals, string key) =>
        signals.GetOrAdd(key, _ => new SemaphoreSlim(0));
}
