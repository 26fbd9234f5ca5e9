using System;

namespace TypedGrains.Compare.Workloads;

/// <summary>Sizes of the workloads: the published figures use <see cref="Full"/>; <c>--quick</c> uses <see cref="Quick"/>.</summary>
internal sealed record Scale(
    int SequentialCalls,
    int ConcurrentGrains,
    int ConcurrentCalls,
    int CastGrains,
    int Casts,
    int Activations,
    TimeSpan WarmUp)
{
    public static Scale Full { get; } = new(200_000, 1_000, 2_000_000, 100, 10_000_000, 1_000_000, TimeSpan.FromSeconds(3));

    public static Scale Quick { get; } = new(50_000, 1_000, 300_000, 100, 1_000_000, 100_000, TimeSpan.FromSeconds(3));
}
