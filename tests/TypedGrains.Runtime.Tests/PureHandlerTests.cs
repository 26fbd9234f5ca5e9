using System;
using System.Collections.Immutable;
using TypedGrains.Runtime.Tests.Grains;
using Xunit;

namespace TypedGrains.Runtime.Tests;

/// <summary>Handlers are plain methods: constructed with a state and called directly, with no runtime.</summary>
public sealed class PureHandlerTests
{
    [Fact]
    public void A_cast_handler_replaces_the_state_and_asks_for_a_save()
    {
        var counter = new CounterGrain { State = new CounterState(5) };

        counter.Increment();

        Assert.Equal(new CounterState(6), counter.State);
        Assert.True(counter.Actions.SaveStateRequested);
        Assert.False(counter.Actions.DeactivateRequested);
    }

    [Fact]
    public void A_new_grain_starts_from_the_initial_state()
    {
        Assert.Equal(new CounterState(0), new CounterGrain().State);
    }

    [Fact]
    public void Casts_to_self_are_recorded_as_actions()
    {
        var counter = new CounterGrain();

        counter.IncrementTwiceViaSelf();

        Assert.Equal(2, counter.Actions.SelfCasts.Count);
        Assert.All(counter.Actions.SelfCasts, cast => Assert.IsType<CounterGrain.Requests.Increment>(cast.Request));
        Assert.Equal(0, counter.State.Count);
    }

    [Fact]
    public void A_deferred_handler_replies_to_every_kept_caller_once_the_last_arrives()
    {
        var first = new Caller<int>(new CallerId(1));
        var barrier = new BarrierGrain { State = new BarrierState(Parties: 2, Waiting: ImmutableList.Create(first)) };
        var second = new Caller<int>(new CallerId(2));

        barrier.Arrive(second);

        Assert.Empty(barrier.State.WaitingCallers);
        Assert.Equal(1, barrier.State.Generation);
        Assert.Collection(
            barrier.Actions.Replies,
            reply => Assert.Equal((first.Id, 1), (reply.Caller, ((DeferredReply<int>)reply).Value)),
            reply => Assert.Equal((second.Id, 1), (reply.Caller, ((DeferredReply<int>)reply).Value)));
    }

    [Fact]
    public void A_handler_that_throws_leaves_its_actions_visible_to_the_test()
    {
        var counter = new CounterGrain();

        Assert.Throws<InvalidOperationException>(() => counter.AddThenFail(1));

        Assert.True(counter.Actions.SaveStateRequested);
        Assert.True(counter.Actions.DeactivateRequested);
    }
}
