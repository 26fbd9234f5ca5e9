using System;
using System.Threading.Tasks;
using TypedGrains.Runtime.Tests.Grains;
using Xunit;

namespace TypedGrains.Runtime.Tests;

/// <summary>Processed messages are unreachable: a burst leaves no heap behind once it is drained.</summary>
public sealed class MemoryTests
{
    private const long Slack = 16L * 1024 * 1024;

    [Fact]
    public async Task A_million_casts_from_four_threads_leave_the_heap_within_16_MiB_of_its_level_before_the_burst()
    {
        using var grains = new InProcessRuntime();
        var counter = grains.CounterGrain("burst");
        counter.Bump();
        Assert.Equal(1, await counter.Get());
        var before = SettledHeap();

        await Task.WhenAll(Enumerable(4, () =>
        {
            for (var i = 0; i < 250_000; i++)
            {
                counter.Bump();
            }
        }));

        // Every cast was queued before this call, so its reply means the burst has drained.
        Assert.Equal(1_000_001, await counter.Get());
        var after = SettledHeap();

        Assert.True(after - before < Slack, $"The heap grew by {(after - before) / 1024.0 / 1024.0:F1} MiB after the drained burst.");
    }

    private static Task[] Enumerable(int count, Action work)
    {
        var tasks = new Task[count];
        for (var i = 0; i < count; i++)
        {
            tasks[i] = Task.Run(work);
        }

        return tasks;
    }

    private static long SettledHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
