using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Tasks;
using TypedGrains.Runtime.Tests.Support;

namespace TypedGrains.Runtime.Tests.Grains;

public sealed record WorkerState(int Count = 0, ImmutableList<Caller<int>>? Waiting = null)
{
    public ImmutableList<Caller<int>> WaitingCallers => Waiting ?? ImmutableList<Caller<int>>.Empty;
}

/// <summary>A stateless worker: several activations per id; its state lives only as long as one activation.</summary>
[Grain(Placement = Placement.StatelessWorker)]
public sealed partial class WorkerGrain : Grain<WorkerState>
{
    /// <summary>Activations that ran at least one turn, per key.</summary>
    public static readonly ConcurrentDictionary<string, int> Activations = new();

    private bool _counted;

    /// <summary>Waits at the key's <see cref="TurnGate"/>.</summary>
    [Call]
    public async Task<int> Hold()
    {
        CountActivation();
        await TurnGate.For(Id.Key.AsString()).PassAsync();
        State = State with { Count = State.Count + 1 };
        return State.Count;
    }

    [Cast]
    public async Task HoldCast()
    {
        CountActivation();
        await TurnGate.For(Id.Key.AsString()).PassAsync();
    }

    [Call]
    public int Bump()
    {
        CountActivation();
        State = State with { Count = State.Count + 1 };
        return State.Count;
    }

    /// <summary>Changes state and asks to save: a stateless worker must refuse the turn.</summary>
    [Call]
    public int BumpAndSave()
    {
        CountActivation();
        State = State with { Count = State.Count + 1 };
#pragma warning disable TG0016 // The run-time refusal of SaveState() in a stateless worker is what this grain tests.
        SaveState();
#pragma warning restore TG0016
        return State.Count;
    }

    [Call]
    public int Get()
    {
        CountActivation();
        return State.Count;
    }

    [Cast]
    public void Increment()
    {
        CountActivation();
        State = State with { Count = State.Count + 1 };
    }

    [Call]
    public void IncrementTwiceViaSelf()
    {
        CountActivation();
        CastToSelf.Increment();
        CastToSelf.Increment();
    }

    /// <summary>Casts <see cref="HoldCast"/> to itself; this activation is still busy when the cast is sent.</summary>
    [Call]
    public void HoldViaSelf()
    {
        CountActivation();
        CastToSelf.HoldCast();
    }

    [Call]
    public void Wait(Caller<int> caller)
    {
        CountActivation();
        State = State with { Waiting = State.WaitingCallers.Add(caller) };
    }

    [Call]
    public int ReleaseWaiting(int value)
    {
        CountActivation();
        var waiting = State.WaitingCallers;
        foreach (var caller in waiting)
        {
            Reply(caller, value);
        }

        State = State with { Waiting = ImmutableList<Caller<int>>.Empty };
        return waiting.Count;
    }

    [Call]
    public void Retire()
    {
        CountActivation();
        DeactivateAfterTurn();
    }

    private void CountActivation()
    {
        if (!_counted)
        {
            _counted = true;
            Activations.AddOrUpdate(Id.Key.AsString(), 1, (_, n) => n + 1);
        }
    }
}

/// <summary>The same gated handler on a grain with one activation per id, for comparison.</summary>
[Grain]
public sealed partial class GatedGrain : Grain<WorkerState>
{
    [Call]
    public async Task<int> Hold()
    {
        await TurnGate.For(Id.Key.AsString()).PassAsync();
        State = State with { Count = State.Count + 1 };
        return State.Count;
    }

    [Call]
    public int Count() => State.Count;
}

/// <summary>A stateless worker that names a provider: the runtime must refuse it.</summary>
#pragma warning disable TG0016 // The runtime's refusal of a worker that names a provider is what this grain tests.
[Grain(Placement = Placement.StatelessWorker, Provider = "workers")]
#pragma warning restore TG0016
public sealed partial class StoredWorkerGrain : Grain<WorkerState>
{
    [Call]
    public int Get() => State.Count;
}
