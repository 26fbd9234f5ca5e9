using System;

namespace TypedGrains;

/// <summary>A cast-to-self action: a one-way message the grain sends to itself when its turn commits.</summary>
public abstract class SelfCast
{
    private protected SelfCast()
    {
    }

    /// <summary>The typed request message, for inspection in tests.</summary>
    public abstract object Request { get; }

    /// <summary>Enqueues the message on <paramref name="runtime"/> for the grain <paramref name="self"/>.</summary>
    public abstract void Send(IGrainRuntime runtime, GrainId self);
}

/// <summary>A cast-to-self action carrying a typed request.</summary>
/// <typeparam name="TGrain">The grain type.</typeparam>
/// <typeparam name="TRequest">The generated request type of the cast handler.</typeparam>
public sealed class SelfCast<TGrain, TRequest> : SelfCast
    where TGrain : Grain, IGrain<TGrain>
    where TRequest : struct, IGrainRequest<TGrain>
{
    private readonly TRequest _request;

    /// <summary>Wraps <paramref name="request"/> as a cast-to-self action.</summary>
    public SelfCast(TRequest request) => _request = request;

    /// <inheritdoc/>
    public override object Request => _request;

    /// <inheritdoc/>
    public override void Send(IGrainRuntime runtime, GrainId self)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        runtime.Cast<TGrain, TRequest>(self, _request);
    }
}
