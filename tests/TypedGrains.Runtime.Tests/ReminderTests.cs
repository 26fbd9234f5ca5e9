using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using TypedGrains.Runtime.Tests.Grains;
using TypedGrains.Runtime.Tests.Support;
using Xunit;

namespace TypedGrains.Runtime.Tests;

/// <summary>
/// Reminders fired by the runtime on its own clock, with no test-run pass (<c>FireDueRemindersAsync</c>): the clock is
/// a manual one, the mailboxes run on the synchronous scheduler. The provider suite covers restarts and tables.
/// </summary>
public sealed class ReminderTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task A_reminder_fires_on_the_runtime_clock_and_activates_a_grain_that_idle_collection_ended()
    {
        var (clock, scheduler, grains) = Create();
        using var _ = grains;
        var ticker = grains.TickerGrain("collected");
        await TimerTests.Run(scheduler, ticker.Remind(Period, Period));

        for (var charges = 1; charges <= 3; charges++)
        {
            TimerTests.Advance(clock, scheduler, Period / 2);
            Assert.False(grains.IsActive(ticker.Id));

            // The clock's reminder pass ran the tick's turn on the scheduler, activating the grain.
            TimerTests.Advance(clock, scheduler, Period / 2);
            Assert.True(grains.IsActive(ticker.Id));
            Assert.Equal(charges, await TimerTests.Run(scheduler, ticker.Charges()));
            await Settle(scheduler, grains);
        }
    }

    [Fact]
    public async Task An_unregistered_reminder_no_longer_fires_on_the_clock()
    {
        var (clock, scheduler, grains) = Create();
        using var _ = grains;
        var ticker = grains.TickerGrain("forgotten");
        await TimerTests.Run(scheduler, ticker.Remind(Period, Period));
        TimerTests.Advance(clock, scheduler, Period);
        await Settle(scheduler, grains);
        Assert.Equal(["Charge"], await TimerTests.Run(scheduler, ticker.ReminderNames()));

        await TimerTests.Run(scheduler, ticker.Forget());
        TimerTests.Advance(clock, scheduler, Period * 3);

        Assert.Equal(1, await TimerTests.Run(scheduler, ticker.Charges()));
        Assert.Empty(await TimerTests.Run(scheduler, ticker.ReminderNames()));
    }

    [Fact]
    public async Task A_reminder_tick_that_fails_is_reported_and_not_retried_before_its_next_due_time()
    {
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var (clock, scheduler, grains) = Create(failures);
        using var _ = grains;
        var ticker = grains.TickerGrain("stumbling");
        await TimerTests.Run(scheduler, ticker.RemindStumbling(Period));

        TimerTests.Advance(clock, scheduler, Period);
        await Settle(scheduler, grains);
        Assert.Equal(["tick failed"], failures.Select(f => f.Message));

        TimerTests.Advance(clock, scheduler, Period - TimeSpan.FromSeconds(1));
        await Settle(scheduler, grains);
        Assert.Single(failures);
        Assert.Equal(0, await TimerTests.Run(scheduler, ticker.Beats()));

        TimerTests.Advance(clock, scheduler, TimeSpan.FromSeconds(1));
        await Settle(scheduler, grains);
        Assert.Equal(2, failures.Count);
    }

    [Fact]
    public async Task A_rolled_back_turn_registers_no_reminder_that_fires()
    {
        var (clock, scheduler, grains) = Create();
        using var _ = grains;
        var ticker = grains.TickerGrain("rolled-back");

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await TimerTests.Run(scheduler, ticker.RemindThenFail(Period)));
        TimerTests.Advance(clock, scheduler, Period * 2);

        Assert.Equal(0, await TimerTests.Run(scheduler, ticker.Charges()));
        Assert.Empty(await TimerTests.Run(scheduler, ticker.ReminderNames()));
    }

    /// <summary>
    /// Waits for the reminder pass the clock started: it resumes off the scheduler once its tick's call returned, moves
    /// the reminder on and re-arms. A pass started here after it finds nothing due.
    /// </summary>
    private static Task Settle(SynchronousMailboxScheduler scheduler, InProcessRuntime grains) =>
        TimerTests.Run(scheduler, new ValueTask(grains.FireDueRemindersAsync()));

    private static (FakeTimeProvider Clock, SynchronousMailboxScheduler Scheduler, InProcessRuntime Grains) Create(
        System.Collections.Concurrent.ConcurrentQueue<Exception>? failures = null)
    {
        var clock = new FakeTimeProvider();
        var scheduler = new SynchronousMailboxScheduler();
        var grains = new InProcessRuntime(new InProcessRuntimeOptions
        {
            TimeProvider = clock,
            Scheduler = scheduler,
            IdleCollectionAge = TimeSpan.FromMinutes(1),
            CastFailed = failures is null ? null : (_, error) => failures.Enqueue(error),
        });
        return (clock, scheduler, grains);
    }
}
