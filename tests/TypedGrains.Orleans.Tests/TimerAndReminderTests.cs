using System;
using System.Diagnostics;
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
    public async Task A_timer_ticks_as_turns_until_stopped()
    {
        var clock = _cluster.Client.Clock(_prefix + "timer");

        await clock.StartTicking();
        var ticks = await Until(clock, s => s.TimerTicks >= 3);
        await clock.StopTicking();
        var stopped = (await clock.Read()).TimerTicks;

        Assert.True(ticks.TimerTicks >= 3);
        // A tick already queued when the timer stopped may still run; none after it.
        await Task.Delay(500);
        Assert.InRange((await clock.Read()).TimerTicks, stopped, stopped + 1);
    }

    [Fact]
    public async Task A_reminder_fires_through_Orleans_reminder_service()
    {
        var clock = _cluster.Client.Clock(_prefix + "reminder");

        await clock.Remind();
        var state = await Until(clock, s => s.ReminderTicks >= 1);
        await clock.Forget();

        Assert.Equal(1, state.ReminderTicks);
    }

    /// <summary>Bounded polling of a real condition: ticks come on Orleans' own clock, which a test cannot drive.</summary>
    private static async Task<ClockState> Until(ClockRef clock, Func<ClockState, bool> done)
    {
        var waited = Stopwatch.StartNew();
        var state = await clock.Read();
        while (!done(state))
        {
            Assert.True(waited.Elapsed < Patience, $"Still {state} after {Patience}.");
            await Task.Delay(50);
            state = await clock.Read();
        }

        return state;
    }
}
