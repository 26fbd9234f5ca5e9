namespace TypedGrains.Runtime.Tests.Grains;

public sealed record QuietState(int Unused = 0);

/// <summary>Handlers that allocate nothing themselves, so what a call or cast allocates is the runtime's alone.</summary>
[Grain]
public sealed partial class QuietGrain : Grain<QuietState>
{
    private int _notes;

    [Call] public int Notes() => _notes;

    [Cast] public void Note() => _notes++;
}
