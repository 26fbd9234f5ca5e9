using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Backend;
using TypedGrains.Persistence;

namespace TypedGrains.Orleans;

/// <summary>
/// One TypedGrains activation hosted by an Orleans grain activation: the shared <see cref="TurnEngine{TGrain}"/> runs its
/// turns by the same rules as in process. The host grain is reentrant, so that a deferred call can wait for its reply
/// while later messages run; this activation runs one turn at a time itself (a FIFO turn lock), with the turn's scope
/// current so that casts wait for the commit. A failed save or a requested deactivation ends the TypedGrains
/// activation (its deferred callers fail, the next message loads the state again) and asks Orleans to deactivate.
/// The call paths are in HostedActivation.Calls.cs.
/// </summary>
internal sealed partial class HostedActivation<TGrain> : IHostedActivation, ITurnHost
    where TGrain : Grain, IGrain<TGrain>
{
    private readonly SemaphoreSlim _turns = new(1, 1);
    private readonly OrleansGrainRuntime _runtime;
    private readonly GrainId _id;
    private readonly IGrainHostServices _host;
    private readonly HashSet<CallerId> _owed = new();
    private readonly Dictionary<uint, IDisposable> _timers = new();
    private TurnEngine<TGrain> _engine;
    private Exception? _failedCommit;

    public HostedActivation(OrleansGrainRuntime runtime, GrainId id, IGrainHostServices host)
    {
        _runtime = runtime;
        _id = id;
        _host = host;
        _engine = NewEngine();
    }

    public async Task DeactivateAsync(CancellationToken cancellationToken)
    {
        await _turns.WaitAsync(CancellationToken.None);
        try
        {
            await EndAsync(runHook: true, cause: null);
        }
        finally
        {
            _turns.Release();
        }
    }

    /// <summary>Registers a deferred caller this activation owes a reply (failed if the activation ends first).</summary>
    public CallerId Accept<TReply>(out Task<byte[]> reply)
    {
        var caller = _runtime.Callers.Add<TReply>(out reply);
        _owed.Add(caller);
        return caller;
    }

    /// <summary>The turn that accepted <paramref name="caller"/> failed: its caller gets the exception as the call's reply instead.</summary>
    public void Abandon(CallerId caller)
    {
        _owed.Remove(caller);
        _runtime.Callers.Fail(caller, new OperationCanceledException("The deferred call's turn failed; its caller got the turn's exception."));
    }

    // ---- ITurnHost ----

    IGrainFactory ITurnHost.Grains => _runtime;

    TimeProvider ITurnHost.Time => _runtime.Options.TimeProvider;

    TimeSpan ITurnHost.StorageTimeout => _runtime.Options.CallTimeout;

    CancellationToken ITurnHost.StopToken => CancellationToken.None;

    IGrainStateProvider ITurnHost.ResolveProvider(string? name) => _runtime.Options.Resolve(name, _id);

    void ITurnHost.Reply(DeferredReply reply)
    {
        if (!_runtime.Callers.Contains(reply.Caller))
        {
            _runtime.ReportReplyDropped(_id, reply.Caller);
            return;
        }

        _owed.Remove(reply.Caller);
        reply.DeliverTo(_runtime.Callers);
    }

    void ITurnHost.CastToSelf(SelfCast cast)
    {
        try
        {
            cast.Send(_runtime, _id);
        }
        catch (Exception error)
        {
            _runtime.ReportCastFailure(_id, error);
        }
    }

    void ITurnHost.OnCommitFailed(Exception error) => _failedCommit = error;

    void ITurnHost.ChangeTimers(IReadOnlyList<TimerChange> changes)
    {
        // Orleans grain timers: each tick is a message of the host grain, so it waits for the turn lock like any other.
        foreach (var change in changes)
        {
            if (_timers.Remove(change.Handler.MethodId, out var running))
            {
                running.Dispose();
            }

            if (change.IsStart)
            {
                _timers[change.Handler.MethodId] = _host.StartTimer(change.Handler.MethodId, change.DueTime, change.Period, change.KeepAlive);
            }
        }
    }

    async ValueTask ITurnHost.ChangeRemindersAsync(IReadOnlyList<ReminderChange> changes, CancellationToken cancellationToken)
    {
        // Orleans' reminder service (over the reminder table the silo configured) stores and fires them.
        foreach (var change in changes)
        {
            var name = OrleansGrainRuntime.ReminderName(change.Handler);
            if (change.IsRegister)
            {
                await _host.RegisterReminderAsync(name, change.DueTime, change.Period);
            }
            else
            {
                await _host.UnregisterReminderAsync(name);
            }
        }
    }

    // ---- ending ----

    private async Task AfterTurnAsync()
    {
        if (_failedCommit is { } cause)
        {
            await EndAsync(runHook: false, cause);
        }
        else if (_engine.DeactivationRequested)
        {
            await EndAsync(runHook: true, cause: null);
        }
    }

    private async Task AfterFailureAsync(Exception error)
    {
        if (_failedCommit is not null || !_engine.IsActivated)
        {
            // A failed save drops the activation; a failed activation is retried by the next message.
            await EndAsync(runHook: false, _failedCommit ?? error);
        }
    }

    /// <summary>Ends the TypedGrains activation: a fresh engine takes its place and the Orleans activation is released.</summary>
    private async Task EndAsync(bool runHook, Exception? cause)
    {
        var ended = _engine;
        _engine = NewEngine();
        _failedCommit = null;
        if (runHook)
        {
            try
            {
                using (ended.Scope.Enter())
                {
                    await ended.DeactivateAsync(CancellationToken.None);
                }
            }
            catch (Exception error)
            {
                _runtime.ReportDeactivationFailure(_id, error);
            }
        }

        foreach (var caller in _owed)
        {
            _runtime.Callers.Fail(caller, new GrainDeactivatedException(_id, cause));
        }

        _owed.Clear();
        foreach (var timer in _timers.Values)
        {
            timer.Dispose();
        }

        _timers.Clear();
        _host.Deactivate();
    }

    private TurnEngine<TGrain> NewEngine() =>
        new(this, _id, storesState: TGrain.Definition.StoresState, _runtime);
}
