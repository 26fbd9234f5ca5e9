namespace TypedGrains;

/// <summary>Implemented by the generator on every grain class: gives the runtime the grain's definition.</summary>
/// <typeparam name="TSelf">The grain class itself.</typeparam>
public interface IGrain<TSelf>
    where TSelf : Grain, IGrain<TSelf>
{
    /// <summary>The generated definition: metadata, factory and dispatcher.</summary>
    static abstract GrainDefinition<TSelf> Definition { get; }
}
