using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using TypedGrains.Runtime.Tests.Grains;
using Xunit;

namespace TypedGrains.Runtime.Tests;

/// <summary>
/// A call to an idle activation runs its turn on the caller's thread (InProcessRuntimeOptions.RunCallsInline), and the
/// turn cannot tell: it sees none of the caller's flow, and its awaits never resume on the caller's synchronization context.
/// </summary>
public sealed class InlineCallTests
{
    [Fact]
    public async Task A_call_to_an_idle_grain_whose_turn_is_synchronous_has_answered_when_it_returns()
    {
        using var grains = new InProcessRuntime();
        var grain = grains.ContextGrain("inline-sync");
        await grain.ManagedThread();

        var call = grain.ManagedThread();

        Assert.True(call.IsCompletedSuccessfully);
        Assert.Equal(Environment.CurrentManagedThreadId, await call);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_call_from_a_thread_of_its_own_runs_there_only_when_inline_calls_are_on(bool inline)
    {
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { RunCallsInline = inline });
        var grain = grains.ContextGrain($"inline-{inline}");
        bool? onThreadPool = null;
        var caller = new Thread(() => onThreadPool = grain.OnThreadPool().AsTask().GetAwaiter().GetResult());

        caller.Start();
        Assert.True(caller.Join(TimeSpan.FromSeconds(30)));

        Assert.Equal(!inline, onThreadPool);
    }

    [Fact]
    public async Task The_callers_async_locals_never_reach_the_turn_and_the_turns_never_reach_the_caller()
    {
        using var grains = new InProcessRuntime();
        var grain = grains.ContextGrain("inline-flow");
        ContextGrain.CallerValue.Value = "set by the caller";

        // The first call also builds the activation's context: it must not capture the caller's value either.
        Assert.Equal("(none)", await grain.SeenCallerValue());
        Assert.Equal("(none)", await grain.SeenCallerValue());
        Assert.Equal(1, await grain.SetValueInside());
        Assert.Equal("set by the caller", ContextGrain.CallerValue.Value);
    }

    [Fact]
    public async Task A_turn_run_inline_does_not_resume_on_the_callers_synchronization_context()
    {
        using var grains = new InProcessRuntime();
        var grain = grains.ContextGrain("inline-sync-context");
        var context = new CountingSynchronizationContext();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        Task<bool> call;
        try
        {
            call = grain.YieldThenSeeSynchronizationContext().AsTask();
            Assert.Same(context, SynchronizationContext.Current);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        Assert.True(await call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, context.Posts);
    }

    [Fact]
    public async Task A_call_cycle_still_queues_behind_the_waiting_turn_instead_of_running_inside_it()
    {
        // A calls B inline; B's call back to A finds A's mailbox busy and must wait for it, not re-enter A's turn.
        var clock = new FakeTimeProvider();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { TimeProvider = clock, CallTimeout = TimeSpan.FromSeconds(5) });
        var bounce = grains.RelayGrain("inline-cycle-a").Bounce("inline-cycle-b", 2).AsTask();

        Assert.False(bounce.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(7));
        await Assert.ThrowsAsync<TimeoutException>(() => bounce);
    }

    private sealed class CountingSynchronizationContext : SynchronizationContext
    {
        private int _posts;

        public int Posts => Volatile.Read(ref _posts);

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posts);
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }
    }
}
