using System;
using System.Collections.Immutable;
using System.Threading.Tasks;
using TypedGrains.Orleans.Tests.Support;

namespace TypedGrains.Orleans.Tests.Grains;

public sealed record LedgerState(
    int Balance = 0, ImmutableList<Caller<int>>? Waiting = null, LedgerRef? Peer = null, ImmutableList<BalanceAwaiter>? Awaiting = null)
{
    public ImmutableList<Caller<int>> WaitingCallers => Waiting ?? ImmutableList<Caller<int>>.Empty;

    public ImmutableList<BalanceAwaiter> Awaiters => Awaiting ?? ImmutableList<BalanceAwaiter>.Empty;
}

/// <summary>A caller waiting until the balance reaches <paramref name="AtLeast"/>.</summary>
public sealed record BalanceAwaiter(int AtLeast, Caller<int> Caller);

/// <summary>The behaviour suite's grain: every handler shape, stored state, a reference in state, deferred replies.</summary>
[Grain]
public sealed partial class Ledger : Grain<LedgerState>
{
    [Call] public int Balance() => State.Balance;

    [Call]
    public int Deposit(int amount)
    {
        State = State with { Balance = State.Balance + amount };
        SaveState();
        return State.Balance;
    }

    [Cast]
    public void Add(int amount)
    {
        State = State with { Balance = State.Balance + amount };
        SaveState();
        ReleaseAwaiters();
    }

    /// <summary>Answers once the balance is at least <paramref name="atLeast"/>: a gate for effects that arrive by cast.</summary>
    [Call]
    public void AwaitBalance(int atLeast, Caller<int> caller)
    {
        State = State with { Awaiting = State.Awaiters.Add(new BalanceAwaiter(atLeast, caller)) };
        ReleaseAwaiters();
    }

    [Call]
    public int DepositThenFail(int amount)
    {
        State = State with { Balance = State.Balance + amount };
        SaveState();
        CastToSelf.Add(1000);
        throw new InvalidOperationException("deposit refused on purpose");
    }

    [Call]
    public void AddTwiceViaSelf()
    {
        CastToSelf.Add(1);
        CastToSelf.Add(1);
    }

    [Call]
    public void CastToThenFail(string other)
    {
        Grains.Ledger(other).Add(1);
        throw new InvalidOperationException("failed after casting");
    }

    [Call]
    public void CastTo(string other) => Grains.Ledger(other).Add(1);

    [Call]
    public void Link(LedgerRef peer)
    {
        State = State with { Peer = peer };
        SaveState();
    }

    [Call]
    public async Task<int> DepositThroughPeer(int amount) => await State.Peer!.Value.Deposit(amount);

    [Call]
    public void WaitForBalance(Caller<int> caller) => State = State with { Waiting = State.WaitingCallers.Add(caller) };

    [Call]
    public void Release() => ReplyToWaiting();

    /// <summary>Reads the balance, waits at the test's gate, then saves one more: two such turns at once would count one.</summary>
    [Call]
    public async Task<int> Hold(string gate)
    {
        var before = State.Balance;
        await Gate.For(gate).PassAsync();
        State = State with { Balance = before + 1 };
        SaveState();
        return State.Balance;
    }

    /// <summary>A turn with every effect: a save, a cast to <paramref name="other"/> and replies to the waiting callers.</summary>
    [Call]
    public int DepositCastAndRelease(int amount, string other)
    {
        State = State with { Balance = State.Balance + amount };
        SaveState();
        Grains.Ledger(other).Add(1);
        ReplyToWaiting();
        return State.Balance;
    }

    [Call]
    public void Leave() => DeactivateAfterTurn();

    private void ReplyToWaiting()
    {
        foreach (var caller in State.WaitingCallers)
        {
            Reply(caller, State.Balance);
        }

        State = State with { Waiting = ImmutableList<Caller<int>>.Empty };
    }

    private void ReleaseAwaiters()
    {
        var due = State.Awaiters.FindAll(a => a.AtLeast <= State.Balance);
        foreach (var awaiter in due)
        {
            Reply(awaiter.Caller, State.Balance);
        }

        State = State with { Awaiting = State.Awaiters.RemoveRange(due) };
    }
}
