using System;
using System.Threading.Tasks;
using TypedGrains.Runtime.Tests.Grains;
using Xunit;

namespace TypedGrains.Runtime.Tests.Telemetry;

/// <summary>Runs alone, after the parallel tests: an ActivityListener of another test would make the source listened to.</summary>
[CollectionDefinition(nameof(NoListenerCollection), DisableParallelization = true)]
public sealed class NoListenerCollection;

/// <summary>
/// Observability costs nothing while nobody listens: with no listener on the <c>TypedGrains</c> activity source, no
/// enabled instrument and no logger factory, a steady-state call and cast allocate 0 B (the benchmarks' figure,
/// checked here on the synchronous scheduler, where every turn runs on the test's thread).
/// </summary>
[Collection(nameof(NoListenerCollection))]
public sealed class NoListenerAllocationTests
{
    [Fact]
    public async Task A_call_and_a_cast_allocate_nothing_while_nobody_listens()
    {
        var scheduler = new SynchronousMailboxScheduler();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { Scheduler = scheduler });
        var quiet = grains.QuietGrain("no-listener");
        Assert.False(GrainInstrumentation.Source.HasListeners());
        Assert.False(grains.Metrics.Calls.Enabled);

        // Warm up: the activation, the pools and the scheduler's queue reach their steady size.
        for (var i = 0; i < 200; i++)
        {
            await RoundTrip(quiet, scheduler);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            await RoundTrip(quiet, scheduler);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(1200, await Notes(quiet, scheduler));
    }

    private static async ValueTask RoundTrip(QuietGrainRef quiet, SynchronousMailboxScheduler scheduler)
    {
        quiet.Note();
        await Notes(quiet, scheduler);
    }

    private static ValueTask<int> Notes(QuietGrainRef quiet, SynchronousMailboxScheduler scheduler)
    {
        var notes = quiet.Notes();
        scheduler.RunUntilIdle();
        return notes;
    }
}
