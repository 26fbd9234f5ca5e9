using System;

namespace TypedGrains.Runtime;

/// <summary>A call whose caller waits, as the <see cref="InFlightCalls"/> registry sees it.</summary>
internal interface IInFlightCall
{
    /// <summary>The call timeout passed: fail the caller with a <see cref="TimeoutException"/> unless it was answered.</summary>
    void Expire(TimeSpan timeout);

    /// <summary>The runtime ended: fail the caller with <paramref name="error"/> unless it was answered.</summary>
    void Abandon(Exception error);
}

/// <summary>The registry's node of one in-flight call: reused by the envelope that owns it for every call it carries.</summary>
internal sealed class InFlightEntry
{
    public InFlightEntry(IInFlightCall call) => Call = call;

    public IInFlightCall Call { get; }

    /// <summary>The stripe the entry is linked in, or -1 while it is in none (written under that stripe's lock).</summary>
    public int Stripe = -1;

    /// <summary>When the call times out, in <see cref="TimeProvider"/> timestamp units; <see cref="long.MaxValue"/> for never.</summary>
    public long Deadline;

    public InFlightEntry? Previous;

    public InFlightEntry? Next;
}
