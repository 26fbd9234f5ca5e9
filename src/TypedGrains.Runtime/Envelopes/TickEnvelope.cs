using System;
using System.Threading.Tasks;
using TypedGrains.Runtime.Timers;

namespace TypedGrains.Runtime.Envelopes;

/// <summary>
/// One tick of a timer: a turn that calls the timer's tick handler. It does not follow the grain (a timer ends with
/// its activation) and counts as activity for idle collection only when the timer keeps the activation alive.
/// </summary>
internal sealed class TickEnvelope<TGrain> : Envelope<TGrain>
    where TGrain : Grain, IGrain<TGrain>
{
    public TickEnvelope(GrainTimer<TGrain> timer) => Timer = timer;

    public GrainTimer<TGrain> Timer { get; }

    public override bool FollowsGrain => false;

    public override bool SenderWaits => false;

    public override bool CountsAsActivity => Timer.KeepAlive;

    public override ValueTask DeliverTo(Activation<TGrain> activation) => activation.RunTick(this);

    public override void Fail(Exception error) => Timer.Activation.TickLeftMailbox();

    public override void OnActivationEnded() => Timer.Activation.TickLeftMailbox();
}
