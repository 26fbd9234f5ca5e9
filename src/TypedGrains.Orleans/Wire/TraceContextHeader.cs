using System;
using System.Diagnostics;
using Orleans.Runtime;
using TypedGrains.Backend;
using TypedGrains.Runtime;

namespace TypedGrains.Orleans.Wire;

/// <summary>
/// The W3C trace context of a TypedGrains message as it crosses Orleans. The sender puts the context of its current
/// span (the call's span, or for a cast whatever span is current) and the handler's name into Orleans'
/// <see cref="RequestContext"/> for the one message it sends, and takes them out again at once; the host grain reads
/// and removes them, then starts the turn's span as their child. Nothing is written or read while nobody listens.
/// </summary>
internal static class TraceContextHeader
{
    private const string TraceParentKey = "typedgrains.traceparent";
    private const string TraceStateKey = "typedgrains.tracestate";
    private const string MethodKey = "typedgrains.method";

    /// <summary>
    /// Puts the current span's context on the next message this flow sends; dispose the result right after sending.
    /// </summary>
    public static Attached AttachCurrent(string method)
    {
        if (!GrainInstrumentation.Source.HasListeners() || Activity.Current is not { IdFormat: ActivityIdFormat.W3C } current)
        {
            return default;
        }

        RequestContext.Set(TraceParentKey, current.Id!);
        if (current.TraceStateString is { } state)
        {
            RequestContext.Set(TraceStateKey, state);
        }

        RequestContext.Set(MethodKey, method);
        return new Attached(true);
    }

    /// <summary>
    /// Starts the span of the turn that runs the message being received on <paramref name="grain"/>: a child of the
    /// sender's span when the message carried one, a root otherwise; <c>null</c> while nobody listens.
    /// </summary>
    public static Activity? StartTurn(GrainId grain, bool isCall, string fallbackMethod)
    {
        if (!GrainInstrumentation.Source.HasListeners())
        {
            return null;
        }

        var parent = default(ActivityContext);
        if (RequestContext.Get(TraceParentKey) is string traceParent)
        {
            ActivityContext.TryParse(traceParent, RequestContext.Get(TraceStateKey) as string, isRemote: true, out parent);
        }

        var method = RequestContext.Get(MethodKey) as string ?? fallbackMethod;
        Remove();
        return CallTracing.StartTurn(grain, method, parent, isCall);
    }

    private static void Remove()
    {
        // What the grain receives would otherwise flow on into every message its turn sends.
        RequestContext.Remove(TraceParentKey);
        RequestContext.Remove(TraceStateKey);
        RequestContext.Remove(MethodKey);
    }

    /// <summary>The headers of one message; disposing takes them out of the sender's flow.</summary>
    public readonly struct Attached : IDisposable
    {
        private readonly bool _set;

        public Attached(bool set) => _set = set;

        public void Dispose()
        {
            if (_set)
            {
                Remove();
            }
        }
    }
}
