using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using TypedGrains.Compare.Implementations;

namespace TypedGrains.Compare.Workloads;

/// <summary>(c) One-way messages from one sender, round-robin over a few actors; timed until reads of every actor see all of them.</summary>
internal sealed class Casts(Scale scale) : IWorkload
{
    /// <summary>How long the closing reads wait for casts still in flight before calling them lost.</summary>
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromMinutes(2);

    public string Name => "casts";

    public long Count => scale.Casts;

    public Task WarmUpPassAsync(IActorImplementation actors) => RunAsync(actors, scale.CastGrains * 1_000);

    public async Task<IReadOnlyList<Figure>> MeasureAsync(IActorImplementation actors)
    {
        await actors.ResetAsync();
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

        // Implementations that keep each sender's order answer the first read after every cast; one that does not
        // (Orleans promises no order) may answer it first, so a short count is read again until the deadline.
        var deadline = Stopwatch.StartNew();
        for (var key = 0; key < scale.CastGrains; key++)
        {
            var expected = before[key] + (casts / scale.CastGrains) + (key < casts % scale.CastGrains ? 1 : 0);
            long seen;
            while ((seen = await actors.GetAsync(key)) < expected)
            {
                if (deadline.Elapsed > DeliveryTimeout)
                {
                    throw new InvalidOperationException($"{actors.Name}: actor {key} saw {seen - before[key]} of {expected - before[key]} casts.");
                }

                await Task.Yield();
            }

            if (seen != expected)
            {
                throw new InvalidOperationException($"{actors.Name}: actor {key} saw {seen - before[key]} casts, {expected - before[key]} sent.");
            }
        }
    }
}
