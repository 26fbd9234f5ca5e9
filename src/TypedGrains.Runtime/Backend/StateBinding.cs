using TypedGrains.Persistence;

namespace TypedGrains.Backend;

/// <summary>
/// Where the activations of one grain type in one runtime keep their state: the resolved provider and the state
/// codec bound to that runtime. Both depend only on the runtime and the grain type, so all such activations share
/// one binding (the engine keeps the last one per grain type) instead of each holding its own codec.
/// </summary>
internal sealed class StateBinding
{
    public StateBinding(object owner, IGrainStateProvider provider, IStateCodec codec)
    {
        Owner = owner;
        Provider = provider;
        Codec = codec;
    }

    /// <summary>The runtime the binding belongs to (<see cref="TurnScope.Owner"/>).</summary>
    public object Owner { get; }

    public IGrainStateProvider Provider { get; }

    public IStateCodec Codec { get; }
}
