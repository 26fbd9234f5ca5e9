using System;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Orleans.Tests.Grains;
using TypedGrains.Orleans.Tests.Support;
using Xunit;

namespace TypedGrains.Orleans.Tests.Suite;

/// <summary>
/// The behaviour every backend must keep (docs/concepts.md), written once against <see cref="IGrainFactory"/>: a
/// ten-line subclass per runtime runs it. Each test uses keys of its own, so runs share one runtime.
/// </summary>
public abstract partial class GrainBehaviourSuite
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _prefix = Guid.NewGuid().ToString("N")[..8];

    protected abstract IGrainFactory Grains { get; }

    /// <summary>The state provider the backend's grains use (shared by all its silos).</summary>
    protected abstract FaultyStateProvider Storage { get; }

    /// <summary>The backend's call timeout.</summary>
    protected abstract TimeSpan CallTimeout { get; }

    private LedgerRef Ledger(string key) => Grains.Ledger(_prefix + key);

    private static GrainDefinition<TGrain> DefinitionOf<TGrain>()
        where TGrain : Grain, IGrain<TGrain> => TGrain.Definition;

    [Fact]
    public async Task A_call_returns_its_typed_reply_and_the_state_carries_over()
    {
        var ledger = Ledger("calls");

        Assert.Equal(5, await ledger.Deposit(5));
        Assert.Equal(12, await ledger.Deposit(7));
        Assert.Equal(12, await ledger.Balance());
    }

    [Fact]
    public async Task Every_cast_runs_once()
    {
        var ledger = Ledger("casts");

        for (var i = 0; i < 20; i++)
        {
            ledger.Add(1);
        }

        Assert.Equal(20, await ledger.AwaitBalance(20).AsTask().WaitAsync(Patience));
        Assert.Equal(20, await ledger.Balance());
    }

    [Fact]
    public async Task A_throwing_turn_changes_nothing_and_its_caller_gets_the_exception()
    {
        var ledger = Ledger("rollback");
        await ledger.Deposit(3);

        var error = await Backend.Fails<InvalidOperationException>(async () => await ledger.DepositThenFail(100));

        Assert.Contains("deposit refused on purpose", error.Message);
        Assert.Equal(3, await ledger.Balance());
    }

    [Fact]
    public async Task A_cast_to_another_grain_leaves_when_the_turn_commits_and_never_when_it_throws()
    {
        var ledger = Ledger("sender");
        var target = Ledger("target");

        await Backend.Fails<InvalidOperationException>(async () => await ledger.CastToThenFail(_prefix + "target"));
        await ledger.CastTo(_prefix + "target");
        await ledger.CastTo(_prefix + "target");

        // The two committed casts arrive. In process every cast was queued at the target before its sender replied, so a
        // leaked third would already have counted when the gate answers; across Orleans the check is as strong as its
        // delivery order.
        Assert.Equal(2, await target.AwaitBalance(2).AsTask().WaitAsync(Patience));
        Assert.Equal(2, await target.Balance());
    }

    [Fact]
    public async Task A_cast_from_a_grain_that_never_awaits_leaves_when_the_turn_commits_and_never_when_it_throws()
    {
        Assert.True(DefinitionOf<Relay>().RunsSynchronously);
        var relay = Grains.Relay(_prefix + "relay");
        var target = Ledger("relay-target");

        await Backend.Fails<InvalidOperationException>(async () => await relay.CastToThenFail(_prefix + "relay-target"));
        await relay.CastTo(_prefix + "relay-target");
        await relay.CastTo(_prefix + "relay-target");

        Assert.Equal(2, await target.AwaitBalance(2).AsTask().WaitAsync(Patience));
        Assert.Equal(2, await target.Balance());
    }

    [Fact]
    public async Task Casts_to_self_are_sent_at_commit()
    {
        var ledger = Ledger("self");

        await ledger.AddTwiceViaSelf();

        Assert.Equal(2, await ledger.AwaitBalance(2).AsTask().WaitAsync(Patience));
    }

    [Fact]
    public async Task A_deferred_caller_is_answered_in_a_later_turn()
    {
        var ledger = Ledger("deferred");
        await ledger.Deposit(9);

        var waiting = ledger.WaitForBalance().AsTask();
        await ledger.Balance();
        Assert.False(waiting.IsCompleted);
        await ledger.Release();

        Assert.Equal(9, await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_deactivated_grain_comes_back_from_its_saved_state_and_its_deferred_callers_fail()
    {
        var ledger = Ledger("deactivate");
        await ledger.Deposit(4);
        var waiting = ledger.WaitForBalance().AsTask();
        await ledger.Balance();

        await ledger.Leave();

        await Backend.Fails<GrainDeactivatedException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(4, await ledger.Balance());
    }

    [Fact]
    public async Task References_in_arguments_and_in_stored_state_are_callable()
    {
        var ledger = Ledger("linker");
        var peer = Ledger("peer");

        await ledger.Link(peer);
        await ledger.Leave();

        Assert.Equal(6, await ledger.DepositThroughPeer(6));
        Assert.Equal(6, await peer.Balance());
    }

    [Fact]
    public async Task A_cancelled_call_fails_with_OperationCanceledException()
    {
        var ledger = Ledger("cancelled");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await ledger.Balance(new CancellationToken(canceled: true)));
        Assert.Equal(0, await ledger.Balance());
    }
}
