using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using TypedGrains.Runtime.Tests.Grains;
using TypedGrains.Runtime.Tests.Support;
using Xunit;

namespace TypedGrains.Runtime.Tests;

/// <summary>
/// A call to an active, idle grain runs its turn on the caller's thread with no envelope (a direct call). Whatever its
/// turn does, the caller must not be able to tell it from a posted call: it still times out, waits for the save, gets
/// the handler's exception with everything rolled back, and never overlaps another turn.
/// </summary>
public sealed class DirectCallTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_direct_call_whose_turn_awaits_is_in_flight_and_times_out_and_a_call_behind_it_waits_for_it()
    {
        var clock = new FakeTimeProvider();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { TimeProvider = clock, CallTimeout = Timeout });
        var gate = TurnGate.Register("direct-gate", 1);
        var gated = grains.GatedGrain("direct-gate");
        Assert.Equal(0, await gated.Count());

        var held = gated.Hold().AsTask();
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        var queued = gated.Count().AsTask();
        Assert.Equal(2, grains.Calls.Count);
        Assert.False(queued.IsCompleted);

        clock.Advance(Timeout + TimeSpan.FromSeconds(1));
                // Bounded so that a call that never times out fails the test instead of hanging it.
        Assert.Same(held, await Task.WhenAny(held, Task.Delay(TimeSpan.FromSeconds(30))));
        var error = await Assert.ThrowsAsync<TimeoutException>(() => held);
        Assert.Contains("Hold", error.Message);
        Assert.Same(queued, await Task.WhenAny(queued, Task.Delay(TimeSpan.FromSeconds(30))));
        await Assert.ThrowsAsync<TimeoutException>(() => queued);

        gate.Open();
        Assert.Equal(1, await gated.Count());
        Assert.Equal(0, grains.Calls.Count);
    }

    [Fact]
    public async Task A_direct_call_whose_handler_throws_gets_the_exception_and_nothing_of_the_turn_takes_effect()
    {
        var storage = new MemoryGrainStateProvider();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage });
        var counter = grains.CounterGrain("direct-fail");
        Assert.Equal(2, await counter.Add(2));

        var failed = counter.AddThenFail(5);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failed.AsTask());
        Assert.Equal("handler failed on purpose", error.Message);
        Assert.True(grains.IsActive(counter.Id));
        Assert.Equal(2, await counter.Get());
        Assert.Equal(0, grains.Calls.Count);
    }

    [Fact]
    public async Task A_direct_call_that_saves_answers_only_after_the_save_completed()
    {
        var storage = new ControllableStateProvider();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage });
        var counter = grains.CounterGrain("direct-save");
        Assert.Equal(0, await counter.Get());
        storage.HoldWrites();

        var add = counter.Add(1).AsTask();
        await storage.WriteStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(add.IsCompleted);
        storage.ReleaseWrites();
        Assert.Equal(1, await add.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, storage.Writes);
    }

    [Fact]
    public async Task A_direct_call_without_a_reply_value_whose_handler_throws_after_an_await_fails_and_rolls_back()
    {
        using var grains = new InProcessRuntime();
        var counter = grains.CounterGrain("direct-void-fail");
        Assert.Equal(2, await counter.Add(2));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => counter.AddThenFailAsync(5).AsTask());

        Assert.Equal("async handler failed on purpose", error.Message);
        Assert.Equal(2, await counter.Get());
        Assert.Equal(0, grains.Calls.Count);
    }

    [Fact]
    public async Task A_direct_call_without_a_reply_value_that_deactivates_runs_the_hook_and_the_next_call_activates_anew()
    {
        using var grains = new InProcessRuntime();
        var hooks = grains.HookGrain("direct-void-end");
        Assert.Equal(new HookState(Activations: 1), await hooks.Read());

        await hooks.Leave();

        Assert.Equal(new HookState(Activations: 2, Deactivations: 1), await hooks.Read());
    }
}
