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

        var caller = InlineTurns.SetCallerAside();
        var outer = Backend.TurnScope.SwapThreadScope(s_synchronous ? _activation.Engine.Scope : null);
        try
        {
            EnterInlineContext();
            var rest = turn.Run(_activation);
            if (!rest.IsCompletedSuccessfully)
            {
                // The turn awaits, or the activation ends after it: the mailbox goes on once that is done.
                _ = ResumeAfterAsync(rest);
            }
            else
            {
                GiveThreadBack();
            }

            return true;
        }
        finally
        {
            Backend.TurnScope.SwapThreadScope(outer);
            caller.Restore();
        }
    }
}
