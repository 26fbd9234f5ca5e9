using System;

namespace TypedGrains.Runtime.Tests.Grains;

public sealed record SyncRelayState(int Sent = 0);

/// <summary>
/// Casts to counters from handlers that never await, so its generated definition says it runs synchronously and the
/// runtime makes its turn current on the thread rather than through an execution context of its own.
/// </summary>
[Grain]
public sealed partial class SyncRelayGrain : Grain<SyncRelayState>
{
    /// <summary>Casts to counter <paramref name="target"/>, then throws: the cast must never leave.</summary>
    [Call]
    public int CastThenFail(string target)
    {
        Grains.CounterGrain(target).Increment();
        throw new InvalidOperationException("sync relay failed after casting");
    }

    /// <summary>Casts to counter <paramref name="target"/> and commits.</summary>
    [Call]
    public int CastAndCount(string target)
    {
        Grains.CounterGrain(target).Increment();
        State = State with { Sent = State.Sent + 1 };
        return State.Sent;
    }
}
