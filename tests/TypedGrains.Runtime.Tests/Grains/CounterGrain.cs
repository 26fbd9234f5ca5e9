using System;
using System.Threading.Tasks;

namespace TypedGrains.Runtime.Tests.Grains;

public sealed record CounterState(int Count = 0);

/// <summary>A counter with every handler shape the runtime tests need.</summary>
[Grain]
public sealed partial class CounterGrain : Grain<CounterState>
{
    [Call] public int Get() => State.Count;

    [Call]
    public async Task<int> GetLaterAsync()
    {
        await Task.Yield();
        return State.Count;
    }

    [Call]
    public int Add(int amount)
    {
        State = State with { Count = State.Count + amount };
        SaveState();
        return State.Count;
    }

    [Cast]
    public void Increment()
    {
        State = State with { Count = State.Count + 1 };
        SaveState();
    }

    /// <summary>Changes state and asks for every action, then throws: none of it may take effect.</summary>
    [Call]
    public int AddThenFail(int amount)
    {
        State = State with { Count = State.Count + amount };
        SaveState();
        DeactivateAfterTurn();
        CastToSelf.Increment();
        throw new InvalidOperationException("handler failed on purpose");
    }

    [Call]
    public async Task AddThenFailAsync(int amount)
    {
        State = State with { Count = State.Count + amount };
        SaveState();
        await Task.Yield();
        throw new InvalidOperationException("async handler failed on purpose");
    }

    [Cast]
    public void FailCast() => throw new InvalidOperationException("cast failed on purpose");

    [Call]
    public void IncrementTwiceViaSelf()
    {
        CastToSelf.Increment();
        CastToSelf.Increment();
    }

    [Call]
    public void Deactivate() => DeactivateAfterTurn();

    /// <summary>A cast that changes state without saving (the memory test's burst).</summary>
    [Cast]
    public void Bump() => State = State with { Count = State.Count + 1 };
}
