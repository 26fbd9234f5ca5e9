using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Persistence;

namespace TypedGrains.Persistence.Bench;

/// <summary>
/// Saves per second with <c>grains</c> concurrently saving grains: each grain saves its own state in a loop, always
/// with its current ETag, as an activation that saves on every turn does. Only saves acknowledged inside the
/// measured window count; a warm-up of the same loop comes first.
/// </summary>
internal static class SaveThroughput
{
    public static async Task<double> MeasureAsync(IGrainStateProvider provider, int grains, TimeSpan warmUp, TimeSpan measured)
    {
        var type = "bench-" + Guid.NewGuid().ToString("N");
        var ids = Enumerable.Range(0, grains).Select(i => new GrainId(type, GrainKey.From((long)i))).ToArray();
        var etags = new long[grains];
        var state = new byte[64];

        await RunAsync(warmUp, counting: false);
        return await RunAsync(measured, counting: true);

        async Task<double> RunAsync(TimeSpan duration, bool counting)
        {
            long saves = 0;
            using var stop = new CancellationTokenSource(duration);
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(ids.Select((id, i) => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    etags[i] = await provider.WriteAsync(id, state, FixedStateCodec.Instance, etags[i]);
                    if (counting)
                    {
                        Interlocked.Increment(ref saves);
                    }
                }
            })));
            return saves / clock.Elapsed.TotalSeconds;
        }
    }
}
