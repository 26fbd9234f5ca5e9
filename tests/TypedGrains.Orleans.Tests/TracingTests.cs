using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using TypedGrains.Orleans.Tests.Grains;
using TypedGrains.Orleans.Tests.Support;
using TypedGrains.Runtime;
using Xunit;

namespace TypedGrains.Orleans.Tests;

/// <summary>
/// The W3C trace context crosses Orleans: a call from the client is a client span, its turn on a silo a server span
/// under it, and a call that turn makes to a grain on another silo continues the same trace one level down.
/// </summary>
public sealed class TracingTests : IClassFixture<TwoSiloCluster>
{
    private readonly TwoSiloCluster _cluster;
    private readonly string _prefix = Guid.NewGuid().ToString("N")[..8];

    public TracingTests(TwoSiloCluster cluster) => _cluster = cluster;

    [Fact]
    public async Task A_call_and_the_call_its_turn_makes_on_another_silo_are_one_trace_of_parent_and_child_spans()
    {
        // The pointer lives on the secondary; the grain it calls through is made on the primary (PreferLocal).
        Assert.Equal(_cluster.Secondary.Incarnation, await _cluster.Secondary.Pointer(_prefix).Silo());
        var where = _cluster.Primary.LocalWhere(_prefix + "traced");
        Assert.Equal(_cluster.Primary.Incarnation, await where.Silo());

        var spans = new ConcurrentQueue<Activity>();
        using var root = new Activity("test-root").SetIdFormat(ActivityIdFormat.W3C).Start();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GrainInstrumentation.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == root.TraceId)
                {
                    spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        Assert.Equal(_cluster.Primary.Incarnation, await _cluster.Client.Pointer(_prefix).CallThrough(where));

        var call = Assert.Single(spans, s => s.Kind == ActivityKind.Client && s.DisplayName.EndsWith("/CallThrough", StringComparison.Ordinal));
        var turn = Assert.Single(spans, s => s.Kind == ActivityKind.Server && s.DisplayName.EndsWith("/CallThrough", StringComparison.Ordinal));
        var inner = Assert.Single(spans, s => s.Kind == ActivityKind.Client && s.DisplayName.EndsWith("/Silo", StringComparison.Ordinal));
        var innerTurn = Assert.Single(spans, s => s.Kind == ActivityKind.Server && s.DisplayName.EndsWith("/Silo", StringComparison.Ordinal));
        Assert.Equal(root.SpanId, call.ParentSpanId);
        Assert.Equal(call.SpanId, turn.ParentSpanId);
        Assert.Equal(turn.SpanId, inner.ParentSpanId);
        Assert.Equal(inner.SpanId, innerTurn.ParentSpanId);
        Assert.Equal("typedgrains", turn.GetTagItem("rpc.system"));
        Assert.Equal(4, spans.Count);
    }
}
