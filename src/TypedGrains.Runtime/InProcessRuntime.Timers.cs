using System.Linq;

namespace TypedGrains.Runtime;

/// <summary>Timers, as tests see them.</summary>
public sealed partial class InProcessRuntime
{
    /// <summary>The running timers of <paramref name="grain"/>'s activation; 0 when it has none or is not active.</summary>
    internal int TimersOf<TGrain>(GrainId grain)
        where TGrain : Grain, IGrain<TGrain> =>
        _activations.All().OfType<Activation<TGrain>>().Where(a => a.Id == grain).Sum(a => a.TimerCount);
}
