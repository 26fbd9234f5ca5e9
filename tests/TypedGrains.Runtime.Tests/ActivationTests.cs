using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Runtime.Tests.Grains;
using Xunit;

namespace TypedGrains.Runtime.Tests;

public sealed class ActivationTests
{
    [Fact]
    public async Task A_thousand_concurrent_first_calls_create_exactly_one_activation()
    {
        using var grains = new InProcessRuntime();
        var key = Guid.NewGuid();
        using var start = new ManualResetEventSlim();

        var calls = Enumerable.Range(0, 1000)
            .Select(_ => Task.Run(async () =>
            {
                start.Wait();
                return await grains.ProbeGrain(key).Touch();
            }))
            .ToArray();
        start.Set();
        var replies = await Task.WhenAll(calls);

        Assert.Equal(1, ProbeGrain.Activations[key]);
        Assert.Equal(1, grains.ActivationCount);
        Assert.Equal(Enumerable.Range(1, 1000), replies.OrderBy(r => r));
    }

    [Fact]
    public async Task Turns_of_one_activation_never_overlap_under_load()
    {
        using var grains = new InProcessRuntime();
        var key = Guid.NewGuid();
        var probe = grains.ProbeGrain(key);

        var calls = Enumerable.Range(0, 2000).Select(_ => Task.Run(async () => await probe.TouchSlowly())).ToArray();
        await Task.WhenAll(calls);

        Assert.Equal(1, ProbeGrain.MaxOverlap[key]);
        Assert.Equal(2001, await probe.Touch());
    }

    [Fact]
    public async Task Grains_with_guid_long_and_string_keys_are_distinct_instances()
    {
        using var grains = new InProcessRuntime();

        await grains.CounterGrain("a").Add(1);
        await grains.CounterGrain("b").Add(2);
        await grains.BarrierGrain(7).WaitingCount();

        Assert.Equal(1, await grains.CounterGrain("a").Get());
        Assert.Equal(2, await grains.CounterGrain("b").Get());
        Assert.Equal(3, grains.ActivationCount);
    }

    [Fact]
    public async Task Deactivate_action_ends_the_activation_after_its_turn_and_state_survives()
    {
        using var grains = new InProcessRuntime();
        var counter = grains.CounterGrain("deactivating");
        await counter.Add(4);

        await counter.Deactivate();

        Assert.False(grains.IsActive(counter.Id));
        Assert.Equal(4, await counter.Get());
        Assert.True(grains.IsActive(counter.Id));
    }

    [Fact]
    public async Task Messages_queued_behind_a_deactivation_reach_the_next_activation()
    {
        using var grains = new InProcessRuntime();
        var counter = grains.CounterGrain("queued");

        var deactivate = counter.Deactivate();
        var adds = Enumerable.Range(0, 50).Select(_ => counter.Add(1).AsTask()).ToArray();
        await deactivate;
        await Task.WhenAll(adds);

        Assert.Equal(50, await counter.Get());
    }
}
