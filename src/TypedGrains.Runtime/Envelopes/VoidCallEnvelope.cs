using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Runtime.Envelopes;

/// <summary>A call whose handler returns no value; the caller awaits the turn's commit.</summary>
internal sealed class VoidCallEnvelope<TGrain, TRequest> : ReplyEnvelope<TGrain, bool>
    where TGrain : Grain, IGrain<TGrain>
    where TRequest : struct, IGrainRequest<TGrain>
{
    private TRequest _request;

    public static ValueTask Send(InProcessRuntime runtime, GrainId grain, in TRequest request, CancellationToken cancellationToken)
    {
        var envelope = EnvelopePool<VoidCallEnvelope<TGrain, TRequest>>.Rent();
        envelope._request = request;
        var done = new ValueTask(envelope, envelope.Version);
        runtime.Post(grain, envelope);
        return done;
    }

    protected override ValueTask InvokeAsync(TGrain grain) => _request.InvokeAsync(grain);

    protected override void Succeed() => SetResult(true);

    protected override void Recycle()
    {
        _request = default;
        EnvelopePool<VoidCallEnvelope<TGrain, TRequest>>.Return(this);
    }
}
