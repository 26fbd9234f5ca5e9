namespace TypedGrains.Backend;

/// <summary>
/// Receives the static grain type of a <see cref="GrainDefinition"/> (<see cref="GrainDefinition.Accept{TResult}"/>), so
/// a backend that knows a grain only by its type name can create typed objects for it without reflection.
/// </summary>
/// <typeparam name="TResult">What the visitor makes.</typeparam>
public interface IGrainTypeVisitor<out TResult>
{
    /// <summary>Called with the grain type of the definition.</summary>
    TResult Visit<TGrain>()
        where TGrain : Grain, IGrain<TGrain>;
}
