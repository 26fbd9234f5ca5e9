using System;
using System.IO;
using System.Threading.Tasks;
using TypedGrains.Persistence;
using TypedGrains.Runtime.Tests.Grains;
using TypedGrains.Runtime.Tests.Support;
using Xunit;

namespace TypedGrains.Runtime.Tests;

/// <summary>User callbacks and failed saves must neither stall a mailbox nor hand a caller the wrong error.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public async Task A_deferred_caller_whose_turn_fails_to_save_gets_the_storage_error()
    {
        var storage = new ControllableStateProvider();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage });
        var barrier = grains.BarrierGrain(500);
        var earlier = barrier.Arrive().AsTask();
        Assert.Equal(1, await barrier.WaitingCount());

        storage.FailWith = new IOException("disk gone");
        var error = await Assert.ThrowsAsync<GrainStorageException>(async () => await barrier.ReplyNowAndSave());

        Assert.Equal("disk gone", Assert.IsType<IOException>(error.InnerException).Message);
        Assert.Equal(GrainStorageOperation.Save, error.Operation);
        var deactivated = await Assert.ThrowsAsync<GrainDeactivatedException>(() => earlier);
        Assert.Same(error, deactivated.InnerException);
        storage.FailWith = null;
        Assert.Equal(0, await barrier.WaitingCount());
    }

    [Fact]
    public async Task A_throwing_cast_failure_callback_does_not_stall_the_grain()
    {
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions
        {
            CastFailed = (_, _) => throw new InvalidOperationException("callback failed"),
        });
        var counter = grains.CounterGrain("callback-throws");

        counter.FailCast();
        counter.Increment();

        Assert.Equal(1, await counter.Get());
    }

    [Fact]
    public async Task A_throwing_activation_ended_subscriber_does_not_stall_the_grain()
    {
        using var grains = new InProcessRuntime();
        grains.ActivationEnded += _ => throw new InvalidOperationException("subscriber failed");
        var counter = grains.CounterGrain("subscriber-throws");
        await counter.Add(3);

        await counter.Deactivate();

        Assert.Equal(3, await counter.Get());
    }
}
