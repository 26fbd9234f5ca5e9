using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using TypedGrains.Runtime.Tests.Grains;
using Xunit;

namespace TypedGrains.Runtime.Tests;

/// <summary>A deferred-reply token kept in stored state can never reach a caller of a later runtime incarnation.</summary>
public sealed class CallerIncarnationTests
{
    [Fact]
    public async Task A_stored_token_answered_after_a_restart_leaves_the_other_caller_with_the_same_number_waiting()
    {
        var storage = new MemoryGrainStateProvider();

        // First incarnation: its first deferred caller (number 1) is stored in the barrier's state; it exits without answering.
        var first = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage });
        var stale = first.BarrierGrain(1).ArriveAndSave().AsTask();
        Assert.Equal(1, await first.BarrierGrain(1).WaitingCount());
        first.Dispose();
        await Assert.ThrowsAsync<GrainDeactivatedException>(() => stale);

        // Second incarnation: an unrelated caller waits on another barrier under number 1 too.
        var dropped = new ConcurrentQueue<(GrainId Grain, CallerId Caller)>();
        using var second = new InProcessRuntime(new InProcessRuntimeOptions
        {
            DefaultProvider = storage,
            ReplyDropped = (grain, caller) => dropped.Enqueue((grain, caller)),
        });
        var unrelated = second.BarrierGrain(2).Arrive().AsTask();
        Assert.Equal(1, await second.BarrierGrain(2).WaitingCount());

        // The restored barrier holds the stale token; the third arrival answers it along with two live callers.
        var barrier = second.BarrierGrain(1);
        var secondParty = barrier.ArriveAndSave().AsTask();
        Assert.Equal(1, await barrier.ArriveAndSave());
        Assert.Equal(1, await secondParty);

        var (grain, caller) = Assert.Single(dropped);
        Assert.Equal(barrier.Id, grain);
        Assert.Equal(1, caller.Value);
        Assert.Equal(first.Incarnation, caller.Incarnation);
        Assert.NotEqual(first.Incarnation, second.Incarnation);
        Assert.False(unrelated.IsCompleted);
        Assert.Equal(1, await second.BarrierGrain(2).WaitingCount());
    }
}
