namespace TypedGrains.Serialization.Tests.Generated;

/// <summary>Keeps the request <see cref="GrainDefinition{TGrain}.Dispatch"/> rebuilt.</summary>
internal struct RecordingVisitor<TGrain> : IRequestVisitor<TGrain>
    where TGrain : Grain
{
    public object? Request;

    public void Call<TRequest, TReply>(in TRequest request)
        where TRequest : struct, IGrainRequest<TGrain, TReply> => Request = request;

    public void CallVoid<TRequest>(in TRequest request)
        where TRequest : struct, IGrainRequest<TGrain> => Request = request;

    public void CallDeferred<TRequest, TReply>(in TRequest request)
        where TRequest : struct, IDeferredGrainRequest<TGrain, TReply> => Request = request;

    public void Cast<TRequest>(in TRequest request)
        where TRequest : struct, IGrainRequest<TGrain> => Request = request;
}
