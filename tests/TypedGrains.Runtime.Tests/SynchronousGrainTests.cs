using System;
using System.Threading.Tasks;
using TypedGrains.Runtime.Tests.Grains;
using Xunit;

namespace TypedGrains.Runtime.Tests;

/// <summary>
/// A grain whose code never awaits (GrainDefinition.RunsSynchronously) has its turn made current on the thread instead
/// of through an execution context of its own: the turn rules must hold exactly as for every other grain.
/// </summary>
public sealed class SynchronousGrainTests
{
    [Fact]
    public void The_generator_marks_a_grain_synchronous_only_when_none_of_its_code_awaits()
    {
        Assert.True(DefinitionOf<SyncRelayGrain>().RunsSynchronously);
        Assert.False(DefinitionOf<RelayGrain>().RunsSynchronously);
        Assert.False(DefinitionOf<CounterGrain>().RunsSynchronously);
    }

    [Fact]
    public async Task A_cast_from_a_synchronous_turn_that_throws_never_leaves_on_the_thread_pool()
    {
        using var grains = new InProcessRuntime();
        var relay = grains.SyncRelayGrain("sync-thrower");

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await relay.CastThenFail("sync-never"));
        // A cast the relay sends now is queued behind any cast the failed turn could have sent.
        Assert.Equal(1, await relay.CastAndCount("sync-never"));

        Assert.Equal(1, await grains.CounterGrain("sync-never").Get());
    }

    [Fact]
    public async Task A_cast_from_a_synchronous_turn_that_throws_never_leaves_on_the_synchronous_scheduler()
    {
        var scheduler = new SynchronousMailboxScheduler();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { Scheduler = scheduler });

        var failed = grains.SyncRelayGrain("sync-step").CastThenFail("sync-step-never").AsTask();
        scheduler.RunUntilIdle();
        await Assert.ThrowsAsync<InvalidOperationException>(() => failed);
        var count = grains.CounterGrain("sync-step-never").Get();
        scheduler.RunUntilIdle();

        Assert.Equal(0, await count);
    }

    [Fact]
    public async Task After_an_inline_call_to_a_synchronous_grain_the_callers_turn_still_holds_its_own_casts()
    {
        using var grains = new InProcessRuntime();
        var relay = grains.RelayGrain("async-over-sync");

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await relay.CallSyncThenCastThenFail("sync-inner", "sync-inner-target", "outer-never"));
        // Queued behind anything the failed turn could have sent to the same counter.
        await relay.CastAndSave("outer-never");
        await relay.Sent();

        Assert.Equal(1, await grains.CounterGrain("sync-inner-target").Get());
        Assert.Equal(1, await grains.CounterGrain("outer-never").Get());
    }

    private static GrainDefinition DefinitionOf<TGrain>()
        where TGrain : Grain, IGrain<TGrain> => TGrain.Definition;
}
