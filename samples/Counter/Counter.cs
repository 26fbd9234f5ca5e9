using TypedGrains;

namespace Samples.Counter;

/// <summary>The Counter grain of the design: a call that reads, a cast that increments and saves.</summary>
[Grain(Placement = Placement.PreferLocal)]
public sealed partial class Counter : Grain<CounterState>
{
    /// <summary>Returns the current count.</summary>
    [Call]
    public int Get() => State.Count;

    /// <summary>Adds one and saves.</summary>
    [Cast]
    public void Increment()
    {
        State = State with { Count = State.Count + 1 };
        SaveState();
    }
}

/// <summary>The counter's state: replaced on every change, never mutated.</summary>
public sealed record CounterState(int Count = 0);
