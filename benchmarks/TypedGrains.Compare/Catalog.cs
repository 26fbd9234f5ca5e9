using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using TypedGrains.Compare.Implementations;
using TypedGrains.Compare.Workloads;

namespace TypedGrains.Compare;

/// <summary>The implementations and workloads by name, in the order the runs interleave them.</summary>
internal static class Catalog
{
    /// <summary>The implementation every ratio is taken for.</summary>
    public const string Subject = "typedgrains";

    public static IReadOnlyList<string> ImplementationNames { get; } = [Subject, "channel", "actionblock", "akka", "protoactor", "orleans"];

    public static IReadOnlyList<string> WorkloadNames { get; } = ["sequential-calls", "concurrent-calls", "casts", "activations"];

    /// <summary>Creates (and for Orleans, starts) the named implementation.</summary>
    public static async Task<IActorImplementation> StartAsync(string name) => name switch
    {
        Subject => new TypedGrainsActors(),
        "channel" => new ChannelActors(),
        "actionblock" => new ActionBlockActors(),
        "akka" => new AkkaActors(),
        "protoactor" => new ProtoActors(),
        "orleans" => await OrleansGrains.StartAsync(),
        _ => throw new ArgumentException($"No implementation '{name}'.", nameof(name)),
    };

    public static IWorkload Workload(string name, Scale scale) => name switch
    {
        "sequential-calls" => new SequentialCalls(scale),
        "concurrent-calls" => new ConcurrentCalls(scale),
        "casts" => new Casts(scale),
        "activations" => new Activations(scale),
        _ => throw new ArgumentException($"No workload '{name}'.", nameof(name)),
    };
}
