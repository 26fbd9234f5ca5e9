using System;
using System.Threading.Tasks;

namespace TypedGrains.Runtime.Envelopes;

/// <summary>
/// Asks an activation, through its own mailbox, to end itself if it is still idle. Stateless, so one instance per
/// grain type serves every activation.
/// </summary>
internal sealed class CollectEnvelope<TGrain> : Envelope<TGrain>
    where TGrain : Grain, IGrain<TGrain>
{
    public static readonly CollectEnvelope<TGrain> Instance = new();

    private CollectEnvelope()
    {
    }

    public override bool FollowsGrain => false;

    public override bool NeedsState => false;

    public override ValueTask RunAsync(Activation<TGrain> activation)
    {
        activation.CollectIfIdle();
        return default;
    }

    public override void Fail(Exception error)
    {
    }
}
