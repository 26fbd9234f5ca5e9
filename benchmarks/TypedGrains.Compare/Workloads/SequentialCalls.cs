using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using TypedGrains.Compare.Implementations;

namespace TypedGrains.Compare.Workloads;

/// <summary>(a) One caller, calls to one actor, each awaited before the next: throughput and latency.</summary>
internal sealed class SequentialCalls(Scale scale) : IWorkload
{
    public string Name => "sequential-calls";

    public long Count => scale.SequentialCalls;

    public async Task WarmUpPassAsync(IActorImplementation actors)
    {
        for (var i = 0; i < 10_000; i++)
        {
            await actors.AddAsync(1, 1);
        }
    }

    public async Task<IReadOnlyList<Figure>> MeasureAsync(IActorImplementation actors)
    {
        var latencies = new long[scale.SequentialCalls];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < latencies.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await actors.AddAsync(1, 1);
            latencies[i] = Stopwatch.GetTimestamp() - start;
        }

        total.Stop();
        Array.Sort(latencies);
        return
        [
            new Figure("calls/s", latencies.Length / total.Elapsed.TotalSeconds, "calls/s", true),
            new Figure("p50", ToMicroseconds(latencies[latencies.Length / 2]), "us", false),
            new Figure("p99", ToMicroseconds(latencies[(int)(latencies.Length * 0.99)]), "us", false),
        ];
    }

    private static double ToMicroseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
