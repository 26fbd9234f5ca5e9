namespace TypedGrains.Persistence.Tests.Grains;

public sealed record StoredCounterState(int Count = 0);

/// <summary>A counter whose every change is saved: the grain the persistence tests run for real.</summary>
[Grain]
public sealed partial class StoredCounter : Grain<StoredCounterState>
{
    [Call] public int Get() => State.Count;

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
}
