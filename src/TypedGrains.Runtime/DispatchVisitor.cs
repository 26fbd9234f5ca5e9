using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Runtime;

/// <summary>Sends a request rebuilt by a generated dispatcher through the typed local path and boxes its reply.</summary>
internal struct DispatchVisitor<TGrain> : IRequestVisitor<TGrain>
    where TGrain : Grain, IGrain<TGrain>
{
    private readonly InProcessRuntime _runtime;
    private readonly GrainId _grain;

    public DispatchVisitor(InProcessRuntime runtime, GrainId grain)
    {
        _runtime = runtime;
        _grain = grain;
        Reply = default;
    }

    public ValueTask<object?> Reply { get; private set; }

    public void Call<TRequest, TReply>(in TRequest request)
        where TRequest : struct, IGrainRequest<TGrain, TReply> =>
        Reply = BoxAsync(_runtime.CallAsync<TGrain, TRequest, TReply>(_grain, request, CancellationToken.None));

    public void CallVoid<TRequest>(in TRequest request)
        where TRequest : struct, IGrainRequest<TGrain> =>
        Reply = NoReplyAsync(_runtime.CallAsync<TGrain, TRequest>(_grain, request, CancellationToken.None));

    public void CallDeferred<TRequest, TReply>(in TRequest request)
        where TRequest : struct, IDeferredGrainRequest<TGrain, TReply> =>
        Reply = BoxAsync(_runtime.CallDeferredAsync<TGrain, TRequest, TReply>(_grain, request, CancellationToken.None));

    public void Cast<TRequest>(in TRequest request)
        where TRequest : struct, IGrainRequest<TGrain>
    {
        _runtime.Cast<TGrain, TRequest>(_grain, request);
        Reply = new ValueTask<object?>((object?)null);
    }

    private static async ValueTask<object?> BoxAsync<TReply>(ValueTask<TReply> reply) => await reply.ConfigureAwait(false);

    private static async ValueTask<object?> NoReplyAsync(ValueTask done)
    {
        await done.ConfigureAwait(false);
        return null;
    }
}
