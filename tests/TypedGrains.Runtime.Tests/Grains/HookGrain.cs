using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Runtime.Tests.Grains;

public sealed record HookState(int Activations = 0, int Deactivations = 0, int Count = 0);

/// <summary>Counts its activations and deactivations in stored state from the lifecycle hooks.</summary>
[Grain]
public sealed partial class HookGrain : Grain<HookState>
{
    /// <summary>How many more activations of a key throw.</summary>
    public static readonly ConcurrentDictionary<string, int> RefusedActivations = new();

    protected override ValueTask OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = Id.Key.AsString();
        if (RefusedActivations.TryGetValue(key, out var left) && left > 0)
        {
            RefusedActivations[key] = left - 1;
            throw new InvalidOperationException("activation refused on purpose");
        }

        State = State with { Activations = State.Activations + 1 };
        SaveState();
        return default;
    }

    protected override ValueTask OnDeactivateAsync(CancellationToken cancellationToken)
    {
        State = State with { Deactivations = State.Deactivations + 1 };
        SaveState();
        return default;
    }

    [Call]
    public HookState Read() => State;

    [Cast]
    public void Add()
    {
        State = State with { Count = State.Count + 1 };
        SaveState();
    }

    [Call]
    public void Leave() => DeactivateAfterTurn();
}
