using System;
using System.Threading;
using TypedGrains.Runtime.Timers;

namespace TypedGrains.Runtime;

/// <summary>
/// What an activation needs only now and then: a failed commit being finished, the error of an observed turn, its log
/// scope, its timers. Created on first use, so an idle activation (the common case, by the hundred thousand) carries
/// one empty reference instead of these fields.
/// </summary>
internal sealed class ActivationExtras<TGrain>
    where TGrain : Grain, IGrain<TGrain>
{
    /// <summary>A save that failed in this turn; the activation ends with it after the turn.</summary>
    public Exception? FailedCommit;

    /// <summary>The error of the observed turn running now, for its span.</summary>
    public Exception? TurnError;

    /// <summary>The grain-id log scope, made once.</summary>
    public Activation<TGrain>.GrainLogScope? LogScope;

    /// <summary>The running timers; <c>null</c> until the first timer change.</summary>
    public ActivationTimers<TGrain>? Timers;

    /// <summary>Ticks queued in the mailbox and not yet run or dropped (any thread, interlocked).</summary>
    public int QueuedTicks;

    /// <summary>The extras of an activation, made on first use by whichever thread gets there first.</summary>
    public static ActivationExtras<TGrain> Of(ref ActivationExtras<TGrain>? field) =>
        Volatile.Read(ref field) ?? Interlocked.CompareExchange(ref field, new ActivationExtras<TGrain>(), null) ?? field!;
}
