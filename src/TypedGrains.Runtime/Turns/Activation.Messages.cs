using System;
using System.Threading.Tasks;
using TypedGrains.Runtime.Envelopes;

namespace TypedGrains.Runtime;

/// <summary>One method per message kind: run the turn through the engine, then answer the sender.</summary>
internal sealed partial class Activation<TGrain>
{
    public ValueTask RunCall<TRequest, TReply>(CallEnvelope<TGrain, TRequest, TReply> envelope)
        where TRequest : struct, IGrainRequest<TGrain, TReply>
    {
        if (envelope.IsAnswered)
        {
            // Timed out or cancelled before its turn: the turn does not run.
            envelope.ReleaseFromMailbox();
            return default;
        }

        var turn = Engine.RunCallAsync<TRequest, TReply>(in envelope.Request);
        if (!turn.IsCompletedSuccessfully)
        {
            return AwaitCallAsync(envelope, turn);
        }

        envelope.TrySetResult(turn.Result);
        envelope.ReleaseFromMailbox();
        return AfterTurn();
    }

    /// <summary>
    /// Runs a call's turn for a caller that holds the mailbox (<see cref="Mailbox{TGrain}.TryRunDirect"/>): a turn
    /// that completes synchronously answers with its value and needs no envelope; one that awaits or fails is adopted
    /// by a call envelope, so its caller waits with the call timeout like any other. Returns what the mailbox must
    /// wait for before its next message.
    /// </summary>
    public ValueTask RunDirectCall<TRequest, TReply>(in TRequest request, out ValueTask<TReply> reply)
        where TRequest : struct, IGrainRequest<TGrain, TReply>
    {
        CountTurn();
        var turn = Engine.RunCallAsync<TRequest, TReply>(in request);
        if (turn.IsCompletedSuccessfully)
        {
            reply = new ValueTask<TReply>(turn.Result);
            return AfterTurn();
        }

        var envelope = CallEnvelope<TGrain, TRequest, TReply>.Adopt(_runtime, Id, out reply);
        return AwaitCallAsync(envelope, turn);
    }

    /// <summary>The same as <see cref="RunDirectCall"/> for a call without a reply value.</summary>
    public ValueTask RunDirectVoidCall<TRequest>(in TRequest request, out ValueTask done)
        where TRequest : struct, IGrainRequest<TGrain>
    {
        CountTurn();
        var turn = Engine.RunAsync(in request);
        if (turn.IsCompletedSuccessfully)
        {
            done = default;
            return AfterTurn();
        }

        var envelope = VoidCallEnvelope<TGrain, TRequest>.Adopt(_runtime, Id, out done);
        return AwaitVoidCallAsync(envelope, turn);
    }

    public ValueTask RunVoidCall<TRequest>(VoidCallEnvelope<TGrain, TRequest> envelope)
        where TRequest : struct, IGrainRequest<TGrain>
    {
        if (envelope.IsAnswered)
        {
            envelope.ReleaseFromMailbox();
            return default;
        }

        var turn = Engine.RunAsync(in envelope.Request);
        if (!turn.IsCompletedSuccessfully)
        {
            return AwaitVoidCallAsync(envelope, turn);
        }

        envelope.TrySetResult(true);
        envelope.ReleaseFromMailbox();
        return AfterTurn();
    }

    public ValueTask RunDeferredCall<TRequest, TReply>(DeferredCallEnvelope<TGrain, TRequest, TReply> envelope)
        where TRequest : struct, IDeferredGrainRequest<TGrain, TReply>
    {
        if (envelope.IsAnswered || !envelope.TryAccept(this, out var caller))
        {
            envelope.ReleaseFromMailbox();
            return default;
        }

        var turn = Engine.RunDeferredAsync(in envelope.Request, caller);
        if (!turn.IsCompletedSuccessfully)
        {
            return AwaitDeferredCallAsync(envelope, turn);
        }

        // The reply is an action of this or a later turn; the caller stays pending until then.
        envelope.ReleaseFromMailbox();
        return AfterTurn();
    }

    public ValueTask RunCast<TRequest>(CastEnvelope<TGrain, TRequest> envelope)
        where TRequest : struct, IGrainRequest<TGrain>
    {
        var turn = Engine.RunAsync(in envelope.Request);
        if (!turn.IsCompletedSuccessfully)
        {
            return AwaitCastAsync(envelope, turn);
        }

        envelope.Complete();
        return AfterTurn();
    }

    private async ValueTask AwaitCallAsync<TRequest, TReply>(CallEnvelope<TGrain, TRequest, TReply> envelope, ValueTask<TReply> turn)
        where TRequest : struct, IGrainRequest<TGrain, TReply>
    {
        try
        {
            envelope.TrySetResult(await turn.ConfigureAwait(false));
        }
        catch (Exception error)
        {
            OnTurnFailed(error, TRequest.MethodName);
            envelope.TryFail(error);
        }

        envelope.ReleaseFromMailbox();
        await AfterTurn().ConfigureAwait(false);
    }

    private async ValueTask AwaitVoidCallAsync<TRequest>(VoidCallEnvelope<TGrain, TRequest> envelope, ValueTask turn)
        where TRequest : struct, IGrainRequest<TGrain>
    {
        try
        {
            await turn.ConfigureAwait(false);
            envelope.TrySetResult(true);
        }
        catch (Exception error)
        {
            OnTurnFailed(error, TRequest.MethodName);
            envelope.TryFail(error);
        }

        envelope.ReleaseFromMailbox();
        await AfterTurn().ConfigureAwait(false);
    }

    private async ValueTask AwaitDeferredCallAsync<TRequest, TReply>(DeferredCallEnvelope<TGrain, TRequest, TReply> envelope, ValueTask turn)
        where TRequest : struct, IDeferredGrainRequest<TGrain, TReply>
    {
        try
        {
            await turn.ConfigureAwait(false);
        }
        catch (Exception error)
        {
            OnTurnFailed(error, TRequest.MethodName);
            envelope.FailAccepted(error);
        }

        envelope.ReleaseFromMailbox();
        await AfterTurn().ConfigureAwait(false);
    }

    private async ValueTask AwaitCastAsync<TRequest>(CastEnvelope<TGrain, TRequest> envelope, ValueTask turn)
        where TRequest : struct, IGrainRequest<TGrain>
    {
        try
        {
            await turn.ConfigureAwait(false);
            envelope.Complete();
        }
        catch (Exception error)
        {
            OnTurnFailed(error, TRequest.MethodName);
            envelope.Fail(error);
        }

        await AfterTurn().ConfigureAwait(false);
    }
}
