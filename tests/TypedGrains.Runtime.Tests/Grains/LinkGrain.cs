using System.Threading.Tasks;

namespace TypedGrains.Runtime.Tests.Grains;

public sealed record LinkState(CounterGrainRef? Target = null);

/// <summary>Keeps a reference to another grain in its state and calls it from an async handler.</summary>
[Grain(Provider = "links")]
public sealed partial class LinkGrain : Grain<LinkState>
{
    [Call]
    public void Point(CounterGrainRef target)
    {
        State = State with { Target = target };
        SaveState();
    }

    [Call]
    public async Task<int> AddThrough(int amount) => await State.Target!.Value.Add(amount);
}
