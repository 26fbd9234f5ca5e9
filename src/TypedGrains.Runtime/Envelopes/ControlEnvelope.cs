using System;
using System.Threading.Tasks;

namespace TypedGrains.Runtime.Envelopes;

/// <summary>What a control message asks of the activation when it reaches the head of the mailbox.</summary>
internal enum ControlRequest
{
    /// <summary>Report the activation's turn count: every message queued before the marker has run.</summary>
    DrainMarker,

    /// <summary>End the activation normally (its deactivation hook runs first), for the runtime's stop.</summary>
    Deactivate,
}

/// <summary>
/// A message of the runtime's stop: it runs behind every message queued before it and completes a task with the
/// activation's turn count (-1 when the activation had already ended).
/// </summary>
internal sealed class ControlEnvelope<TGrain> : Envelope<TGrain>
    where TGrain : Grain, IGrain<TGrain>
{
    private readonly TaskCompletionSource<int> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ControlEnvelope(ControlRequest request) => Request = request;

    public ControlRequest Request { get; }

    public Task<int> Done => _done.Task;

    public override bool FollowsGrain => false;

    public override bool IsTurn => false;

    public override bool SenderWaits => false;

    public override ValueTask DeliverTo(Activation<TGrain> activation) => activation.RunControl(this);

    public void Complete(int turns) => _done.TrySetResult(turns);

    public override void Fail(Exception error) => _done.TrySetException(error);

    public override void OnActivationEnded() => _done.TrySetResult(-1);
}
