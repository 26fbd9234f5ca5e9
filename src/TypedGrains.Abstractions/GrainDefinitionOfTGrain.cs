using System;

namespace TypedGrains;

/// <summary>
/// The definition of one grain type: the metadata of <see cref="GrainDefinition"/>, how to create an instance, and how
/// to turn a method id plus arguments back into a typed request. The generator emits one per grain.
/// </summary>
/// <typeparam name="TGrain">The grain type.</typeparam>
public abstract class GrainDefinition<TGrain> : GrainDefinition
    where TGrain : Grain, IGrain<TGrain>
{
    /// <summary>Creates the definition.</summary>
    protected GrainDefinition(string typeName, GrainKeyKind keyKind, Placement placement, string? provider)
        : base(typeName, keyKind, placement, provider)
    {
    }

    /// <inheritdoc/>
    public sealed override Type GrainClass => typeof(TGrain);

    /// <inheritdoc/>
    public sealed override TResult Accept<TResult>(Backend.IGrainTypeVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit<TGrain>();
    }

    /// <summary>Creates a new, unactivated grain instance.</summary>
    public abstract TGrain Create();

    /// <summary>
    /// Reads the arguments of handler <paramref name="methodId"/> from <paramref name="arguments"/> and hands the
    /// typed request to <paramref name="visitor"/>. Transports that carry serialized messages enter here.
    /// </summary>
    /// <exception cref="UnknownGrainMethodException">No handler of this grain has <paramref name="methodId"/>.</exception>
    public abstract void Dispatch<TVisitor>(uint methodId, IArgumentReader arguments, ref TVisitor visitor)
        where TVisitor : IRequestVisitor<TGrain>;

    /// <summary>Creates the error for an unknown method id.</summary>
    protected UnknownGrainMethodException UnknownMethod(uint methodId) => new(TypeName, methodId);
}
