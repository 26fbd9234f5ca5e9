using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Runtime.Tests.Grains;
using Xunit;

namespace TypedGrains.Runtime.Tests.Telemetry;

/// <summary>
/// Spans of the <c>TypedGrains</c> activity source, read with an ActivityListener. Each test starts its own root
/// activity and keeps only the spans of its trace, since the listener sees every runtime in the process.
/// </summary>
public sealed class TracingTests : IDisposable
{
    private static readonly ActivitySource TestSource = new("TypedGrains.Runtime.Tests");
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly ActivityListener _listener;

    public TracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is GrainInstrumentation.Name or "TypedGrains.Runtime.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                _stopped.Enqueue(activity);
                _arrived.Release();
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>
    /// The runtime's spans of <paramref name="trace"/> once <paramref name="count"/> have stopped: a turn span stops
    /// just after its reply is released, so the caller may see the reply first. Waits on the listener's signal.
    /// </summary>
    private async Task<List<Activity>> SpansOf(ActivityTraceId trace, int count)
    {
        while (true)
        {
            var spans = _stopped.Where(a => a.TraceId == trace && a.Source.Name == GrainInstrumentation.Name).ToList();
            if (spans.Count >= count)
            {
                Assert.Equal(count, spans.Count);
                return spans;
            }

            Assert.True(await _arrived.WaitAsync(TimeSpan.FromSeconds(30)), $"only {spans.Count} of {count} spans stopped");
        }
    }

    [Fact]
    public async Task A_call_has_a_client_span_with_a_server_turn_span_as_child_and_grain_to_grain_calls_nest()
    {
        using var grains = new InProcessRuntime();
        var relay = grains.RelayGrain("trace-a");
        ActivityTraceId trace;
        using (var root = TestSource.StartActivity("test")!)
        {
            trace = root.TraceId;
            Assert.Equal(1, await relay.Bounce("trace-b", 1));
        }

        var spans = await SpansOf(trace, 4);
        var outer = spans.Single(a => a.Kind == ActivityKind.Client && a.GetTagItem(GrainInstrumentation.GrainIdTag) as string == relay.Id.ToString());
        var outerTurn = spans.Single(a => a.Kind == ActivityKind.Server && a.ParentSpanId == outer.SpanId);
        var inner = spans.Single(a => a.Kind == ActivityKind.Client && a.ParentSpanId == outerTurn.SpanId);
        var innerTurn = spans.Single(a => a.Kind == ActivityKind.Server && a.ParentSpanId == inner.SpanId);
        Assert.Equal($"{relay.Id.Type}/Bounce", outer.DisplayName);
        Assert.Equal("typedgrains", outer.GetTagItem("rpc.system"));
        Assert.Equal("Bounce", innerTurn.GetTagItem("rpc.method"));
        Assert.EndsWith("/trace-b", (string)innerTurn.GetTagItem(GrainInstrumentation.GrainIdTag)!);
    }

    [Fact]
    public async Task A_failed_turn_marks_both_spans_as_errors()
    {
        using var grains = new InProcessRuntime();
        var counter = grains.CounterGrain("trace-fail");
        ActivityTraceId trace;
        using (var root = TestSource.StartActivity("test")!)
        {
            trace = root.TraceId;
            await Assert.ThrowsAsync<InvalidOperationException>(() => counter.AddThenFail(1).AsTask());
        }

        var spans = await SpansOf(trace, 2);
        Assert.All(spans, span => Assert.Equal(ActivityStatusCode.Error, span.Status));
    }

    [Fact]
    public async Task A_cast_turn_is_a_consumer_span_child_of_the_sender()
    {
        var scheduler = new SynchronousMailboxScheduler();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { Scheduler = scheduler });
        var counter = grains.CounterGrain("trace-cast");
        ActivitySpanId sender;
        using (var root = TestSource.StartActivity("test")!)
        {
            sender = root.SpanId;
            counter.Increment();
        }

        scheduler.RunUntilIdle();
        var turn = Assert.Single(_stopped, a => a.Source.Name == GrainInstrumentation.Name && a.ParentSpanId == sender);
        Assert.Equal(ActivityKind.Consumer, turn.Kind);
        Assert.Equal($"{counter.Id.Type}/Increment", turn.DisplayName);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_cast_sent_inside_a_turn_leaves_at_commit_as_a_child_of_the_sending_turn()
    {
        var scheduler = new SynchronousMailboxScheduler();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { Scheduler = scheduler });
        var relay = grains.RelayGrain("trace-relay");
        ActivityTraceId trace;
        Task call;
        using (var root = TestSource.StartActivity("test")!)
        {
            trace = root.TraceId;
            call = relay.CastAndSave("trace-relayed").AsTask();
        }

        scheduler.RunUntilIdle();
        await call;

        var spans = await SpansOf(trace, 3);
        var sendingTurn = spans.Single(a => a.Kind == ActivityKind.Server);
        var castTurn = spans.Single(a => a.Kind == ActivityKind.Consumer);
        Assert.Equal(sendingTurn.SpanId, castTurn.ParentSpanId);
        Assert.EndsWith("/trace-relayed", (string)castTurn.GetTagItem(GrainInstrumentation.GrainIdTag)!);
        Assert.Equal($"{relay.Id.Type}/CastAndSave", sendingTurn.DisplayName);
    }

    [Fact]
    public async Task The_whole_W3C_context_travels_in_the_message_trace_id_flags_and_trace_state()
    {
        var scheduler = new SynchronousMailboxScheduler();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { Scheduler = scheduler });
        var counter = grains.CounterGrain("trace-state");
        ActivityTraceId trace;
        Task<int> call;
        using (var root = TestSource.StartActivity("test")!)
        {
            root.TraceStateString = "vendor=abc";
            trace = root.TraceId;
            call = counter.Get().AsTask();
        }

        scheduler.RunUntilIdle();
        await call;

        var turn = (await SpansOf(trace, 2)).Single(a => a.Kind == ActivityKind.Server);
        Assert.Equal("vendor=abc", turn.TraceStateString);
        Assert.True(turn.Recorded);
        Assert.Equal(trace, turn.TraceId);
    }
}
