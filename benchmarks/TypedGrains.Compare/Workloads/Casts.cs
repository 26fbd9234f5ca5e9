using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using TypedGrains.Compare.Implementations;

namespace TypedGrains.Compare.Workloads;

/// <summary>(c) One-way messages spread over a few actors; timed until a read of every actor sees all of them.</summary>
internal sealed class Casts(Scale scale) : IWorkload
{
    public string Name => "casts";

    public Task WarmUpPassAsync(IActorImplementation actors) => RunAsync(actors, scale.CastGrains * 1_000);

    public async Task<IReadOnlyList<Figure>> MeasureAsync(IActorImplementation actors)
    {
        actors.Reset();
        var elapsed = Stopwatch.StartNew();
        await RunAsync(actors, scale.Casts);
        elapsed.Stop();
        return [new Figure("msgs/s", scale.Casts / elapsed.Elapsed.TotalSeconds, "msgs/s", true)];
    }

    private async Task RunAsync(IActorImplementation actors, int casts)
    {
        var before = new long[scale.CastGrains];
        for (var key = 0; key < scale.CastGrains; key++)
        {
            before[key] = await actors.GetAsync(key);
        }

        for (var i = 0; i < casts; i++)
        {
            actors.Increment(i % scale.CastGrains);
        }

        long delivered = 0;
        for (var key = 0; key < scale.CastGrains; key++)
        {
            delivered += await actors.GetAsync(key) - before[key];
        }

        if (delivered != casts)
        {
            throw new InvalidOperationException($"{actors.Name} delivered {delivered} of {casts} casts.");
        }
    }
}
