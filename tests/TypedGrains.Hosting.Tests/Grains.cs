using System;

namespace TypedGrains.Hosting.Tests;

public sealed record TallyState(int Count = 0);

/// <summary>A counter on the default provider.</summary>
[Grain]
public sealed partial class TallyGrain : Grain<TallyState>
{
    [Call] public int Get() => State.Count;

    [Cast]
    public void Increment()
    {
        State = State with { Count = State.Count + 1 };
        SaveState();
    }

    [Call] public int Fail() => throw new InvalidOperationException("failed on purpose");
}

/// <summary>A grain on a named provider that a test may leave unregistered.</summary>
[Grain(Provider = "archive")]
public sealed partial class ArchivedGrain : Grain<TallyState>
{
    [Call] public int Get() => State.Count;
}
