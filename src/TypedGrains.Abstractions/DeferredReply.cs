using System;

namespace TypedGrains;

/// <summary>A reply action of a turn: answers a caller that was kept waiting by a deferred call.</summary>
public abstract class DeferredReply
{
    private protected DeferredReply(CallerId caller) => Caller = caller;

    /// <summary>The waiting caller this reply answers.</summary>
    public CallerId Caller { get; }

    /// <summary>Hands the reply to the runtime that holds the waiting caller.</summary>
    public abstract void DeliverTo(IDeferredReplySink sink);
}

/// <summary>A reply action carrying a value or an error for a <see cref="Caller{TReply}"/>.</summary>
/// <typeparam name="TReply">The reply type.</typeparam>
public sealed class DeferredReply<TReply> : DeferredReply
{
    internal DeferredReply(Caller<TReply> caller, TReply value, Exception? error)
        : base(caller.Id)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The reply value (meaningless when <see cref="Error"/> is set).</summary>
    public TReply Value { get; }

    /// <summary>The error the caller receives instead of a value, if any.</summary>
    public Exception? Error { get; }

    /// <inheritdoc/>
    public override void DeliverTo(IDeferredReplySink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (Error is null)
        {
            sink.Complete(Caller, Value);
        }
        else
        {
            sink.Fail(Caller, Error);
        }
    }
}
