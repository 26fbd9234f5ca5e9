using System.Threading.Tasks;

namespace TypedGrains.Runtime.Tests.Grains;

/// <summary>A grain without state: it derives from <see cref="Grain"/> directly.</summary>
[Grain]
public sealed partial class EchoGrain : Grain
{
    private int _pings;

    [Call] public int Ping(int x) => x;

    /// <summary>Counts pings in a field: an activation's own memory, not a state.</summary>
    [Call]
    public int CountPing()
    {
        _pings++;
        return _pings;
    }

    [Cast] public void Poke() => _pings += 10;

    [Call]
    public async Task<string> EchoLaterAsync(string text)
    {
        await Task.Yield();
        return text;
    }

    [Call] public void Leave() => DeactivateAfterTurn();
}

/// <summary>A stateless worker without state: no dummy <c>Grain&lt;TState&gt;</c>.</summary>
[Grain(Placement = Placement.StatelessWorker)]
public sealed partial class EchoWorkerGrain : Grain
{
    [Call] public string Shout(string text) => text.ToUpperInvariant();
}
