using System;
using System.Threading.Tasks;
using TypedGrains.Runtime.Tests.Grains;
using TypedGrains.Runtime.Tests.Support;
using Xunit;

namespace TypedGrains.Runtime.Tests;

public sealed class DeferredReplyTests
{
    [Fact]
    public async Task Callers_wait_across_turns_until_the_grain_replies()
    {
        using var grains = new InProcessRuntime();
        var barrier = grains.BarrierGrain(1);

        var first = barrier.Arrive().AsTask();
        var second = barrier.Arrive().AsTask();
        Assert.Equal(2, await barrier.WaitingCount());
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);

        var third = await barrier.Arrive();

        Assert.Equal(1, third);
        Assert.Equal(1, await first);
        Assert.Equal(1, await second);
        Assert.Equal(0, await barrier.WaitingCount());
    }

    [Fact]
    public async Task A_deferred_handler_that_throws_fails_its_caller_and_keeps_the_state()
    {
        using var grains = new InProcessRuntime();
        var barrier = grains.BarrierGrain(2);
        var waiting = barrier.Arrive().AsTask();

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await barrier.ArriveAndFail());

        Assert.Equal(1, await barrier.WaitingCount());
        Assert.False(waiting.IsCompleted);
    }

    [Fact]
    public async Task Waiting_callers_fail_when_the_activation_ends_before_replying()
    {
        using var grains = new InProcessRuntime();
        var barrier = grains.BarrierGrain(3);
        var waiting = barrier.Arrive().AsTask();

        await barrier.Abort();

        var error = await Assert.ThrowsAsync<GrainDeactivatedException>(() => waiting);
        Assert.Equal(barrier.Id, error.Grain);
    }

    [Fact]
    public async Task Deferred_replies_sent_by_a_saving_turn_are_released_only_after_the_save_completes()
    {
        var storage = new ControllableStateProvider();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage });
        var barrier = grains.BarrierGrain(4);
        var first = barrier.ArriveAndSave().AsTask();
        var second = barrier.ArriveAndSave().AsTask();
        Assert.Equal(2, await barrier.WaitingCount());
        var writesBefore = storage.Writes;
        storage.HoldWrites();

        // The third arrival replies to all three callers (two of them from earlier turns) and saves.
        var third = barrier.ArriveAndSave().AsTask();
        await storage.WriteStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);
        Assert.False(third.IsCompleted);
        Assert.Equal(writesBefore, storage.Writes);

        storage.ReleaseWrites();
        Assert.Equal(1, await first.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, await second.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, await third.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(writesBefore + 1, storage.Writes);
    }
}
