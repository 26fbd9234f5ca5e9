using System;
using System.Threading.Tasks;

namespace TypedGrains.Runtime.Envelopes;

/// <summary>
/// Asks an activation, through its own mailbox, to end itself if no turn has started since the idle collector
/// decided it was idle.
/// </summary>
internal sealed class CollectEnvelope<TGrain> : Envelope<TGrain>
    where TGrain : Grain, IGrain<TGrain>
{
    public CollectEnvelope(int turnsWhenIdle) => TurnsWhenIdle = turnsWhenIdle;

    public int TurnsWhenIdle { get; }

    public override bool FollowsGrain => false;

    public override bool IsTurn => false;

    public override bool SenderWaits => false;

    public override ValueTask DeliverTo(Activation<TGrain> activation) => activation.CollectIfIdle(TurnsWhenIdle);

    public override void Fail(Exception error)
    {
    }
}
