using System.Collections.Immutable;

namespace TypedGrains.Runtime.Tests.Grains;

public sealed record BarrierState(int Parties = 3, ImmutableList<Caller<int>>? Waiting = null, int Generation = 0)
{
    public ImmutableList<Caller<int>> WaitingCallers => Waiting ?? ImmutableList<Caller<int>>.Empty;
}

/// <summary>Replies to all waiting callers once the last party arrives: a deferred reply across turns.</summary>
[Grain(Key = GrainKeyKind.Long)]
public sealed partial class BarrierGrain : Grain<BarrierState>
{
    [Call]
    public void Arrive(Caller<int> caller)
    {
        var waiting = State.WaitingCallers.Add(caller);
        if (waiting.Count < State.Parties)
        {
            State = State with { Waiting = waiting };
            return;
        }

        var generation = State.Generation + 1;
        foreach (var party in waiting)
        {
            Reply(party, generation);
        }

        State = State with { Waiting = ImmutableList<Caller<int>>.Empty, Generation = generation };
    }

    /// <summary>Like <see cref="Arrive"/>, and saves: the last arrival's replies to every waiting caller must wait for its save.</summary>
    [Call]
    public void ArriveAndSave(Caller<int> caller)
    {
        Arrive(caller);
        SaveState();
    }

    [Call]
    public int WaitingCount() => State.WaitingCallers.Count;

    [Call]
    public void ArriveAndFail(Caller<int> caller) => throw new System.InvalidOperationException("arrival refused");

    [Call]
    public void Abort() => DeactivateAfterTurn();

    /// <summary>Replies to its own caller in the same turn and saves: the reply must wait for the save.</summary>
    [Call]
    public void ReplyNowAndSave(Caller<int> caller)
    {
        State = State with { Generation = State.Generation + 1 };
        Reply(caller, State.Generation);
        SaveState();
    }
}
