using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Persistence;
using TypedGrains.Runtime.Envelopes;

namespace TypedGrains.Runtime;

/// <summary>
/// Runs grains inside this process: exactly one activation per grain id (stateless workers: up to
/// <see cref="InProcessRuntimeOptions.MaxStatelessWorkerActivations"/>), one mailbox per activation on the thread
/// pool, turns with rollback, save-before-reply, deferred replies and idle collection. Local messages are never
/// serialized.
/// </summary>
public sealed class InProcessRuntime : IGrainRuntime, IGrainFactory, IDeferredReplySink, IDisposable
{
    private readonly ActivationDirectory _activations;
    private readonly InProcessRuntimeOptions _options;
    private readonly IdleCollector _collector;
    private volatile bool _disposed;

    /// <summary>Creates a runtime with default options (in-memory state, 15-minute idle collection).</summary>
    public InProcessRuntime()
        : this(new InProcessRuntimeOptions())
    {
    }

    /// <summary>Creates a runtime with <paramref name="options"/>.</summary>
    public InProcessRuntime(InProcessRuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _activations = new ActivationDirectory(options.MaxStatelessWorkerActivations);
        Time = options.TimeProvider;
        TurnBudget = options.TurnBudget;
        _collector = new IdleCollector(Time, options.IdleCollectionAge, options.EffectiveCollectionInterval, _activations.All);
    }

    /// <summary>
    /// Raised on the activation's thread when an activation ends (idle collection, deactivate action, failure); once
    /// per activation, so a stateless worker id may raise it several times.
    /// </summary>
    public event Action<GrainId>? ActivationEnded;

    /// <inheritdoc/>
    IGrainRuntime IGrainFactory.Runtime => this;

    /// <summary>The number of live activations; every activation of a stateless worker counts, so one id may count several times.</summary>
    public int ActivationCount => _activations.Count;

    internal TimeProvider Time { get; }

    internal int TurnBudget { get; }

    internal PendingCallerTable PendingCallers { get; } = new();

    /// <summary>Whether <paramref name="grain"/> currently has an activation (a stateless worker: at least one).</summary>
    public bool IsActive(GrainId grain) => _activations.Contains(grain);

    /// <inheritdoc/>
    public ValueTask<TReply> CallAsync<TGrain, TRequest, TReply>(GrainId grain, in TRequest request, CancellationToken cancellationToken)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IGrainRequest<TGrain, TReply> =>
        CallEnvelope<TGrain, TRequest, TReply>.Send(this, grain, request, cancellationToken);

    /// <inheritdoc/>
    public ValueTask CallAsync<TGrain, TRequest>(GrainId grain, in TRequest request, CancellationToken cancellationToken)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IGrainRequest<TGrain> =>
        VoidCallEnvelope<TGrain, TRequest>.Send(this, grain, request, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<TReply> CallDeferredAsync<TGrain, TRequest, TReply>(GrainId grain, in TRequest request, CancellationToken cancellationToken)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IDeferredGrainRequest<TGrain, TReply> =>
        DeferredCallEnvelope<TGrain, TRequest, TReply>.Send(this, grain, request, cancellationToken);

    /// <inheritdoc/>
    public void Cast<TGrain, TRequest>(GrainId grain, in TRequest request)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IGrainRequest<TGrain> =>
        CastEnvelope<TGrain, TRequest>.Send(this, grain, request);

    /// <summary>
    /// Runs a serialized request: the grain's generated dispatcher reads the arguments of <paramref name="methodId"/>
    /// and the typed request takes the same path as a local call. The reply is boxed (<c>null</c> for none).
    /// </summary>
    /// <exception cref="UnknownGrainMethodException">The grain has no handler with <paramref name="methodId"/>.</exception>
    public ValueTask<object?> DispatchAsync<TGrain>(GrainId grain, uint methodId, IArgumentReader arguments)
        where TGrain : Grain, IGrain<TGrain>
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var visitor = new DispatchVisitor<TGrain>(this, grain);
        TGrain.Definition.Dispatch(methodId, arguments, ref visitor);
        return visitor.Reply;
    }

    /// <inheritdoc/>
    public void Complete<TReply>(CallerId caller, TReply value) => PendingCallers.TryTake(caller)?.Complete(value);

    /// <inheritdoc/>
    public void Fail(CallerId caller, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        PendingCallers.TryTake(caller)?.Fail(error);
    }

    /// <summary>Stops idle collection; later messages are refused with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _disposed = true;
        _collector.Dispose();
    }

    internal void Post<TGrain>(GrainId grain, Envelope<TGrain> envelope)
        where TGrain : Grain, IGrain<TGrain>
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _activations.Post(this, grain, envelope);
    }

    internal void Remove(ActivationBase activation) => _activations.Remove(activation);

    internal IGrainStateProvider ResolveProvider<TGrain>(GrainDefinition<TGrain> definition, GrainId grain)
        where TGrain : Grain
    {
        if (definition.Provider is null)
        {
            return _options.DefaultProvider;
        }

        return _options.Providers.TryGetValue(definition.Provider, out var provider)
            ? provider
            : throw new InvalidOperationException(_options.MissingProviderMessage(grain.ToString(), definition.Provider));
    }

    internal void ReportCastFailure(GrainId grain, Exception error)
    {
        try
        {
            _options.CastFailed?.Invoke(grain, error);
        }
        catch (Exception)
        {
            // A user callback runs on a mailbox thread; letting it throw would stall the mailbox. Nothing else to tell.
        }
    }

    internal void OnActivationEnded(GrainId grain)
    {
        try
        {
            ActivationEnded?.Invoke(grain);
        }
        catch (Exception)
        {
            // As for CastFailed: a throwing subscriber must not stall the mailbox that raised the event.
        }
    }
}
