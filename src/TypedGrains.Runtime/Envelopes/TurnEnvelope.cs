using System;
using System.Threading.Tasks;

namespace TypedGrains.Runtime.Envelopes;

/// <summary>
/// A message that runs one handler as a turn: invoke, then commit the turn's actions (save-state first), then
/// release the outcome to the caller. A handler that throws is rolled back and its caller gets the exception.
/// </summary>
internal abstract class TurnEnvelope<TGrain> : Envelope<TGrain>
    where TGrain : Grain, IGrain<TGrain>
{
    public override ValueTask RunAsync(Activation<TGrain> activation)
    {
        ValueTask handler;
        try
        {
            activation.BeginTurn();
            handler = InvokeAsync(activation.Grain);
        }
        catch (Exception error)
        {
            activation.RollbackTurn();
            Fail(error);
            return default;
        }

        return handler.IsCompletedSuccessfully ? CommitAsync(activation) : AwaitHandlerAsync(activation, handler);
    }

    /// <summary>Runs the handler; a reply value, if any, is kept by the envelope until <see cref="Succeed"/>.</summary>
    protected abstract ValueTask InvokeAsync(TGrain grain);

    /// <summary>The turn committed: release the outcome. The envelope must not be touched by the mailbox afterwards.</summary>
    protected abstract void Succeed();

    private async ValueTask AwaitHandlerAsync(Activation<TGrain> activation, ValueTask handler)
    {
        try
        {
            await handler.ConfigureAwait(false);
        }
        catch (Exception error)
        {
            activation.RollbackTurn();
            Fail(error);
            return;
        }

        await CommitAsync(activation).ConfigureAwait(false);
    }

    private ValueTask CommitAsync(Activation<TGrain> activation)
    {
        ValueTask commit;
        try
        {
            commit = activation.CommitTurnAsync();
        }
        catch (Exception error)
        {
            FailCommit(activation, error);
            return default;
        }

        if (commit.IsCompletedSuccessfully)
        {
            Succeed();
            return default;
        }

        return AwaitCommitAsync(activation, commit);
    }

    private async ValueTask AwaitCommitAsync(Activation<TGrain> activation, ValueTask commit)
    {
        try
        {
            await commit.ConfigureAwait(false);
        }
        catch (Exception error)
        {
            FailCommit(activation, error);
            return;
        }

        Succeed();
    }

    /// <summary>
    /// The save failed: the activation leaves the directory first (so a caller that sees the error also sees the grain
    /// inactive), then this turn's caller gets the storage error itself, then the activation's other waiting callers
    /// get <see cref="GrainDeactivatedException"/>. The next message reloads the last saved state.
    /// </summary>
    private void FailCommit(Activation<TGrain> activation, Exception error)
    {
        var ending = activation.WithdrawAfterFailedCommit();
        Fail(error);
        if (ending)
        {
            activation.FinishEndAfterFailedCommit(error);
        }
    }
}
