using System;

namespace TypedGrains.Orleans;

/// <summary>The callbacks through which the runtime reports what no caller can receive.</summary>
public sealed partial class OrleansGrainRuntime
{
    internal void ReportDeactivationFailure(GrainId grain, Exception error) => Report(Options.DeactivationFailed, grain, error);

    internal void ReportReplyDropped(GrainId grain, CallerId caller)
    {
        try
        {
            Options.ReplyDropped?.Invoke(grain, caller);
        }
        catch (Exception)
        {
            // A user callback must not break the turn that replied.
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
            // A user callback must not break the turn.
        }
    }
}
