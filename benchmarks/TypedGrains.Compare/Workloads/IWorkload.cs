using System.Collections.Generic;
using System.Threading.Tasks;
using TypedGrains.Compare.Implementations;

namespace TypedGrains.Compare.Workloads;

/// <summary>A benchmark workload that runs the same way on every implementation.</summary>
internal interface IWorkload
{
    /// <summary>The workload's name in the table and JSON.</summary>
    string Name { get; }

    /// <summary>How many operations the timed phase runs (calls, casts or activations).</summary>
    long Count { get; }

    /// <summary>Runs a scaled-down pass that exercises the same paths (for warm-up).</summary>
    Task WarmUpPassAsync(IActorImplementation actors);

    /// <summary>Runs the timed phase; the first figure is the headline used for ratios.</summary>
    Task<IReadOnlyList<Figure>> MeasureAsync(IActorImplementation actors);
}
