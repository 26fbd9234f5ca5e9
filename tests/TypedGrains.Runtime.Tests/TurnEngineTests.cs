using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Backend;
using TypedGrains.Persistence;
using TypedGrains.Runtime.Tests.Grains;
using Xunit;

namespace TypedGrains.Runtime.Tests;

/// <summary>The turn engine runs unchanged under a backend other than the in-process runtime: here, a test host.</summary>
public sealed class TurnEngineTests
{
    [Fact]
    public async Task A_second_backend_gets_commit_order_rollback_and_storage_from_the_engine()
    {
        using var others = new InProcessRuntime();
        var host = new TestHost(others);
        var engine = new TurnEngine<CounterGrain>(host, new GrainId("TypedGrains.Runtime.Tests.Grains.CounterGrain", GrainKey.From("hosted")), storesState: true, owner: host);

        await engine.ActivateAsync(CancellationToken.None);
        Assert.Equal(5, await engine.RunCallAsync<CounterGrain.Requests.Add, int>(new CounterGrain.Requests.Add(5)));
        Assert.Equal(1, host.Storage.Count);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await engine.RunCallAsync<CounterGrain.Requests.AddThenFail, int>(new CounterGrain.Requests.AddThenFail(100)));
        Assert.Equal("handler failed on purpose", error.Message);
        Assert.Equal(5, engine.Grain.State.Count);
        Assert.Empty(host.SelfCasts);
        Assert.False(engine.DeactivationRequested);

        await engine.RunAsync(new CounterGrain.Requests.IncrementTwiceViaSelf());
        Assert.Equal(2, host.SelfCasts.Count);
        await engine.RunAsync(new CounterGrain.Requests.Deactivate());
        Assert.True(engine.DeactivationRequested);
    }

    [Fact]
    public async Task Casts_a_hosted_turn_sends_through_any_runtime_wait_in_its_scope_for_the_commit()
    {
        using var others = new InProcessRuntime();
        var host = new TestHost(others);
        var engine = new TurnEngine<RelayGrain>(host, new GrainId("TypedGrains.Runtime.Tests.Grains.RelayGrain", GrainKey.From("hosted")), storesState: true, owner: host);
        await engine.ActivateAsync(CancellationToken.None);

        using (engine.Scope.Enter())
        {
            await Assert.ThrowsAsync<InvalidOperationException>(async () => await engine.RunAsync(new RelayGrain.Requests.CastThenFail("hosted-target")));
            await engine.RunAsync(new RelayGrain.Requests.CastAndSave("hosted-target"));
        }

        Assert.Null(TurnScope.Current);
        Assert.Equal(1, await others.CounterGrain("hosted-target").Get());
    }

    [Fact]
    public async Task A_failed_save_tells_the_host_before_the_caller_sees_a_storage_error()
    {
        using var others = new InProcessRuntime();
        var host = new TestHost(others) { FailWrites = true };
        var engine = new TurnEngine<CounterGrain>(host, new GrainId("TypedGrains.Runtime.Tests.Grains.CounterGrain", GrainKey.From("failing")), storesState: true, owner: host);
        await engine.ActivateAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<GrainStorageException>(async () =>
            await engine.RunCallAsync<CounterGrain.Requests.Add, int>(new CounterGrain.Requests.Add(1)));

        Assert.Same(error, host.CommitFailure);
        Assert.Equal(0, engine.Grain.State.Count);
        Assert.Equal("default", error.Provider);
    }

    private sealed class TestHost(InProcessRuntime others) : ITurnHost, IGrainStateProvider
    {
        public MemoryGrainStateProvider Storage { get; } = new();

        public List<SelfCast> SelfCasts { get; } = new();

        public bool FailWrites { get; init; }

        public Exception? CommitFailure { get; private set; }

        public IGrainFactory Grains => others;

        public TimeProvider Time => TimeProvider.System;

        public TimeSpan StorageTimeout => TimeSpan.FromSeconds(30);

        public CancellationToken StopToken => CancellationToken.None;

        public IGrainStateProvider ResolveProvider(string? name) => this;

        public void Reply(DeferredReply reply) => reply.DeliverTo(others);

        public void CastToSelf(SelfCast cast) => SelfCasts.Add(cast);

        public void OnCommitFailed(Exception error) => CommitFailure = error;

        public List<TimerChange> Timers { get; } = new();

        public List<ReminderChange> Reminders { get; } = new();

        public void ChangeTimers(IReadOnlyList<TimerChange> changes) => Timers.AddRange(changes);

        public ValueTask ChangeRemindersAsync(IReadOnlyList<ReminderChange> changes, CancellationToken cancellationToken)
        {
            Reminders.AddRange(changes);
            return default;
        }

        public ValueTask<StoredState?> ReadAsync(GrainId grain, IStateCodec codec, CancellationToken cancellationToken = default) =>
            Storage.ReadAsync(grain, codec, cancellationToken);

        public ValueTask<long> WriteAsync(GrainId grain, object? state, IStateCodec codec, long expectedETag, CancellationToken cancellationToken = default) =>
            FailWrites ? throw new InvalidOperationException("writes refused") : Storage.WriteAsync(grain, state, codec, expectedETag, cancellationToken);

        public ValueTask ClearAsync(GrainId grain, long expectedETag, CancellationToken cancellationToken = default) =>
            Storage.ClearAsync(grain, expectedETag, cancellationToken);
    }
}
