using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TypedGrains.Backend;
using TypedGrains.Persistence;
using TypedGrains.Runtime.Envelopes;

namespace TypedGrains.Runtime;

/// <summary>
/// Logging, metrics and tracing. Every hot-path member first asks whether anyone listens (an instrument's
/// <c>Enabled</c>, <see cref="ActivitySource.HasListeners"/>) and does nothing else when nobody does.
/// </summary>
public sealed partial class InProcessRuntime
{
    private readonly ConcurrentDictionary<IGrainStateProvider, ObservedStateProvider> _observedProviders = new(ReferenceEqualityComparer.Instance);
    private RuntimeMetrics _metrics = null!;

    internal RuntimeMetrics Metrics => _metrics;

    internal ILogger Log { get; private set; } = NullLogger.Instance;

    /// <summary>Whether each turn runs inside a log scope naming the grain (a logger factory was given and scopes are on).</summary>
    internal bool LogScopes { get; private set; }

    /// <summary>Whether a turn takes the observed path (span, duration, log scope) instead of the direct one.</summary>
    internal bool ObservesTurns => LogScopes || _metrics.TurnDuration.Enabled || GrainInstrumentation.Source.HasListeners();

    private void InitializeTelemetry(InProcessRuntimeOptions options)
    {
        _metrics = new RuntimeMetrics(options.MeterFactory, () => ActivationCount, CountMailboxes);
        MailboxSettings = MailboxSettings with { LengthGauge = _metrics.MailboxLength };
        if (options.LoggerFactory is { } factory)
        {
            Log = factory.CreateLogger("TypedGrains.Runtime");
            LogScopes = options.LogScopes;
        }
    }

    /// <summary>Counts a call; <c>true</c> when it must be traced (someone listens to <see cref="GrainInstrumentation.Source"/>).</summary>
    private bool ObserveCall(GrainId grain)
    {
        if (_metrics.Calls.Enabled)
        {
            _metrics.Calls.Add(1, RuntimeMetrics.TypeTag(grain));
        }

        return GrainInstrumentation.Source.HasListeners();
    }

    private void ObserveCast(GrainId grain)
    {
        if (_metrics.Casts.Enabled)
        {
            _metrics.Casts.Add(1, RuntimeMetrics.TypeTag(grain));
        }
    }

    /// <summary>
    /// Carries the sender's trace context (W3C trace id, span id, flags, trace state) in a message leaving a sender;
    /// a message that follows its grain to a new activation keeps the context it has.
    /// </summary>
    private static void CaptureTraceParent<TGrain>(Envelope<TGrain> envelope, bool admitted)
        where TGrain : Grain, IGrain<TGrain>
    {
        if (!admitted && GrainInstrumentation.Source.HasListeners())
        {
            envelope.TraceParent = Activity.Current is { } current ? new StrongBox<ActivityContext>(current.Context) : null;
        }
    }

    private IGrainStateProvider Observe(IGrainStateProvider provider) =>
        _observedProviders.GetOrAdd(provider, static (inner, metrics) => new ObservedStateProvider(inner, metrics), _metrics);

    private (long Queued, int Busy) CountMailboxes()
    {
        long queued = 0;
        var busy = 0;
        foreach (var activation in _activations.All())
        {
            queued += activation.QueuedMessages;
            if (!activation.IsMailboxEmpty)
            {
                busy++;
            }
        }

        return (queued, busy);
    }

    private async ValueTask<TReply> TracedCallAsync<TGrain, TRequest, TReply>(GrainId grain, TRequest request, CancellationToken cancellationToken)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IGrainRequest<TGrain, TReply>
    {
        using var activity = CallTracing.StartCall(grain, TRequest.MethodName);
        try
        {
            return await CallEnvelope<TGrain, TRequest, TReply>.Send(this, grain, request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            CallTracing.Failed(activity, error);
            throw;
        }
    }

    private async ValueTask TracedCallAsync<TGrain, TRequest>(GrainId grain, TRequest request, CancellationToken cancellationToken)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IGrainRequest<TGrain>
    {
        using var activity = CallTracing.StartCall(grain, TRequest.MethodName);
        try
        {
            await VoidCallEnvelope<TGrain, TRequest>.Send(this, grain, request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            CallTracing.Failed(activity, error);
            throw;
        }
    }

    private async ValueTask<TReply> TracedDeferredCallAsync<TGrain, TRequest, TReply>(GrainId grain, TRequest request, CancellationToken cancellationToken)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IDeferredGrainRequest<TGrain, TReply>
    {
        using var activity = CallTracing.StartCall(grain, TRequest.MethodName);
        try
        {
            return await DeferredCallEnvelope<TGrain, TRequest, TReply>.Send(this, grain, request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            CallTracing.Failed(activity, error);
            throw;
        }
    }
}
