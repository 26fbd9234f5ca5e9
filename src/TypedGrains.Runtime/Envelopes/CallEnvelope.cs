using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Runtime.Envelopes;

/// <summary>A call whose handler returns a <typeparamref name="TReply"/>.</summary>
internal sealed class CallEnvelope<TGrain, TRequest, TReply> : ReplyEnvelope<TGrain, TReply>
    where TGrain : Grain, IGrain<TGrain>
    where TRequest : struct, IGrainRequest<TGrain, TReply>
{
    private TRequest _request;
    private TReply _reply = default!;

    public static ValueTask<TReply> Send(InProcessRuntime runtime, GrainId grain, in TRequest request, CancellationToken cancellationToken)
    {
        var envelope = EnvelopePool<CallEnvelope<TGrain, TRequest, TReply>>.Rent();
        envelope._request = request;
        var reply = new ValueTask<TReply>(envelope, envelope.Version);
        runtime.Post(grain, envelope);
        return reply;
    }

    protected override ValueTask InvokeAsync(TGrain grain)
    {
        var reply = _request.InvokeAsync(grain);
        if (reply.IsCompletedSuccessfully)
        {
            _reply = reply.Result;
            return default;
        }

        return AwaitReplyAsync(reply);
    }

    protected override void Succeed()
    {
        var reply = _reply;
        _reply = default!;
        SetResult(reply);
    }

    protected override void Recycle()
    {
        _request = default;
        _reply = default!;
        EnvelopePool<CallEnvelope<TGrain, TRequest, TReply>>.Return(this);
    }

    private async ValueTask AwaitReplyAsync(ValueTask<TReply> reply) => _reply = await reply.ConfigureAwait(false);
}
