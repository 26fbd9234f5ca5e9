using System;
using System.Threading.Tasks;

namespace TypedGrains.Runtime.Envelopes;

/// <summary>A one-way message: nobody waits; a failure is reported to <see cref="InProcessRuntimeOptions.CastFailed"/>.</summary>
internal sealed class CastEnvelope<TGrain, TRequest> : TurnEnvelope<TGrain>
    where TGrain : Grain, IGrain<TGrain>
    where TRequest : struct, IGrainRequest<TGrain>
{
    private TRequest _request;
    private InProcessRuntime? _runtime;
    private GrainId _grain;

    public override bool SenderWaits => false;

    public static void Send(InProcessRuntime runtime, GrainId grain, in TRequest request)
    {
        var envelope = EnvelopePool<CastEnvelope<TGrain, TRequest>>.Rent();
        envelope._request = request;
        envelope._runtime = runtime;
        envelope._grain = grain;
        runtime.Post(grain, envelope);
    }

    public override void Fail(Exception error)
    {
        var runtime = _runtime!;
        var grain = _grain;
        Recycle();
        runtime.ReportCastFailure(grain, error);
    }

    protected override ValueTask InvokeAsync(TGrain grain) => _request.InvokeAsync(grain);

    protected override void Succeed() => Recycle();

    private void Recycle()
    {
        _request = default;
        _runtime = null;
        _grain = default;
        EnvelopePool<CastEnvelope<TGrain, TRequest>>.Return(this);
    }
}
