using System;

namespace TypedGrains.Runtime.Envelopes;

/// <summary>A message queued in an activation's mailbox.</summary>
/// <typeparam name="TGrain">The grain type of the activation.</typeparam>
internal abstract class Envelope<TGrain>
    where TGrain : Grain, IGrain<TGrain>
{
    /// <summary>The next envelope in the mailbox queue (owned by <see cref="MailboxQueue{TGrain}"/>).</summary>
    internal Envelope<TGrain>? NextInMailbox;

    /// <summary>Whether the message must follow the grain to a new activation when this one ends.</summary>
    public virtual bool FollowsGrain => true;

    /// <summary>
    /// Whether the sender waits for this message's outcome. A waiting sender's thread is about to be free, so the
    /// mailbox is scheduled on that thread's local queue (the turn and the reply then stay on one core); a sender
    /// that goes on (a cast) keeps its thread, so the mailbox goes to the shared queue where an idle core takes it
    /// at once instead of stealing it.
    /// </summary>
    public virtual bool SenderWaits => true;

    /// <summary>Whether the activation must have loaded its state before the message runs.</summary>
    public virtual bool NeedsState => true;

    /// <summary>Runs the message on the activation. Never throws: failures go to the message's caller.</summary>
    public abstract System.Threading.Tasks.ValueTask RunAsync(Activation<TGrain> activation);

    /// <summary>Fails the message without running it (the activation could not load its state).</summary>
    public abstract void Fail(Exception error);
}
