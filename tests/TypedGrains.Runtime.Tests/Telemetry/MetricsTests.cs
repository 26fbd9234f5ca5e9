using System;
using System.Linq;
using System.Threading.Tasks;
using TypedGrains.Runtime.Tests.Grains;
using TypedGrains.Runtime.Tests.Support;
using Xunit;

namespace TypedGrains.Runtime.Tests.Telemetry;

/// <summary>The instruments of the <c>TypedGrains</c> meter, read with a MeterListener on one runtime's meter.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Calls_casts_and_failed_turns_are_counted_by_grain_type()
    {
        var scheduler = new SynchronousMailboxScheduler();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { Scheduler = scheduler });
        using var metrics = new MetricRecorder(grains.Metrics.Meter);
        var counter = grains.CounterGrain("metrics-count");
        var type = counter.Id.Type;

        var first = counter.Add(1).AsTask();
        counter.Increment();
        counter.Increment();
        var failed = counter.AddThenFail(1).AsTask();
        scheduler.RunUntilIdle();
        await first;
        await Assert.ThrowsAsync<InvalidOperationException>(() => failed);

        Assert.Equal(2, metrics.Sum(GrainInstrumentation.Calls, type));
        Assert.Equal(2, metrics.Sum(GrainInstrumentation.Casts, type));
        Assert.Equal(1, metrics.Sum(GrainInstrumentation.FailedTurns, type));
    }

    [Fact]
    public async Task Every_turn_records_its_duration_and_every_storage_call_its_latency_with_the_operation()
    {
        var scheduler = new SynchronousMailboxScheduler();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { Scheduler = scheduler });
        using var metrics = new MetricRecorder(grains.Metrics.Meter);
        var counter = grains.CounterGrain("metrics-duration");

        var call = counter.Add(2).AsTask();
        scheduler.RunUntilIdle();
        await call;

        var turns = metrics.Of(GrainInstrumentation.TurnDuration);
        Assert.Single(turns);
        Assert.True(turns[0].Value >= 0);
        Assert.Equal(counter.Id.Type, turns[0].Tags[GrainInstrumentation.GrainTypeTag]);
        var storage = metrics.Of(GrainInstrumentation.StorageDuration);
        Assert.Equal(["load", "save"], storage.Select(m => (string)m.Tags[GrainInstrumentation.OperationTag]!).ToArray());
        Assert.All(storage, m => Assert.Equal(counter.Id.Type, m.Tags[GrainInstrumentation.GrainTypeTag]));
    }

    [Fact]
    public async Task Active_activations_and_bounded_mailbox_length_are_observed_when_collected()
    {
        var scheduler = new SynchronousMailboxScheduler();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { Scheduler = scheduler, MaxMailboxLength = 100 });
        using var metrics = new MetricRecorder(grains.Metrics.Meter);
        var a = grains.CounterGrain("metrics-a");
        var b = grains.CounterGrain("metrics-b");
        var calls = new[] { a.Get().AsTask(), b.Get().AsTask() };
        scheduler.RunUntilIdle();
        await Task.WhenAll(calls);
        a.Increment();
        a.Increment();
        a.Increment();

        metrics.Observe();
        scheduler.RunUntilIdle();

        Assert.Equal(2, metrics.Of(GrainInstrumentation.ActiveActivations).Single().Value);
        Assert.Equal(3, metrics.Of(GrainInstrumentation.MailboxLength).Single().Value);
        Assert.Equal(1, metrics.Of(GrainInstrumentation.BusyMailboxes).Single().Value);
    }

    [Fact]
    public async Task An_unbounded_mailbox_counts_what_is_queued_while_its_length_is_observed_and_never_goes_below_zero()
    {
        var scheduler = new SynchronousMailboxScheduler();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { Scheduler = scheduler });
        var a = grains.CounterGrain("metrics-unbounded");
        var call = a.Get().AsTask();
        scheduler.RunUntilIdle();
        await call;

        // Queued while nobody observes: not counted, and taking them later must not count them off either.
        a.Increment();
        a.Increment();
        using var metrics = new MetricRecorder(grains.Metrics.Meter);
        a.Increment();
        a.Increment();
        a.Increment();

        metrics.Observe();
        Assert.Equal(3, metrics.Of(GrainInstrumentation.MailboxLength).Single().Value);
        Assert.Equal(1, metrics.Of(GrainInstrumentation.BusyMailboxes).Single().Value);

        scheduler.RunUntilIdle();
        metrics.Observe();
        Assert.Equal(0, metrics.Of(GrainInstrumentation.MailboxLength).Last().Value);
        Assert.Equal(0, metrics.Of(GrainInstrumentation.BusyMailboxes).Last().Value);
        var read = a.Get().AsTask();
        scheduler.RunUntilIdle();
        Assert.Equal(5, await read);
    }
}
