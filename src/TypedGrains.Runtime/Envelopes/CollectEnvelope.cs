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
    private readonly int _turnsWhenIdle;

    public CollectEnvelope(int turnsWhenIdle) => _turnsWhenIdle = turnsWhenIdle;

    public override bool FollowsGrain => false;

    public override bool NeedsState => false;

    public override bool SenderWaits => false;

    public override ValueTask RunAsync(Activation<TGrain> activation)
    {
        activation.CollectIfIdle(_turnsWhenIdle);
        return default;
    }

    public override void Fail(Exception error)
    {
    }
}
