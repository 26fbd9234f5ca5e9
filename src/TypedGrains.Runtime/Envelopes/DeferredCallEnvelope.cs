using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Runtime.Envelopes;

/// <summary>
/// A call whose handler takes a <see cref="Caller{TReply}"/> and replies in this or a later turn. The caller stays
/// in the runtime's <see cref="PendingCallerTable"/> until a reply action, a failed turn or deactivation takes it.
/// </summary>
internal sealed class DeferredCallEnvelope<TGrain, TRequest, TReply> : ReplyEnvelope<TGrain, TReply>, IPendingCaller
    where TGrain : Grain, IGrain<TGrain>
    where TRequest : struct, IDeferredGrainRequest<TGrain, TReply>
{
    private TRequest _request;
    private InProcessRuntime? _runtime;
    private ActivationBase? _owner;
    private CallerId _caller;

    public ActivationBase Owner => _owner!;

    public static ValueTask<TReply> Send(InProcessRuntime runtime, GrainId grain, in TRequest request, CancellationToken cancellationToken)
    {
        var envelope = EnvelopePool<DeferredCallEnvelope<TGrain, TRequest, TReply>>.Rent();
        envelope._request = request;
        envelope._runtime = runtime;
        var reply = new ValueTask<TReply>(envelope, envelope.Version);
        runtime.Post(grain, envelope);
        return reply;
    }

    public override ValueTask RunAsync(Activation<TGrain> activation)
    {
        _owner = activation;
        _caller = _runtime!.PendingCallers.Add(this);
        return base.RunAsync(activation);
    }

    public override void Fail(Exception error)
    {
        if (_owner is null)
        {
            base.Fail(error);
        }
        else
        {
            _runtime!.PendingCallers.TryTake(_caller)?.Fail(error);
        }
    }

    void IPendingCaller.Fail(Exception error) => base.Fail(error);

    void IPendingCaller.Complete<T>(T value)
    {
        if (typeof(T) == typeof(TReply))
        {
            SetResult(Unsafe.As<T, TReply>(ref value));
        }
        else
        {
            base.Fail(new InvalidCastException($"A reply of type {typeof(T)} was sent to a caller waiting for {typeof(TReply)}."));
        }
    }

    protected override ValueTask InvokeAsync(TGrain grain) => _request.InvokeAsync(grain, new Caller<TReply>(_caller));

    protected override void Succeed()
    {
        // The reply is an action of this or a later turn; the caller stays pending until then.
    }

    protected override void Recycle()
    {
        _request = default;
        _runtime = null;
        _owner = null;
        _caller = default;
        EnvelopePool<DeferredCallEnvelope<TGrain, TRequest, TReply>>.Return(this);
    }
}
