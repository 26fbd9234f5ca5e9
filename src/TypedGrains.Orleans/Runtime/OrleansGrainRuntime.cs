using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Orleans.Concurrency;
using TypedGrains.Backend;
using TypedGrains.Messaging;
using TypedGrains.Orleans.Wire;
using TypedGrains.Runtime;
using TypedGrains.Serialization;
using OrleansGrainFactory = Orleans.IGrainFactory;

namespace TypedGrains.Orleans;

/// <summary>
/// The TypedGrains runtime of an Orleans silo or client: generated references send through it, so
/// <c>grains.Counter("c-1")</c> works unchanged. A call serializes its request, sends (method id, bytes) to the
/// grain's host grain through Orleans, and reads the reply bytes; a cast sent inside a turn waits in the turn's scope
/// until the turn commits. Calls fail with a <see cref="TimeoutException"/> after <see cref="OrleansGrainRuntimeOptions.CallTimeout"/>
/// and take a <see cref="CancellationToken"/>; the outcome of a call that timed out or was cancelled is unknown.
/// </summary>
public sealed partial class OrleansGrainRuntime : IGrainRuntime, IGrainFactory
{
    private const int MaxCachedHosts = 100_000;
    private readonly OrleansGrainFactory _orleans;

    // Orleans references of the host grains called lately: making one encodes the key and builds an Orleans grain id.
    private readonly ConcurrentDictionary<HostCacheKey, IGrainHost> _hosts = new();

    /// <summary>Creates the runtime over Orleans' grain factory.</summary>
    public OrleansGrainRuntime(OrleansGrainFactory orleans, OrleansGrainRuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(orleans);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _orleans = orleans;
        Options = options;
        Callers = new DeferredCallers(Incarnation);
    }

    /// <summary>This runtime's incarnation: carried by every deferred-reply token its silo issues.</summary>
    public Guid Incarnation { get; } = Guid.NewGuid();

    /// <inheritdoc/>
    IGrainRuntime IGrainFactory.Runtime => this;

    internal OrleansGrainRuntimeOptions Options { get; }

    internal DeferredCallers Callers { get; }

    /// <inheritdoc/>
    public ValueTask<TReply> CallAsync<TGrain, TRequest, TReply>(GrainId grain, in TRequest request, CancellationToken cancellationToken)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IGrainRequest<TGrain, TReply> =>
        CallAsync<TGrain, TReply>(grain, TRequest.MethodId, TRequest.MethodName, Serialize(request), MessagePackFormatters.Get<TReply>(), cancellationToken);

    /// <inheritdoc/>
    public ValueTask CallAsync<TGrain, TRequest>(GrainId grain, in TRequest request, CancellationToken cancellationToken)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IGrainRequest<TGrain> =>
        CallVoidAsync<TGrain>(grain, TRequest.MethodId, TRequest.MethodName, Serialize(request), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<TReply> CallDeferredAsync<TGrain, TRequest, TReply>(GrainId grain, in TRequest request, CancellationToken cancellationToken)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IDeferredGrainRequest<TGrain, TReply> =>
        CallAsync<TGrain, TReply>(grain, TRequest.MethodId, TRequest.MethodName, Serialize(request), MessagePackFormatters.Get<TReply>(), cancellationToken);

    /// <inheritdoc/>
    /// <remarks>A cast sent inside a turn is held until that turn commits, and dropped if it rolls back.</remarks>
    public void Cast<TGrain, TRequest>(GrainId grain, in TRequest request)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IGrainRequest<TGrain>
    {
        var cast = new OutgoingCast(this, grain, HostOf<TGrain>(grain), TRequest.MethodId, TRequest.MethodName, Serialize(request));
        if (TurnScope.Current is { } scope && scope.TryDefer(cast))
        {
            return;
        }

        ((IOutgoingMessage)cast).Send();
    }

    internal IGrainHost HostOf<TGrain>(GrainId grain)
        where TGrain : Grain, IGrain<TGrain> =>
        HostOf(grain, TGrain.Definition, typeof(TGrain));

    /// <summary>The Orleans reference of the host grain of <paramref name="grain"/>, a <paramref name="grainClass"/> grain.</summary>
    internal IGrainHost HostOf(GrainId grain, GrainDefinition definition, Type grainClass)
    {
        if (grain.IsDefault || !string.Equals(grain.Type, definition.TypeName, StringComparison.Ordinal) || grain.Key.Kind != definition.KeyKind)
        {
            throw new ArgumentException(
                $"Grain id '{grain}' does not name a {grainClass.Name} grain (type '{definition.TypeName}', {definition.KeyKind} key).", nameof(grain));
        }

        if (_hosts.TryGetValue(new HostCacheKey(definition, grain.Key), out var cached))
        {
            return cached;
        }

        var key = HostKey.Format(grain);
        IGrainHost host = definition.Placement switch
        {
            Placement.Random => _orleans.GetGrain<IRandomGrainHost>(key),
            Placement.Hash => _orleans.GetGrain<IHashGrainHost>(key),
            Placement.StatelessWorker => _orleans.GetGrain<IStatelessWorkerGrainHost>(key),
            _ => _orleans.GetGrain<IPreferLocalGrainHost>(key),
        };
        if (_hosts.Count >= MaxCachedHosts)
        {
            // A bounded cache: a reference is cheap to make again, memory for every id ever called is not.
            _hosts.Clear();
        }

        _hosts[new HostCacheKey(definition, grain.Key)] = host;
        return host;
    }

    internal void ReportCastFailure(GrainId grain, Exception error)
    {
        try
        {
            Options.CastFailed?.Invoke(grain, error);
        }
        catch (Exception)
        {
            // A user callback must not break the sender.
        }
    }

    // One state machine per call: it sends, waits for Orleans' reply and reads it. Its box is pooled: a call's ValueTask
    // is awaited once, as the in-process runtime's pooled replies already require.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask CallVoidAsync<TGrain>(GrainId grain, uint methodId, string method, byte[] arguments, CancellationToken cancellationToken)
        where TGrain : Grain, IGrain<TGrain> =>
        await CallAsync<TGrain, bool>(grain, methodId, method, arguments, NilFormatter.Instance, cancellationToken).ConfigureAwait(false);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<TReply> CallAsync<TGrain, TReply>(
        GrainId grain, uint methodId, string method, byte[] arguments, IMessagePackFormatter<TReply> formatter, CancellationToken cancellationToken)
        where TGrain : Grain, IGrain<TGrain>
    {
        cancellationToken.ThrowIfCancellationRequested();

        // The call's span (a child of the caller's current one; none while nobody listens) ends once the reply is read.
        using var span = GrainInstrumentation.Source.HasListeners() ? CallTracing.StartCall(grain, method) : null;
        try
        {
            ValueTask<Immutable<byte[]>> call;
            using (TraceContextHeader.AttachCurrent(method))
            {
                call = HostOf<TGrain>(grain).Call(methodId, new Immutable<byte[]>(arguments));
            }

            Immutable<byte[]> reply;
            try
            {
                // The timeout is Orleans' own response timeout, which AddTypedGrains sets to CallTimeout: no timer per call.
                reply = cancellationToken.CanBeCanceled
                    ? await call.AsTask().WaitAsync(cancellationToken).ConfigureAwait(false)
                    : await call.ConfigureAwait(false);
            }
            catch (TimeoutException error)
            {
                throw new TimeoutException(
                    $"The call to {method} on grain '{grain}' did not complete within {Options.CallTimeout} (OrleansGrainRuntimeOptions.CallTimeout). " +
                    "Its outcome is unknown: the turn may still run, or have run.", error);
            }

            return WireReply.Read(reply.Value, formatter, this, grain);
        }
        catch (Exception error) when (Failed(span, error))
        {
            throw; // Never reached: the filter marks the span and lets the exception go on.
        }
    }

    private static bool Failed(System.Diagnostics.Activity? span, Exception error)
    {
        CallTracing.Failed(span, error);
        return false;
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_output;

    private static byte[] Serialize<TRequest>(in TRequest request)
        where TRequest : struct, IGrainMessage
    {
        var output = t_output ??= new ArrayBufferWriter<byte>(256);
        output.ResetWrittenCount();
        MessagePackRequests.Write(output, request);
        var bytes = output.WrittenSpan.ToArray();
        if (output.Capacity > 64 * 1024)
        {
            t_output = null;
        }

        return bytes;
    }

    /// <summary>
    /// A cached host's key: the definition (one per grain type, checked against the id's type before the lookup) and
    /// the grain key, so a lookup hashes no type name.
    /// </summary>
    private readonly struct HostCacheKey : IEquatable<HostCacheKey>
    {
        private readonly GrainDefinition _definition;
        private readonly GrainKey _key;

        public HostCacheKey(GrainDefinition definition, GrainKey key)
        {
            _definition = definition;
            _key = key;
        }

        public bool Equals(HostCacheKey other) => ReferenceEquals(_definition, other._definition) && _key.Equals(other._key);

        public override bool Equals(object? obj) => obj is HostCacheKey other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(_definition), _key.GetHashCode());
    }
}
