using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Backend;
using TypedGrains.Persistence;
using TypedGrains.Runtime.Envelopes;

namespace TypedGrains.Runtime;

/// <summary>
/// Runs grains inside this process: exactly one activation per grain id (stateless workers: up to
/// <see cref="InProcessRuntimeOptions.MaxStatelessWorkerActivations"/>), one mailbox per activation on the
/// <see cref="InProcessRuntimeOptions.Scheduler"/>, turns by the shared <see cref="TurnEngine{TGrain}"/> rules, calls
/// that time out (<see cref="InProcessRuntimeOptions.CallTimeout"/>) and take a <see cref="CancellationToken"/>, idle
/// collection, and a graceful <see cref="StopAsync"/>. Local messages are never serialized. The runtime runs from its
/// construction; <see cref="StartAsync"/> exists for hosts.
/// </summary>
public sealed partial class InProcessRuntime : IGrainRuntime, IGrainFactory, IDeferredReplySink, IDisposable, IAsyncDisposable
{
    private readonly ActivationDirectory _activations;
    private readonly InProcessRuntimeOptions _options;
    private readonly IdleCollector _collector;

    /// <summary>Creates a runtime with default options (in-memory state, 15-minute idle collection, 30-second call timeout).</summary>
    public InProcessRuntime()
        : this(new InProcessRuntimeOptions())
    {
    }

    /// <summary>Creates a runtime with <paramref name="options"/>.</summary>
    /// <exception cref="InvalidOperationException">A declared grain's state provider is not registered, or a stateless worker names one.</exception>
    public InProcessRuntime(InProcessRuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _activations = new ActivationDirectory(options.MaxStatelessWorkerActivations);
        Time = options.TimeProvider;
        var onThreadPool = options.Scheduler is ThreadPoolMailboxScheduler;
        MailboxSettings = new MailboxSettings(
            options.Scheduler, options.TurnBudget, options.MaxMailboxLength, Inline: options.RunCallsInline && onThreadPool, Linger: onThreadPool);
        CallTimeout = options.CallTimeout;
        PendingCallers = new PendingCallerTable(Incarnation);
        Calls = new InFlightCalls(Time, options.CallTimeout);
        _collector = new IdleCollector(Time, options.IdleCollectionAge, options.EffectiveCollectionInterval, _activations.All);
        InitializeTelemetry(options);
        StartReminders();
    }

    /// <summary>
    /// Raised on the activation's thread when an activation ends (idle collection, deactivate action, failure, stop);
    /// once per activation, so a stateless worker id may raise it several times.
    /// </summary>
    public event Action<GrainId>? ActivationEnded;

    /// <summary>
    /// This runtime instance's incarnation: a new value per instance, carried by every <see cref="Caller{TReply}"/> it
    /// issues, so a token from another instance (an earlier process, kept in stored state) never reaches one of its callers.
    /// </summary>
    public Guid Incarnation { get; } = Guid.NewGuid();

    /// <inheritdoc/>
    IGrainRuntime IGrainFactory.Runtime => this;

    /// <summary>The number of live activations; every activation of a stateless worker counts, so one id may count several times.</summary>
    public int ActivationCount => _activations.Count;

    internal TimeProvider Time { get; }

    internal IServiceProvider? Services => _options.Services;

    /// <summary>What every mailbox of this runtime shares: scheduler, budget, length limit, inline calls, lingering.</summary>
    internal MailboxSettings MailboxSettings { get; private set; }

    internal TimeSpan CallTimeout { get; }

    internal PendingCallerTable PendingCallers { get; }

    internal InFlightCalls Calls { get; }

    /// <summary>Whether <paramref name="grain"/> currently has an activation (a stateless worker: at least one).</summary>
    public bool IsActive(GrainId grain) => _activations.Contains(grain);

    /// <inheritdoc/>
    [SuppressMessage("ApiDesign", "RS0026", Justification = "The two overloads differ in their generic arity (a reply type or none), as IGrainRuntime declares them; no call is ambiguous.")]
    public ValueTask<TReply> CallAsync<TGrain, TRequest, TReply>(GrainId grain, in TRequest request, CancellationToken cancellationToken = default)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IGrainRequest<TGrain, TReply> =>
        ObserveCall(grain)
            ? TracedCallAsync<TGrain, TRequest, TReply>(grain, request, cancellationToken)
            : CallEnvelope<TGrain, TRequest, TReply>.Send(this, grain, request, cancellationToken);

    /// <inheritdoc/>
    [SuppressMessage("ApiDesign", "RS0026", Justification = "The two overloads differ in their generic arity (a reply type or none), as IGrainRuntime declares them; no call is ambiguous.")]
    public ValueTask CallAsync<TGrain, TRequest>(GrainId grain, in TRequest request, CancellationToken cancellationToken = default)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IGrainRequest<TGrain> =>
        ObserveCall(grain)
            ? TracedCallAsync<TGrain, TRequest>(grain, request, cancellationToken)
            : VoidCallEnvelope<TGrain, TRequest>.Send(this, grain, request, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<TReply> CallDeferredAsync<TGrain, TRequest, TReply>(GrainId grain, in TRequest request, CancellationToken cancellationToken = default)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IDeferredGrainRequest<TGrain, TReply> =>
        ObserveCall(grain)
            ? TracedDeferredCallAsync<TGrain, TRequest, TReply>(grain, request, cancellationToken)
            : DeferredCallEnvelope<TGrain, TRequest, TReply>.Send(this, grain, request, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>A cast sent inside a turn of a grain is held until that turn commits, and dropped if it rolls back.</remarks>
    public void Cast<TGrain, TRequest>(GrainId grain, in TRequest request)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IGrainRequest<TGrain>
    {
        ObserveCast(grain);
        CastEnvelope<TGrain, TRequest>.Send(this, grain, request);
    }

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

    /// <summary>Routes <paramref name="envelope"/> to an activation of <paramref name="grain"/>, creating one if needed.</summary>
    /// <param name="grain">The target grain.</param>
    /// <param name="envelope">The message.</param>
    /// <param name="admitted">The message follows its grain from an ended activation: a full mailbox does not refuse it.</param>
    internal void Post<TGrain>(GrainId grain, Envelope<TGrain> envelope, bool admitted = false)
        where TGrain : Grain, IGrain<TGrain>
    {
        if (_state != Running)
        {
            ThrowIfRefused();
        }

        CaptureTraceParent(envelope, admitted);
        _activations.Post(this, grain, envelope, admitted);
    }

    /// <summary>
    /// Runs a call to an active, idle activation on this thread without an envelope (see
    /// <see cref="Mailbox{TGrain}.TryRunDirect"/>); <c>false</c> when the call must be posted.
    /// </summary>
    internal bool TryRunDirect<TGrain, TTurn>(GrainId grain, ref TTurn turn)
        where TGrain : Grain, IGrain<TGrain>
        where TTurn : struct, IDirectTurn<TGrain> =>
        _state == Running && !ObservesTurns && _activations.TryFindActive<TGrain>(grain) is { } activation
        && activation.Mailbox.TryRunDirect(ref turn);

    internal void Remove(ActivationBase activation) => _activations.Remove(activation);

    internal IGrainStateProvider ResolveProvider(string? name, GrainId grain)
    {
        if (name is null)
        {
            return Observe(_options.DefaultProvider);
        }

        return _options.Providers.TryGetValue(name, out var provider)
            ? Observe(provider)
            : throw new InvalidOperationException(_options.MissingProviderMessage(grain.ToString(), name));
    }
}
