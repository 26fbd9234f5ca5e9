namespace TypedGrains;

/// <summary>
/// Hands out typed grain references: the generator adds an extension per grain, so <c>grains.Counter("c-1")</c>
/// returns a <c>CounterRef</c>. Getting a reference never fails and does no I/O.
/// </summary>
public interface IGrainFactory
{
    /// <summary>The runtime the references send their messages to.</summary>
    IGrainRuntime Runtime { get; }
}
