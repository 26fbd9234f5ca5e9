using System.Threading.Tasks;

namespace TypedGrains;

/// <summary>A generated request of a call handler that returns a <typeparamref name="TReply"/>.</summary>
/// <typeparam name="TGrain">The grain type.</typeparam>
/// <typeparam name="TReply">The reply type.</typeparam>
public interface IGrainRequest<in TGrain, TReply> : IGrainMessage
{
    /// <summary>Runs the handler on <paramref name="grain"/> with the request's arguments.</summary>
    ValueTask<TReply> InvokeAsync(TGrain grain);
}

/// <summary>A generated request of a handler without a reply value (a cast, or a call returning nothing).</summary>
/// <typeparam name="TGrain">The grain type.</typeparam>
public interface IGrainRequest<in TGrain> : IGrainMessage
{
    /// <summary>Runs the handler on <paramref name="grain"/> with the request's arguments.</summary>
    ValueTask InvokeAsync(TGrain grain);
}

/// <summary>A generated request of a call handler that answers later through a <see cref="Caller{TReply}"/>.</summary>
/// <typeparam name="TGrain">The grain type.</typeparam>
/// <typeparam name="TReply">The reply type.</typeparam>
public interface IDeferredGrainRequest<in TGrain, TReply> : IGrainMessage
{
    /// <summary>Runs the handler on <paramref name="grain"/>, handing it the token of the waiting <paramref name="caller"/>.</summary>
    ValueTask InvokeAsync(TGrain grain, Caller<TReply> caller);
}
