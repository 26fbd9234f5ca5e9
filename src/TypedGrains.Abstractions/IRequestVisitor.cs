namespace TypedGrains;

/// <summary>
/// Receives a typed request rebuilt by <see cref="GrainDefinition{TGrain}.Dispatch{TVisitor}"/>; a transport
/// implements it to run the request on the local runtime and send the reply back.
/// </summary>
/// <typeparam name="TGrain">The grain type.</typeparam>
public interface IRequestVisitor<TGrain>
    where TGrain : Grain
{
    /// <summary>A call with a reply value.</summary>
    void Call<TRequest, TReply>(in TRequest request)
        where TRequest : struct, IGrainRequest<TGrain, TReply>;

    /// <summary>A call without a reply value.</summary>
    void CallVoid<TRequest>(in TRequest request)
        where TRequest : struct, IGrainRequest<TGrain>;

    /// <summary>A call answered later through a <see cref="Caller{TReply}"/>.</summary>
    void CallDeferred<TRequest, TReply>(in TRequest request)
        where TRequest : struct, IDeferredGrainRequest<TGrain, TReply>;

    /// <summary>A one-way message.</summary>
    void Cast<TRequest>(in TRequest request)
        where TRequest : struct, IGrainRequest<TGrain>;
}
