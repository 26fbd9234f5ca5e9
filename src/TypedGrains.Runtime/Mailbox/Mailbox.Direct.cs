using System.Threading;

namespace TypedGrains.Runtime;

/// <summary>
/// Direct calls: a call that finds the mailbox idle runs its turn on the caller's thread with no envelope at all
/// (no pooled message, no queue link, no in-flight registration). The caller holds the schedule exactly as an inline
/// turn does, in the activation's execution context; a turn that completes synchronously answers with a plain value,
/// and one that awaits becomes an ordinary call in flight (see <see cref="Activation{TGrain}.RunDirectCall"/>).
/// </summary>
internal sealed partial class Mailbox<TGrain>
{
    /// <summary>
    /// Runs the call's turn now if the mailbox is idle and inline turns are allowed on this thread; <c>false</c> (and
    /// nothing done) when the call must be posted instead.
    /// </summary>
    public bool TryRunDirect<TTurn>(ref TTurn turn)
        where TTurn : struct, IDirectTurn<TGrain>
    {
        if (!_settings.Inline || !TryTakeSchedule())
        {
            return false;
        }

        // An activation ends only from its own mailbox, so once the schedule is held, a ready activation stays ready.
        if (!_activation.IsReady || !InlineTurns.TryEnter())
        {
            Release();
            return false;
        }

        var callerContext = ExecutionContext.Capture()!;
        var callerSynchronization = SynchronizationContext.Current;
        var outer = Backend.TurnScope.SwapThreadScope(s_synchronous ? _activation.Engine.Scope : null);
        try
        {
            if (callerSynchronization is not null)
            {
                SynchronizationContext.SetSynchronizationContext(null);
            }

            ExecutionContext.Restore(s_synchronous ? InlineTurns.Empty : _context ?? BuildContext());
            var rest = turn.Run(_activation);
            if (!rest.IsCompletedSuccessfully)
            {
                // The turn awaits, or the activation ends after it: the mailbox goes on once that is done.
                _ = ResumeAfterAsync(rest);
            }
            else if (_queue.IsEmpty)
            {
                Release();
            }
            else
            {
                // What arrived meanwhile goes to the scheduler: the caller's thread does no other caller's work.
                _settings.Scheduler.Schedule(this, preferLocal: false);
            }

            return true;
        }
        finally
        {
            Backend.TurnScope.SwapThreadScope(outer);
            ExecutionContext.Restore(callerContext);
            if (callerSynchronization is not null)
            {
                SynchronizationContext.SetSynchronizationContext(callerSynchronization);
            }

            InlineTurns.Exit();
        }
    }
}
