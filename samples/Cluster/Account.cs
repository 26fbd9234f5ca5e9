using System;
using TypedGrains;

namespace Samples.Cluster;

/// <summary>The state of an account: its balance and how many deposits it has stored.</summary>
public sealed record AccountState(long Balance = 0, long Deposits = 0);

/// <summary>An account whose every deposit is saved before it is acknowledged.</summary>
[Grain]
public sealed partial class Account : Grain<AccountState>
{
    /// <summary>Adds <paramref name="amount"/>, saves, and returns how many deposits are stored.</summary>
    [Call]
    public long Deposit(long amount)
    {
        State = State with { Balance = State.Balance + amount, Deposits = State.Deposits + 1 };
        SaveState();
        return State.Deposits;
    }

    /// <summary>How many deposits are stored.</summary>
    [Call] public long Deposits() => State.Deposits;

    /// <summary>The balance.</summary>
    [Call] public long Balance() => State.Balance;

    /// <summary>The process id of the silo this activation runs in.</summary>
    [Call] public int Process() => Environment.ProcessId;
}
