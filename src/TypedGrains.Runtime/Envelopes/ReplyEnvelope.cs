using System;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;

namespace TypedGrains.Runtime.Envelopes;

/// <summary>
/// A turn whose outcome a caller awaits. The envelope is its own pooled <see cref="IValueTaskSource{TResult}"/>:
/// it goes back to its pool once the caller has read the result. Continuations never run on the mailbox thread.
/// </summary>
internal abstract class ReplyEnvelope<TGrain, TReply> : TurnEnvelope<TGrain>, IValueTaskSource<TReply>, IValueTaskSource
    where TGrain : Grain, IGrain<TGrain>
{
    private ManualResetValueTaskSourceCore<TReply> _core = new() { RunContinuationsAsynchronously = true };

    protected short Version => _core.Version;

    public override void Fail(Exception error) => _core.SetException(error);

    protected void SetResult(TReply reply) => _core.SetResult(reply);

    /// <summary>Clears the request and returns the envelope to its pool.</summary>
    protected abstract void Recycle();

    TReply IValueTaskSource<TReply>.GetResult(short token)
    {
        try
        {
            return _core.GetResult(token);
        }
        finally
        {
            _core.Reset();
            Recycle();
        }
    }

    void IValueTaskSource.GetResult(short token) => ((IValueTaskSource<TReply>)this).GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<TReply>.GetStatus(short token) => _core.GetStatus(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<TReply>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
