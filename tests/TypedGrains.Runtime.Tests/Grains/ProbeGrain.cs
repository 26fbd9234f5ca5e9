using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Runtime.Tests.Grains;

public sealed record ProbeState(int Turns = 0);

/// <summary>Records activations and overlapping turns per grain key, for the concurrency tests.</summary>
[Grain(Key = GrainKeyKind.Guid)]
public sealed partial class ProbeGrain : Grain<ProbeState>
{
    public static readonly ConcurrentDictionary<System.Guid, int> Activations = new();
    public static readonly ConcurrentDictionary<System.Guid, int> MaxOverlap = new();

    private bool _counted;
    private int _inTurn;

    [Call]
    public int Touch()
    {
        CountActivation();
        State = State with { Turns = State.Turns + 1 };
        return State.Turns;
    }

    [Call]
    public async ValueTask<int> TouchSlowly()
    {
        CountActivation();
        var inside = Interlocked.Increment(ref _inTurn);
        MaxOverlap.AddOrUpdate(Id.Key.AsGuid(), inside, (_, seen) => System.Math.Max(seen, inside));
        await Task.Yield();
        State = State with { Turns = State.Turns + 1 };
        await Task.Yield();
        Interlocked.Decrement(ref _inTurn);
        return State.Turns;
    }

    private void CountActivation()
    {
        if (!_counted)
        {
            _counted = true;
            Activations.AddOrUpdate(Id.Key.AsGuid(), 1, (_, n) => n + 1);
        }
    }
}
