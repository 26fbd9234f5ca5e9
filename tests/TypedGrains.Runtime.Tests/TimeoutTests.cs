using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using TypedGrains.Persistence;
using TypedGrains.Runtime.Tests.Grains;
using TypedGrains.Runtime.Tests.Support;
using Xunit;

namespace TypedGrains.Runtime.Tests;

/// <summary>No caller waits forever: calls time out on the runtime's clock and can be cancelled.</summary>
public sealed class TimeoutTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_call_that_outlives_the_call_timeout_fails_naming_grain_and_method_and_a_queued_one_never_runs()
    {
        var clock = new FakeTimeProvider();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { TimeProvider = clock, CallTimeout = Timeout });
        var gate = TurnGate.Register("timeout-gate", 1);
        var gated = grains.GatedGrain("timeout-gate");
        var held = gated.Hold().AsTask();
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        var queued = gated.Hold().AsTask();

        clock.Advance(Timeout + TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => held);
        Assert.Contains(gated.Id.ToString(), error.Message);
        Assert.Contains("Hold", error.Message);
        Assert.Contains("outcome is unknown", error.Message);
        await Assert.ThrowsAsync<TimeoutException>(() => queued);

        // The first turn had started, so it still commits; the queued one had not, so it never runs.
        gate.Open();
        Assert.Equal(1, await gated.Count());
        Assert.Equal(1, gate.Entries);
    }

    [Fact]
    public async Task A_call_cycle_fails_at_the_timeout_instead_of_hanging_and_the_grains_serve_again()
    {
        var clock = new FakeTimeProvider();
        var scheduler = new SynchronousMailboxScheduler();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { TimeProvider = clock, CallTimeout = Timeout, Scheduler = scheduler });
        var a = grains.RelayGrain("cycle-a");

        // A calls B, B calls A: A's mailbox holds B's call behind A's own waiting turn.
        var bounce = a.Bounce("cycle-b", 2).AsTask();
        scheduler.RunUntilIdle();
        Assert.Equal(3, grains.Calls.Count);
        Assert.False(bounce.IsCompleted);

        clock.Advance(Timeout + TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<TimeoutException>(() => bounce);
        var again = a.Bounce("cycle-b", 1).AsTask();
        while (!again.IsCompleted)
        {
            // The failed turns finish on the thread pool; new messages wait for this test to run their mailboxes.
            scheduler.RunUntilIdle();
            await Task.Yield();
        }

        Assert.Equal(1, await again);
    }

    [Fact]
    public async Task A_save_that_hangs_fails_the_caller_at_the_timeout_and_drops_the_activation()
    {
        var clock = new TimerWatchingTimeProvider();
        var storage = new ControllableStateProvider();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { TimeProvider = clock, CallTimeout = Timeout, DefaultProvider = storage });
        var counter = grains.CounterGrain("frozen-db");
        Assert.Equal(0, await counter.Get());
        storage.HoldWrites();

        var storageTimeoutArmed = clock.OneShotArmed(Timeout);
        var add = counter.Add(1).AsTask();
        await storage.WriteStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // The write has started; the engine arms its storage timeout just after, and only then may the clock move.
        await storageTimeoutArmed.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(Timeout + TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => add);
        Assert.True(error is TimeoutException or GrainStorageException { InnerException: TimeoutException }, error.ToString());
        // The frozen write never completed: the next call runs on a new activation that loaded the last saved state.
        Assert.Equal(0, await counter.Get());
        Assert.Equal(0, storage.Writes);
        storage.ReleaseWrites();
    }

    [Fact]
    public async Task A_cancelled_call_fails_with_OperationCanceledException_and_its_turn_does_not_run_if_it_had_not_started()
    {
        using var grains = new InProcessRuntime();
        var gate = TurnGate.Register("cancel-gate", 1);
        var gated = grains.GatedGrain("cancel-gate");
        var held = gated.Hold().AsTask();
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource();

        var queued = grains.CallAsync<GatedGrain, GatedGrain.Requests.Hold, int>(gated.Id, new GatedGrain.Requests.Hold(), cancel.Token).AsTask();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        gate.Open();
        Assert.Equal(1, await held);
        Assert.Equal(1, await gated.Count());
        Assert.Equal(1, gate.Entries);
    }

    [Fact]
    public async Task A_call_with_an_already_cancelled_token_is_not_sent()
    {
        using var grains = new InProcessRuntime();
        var counter = grains.CounterGrain("pre-cancelled");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await grains.CallAsync<CounterGrain, CounterGrain.Requests.Add, int>(counter.Id, new CounterGrain.Requests.Add(1), new CancellationToken(canceled: true)));

        Assert.False(grains.IsActive(counter.Id));
        Assert.Equal(0, await counter.Get());
    }

    [Fact]
    public async Task Answered_calls_leave_the_in_flight_registry()
    {
        using var grains = new InProcessRuntime();
        var counter = grains.CounterGrain("registry");

        for (var i = 0; i < 100; i++)
        {
            await counter.Add(1);
        }

        Assert.Equal(0, grains.Calls.Count);
    }
}
