using System;
using System.Threading.Tasks;
using TypedGrains.Runtime.Tests.Grains;
using TypedGrains.Runtime.Tests.Support;
using Xunit;

namespace TypedGrains.Runtime.Tests;

public sealed class TurnTests
{
    [Fact]
    public async Task A_throwing_handler_changes_no_state_runs_no_action_and_its_caller_gets_the_exception()
    {
        var storage = new ControllableStateProvider();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage });
        var counter = grains.CounterGrain("rollback");
        await counter.Add(5);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await counter.AddThenFail(100));

        Assert.Equal("handler failed on purpose", error.Message);
        Assert.Equal(5, await counter.Get());
        Assert.Equal(1, storage.Writes);
        Assert.True(grains.IsActive(counter.Id));
    }

    [Fact]
    public async Task An_async_handler_that_throws_after_awaiting_is_rolled_back()
    {
        var storage = new ControllableStateProvider();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage });
        var counter = grains.CounterGrain("async-rollback");
        await counter.Add(2);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await counter.AddThenFailAsync(40));

        Assert.Equal(2, await counter.GetLaterAsync());
        Assert.Equal(1, storage.Writes);
    }

    [Fact]
    public async Task The_reply_of_a_saving_turn_is_released_only_after_the_save_completes()
    {
        var storage = new ControllableStateProvider();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage });
        var counter = grains.CounterGrain("save-before-reply");
        await counter.Get();
        storage.HoldWrites();

        var reply = counter.Add(3).AsTask();
        await storage.WriteStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(reply.IsCompleted);
        Assert.Equal(0, storage.Writes);
        storage.ReleaseWrites();
        Assert.Equal(3, await reply);
        Assert.Equal(1, storage.Writes);
    }

    [Fact]
    public async Task Cast_to_self_is_sent_when_the_turn_commits_and_runs_before_later_messages()
    {
        using var grains = new InProcessRuntime();
        var counter = grains.CounterGrain("self");

        await counter.IncrementTwiceViaSelf();

        Assert.Equal(2, await counter.Get());
    }

    [Fact]
    public async Task A_cast_runs_in_order_with_later_calls()
    {
        using var grains = new InProcessRuntime();
        var counter = grains.CounterGrain("cast");

        counter.Increment();
        counter.Increment();

        Assert.Equal(2, await counter.Get());
    }

    [Fact]
    public async Task A_failing_cast_is_reported_and_rolled_back()
    {
        var failed = new TaskCompletionSource<(GrainId, Exception)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { CastFailed = (id, e) => failed.TrySetResult((id, e)) });
        var counter = grains.CounterGrain("failing-cast");

        counter.FailCast();
        var (grain, error) = await failed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(counter.Id, grain);
        Assert.IsType<InvalidOperationException>(error);
        Assert.Equal(0, await counter.Get());
    }

    [Fact]
    public async Task A_grain_reference_kept_in_state_is_called_from_an_async_handler()
    {
        var options = new InProcessRuntimeOptions();
        options.Providers["links"] = new MemoryGrainStateProvider();
        using var grains = new InProcessRuntime(options);
        var link = grains.LinkGrain("link");

        await link.Point(grains.CounterGrain("target"));

        Assert.Equal(6, await link.AddThrough(6));
        Assert.Equal(6, await grains.CounterGrain("target").Get());
    }
}
