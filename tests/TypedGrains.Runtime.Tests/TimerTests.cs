using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using TypedGrains.Runtime.Tests.Grains;
using TypedGrains.Runtime.Tests.Support;
using Xunit;

namespace TypedGrains.Runtime.Tests;

public sealed class TimerTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Each_tick_is_a_turn_that_calls_the_handler()
    {
        var (clock, scheduler, grains) = Create();
        using var _ = grains;
        var ticker = grains.TickerGrain("beats");
        await Run(scheduler, ticker.Start(Period, keepAlive: false));

        Advance(clock, scheduler, Period * 3);

        Assert.Equal(3, await Run(scheduler, ticker.Beats()));
    }

    [Fact]
    public async Task A_tick_waits_for_the_running_turn_and_never_overlaps_it()
    {
        var (clock, scheduler, grains) = Create();
        using var _ = grains;
        var key = "overlap-" + Guid.NewGuid();
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TickerGrain.Holds[key] = hold;
        var ticker = grains.TickerGrain(key);
        await Run(scheduler, ticker.Start(Period, keepAlive: false));

        var held = ticker.Hold().AsTask();
        Advance(clock, scheduler, Period);
        Assert.False(held.IsCompleted);
        var beatsWhileHeld = ticker.Beats().AsTask();
        scheduler.RunUntilIdle();
        Assert.False(beatsWhileHeld.IsCompleted);

        hold.SetResult();
        await Run(scheduler, new ValueTask(held));
        Assert.Equal(1, await Run(scheduler, new ValueTask<int>(beatsWhileHeld)));
        Assert.Equal(1, await Run(scheduler, ticker.Beats()));
        Assert.Equal(1, TickerGrain.MaxOverlap[key]);
    }

    [Fact]
    public async Task A_rolled_back_turn_starts_no_timer()
    {
        var (clock, scheduler, grains) = Create();
        using var _ = grains;
        var ticker = grains.TickerGrain("rolled-back");

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Run(scheduler, ticker.StartThenFail(Period)));
        Advance(clock, scheduler, Period * 3);

        Assert.Equal(0, await Run(scheduler, ticker.Beats()));
        Assert.Equal(0, grains.TimersOf<TickerGrain>(ticker.Id));
    }

    [Fact]
    public async Task Stop_ends_the_timer()
    {
        var (clock, scheduler, grains) = Create();
        using var _ = grains;
        var ticker = grains.TickerGrain("stopped");
        await Run(scheduler, ticker.Start(Period, keepAlive: false));
        Advance(clock, scheduler, Period);

        await Run(scheduler, ticker.Stop());
        Advance(clock, scheduler, Period * 3);

        Assert.Equal(1, await Run(scheduler, ticker.Beats()));
    }

    [Fact]
    public async Task A_tick_queued_behind_the_turn_that_stops_its_timer_does_not_run()
    {
        var (clock, scheduler, grains) = Create();
        using var _ = grains;
        var key = "stopped-while-queued-" + Guid.NewGuid();
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TickerGrain.Holds[key] = hold;
        var ticker = grains.TickerGrain(key);
        await Run(scheduler, ticker.Start(Period, keepAlive: false));

        // The tick falls due while the stopping turn runs, so it waits in the mailbox behind it.
        var stopping = ticker.HoldThenStop().AsTask();
        Advance(clock, scheduler, Period);
        hold.SetResult();
        await Run(scheduler, new ValueTask(stopping));
        Advance(clock, scheduler, Period * 3);

        Assert.Equal(0, await Run(scheduler, ticker.Beats()));
        Assert.Equal(0, grains.TimersOf<TickerGrain>(ticker.Id));
    }

    [Fact]
    public async Task A_tick_that_throws_is_rolled_back_and_reported_and_the_timer_goes_on()
    {
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var clock = new FakeTimeProvider();
        var scheduler = new SynchronousMailboxScheduler();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions
        {
            TimeProvider = clock,
            Scheduler = scheduler,
            CastFailed = (_, error) => failures.Enqueue(error),
        });
        var ticker = grains.TickerGrain("stumbles");
        await Run(scheduler, ticker.StartStumbling(Period));

        Advance(clock, scheduler, Period * 3);

        Assert.Equal(0, await Run(scheduler, ticker.Beats()));
        Assert.Equal(3, failures.Count);
        Assert.All(failures, error => Assert.Equal("tick failed", error.Message));
        Assert.Equal(1, grains.TimersOf<TickerGrain>(ticker.Id));
    }

    [Fact]
    public async Task A_single_tick_timer_fires_once()
    {
        var (clock, scheduler, grains) = Create();
        using var _ = grains;
        var ticker = grains.TickerGrain("once");
        await Run(scheduler, ticker.StartOnce(Period));

        Advance(clock, scheduler, Period * 5);

        Assert.Equal(1, await Run(scheduler, ticker.Beats()));
        Assert.Equal(0, grains.TimersOf<TickerGrain>(ticker.Id));
    }

    [Fact]
    public async Task A_timer_dies_with_its_activation()
    {
        var (clock, scheduler, grains) = Create();
        using var _ = grains;
        var ticker = grains.TickerGrain("dies");
        await Run(scheduler, ticker.Start(Period, keepAlive: false));
        Advance(clock, scheduler, Period);
        Assert.Equal(1, await Run(scheduler, ticker.Beats()));

        await Run(scheduler, ticker.Leave());
        Assert.False(grains.IsActive(ticker.Id));
        Advance(clock, scheduler, Period * 3);

        // Nothing ticked the grain back into life, and the new activation has no timer (its state was never saved).
        Assert.False(grains.IsActive(ticker.Id));
        Assert.Equal(0, await Run(scheduler, ticker.Beats()));
        Assert.Equal(0, grains.TimersOf<TickerGrain>(ticker.Id));
    }

    [Fact]
    public async Task Ticks_do_not_keep_an_activation_from_idle_collection_unless_asked()
    {
        var (clock, scheduler, grains) = Create();
        using var _ = grains;
        var quiet = grains.TickerGrain("idle-quiet");
        var kept = grains.TickerGrain("idle-kept");
        await Run(scheduler, quiet.Start(TimeSpan.FromMinutes(1), keepAlive: false));
        await Run(scheduler, kept.Start(TimeSpan.FromMinutes(1), keepAlive: true));

        Advance(clock, scheduler, TimeSpan.FromMinutes(40));

        Assert.False(grains.IsActive(quiet.Id));
        Assert.True(grains.IsActive(kept.Id));
    }

    private static (FakeTimeProvider Clock, SynchronousMailboxScheduler Scheduler, InProcessRuntime Grains) Create()
    {
        var clock = new FakeTimeProvider();
        var scheduler = new SynchronousMailboxScheduler();
        var grains = new InProcessRuntime(new InProcessRuntimeOptions { TimeProvider = clock, Scheduler = scheduler });
        return (clock, scheduler, grains);
    }

    /// <summary>Moves the clock one second at a time, running every mailbox after each step (a tick re-arms its timer after its turn).</summary>
    internal static void Advance(FakeTimeProvider clock, SynchronousMailboxScheduler scheduler, TimeSpan by)
    {
        for (var moved = TimeSpan.Zero; moved < by; moved += TimeSpan.FromSeconds(1))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            scheduler.RunUntilIdle();
        }
    }

    /// <summary>Runs mailboxes until <paramref name="call"/> completed (a turn that awaited real work may resume elsewhere first).</summary>
    internal static async Task<T> Run<T>(SynchronousMailboxScheduler scheduler, ValueTask<T> call)
    {
        var task = call.AsTask();
        await scheduler.RunUntilCompletedAsync(task, TimeSpan.FromSeconds(30));
        return await task;
    }

    internal static async Task Run(SynchronousMailboxScheduler scheduler, ValueTask call) =>
        await Run(scheduler, WithResult(call));

    private static async ValueTask<bool> WithResult(ValueTask call)
    {
        await call;
        return true;
    }
}
