using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Serialization.Tests.Generated;

/// <summary>A runtime that records which grains were sent messages and answers calls with defaults.</summary>
internal sealed class RecordingRuntime : IGrainRuntime
{
    public List<(GrainId Grain, string Method)> Sent { get; } = [];

    public ValueTask<TReply> CallAsync<TGrain, TRequest, TReply>(GrainId grain, in TRequest request, CancellationToken cancellationToken)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IGrainRequest<TGrain, TReply>
    {
        Sent.Add((grain, TRequest.MethodName));
        return new ValueTask<TReply>(default(TReply)!);
    }

    public ValueTask CallAsync<TGrain, TRequest>(GrainId grain, in TRequest request, CancellationToken cancellationToken)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IGrainRequest<TGrain>
    {
        Sent.Add((grain, TRequest.MethodName));
        return default;
    }

    public ValueTask<TReply> CallDeferredAsync<TGrain, TRequest, TReply>(GrainId grain, in TRequest request, CancellationToken cancellationToken)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IDeferredGrainRequest<TGrain, TReply>
    {
        Sent.Add((grain, TRequest.MethodName));
        return new ValueTask<TReply>(default(TReply)!);
    }

    public void Cast<TGrain, TRequest>(GrainId grain, in TRequest request)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IGrainRequest<TGrain>
    {
        Sent.Add((grain, TRequest.MethodName));
    }
}
