namespace TypedGrains.Runtime.Benchmarks;

/// <summary>The smallest useful grain: a number in its state, a call and a cast.</summary>
[Grain(Key = GrainKeyKind.Long)]
public sealed partial class PingGrain : Grain<PingState>
{
    /// <summary>Adds and replies.</summary>
    [Call]
    public long Add(int amount)
    {
        State = new PingState(State.Count + amount);
        return State.Count;
    }

    /// <summary>Replies with the count.</summary>
    [Call]
    public long Get() => State.Count;

    /// <summary>One-way increment.</summary>
    [Cast]
    public void Increment() => State = new PingState(State.Count + 1);
}

/// <summary>The ping grain's state.</summary>
public readonly record struct PingState(long Count);
