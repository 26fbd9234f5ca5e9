using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Runtime.Envelopes;

/// <summary>A call whose handler returns no value; the caller awaits the turn's commit.</summary>
internal sealed class VoidCallEnvelope<TGrain, TRequest> : ReplyEnvelope<TGrain, bool>
    where TGrain : Grain, IGrain<TGrain>
    where TRequest : struct, IGrainRequest<TGrain>
{
    /// <summary>The request; read by the activation.</summary>
    public TRequest Request;

    protected override string MethodName => TRequest.MethodName;

    public static ValueTask Send(InProcessRuntime runtime, GrainId grain, in TRequest request, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        if (!cancellationToken.CanBeCanceled)
        {
            var direct = new DirectVoidCall<TGrain, TRequest> { Request = request };
            if (runtime.TryRunDirect<TGrain, DirectVoidCall<TGrain, TRequest>>(grain, ref direct))
            {
                return direct.Done;
            }
        }

        var envelope = EnvelopePool<VoidCallEnvelope<TGrain, TRequest>>.Rent();
        envelope.Request = request;
        var done = new ValueTask(envelope, envelope.Start(runtime, grain, cancellationToken));
        envelope.Post();
        return done;
    }

    /// <summary>An envelope for a direct call whose turn awaits (see <see cref="CallEnvelope{TGrain, TRequest, TReply}.Adopt"/>).</summary>
    public static VoidCallEnvelope<TGrain, TRequest> Adopt(InProcessRuntime runtime, GrainId grain, out ValueTask done)
    {
        var envelope = EnvelopePool<VoidCallEnvelope<TGrain, TRequest>>.Rent();
        done = new ValueTask(envelope, envelope.Start(runtime, grain, CancellationToken.None));
        return envelope;
    }

    public override ValueTask DeliverTo(Activation<TGrain> activation) => activation.RunVoidCall(this);

    protected override void Recycle()
    {
        Request = default;
        EnvelopePool<VoidCallEnvelope<TGrain, TRequest>>.Return(this);
    }
}
