using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Runtime.Envelopes;

/// <summary>A call whose handler returns a <typeparamref name="TReply"/>.</summary>
internal sealed class CallEnvelope<TGrain, TRequest, TReply> : ReplyEnvelope<TGrain, TReply>
    where TGrain : Grain, IGrain<TGrain>
    where TRequest : struct, IGrainRequest<TGrain, TReply>
{
    /// <summary>The request; read by the activation.</summary>
    public TRequest Request;

    protected override string MethodName => TRequest.MethodName;

    public static ValueTask<TReply> Send(InProcessRuntime runtime, GrainId grain, in TRequest request, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<TReply>(cancellationToken);
        }

        if (!cancellationToken.CanBeCanceled)
        {
            var direct = new DirectCall<TGrain, TRequest, TReply> { Request = request };
            if (runtime.TryRunDirect<TGrain, DirectCall<TGrain, TRequest, TReply>>(grain, ref direct))
            {
                return direct.Reply;
            }
        }

        var envelope = EnvelopePool<CallEnvelope<TGrain, TRequest, TReply>>.Rent();
        envelope.Request = request;
        var reply = new ValueTask<TReply>(envelope, envelope.Start(runtime, grain, cancellationToken));
        envelope.Post();
        return reply;
    }

    /// <summary>
    /// An envelope for a call whose turn already runs on its caller's thread and awaits (a direct call): registered in
    /// flight for the timeout and answered by the turn, never posted. The request is not kept: the turn has it.
    /// </summary>
    public static CallEnvelope<TGrain, TRequest, TReply> Adopt(InProcessRuntime runtime, GrainId grain, out ValueTask<TReply> reply)
    {
        var envelope = EnvelopePool<CallEnvelope<TGrain, TRequest, TReply>>.Rent();
        reply = new ValueTask<TReply>(envelope, envelope.Start(runtime, grain, CancellationToken.None));
        return envelope;
    }

    public override ValueTask DeliverTo(Activation<TGrain> activation) => activation.RunCall(this);

    protected override void Recycle()
    {
        Request = default;
        EnvelopePool<CallEnvelope<TGrain, TRequest, TReply>>.Return(this);
    }
}
