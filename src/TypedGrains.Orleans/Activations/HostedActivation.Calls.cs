using System;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Backend;
using TypedGrains.Orleans.Wire;

namespace TypedGrains.Orleans;

/// <summary>
/// The calls and casts of a hosted activation. A call to an active activation whose turn lock is free starts its turn
/// at once; when that turn completes synchronously (a handler that does not await, nothing stored asynchronously, no
/// ending to do) the reply comes back with no state machine and no <see cref="Task"/>. Any other call continues on the
/// async path, which holds the same lock and gives the same outcome.
/// </summary>
internal sealed partial class HostedActivation<TGrain>
{
    // None of the grain's own code continues after an await: its scope need be current on the thread only while the
    // turn starts, which costs no execution-context change (as in the in-process runtime).
    private static readonly bool s_synchronous = TGrain.Definition.RunsSynchronously;

    public ValueTask<byte[]> CallAsync(uint methodId, byte[] arguments)
    {
        // SemaphoreSlim hands a released count to a queued waiter inside its lock: Wait(0) never overtakes one.
        if (!_engine.IsActivated || !_turns.Wait(0))
        {
            return new ValueTask<byte[]>(WaitThenCallAsync(methodId, arguments));
        }

        ValueTask<byte[]?> turn;
        Task<byte[]>? deferred;
        try
        {
            turn = StartTurn(methodId, arguments, out deferred);
        }
        catch (Exception error)
        {
            return new ValueTask<byte[]>(FailTurnAsync(error));
        }

        if (!turn.IsCompletedSuccessfully || _failedCommit is not null || _engine.DeactivationRequested)
        {
            return new ValueTask<byte[]>(FinishTurnAsync(turn, deferred));
        }

        var reply = turn.Result;
        _turns.Release();

        // A deferred call waits outside the turn: later messages (the one that replies among them) run meanwhile.
        return deferred is null ? new ValueTask<byte[]>(reply!) : new ValueTask<byte[]>(deferred);
    }

    public Task CastAsync(uint methodId, byte[] arguments)
    {
        var call = CallAsync(methodId, arguments);
        if (!call.IsCompletedSuccessfully)
        {
            return ObserveCastAsync(call);
        }

        ReadCastReply(call.Result);
        return Task.CompletedTask;
    }

    private async Task ObserveCastAsync(ValueTask<byte[]> call) => ReadCastReply(await call);

    private void ReadCastReply(byte[] reply)
    {
        try
        {
            WireReply.Read(reply, NilFormatter.Instance, _runtime, _id);
        }
        catch (Exception error)
        {
            _runtime.ReportCastFailure(_id, error);
        }
    }

    /// <summary>The async path: waits for the turn lock, activates if needed, then runs the turn.</summary>
    private async Task<byte[]> WaitThenCallAsync(uint methodId, byte[] arguments)
    {
        // No ConfigureAwait(false): the rest runs on the Orleans activation's scheduler.
        await _turns.WaitAsync();
        ValueTask<byte[]?> turn;
        Task<byte[]>? deferred;
        try
        {
            if (!_engine.IsActivated)
            {
                using (_engine.Scope.Enter())
                {
                    await _engine.ActivateAsync(CancellationToken.None);
                }
            }

            turn = StartTurn(methodId, arguments, out deferred);
        }
        catch (Exception error)
        {
            return await FailTurnAsync(error);
        }

        return await FinishTurnAsync(turn, deferred);
    }

    /// <summary>Dispatches the request as a turn of the current engine, with the turn's scope current while it starts.</summary>
    private ValueTask<byte[]?> StartTurn(uint methodId, byte[] arguments, out Task<byte[]>? deferred)
    {
        var engine = _engine;
        var visitor = new HostedRequestVisitor<TGrain>(engine, this);
        if (s_synchronous)
        {
            var outer = TurnScope.SwapThreadScope(engine.Scope);
            try
            {
                Dispatch(methodId, arguments, ref visitor);
            }
            finally
            {
                TurnScope.SwapThreadScope(outer);
            }
        }
        else
        {
            // The scope flows into the handler's awaits; the caller's execution context is put back as it was.
            var caller = ExecutionContext.Capture();
            var entered = engine.Scope.Enter();
            try
            {
                Dispatch(methodId, arguments, ref visitor);
            }
            finally
            {
                if (caller is null)
                {
                    entered.Dispose();
                }
                else
                {
                    ExecutionContext.Restore(caller);
                }
            }
        }

        deferred = visitor.Deferred;
        return visitor.Turn;
    }

    private void Dispatch(uint methodId, byte[] arguments, ref HostedRequestVisitor<TGrain> visitor)
    {
        var reader = WireArgumentReader.Rent(arguments, _runtime);
        try
        {
            TGrain.Definition.Dispatch(methodId, reader, ref visitor);
        }
        finally
        {
            reader.Return();
        }
    }

    /// <summary>Ends a turn that holds the lock: its reply, or its failure as the reply.</summary>
    private async Task<byte[]> FinishTurnAsync(ValueTask<byte[]?> turn, Task<byte[]>? deferred)
    {
        try
        {
            var reply = await turn;
            await AfterTurnAsync();
            if (deferred is null)
            {
                return reply!;
            }
        }
        catch (Exception error)
        {
            await AfterFailureAsync(error);
            return WireReply.Error(error);
        }
        finally
        {
            _turns.Release();
        }

        // A deferred call waits outside the turn: later messages (the one that replies among them) run meanwhile.
        return await deferred;
    }

    /// <summary>A turn that holds the lock failed before it started: its failure is the reply.</summary>
    private async Task<byte[]> FailTurnAsync(Exception error)
    {
        try
        {
            await AfterFailureAsync(error);
            return WireReply.Error(error);
        }
        finally
        {
            _turns.Release();
        }
    }
}
