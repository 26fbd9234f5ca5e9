using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using TypedGrains.Runtime.Tests.Grains;
using TypedGrains.Runtime.Tests.Support;
using Xunit;

namespace TypedGrains.Runtime.Tests;

/// <summary>StopAsync drains and deactivates; Dispose never leaves a caller waiting.</summary>
public sealed class StopTests
{
    [Fact]
    public async Task Stop_drains_queued_casts_runs_deactivation_hooks_and_refuses_later_messages()
    {
        var storage = new MemoryGrainStateProvider();
        var scheduler = new SynchronousMailboxScheduler();
        var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage, Scheduler = scheduler });
        var hook = grains.HookGrain("stopped");
        for (var i = 0; i < 100; i++)
        {
            hook.Add();
        }

        // Nothing has run yet: the stop itself must drain the hundred casts.
        var stop = grains.StopAsync();
        while (!stop.IsCompleted)
        {
            scheduler.RunUntilIdle();
            await Task.Yield();
        }

        await stop;
        Assert.Equal(0, grains.ActivationCount);
        Assert.Throws<ObjectDisposedException>(() => hook.Add());
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await hook.Read());

        using var restarted = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage });
        Assert.Equal(new HookState(Activations: 2, Deactivations: 1, Count: 100), await restarted.HookGrain("stopped").Read());
    }

    [Fact]
    public async Task While_a_stop_drains_messages_from_outside_are_refused_and_a_running_turn_completes()
    {
        var grains = new InProcessRuntime();
        var gate = TurnGate.Register("stop-gate", 1);
        var gated = grains.GatedGrain("stop-gate");
        var held = gated.Hold().AsTask();
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));

        var stop = grains.StopAsync();

        var refused = await Assert.ThrowsAsync<ObjectDisposedException>(async () => await grains.CounterGrain("late").Get());
        Assert.Contains("stopping", refused.Message);
        Assert.False(stop.IsCompleted);
        gate.Open();
        Assert.Equal(1, await held);
        await stop.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_caller_waiting_on_a_deferred_reply_fails_with_GrainDeactivatedException_on_stop()
    {
        var grains = new InProcessRuntime();
        var barrier = grains.BarrierGrain(7);
        var waiting = barrier.Arrive().AsTask();
        Assert.Equal(1, await barrier.WaitingCount());

        await grains.StopAsync();

        var error = await Assert.ThrowsAsync<GrainDeactivatedException>(() => waiting);
        Assert.Equal(barrier.Id, error.Grain);
    }

    [Fact]
    public async Task Dispose_fails_deferred_and_running_callers_instead_of_leaving_them_waiting()
    {
        var grains = new InProcessRuntime();
        var barrier = grains.BarrierGrain(8);
        var waiting = barrier.Arrive().AsTask();
        Assert.Equal(1, await barrier.WaitingCount());
        var gate = TurnGate.Register("dispose-gate", 1);
        var held = grains.GatedGrain("dispose-gate").Hold().AsTask();
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));

        grains.Dispose();

        Assert.Equal(barrier.Id, (await Assert.ThrowsAsync<GrainDeactivatedException>(() => waiting)).Grain);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => held);
        gate.Open();
    }

    [Fact]
    public async Task A_stop_that_cannot_drain_gives_up_at_the_stop_timeout_and_fails_the_waiting_callers()
    {
        var clock = new FakeTimeProvider();
        var grains = new InProcessRuntime(new InProcessRuntimeOptions
        {
            TimeProvider = clock,
            StopTimeout = TimeSpan.FromSeconds(10),
            CallTimeout = Timeout.InfiniteTimeSpan,
        });
        var gate = TurnGate.Register("stuck-stop-gate", 1);
        var held = grains.GatedGrain("stuck-stop-gate").Hold().AsTask();
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));

        var stop = grains.StopAsync();
        Assert.False(stop.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(11));

        await stop.WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => held);
        gate.Open();
    }

    [Fact]
    public async Task DisposeAsync_stops_gracefully()
    {
        var storage = new MemoryGrainStateProvider();
        await using (var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage }))
        {
            var counter = grains.CounterGrain("disposed-async");
            for (var i = 0; i < 50; i++)
            {
                counter.Increment();
            }
        }

        using var restarted = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage });
        Assert.Equal(50, await restarted.CounterGrain("disposed-async").Get());
    }

    [Fact]
    public async Task StartAsync_completes_and_is_refused_after_a_stop()
    {
        var grains = new InProcessRuntime();
        await grains.StartAsync(CancellationToken.None);

        await grains.StopAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => grains.StartAsync(CancellationToken.None));
    }
}
