namespace TypedGrains.Compare.Implementations;

/// <summary>The benchmark actor as a grain: an empty-ish state of one number, never saved (the baselines do not persist).</summary>
[Grain(Key = GrainKeyKind.Long)]
public sealed partial class BenchCounter : Grain<BenchCounterState>
{
    /// <summary>Adds and replies with the new count.</summary>
    [Call]
    public long Add(int amount)
    {
        State = new BenchCounterState(State.Count + amount);
        return State.Count;
    }

    /// <summary>Replies with the count.</summary>
    [Call]
    public long Get() => State.Count;

    /// <summary>One-way increment.</summary>
    [Cast]
    public void Increment() => State = new BenchCounterState(State.Count + 1);
}

/// <summary>The benchmark grain's state.</summary>
public readonly record struct BenchCounterState(long Count);
