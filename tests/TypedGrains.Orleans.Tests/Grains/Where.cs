using System;

namespace TypedGrains.Orleans.Tests.Grains;

/// <summary>Answers with the incarnation of the silo runtime its activation runs on, one grain per placement.</summary>
[Grain(Placement = Placement.PreferLocal)]
public sealed partial class LocalWhere : Grain
{
    [Call] public Guid Silo() => ((OrleansGrainRuntime)Grains.Runtime).Incarnation;
}

[Grain(Placement = Placement.Random)]
public sealed partial class RandomWhere : Grain
{
    [Call] public Guid Silo() => ((OrleansGrainRuntime)Grains.Runtime).Incarnation;
}

[Grain(Placement = Placement.Hash)]
public sealed partial class HashWhere : Grain
{
    [Call] public Guid Silo() => ((OrleansGrainRuntime)Grains.Runtime).Incarnation;
}

[Grain(Placement = Placement.StatelessWorker)]
public sealed partial class WorkerWhere : Grain
{
    [Call] public Guid Silo() => ((OrleansGrainRuntime)Grains.Runtime).Incarnation;
}
