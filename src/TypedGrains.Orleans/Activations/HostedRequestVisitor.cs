using System.Threading.Tasks;
using TypedGrains.Backend;
using TypedGrains.Orleans.Wire;
using TypedGrains.Serialization;

namespace TypedGrains.Orleans;

/// <summary>Runs the typed request a generated dispatcher rebuilt from bytes on the engine, and writes its wire reply.</summary>
internal struct HostedRequestVisitor<TGrain> : IRequestVisitor<TGrain>
    where TGrain : Grain, IGrain<TGrain>
{
    private readonly TurnEngine<TGrain> _engine;
    private readonly HostedActivation<TGrain> _activation;

    public HostedRequestVisitor(TurnEngine<TGrain> engine, HostedActivation<TGrain> activation)
    {
        _engine = engine;
        _activation = activation;
        Turn = Task.FromResult<byte[]?>(null);
        Deferred = null;
    }

    /// <summary>The turn; its result is the wire reply, or <c>null</c> for a deferred call (see <see cref="Deferred"/>).</summary>
    public Task<byte[]?> Turn { get; private set; }

    /// <summary>The wire reply a deferred call waits for after its turn.</summary>
    public Task<byte[]>? Deferred { get; private set; }

    public void Call<TRequest, TReply>(in TRequest request)
        where TRequest : struct, IGrainRequest<TGrain, TReply> =>
        Turn = RunCallAsync<TRequest, TReply>(_engine, request);

    public void CallVoid<TRequest>(in TRequest request)
        where TRequest : struct, IGrainRequest<TGrain> =>
        Turn = RunAsync(_engine, request);

    public void Cast<TRequest>(in TRequest request)
        where TRequest : struct, IGrainRequest<TGrain> =>
        Turn = RunAsync(_engine, request);

    public void CallDeferred<TRequest, TReply>(in TRequest request)
        where TRequest : struct, IDeferredGrainRequest<TGrain, TReply>
    {
        var caller = _activation.Accept<TReply>(out var reply);
        Deferred = reply;
        Turn = RunDeferredAsync<TRequest, TReply>(_engine, _activation, request, caller);
    }

    private static async Task<byte[]?> RunCallAsync<TRequest, TReply>(TurnEngine<TGrain> engine, TRequest request)
        where TRequest : struct, IGrainRequest<TGrain, TReply> =>
        WireReply.Ok(await engine.RunCallAsync<TRequest, TReply>(request), MessagePackFormatters.Get<TReply>());

    private static async Task<byte[]?> RunAsync<TRequest>(TurnEngine<TGrain> engine, TRequest request)
        where TRequest : struct, IGrainRequest<TGrain>
    {
        await engine.RunAsync(request);
        return WireReply.Ok(true, NilFormatter.Instance);
    }

    private static async Task<byte[]?> RunDeferredAsync<TRequest, TReply>(
        TurnEngine<TGrain> engine, HostedActivation<TGrain> activation, TRequest request, CallerId caller)
        where TRequest : struct, IDeferredGrainRequest<TGrain, TReply>
    {
        try
        {
            await engine.RunDeferredAsync(request, new Caller<TReply>(caller));
            return null;
        }
        catch
        {
            // The caller gets the turn's exception as the call's reply, not through the token.
            activation.Abandon(caller);
            throw;
        }
    }
}
