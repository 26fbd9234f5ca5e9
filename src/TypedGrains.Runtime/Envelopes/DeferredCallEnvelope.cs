using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Runtime.Envelopes;

/// <summary>
/// A call whose handler takes a <see cref="Caller{TReply}"/> and replies in this or a later turn. Once its turn
/// accepted it, the caller waits in the runtime's <see cref="PendingCallerTable"/> until a reply action, a failed turn,
/// the activation's end, the call timeout or the caller's cancellation takes it.
/// </summary>
internal sealed class DeferredCallEnvelope<TGrain, TRequest, TReply> : ReplyEnvelope<TGrain, TReply>, IPendingCaller
    where TGrain : Grain, IGrain<TGrain>
    where TRequest : struct, IDeferredGrainRequest<TGrain, TReply>
{
    /// <summary>The request; read by the activation.</summary>
    public TRequest Request;

    private ActivationBase? _owner;
    private CallerId _caller;
    private int _accepted;

    public ActivationBase Owner => _owner!;

    protected override string MethodName => TRequest.MethodName;

    public static ValueTask<TReply> Send(InProcessRuntime runtime, GrainId grain, in TRequest request, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<TReply>(cancellationToken);
        }

        var envelope = EnvelopePool<DeferredCallEnvelope<TGrain, TRequest, TReply>>.Rent();
        envelope.Request = request;
        var reply = new ValueTask<TReply>(envelope, envelope.Start(runtime, grain, cancellationToken));
        envelope.Post();
        return reply;
    }

    /// <summary>
    /// Puts the caller in the pending table under a token of <paramref name="activation"/>; <c>false</c> when it was
    /// answered meanwhile (timed out or cancelled), and then the turn must not run.
    /// </summary>
    public bool TryAccept(ActivationBase activation, out Caller<TReply> caller)
    {
        _owner = activation;
        _caller = Runtime.PendingCallers.Add(this);
        caller = new Caller<TReply>(_caller);

        // A full fence pairs with the answer's exchange: either the answer sees the caller accepted and takes it out
        // of the table, or this sees the answer and takes it out itself.
        Interlocked.Exchange(ref _accepted, 1);
        if (IsAnswered)
        {
            Runtime.PendingCallers.TryTake(_caller);
            return false;
        }

        return true;
    }

    /// <summary>The turn that accepted the caller threw: the caller gets the exception if it still waits.</summary>
    public void FailAccepted(Exception error) => Runtime.PendingCallers.TryTake(_caller)?.Fail(error);

    public override ValueTask DeliverTo(Activation<TGrain> activation) => activation.RunDeferredCall(this);

    void IPendingCaller.Fail(Exception error) => TryFail(error);

    void IPendingCaller.Complete<T>(T value)
    {
        if (typeof(T) == typeof(TReply))
        {
            TrySetResult(Unsafe.As<T, TReply>(ref value));
        }
        else
        {
            TryFail(new InvalidCastException($"A reply of type {typeof(T)} was sent to a caller waiting for {typeof(TReply)}."));
        }
    }

    protected override void OnAnswering()
    {
        if (Volatile.Read(ref _accepted) != 0)
        {
            Runtime.PendingCallers.TryTake(_caller);
        }
    }

    protected override void Recycle()
    {
        Request = default;
        _owner = null;
        _caller = default;
        _accepted = 0;
        EnvelopePool<DeferredCallEnvelope<TGrain, TRequest, TReply>>.Return(this);
    }
}
