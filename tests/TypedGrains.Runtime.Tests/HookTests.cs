using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using TypedGrains.Runtime.Tests.Grains;
using TypedGrains.Runtime.Tests.Support;
using Xunit;

namespace TypedGrains.Runtime.Tests;

/// <summary>OnActivateAsync and OnDeactivateAsync run as turns whose actions commit.</summary>
public sealed class HookTests
{
    [Fact]
    public async Task The_activation_hook_runs_before_the_first_message_and_the_deactivation_hook_saves_before_the_end()
    {
        var storage = new ControllableStateProvider();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage });
        var hook = grains.HookGrain("hooks");

        Assert.Equal(new HookState(Activations: 1), await hook.Read());
        Assert.Equal(1, storage.Writes);

        await hook.Leave();
        Assert.False(grains.IsActive(hook.Id));
        Assert.Equal(2, storage.Writes);

        Assert.Equal(new HookState(Activations: 2, Deactivations: 1), await hook.Read());
    }

    [Fact]
    public async Task A_failing_activation_hook_fails_the_caller_and_the_next_message_activates_again()
    {
        HookGrain.RefusedActivations["refused-once"] = 1;
        var storage = new ControllableStateProvider();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage });
        var hook = grains.HookGrain("refused-once");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await hook.Read());

        Assert.Equal("activation refused on purpose", error.Message);
        Assert.False(grains.IsActive(hook.Id));
        Assert.Equal(0, storage.Writes);
        Assert.Equal(new HookState(Activations: 1), await hook.Read());
    }

    [Fact]
    public async Task Idle_collection_runs_the_deactivation_hook()
    {
        var clock = new FakeTimeProvider();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { TimeProvider = clock, IdleCollectionAge = TimeSpan.FromMinutes(1) });
        var hook = grains.HookGrain("collected");
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        grains.ActivationEnded += _ => ended.TrySetResult();
        await hook.Read();

        clock.AdvanceInSteps(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(15));
        await ended.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new HookState(Activations: 2, Deactivations: 1), await hook.Read());
    }

    [Fact]
    public void A_grain_outside_a_runtime_says_it_has_no_Grains_factory()
    {
        var relay = new RelayGrain();

        var error = Assert.Throws<InvalidOperationException>(() => relay.CastThenFail("x"));

        Assert.Contains("not running on a runtime", error.Message);
    }
}
