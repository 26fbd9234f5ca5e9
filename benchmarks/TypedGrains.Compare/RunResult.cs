using System.Collections.Generic;
using TypedGrains.Compare.Workloads;

namespace TypedGrains.Compare;

/// <summary>
/// What one child process measured: one workload on one implementation. <see cref="Count"/> is what was timed;
/// it is below <see cref="FullCount"/> when the implementation scaled the workload down.
/// </summary>
internal sealed record RunResult(string Workload, string Implementation, long Count, long FullCount, IReadOnlyList<Figure> Figures)
{
    /// <summary>The load average (1 minute) just before the child started, filled in by the parent.</summary>
    public double? LoadBefore { get; init; }

    public bool ScaledDown => Count < FullCount;
}
