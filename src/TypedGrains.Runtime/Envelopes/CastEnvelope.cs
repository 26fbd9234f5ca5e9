using System;
using System.Threading.Tasks;
using TypedGrains.Backend;

namespace TypedGrains.Runtime.Envelopes;

/// <summary>
/// A one-way message: nobody waits; a failure is reported to <see cref="InProcessRuntimeOptions.CastFailed"/>. A cast
/// made inside a turn waits in the turn's <see cref="TurnScope"/> as an <see cref="IOutgoingMessage"/> and is posted
/// when the turn commits.
/// </summary>
internal sealed class CastEnvelope<TGrain, TRequest> : Envelope<TGrain>, IOutgoingMessage
    where TGrain : Grain, IGrain<TGrain>
    where TRequest : struct, IGrainRequest<TGrain>
{
    /// <summary>The request; read by the activation.</summary>
    public TRequest Request;

    private InProcessRuntime? _runtime;
    private GrainId _grain;

    public override bool SenderWaits => false;

    public override string? Method => TRequest.MethodName;

    public GrainId Grain => _grain;

    public static void Send(InProcessRuntime runtime, GrainId grain, in TRequest request)
    {
        var envelope = Rent(runtime, grain, request);
        var scope = TurnScope.Current;
        if (scope is not null && scope.TryDefer(envelope))
        {
            return;
        }

        try
        {
            runtime.Post(grain, envelope);
        }
        catch
        {
            envelope.Recycle();
            throw;
        }
    }

    public override ValueTask DeliverTo(Activation<TGrain> activation) => activation.RunCast(this);

    public override void Fail(Exception error)
    {
        var runtime = _runtime!;
        var grain = _grain;
        Recycle();
        runtime.ReportCastFailure(grain, error);
    }

    /// <summary>The activation is done with the message.</summary>
    public void Complete() => Recycle();

    void IOutgoingMessage.Send()
    {
        try
        {
            _runtime!.Post(_grain, this);
        }
        catch (Exception error)
        {
            Fail(error);
        }
    }

    void IOutgoingMessage.Drop() => Recycle();

    private static CastEnvelope<TGrain, TRequest> Rent(InProcessRuntime runtime, GrainId grain, in TRequest request)
    {
        var envelope = EnvelopePool<CastEnvelope<TGrain, TRequest>>.Rent();
        envelope.Request = request;
        envelope._runtime = runtime;
        envelope._grain = grain;
        return envelope;
    }

    private void Recycle()
    {
        Request = default;
        _runtime = null;
        _grain = default;
        EnvelopePool<CastEnvelope<TGrain, TRequest>>.Return(this);
    }
}
