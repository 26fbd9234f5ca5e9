using System;
using System.Threading.Tasks;
using TypedGrains.Runtime.Tests.Grains;
using TypedGrains.Runtime.Tests.Support;
using Xunit;

namespace TypedGrains.Runtime.Tests;

/// <summary>Casts a turn sends to other grains leave when the turn commits and never when it rolls back.</summary>
public sealed class OutgoingCastTests
{
    [Fact]
    public async Task A_cast_sent_by_a_turn_that_throws_never_reaches_its_target()
    {
        var scheduler = new SynchronousMailboxScheduler();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { Scheduler = scheduler });
        var relay = grains.RelayGrain("thrower");

        var failed = relay.CastThenFail("never-incremented").AsTask();
        scheduler.RunUntilIdle();
        await Assert.ThrowsAsync<InvalidOperationException>(() => failed);

        var count = grains.CounterGrain("never-incremented").Get();
        scheduler.RunUntilIdle();
        Assert.Equal(0, await count);
    }

    [Fact]
    public async Task A_cast_sent_after_an_await_by_a_turn_that_then_throws_never_reaches_its_target()
    {
        using var grains = new InProcessRuntime();
        var relay = grains.RelayGrain("async-thrower");

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await relay.CastLaterThenFail("async-target"));
        // A cast the relay sends now is queued behind any cast the failed turn could have sent.
        await relay.CastAndSave("async-target");
        await relay.Sent();

        Assert.Equal(1, await grains.CounterGrain("async-target").Get());
    }

    [Fact]
    public async Task A_cast_sent_by_a_saving_turn_leaves_only_after_the_save_completed()
    {
        var storage = new ControllableStateProvider();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage });
        var relay = grains.RelayGrain("saver");
        var target = grains.CounterGrain("saver-target");
        Assert.Equal(0, await target.Get());
        Assert.Equal(0, await relay.Sent());
        storage.HoldWrites();

        var sent = relay.CastAndSave("saver-target").AsTask();
        await storage.WriteStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The target's mailbox is idle and the relay's turn is held in its save: the cast has not left.
        Assert.Equal(0, await target.Get());
        storage.ReleaseWrites();
        await sent;
        Assert.Equal(1, await relay.Sent());
        // The relay's turn committed (save, then its cast) before its caller was answered.
        Assert.Equal(1, await target.Get());
    }
}
