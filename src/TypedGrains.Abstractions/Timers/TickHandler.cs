using System;
using System.ComponentModel;

namespace TypedGrains;

/// <summary>
/// A typed token naming one <see cref="TickAttribute"/> handler of a grain; the generator emits one per handler in the
/// grain's <c>Ticks</c> class. Timers and reminders name their handler with it, never with a string.
/// </summary>
public abstract class TickHandler
{
    private protected TickHandler(string name, uint methodId)
    {
        Name = name;
        MethodId = methodId;
    }

    /// <summary>The handler's method name; also the name of the timer or reminder that calls it.</summary>
    public string Name { get; }

    /// <summary>The handler's stable method id, which a reminder stores to call it after a restart.</summary>
    public uint MethodId { get; }

    /// <summary>The grain class the handler belongs to.</summary>
    public abstract Type GrainClass { get; }

    /// <inheritdoc/>
    public override string ToString() => GrainClass.Name + "." + Name;
}

/// <summary>A <see cref="TickHandler"/> of a <typeparamref name="TGrain"/> grain.</summary>
/// <typeparam name="TGrain">The grain type.</typeparam>
public abstract class TickHandler<TGrain> : TickHandler
    where TGrain : Grain
{
    private protected TickHandler(string name, uint methodId)
        : base(name, methodId)
    {
    }

    /// <inheritdoc/>
    public sealed override Type GrainClass => typeof(TGrain);

    /// <summary>Hands the handler's typed request to <paramref name="visitor"/> as a call without a reply value.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public abstract void Accept<TVisitor>(ref TVisitor visitor)
        where TVisitor : IRequestVisitor<TGrain>;
}

/// <summary>The generated token of one tick handler, carrying its typed request.</summary>
/// <typeparam name="TGrain">The grain type.</typeparam>
/// <typeparam name="TRequest">The generated request of the tick handler.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TickHandler<TGrain, TRequest> : TickHandler<TGrain>
    where TGrain : Grain
    where TRequest : struct, IGrainRequest<TGrain>
{
    /// <summary>Creates the token; generated code does this once per handler.</summary>
    public TickHandler()
        : base(TRequest.MethodName, TRequest.MethodId)
    {
    }

    /// <inheritdoc/>
    public override void Accept<TVisitor>(ref TVisitor visitor) => visitor.CallVoid(default(TRequest));
}
