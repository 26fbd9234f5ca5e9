using System.Threading.Tasks;

namespace TypedGrains.Persistence.Tests.Grains;

public sealed record ForwarderState(StoredCounterRef? Target = null);

/// <summary>Keeps a grain reference in its stored state and calls through it after a reload.</summary>
[Grain]
public sealed partial class Forwarder : Grain<ForwarderState>
{
    [Call]
    public void Point(StoredCounterRef target)
    {
        State = State with { Target = target };
        SaveState();
    }

    [Call]
    public async Task<int> AddThrough(int amount) => await State.Target!.Value.Add(amount);
}
