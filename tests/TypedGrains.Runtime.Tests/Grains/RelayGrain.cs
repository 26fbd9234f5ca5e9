using System;
using System.Threading.Tasks;

namespace TypedGrains.Runtime.Tests.Grains;

public sealed record RelayState(int Sent = 0);

/// <summary>Sends to other grains through its <c>Grains</c> factory: casts that a turn's outcome decides, and calls in a cycle.</summary>
[Grain]
public sealed partial class RelayGrain : Grain<RelayState>
{
    /// <summary>Casts to counter <paramref name="target"/>, then throws: the cast must never leave.</summary>
    [Call]
    public void CastThenFail(string target)
    {
        Grains.CounterGrain(target).Increment();
        throw new InvalidOperationException("relay failed after casting");
    }

    /// <summary>Casts to counter <paramref name="target"/> and saves: the cast leaves once the save completed.</summary>
    [Call]
    public void CastAndSave(string target)
    {
        Grains.CounterGrain(target).Increment();
        State = State with { Sent = State.Sent + 1 };
        SaveState();
    }

    /// <summary>
    /// Calls a synchronous grain (which runs inline and casts), then casts itself and throws: only the synchronous
    /// grain's committed cast may leave; this turn's cast must not.
    /// </summary>
    [Call]
    public async Task CallSyncThenCastThenFail(string sync, string syncTarget, string target)
    {
        await Grains.SyncRelayGrain(sync).CastAndCount(syncTarget);
        Grains.CounterGrain(target).Increment();
        throw new InvalidOperationException("relay failed after calling a synchronous grain");
    }

    /// <summary>Casts to counter <paramref name="target"/> after an await inside the same turn.</summary>
    [Call]
    public async Task CastLaterThenFail(string target)
    {
        await Task.Yield();
        Grains.CounterGrain(target).Increment();
        throw new InvalidOperationException("relay failed after an await");
    }

    /// <summary>Calls relay <paramref name="other"/>, which calls back: A → B → A waits on A's own turn.</summary>
    [Call]
    public async Task<int> Bounce(string other, int hops) =>
        hops == 0 ? 0 : 1 + await Grains.RelayGrain(other).Bounce(Id.Key.AsString(), hops - 1);

    [Call]
    public int Sent() => State.Sent;
}
