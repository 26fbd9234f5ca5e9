using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using TypedGrains.Compare.Implementations;

namespace TypedGrains.Compare.Workloads;

/// <summary>(d) The first call to many distinct actors: activation rate, and managed memory per idle actor.</summary>
internal sealed class Activations(Scale scale) : IWorkload
{
    private const int Callers = 64;

    public string Name => "activations";

    public long Count => scale.Activations;

    public async Task WarmUpPassAsync(IActorImplementation actors)
    {
        await actors.ResetAsync();
        await RunAsync(actors, 10_000_000, 20_000);
        await actors.ResetAsync();
    }

    public async Task<IReadOnlyList<Figure>> MeasureAsync(IActorImplementation actors)
    {
        await actors.ResetAsync();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);

        var elapsed = Stopwatch.StartNew();
        await RunAsync(actors, 100_000_000, scale.Activations);
        elapsed.Stop();

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(actors);
        await actors.ResetAsync();

        return
        [
            new Figure("activations/s", scale.Activations / elapsed.Elapsed.TotalSeconds, "activations/s", true),
            new Figure("bytes/activation", (memoryAfter - memoryBefore) / (double)scale.Activations, "B", false),
        ];
    }

    private static Task RunAsync(IActorImplementation actors, long firstKey, int count) =>
        Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            for (long key = firstKey + caller; key < firstKey + count; key += Callers)
            {
                await actors.AddAsync(key, 1);
            }
        })));
}
