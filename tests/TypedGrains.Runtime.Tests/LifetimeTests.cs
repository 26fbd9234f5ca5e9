using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using TypedGrains.Persistence;
using TypedGrains.Runtime.Tests.Grains;
using TypedGrains.Runtime.Tests.Support;
using Xunit;

namespace TypedGrains.Runtime.Tests;

public sealed class LifetimeTests
{
    [Fact]
    public async Task Idle_activations_are_collected_after_the_configured_age_and_reactivate_from_storage()
    {
        var clock = new FakeTimeProvider();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { TimeProvider = clock });
        var key = Guid.NewGuid();
        var probe = grains.ProbeGrain(key);
        var ended = new TaskCompletionSource<GrainId>(TaskCreationOptions.RunContinuationsAsynchronously);
        grains.ActivationEnded += id => ended.TrySetResult(id);
        await probe.Touch();

        // Younger than the default 15 minutes: the collector must leave it (a collection would precede this call).
        clock.AdvanceInSteps(TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(1));
        Assert.Equal(2, await probe.Touch());
        Assert.Equal(1, ProbeGrain.Activations[key]);

        clock.AdvanceInSteps(TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(1));
        Assert.Equal(probe.Id, await ended.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, grains.ActivationCount);

        await probe.Touch();
        Assert.Equal(2, ProbeGrain.Activations[key]);
    }

    [Fact]
    public async Task The_idle_age_is_configurable()
    {
        var clock = new FakeTimeProvider();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions
        {
            TimeProvider = clock,
            IdleCollectionAge = TimeSpan.FromSeconds(30),
        });
        var counter = grains.CounterGrain("short-lived");
        var ended = new TaskCompletionSource<GrainId>(TaskCreationOptions.RunContinuationsAsynchronously);
        grains.ActivationEnded += id => ended.TrySetResult(id);
        await counter.Add(9);

        clock.AdvanceInSteps(TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(5));

        Assert.Equal(counter.Id, await ended.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(9, await counter.Get());
    }

    [Fact]
    public async Task A_grain_waiting_on_deferred_callers_is_not_collected()
    {
        var clock = new FakeTimeProvider();
        // No call timeout: the caller must still wait after the hour the clock moves.
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { TimeProvider = clock, CallTimeout = System.Threading.Timeout.InfiniteTimeSpan });
        var barrier = grains.BarrierGrain(99);
        var waiting = barrier.Arrive().AsTask();
        Assert.Equal(1, await barrier.WaitingCount());

        clock.AdvanceInSteps(TimeSpan.FromHours(1), TimeSpan.FromMinutes(1));

        Assert.Equal(1, await barrier.WaitingCount());
        Assert.False(waiting.IsCompleted);
    }

    [Fact]
    public async Task After_a_failed_save_the_caller_gets_the_error_and_the_next_call_reloads_the_last_saved_state()
    {
        var storage = new ControllableStateProvider();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage });
        var counter = grains.CounterGrain("fails-to-save");
        await counter.Add(1);

        storage.FailWith = new IOException("disk gone");
        var error = await Assert.ThrowsAsync<GrainStorageException>(async () => await counter.Add(10));
        Assert.Equal("disk gone", Assert.IsType<IOException>(error.InnerException).Message);
        Assert.Equal((counter.Id, GrainStorageOperation.Save, "default"), (error.Grain, error.Operation, error.Provider));
        Assert.False(grains.IsActive(counter.Id));

        storage.FailWith = null;
        Assert.Equal(1, await counter.Get());
    }

    [Fact]
    public async Task A_failed_state_load_fails_the_call_and_the_next_call_activates_again()
    {
        var storage = new ControllableStateProvider { FailWith = new IOException("db down") };
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage });
        var counter = grains.CounterGrain("fails-to-load");

        var error = await Assert.ThrowsAsync<GrainStorageException>(async () => await counter.Get());
        Assert.IsType<IOException>(error.InnerException);
        Assert.Equal(GrainStorageOperation.Load, error.Operation);
        Assert.Contains("fails-to-load", error.Message);

        storage.FailWith = null;
        Assert.Equal(0, await counter.Get());
    }

    [Fact]
    public async Task A_stale_etag_deactivates_the_loser_and_its_next_call_sees_the_winners_state()
    {
        var shared = new MemoryGrainStateProvider();
        using var first = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = shared });
        using var second = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = shared });
        await first.CounterGrain("contended").Get();
        await second.CounterGrain("contended").Get();

        Assert.Equal(5, await first.CounterGrain("contended").Add(5));
        var conflict = await Assert.ThrowsAsync<GrainStorageException>(async () => await second.CounterGrain("contended").Add(1));
        Assert.IsType<ETagConflictException>(conflict.InnerException);

        Assert.Equal(5, await second.CounterGrain("contended").Get());
    }

    [Fact]
    public async Task A_grain_naming_an_unregistered_provider_fails_with_the_grain_and_provider_named()
    {
        using var grains = new InProcessRuntime();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await grains.LinkGrain("x").AddThrough(1));

        Assert.Contains("'links'", error.Message);
        Assert.Contains("LinkGrain/x", error.Message);
    }
}
