using System;
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
        Turn = default;
        Deferred = null;
    }

    /// <summary>
    /// The turn; its result is the wire reply, or <c>null</c> for a deferred call (see <see cref="Deferred"/>). A turn
    /// that completed synchronously is a plain value.
    /// </summary>
    public ValueTask<byte[]?> Turn { get; private set; }

    /// <summary>The wire reply a deferred call waits for after its turn.</summary>
    public Task<byte[]>? Deferred { get; private set; }

    public void Call<TRequest, TReply>(in TRequest request)
        where TRequest : struct, IGrainRequest<TGrain, TReply>
    {
        var turn = _engine.RunCallAsync<TRequest, TReply>(request);
        Turn = turn.IsCompletedSuccessfully
            ? new ValueTask<byte[]?>(WireReply.Ok(turn.Result, MessagePackFormatters.Get<TReply>()))
            : new ValueTask<byte[]?>(AwaitCallAsync(turn));
    }

    public void CallVoid<TRequest>(in TRequest request)
        where TRequest : struct, IGrainRequest<TGrain> =>
        Turn = Run(_engine.RunAsync(request));

    public void Cast<TRequest>(in TRequest request)
        where TRequest : struct, IGrainRequest<TGrain> =>
        Turn = Run(_engine.RunAsync(request));

    public void CallDeferred<TRequest, TReply>(in TRequest request)
        where TRequest : struct, IDeferredGrainRequest<TGrain, TReply>
    {
        var caller = _activation.Accept<TReply>(out var reply);
        Deferred = reply;
        ValueTask turn;
        try
        {
            turn = _engine.RunDeferredAsync(request, new Caller<TReply>(caller));
        }
        catch (Exception error)
        {
            turn = ValueTask.FromException(error);
        }

        Turn = turn.IsCompletedSuccessfully ? default : new ValueTask<byte[]?>(AwaitDeferredAsync(turn, _activation, caller));
    }

    private static ValueTask<byte[]?> Run(ValueTask turn) =>
        turn.IsCompletedSuccessfully ? new ValueTask<byte[]?>(WireReply.Nil) : new ValueTask<byte[]?>(AwaitRunAsync(turn));

    private static async Task<byte[]?> AwaitCallAsync<TReply>(ValueTask<TReply> turn) =>
        WireReply.Ok(await turn, MessagePackFormatters.Get<TReply>());

    private static async Task<byte[]?> AwaitRunAsync(ValueTask turn)
    {
        await turn;
        return WireReply.Nil;
    }

    private static async Task<byte[]?> AwaitDeferredAsync(ValueTask turn, HostedActivation<TGrain> activation, CallerId caller)
    {
        try
        {
            await turn;
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
