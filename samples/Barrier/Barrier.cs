using System.Collections.Immutable;
using TypedGrains;

namespace Samples.Barrier;

/// <summary>
/// A barrier for a fixed number of parties: each <see cref="Arrive"/> call waits, and the arrival of the last party
/// answers every waiting caller in that turn. The callers' tokens are kept in the state between turns.
/// </summary>
[Grain]
public sealed partial class Barrier : Grain<BarrierState>
{
    /// <summary>Sets how many parties the barrier waits for.</summary>
    [Call]
    public void Open(int parties)
    {
        State = new BarrierState(parties, ImmutableArray<Caller<int>>.Empty, State.Round);
    }

    /// <summary>Waits until all parties have arrived; replies with the number of the round that was completed.</summary>
    [Call]
    public void Arrive(Caller<int> caller)
    {
        var waiting = State.Waiting.Add(caller);
        if (waiting.Length < State.Parties)
        {
            State = State with { Waiting = waiting };
            return;
        }

        var round = State.Round + 1;
        foreach (var party in waiting)
        {
            Reply(party, round);
        }

        State = State with { Waiting = ImmutableArray<Caller<int>>.Empty, Round = round };
    }
}

/// <summary>The barrier's state: its size, the callers waiting in this round and the rounds completed.</summary>
public sealed record BarrierState(int Parties, ImmutableArray<Caller<int>> Waiting, int Round)
{
    /// <summary>A barrier for one party with nobody waiting.</summary>
    public BarrierState()
        : this(1, ImmutableArray<Caller<int>>.Empty, 0)
    {
    }
}
