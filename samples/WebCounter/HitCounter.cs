using TypedGrains;

namespace Samples.WebCounter;

/// <summary>A counter per id (HitCounter: samples/Counter already names its grain Counter, and both are compiled together by the analyzer tests): a call that reads, a cast that increments and saves.</summary>
[Grain]
public sealed partial class HitCounter : Grain<CounterState>
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

/// <summary>The counter's state.</summary>
public sealed record CounterState(int Count = 0);

/// <summary>The HTTP answer: a counter's id and count.</summary>
public sealed record CounterReply(string Id, int Count);
