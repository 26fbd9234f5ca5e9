using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using TypedGrains.Compare.Implementations;

namespace TypedGrains.Compare.Workloads;

/// <summary>(b) Many actors, one caller loop per actor, so as many calls are in flight as there are actors.</summary>
internal sealed class ConcurrentCalls(Scale scale) : IWorkload
{
    public string Name => "concurrent-calls";

    public long Count => scale.ConcurrentCalls;

    public Task WarmUpPassAsync(IActorImplementation actors) => RunAsync(actors, scale.ConcurrentGrains * 20);

    public async Task<IReadOnlyList<Figure>> MeasureAsync(IActorImplementation actors)
    {
        var elapsed = Stopwatch.StartNew();
        await RunAsync(actors, scale.ConcurrentCalls);
        elapsed.Stop();
        return [new Figure("calls/s", scale.ConcurrentCalls / elapsed.Elapsed.TotalSeconds, "calls/s", true)];
    }

    private Task RunAsync(IActorImplementation actors, int calls)
    {
        var perActor = calls / scale.ConcurrentGrains;
        return Task.WhenAll(Enumerable.Range(0, scale.ConcurrentGrains).Select(key => Task.Run(async () =>
        {
            for (var i = 0; i < perActor; i++)
            {
                await actors.AddAsync(key, 1);
            }
        })));
    }
}
