using System;

namespace TypedGrains.Runtime;

/// <summary>The callbacks through which the runtime reports what no caller can receive.</summary>
public sealed partial class InProcessRuntime
{
    internal void ReportCastFailure(GrainId grain, Exception error)
    {
        RuntimeLog.CastFailed(Log, grain, error);
        Report(_options.CastFailed, grain, error);
    }

    internal void ReportReminderFailure(Exception error) => Report(_options.CastFailed, default, error);

    internal void ReportDeactivationFailure(GrainId grain, Exception error)
    {
        RuntimeLog.DeactivationFailed(Log, grain, error);
        Report(_options.DeactivationFailed, grain, error);
    }

    internal void ReportTimeout(GrainId grain, string method, TimeSpan timeout) => RuntimeLog.CallTimedOut(Log, grain, method, timeout);

    internal void ReportReplyDropped(GrainId grain, CallerId caller)
    {
        RuntimeLog.ReplyDropped(Log, grain, caller);
        try
        {
            _options.ReplyDropped?.Invoke(grain, caller);
        }
        catch (Exception)
        {
            // A user callback runs on a mailbox thread; letting it throw would stall the mailbox. Nothing else to tell.
        }
    }

    internal void OnActivationEnded(GrainId grain)
    {
        RuntimeLog.Deactivated(Log, grain);
        try
        {
            ActivationEnded?.Invoke(grain);
        }
        catch (Exception)
        {
            // As for the callbacks: a throwing subscriber must not stall the mailbox that raised the event.
        }
    }

    private static void Report(Action<GrainId, Exception>? callback, GrainId grain, Exception error)
    {
        try
        {
            callback?.Invoke(grain, error);
        }
        catch (Exception)
        {
            // A user callback runs on a mailbox thread; letting it throw would stall the mailbox. Nothing else to tell.
        }
    }
}
