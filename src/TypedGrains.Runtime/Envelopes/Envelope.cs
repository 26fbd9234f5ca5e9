using System;
using System.Threading.Tasks;

namespace TypedGrains.Runtime.Envelopes;

/// <summary>
/// A message queued in an activation's mailbox. Envelopes are passive: each kind hands itself to the activation's
/// method for that kind (<see cref="DeliverTo"/>), which runs the turn and answers the sender.
/// </summary>
/// <typeparam name="TGrain">The grain type of the activation.</typeparam>
internal abstract partial class Envelope<TGrain> : MailboxNode
    where TGrain : Grain, IGrain<TGrain>
{
    /// <summary>Whether the mailbox counted this message in its length (set by its producer, cleared when it is taken).</summary>
    internal bool CountedInMailbox;

    /// <summary>Whether the message must follow the grain to a new activation when this one ends (control messages do not).</summary>
    public virtual bool FollowsGrain => true;

    /// <summary>
    /// Whether the sender waits for this message's outcome. A waiting sender's thread is about to be free, so the
    /// mailbox is scheduled on that thread's local queue (the turn and the reply then stay on one core); a sender
    /// that goes on (a cast) keeps its thread, so the mailbox goes to the shared queue where an idle core takes it
    /// at once instead of stealing it.
    /// </summary>
    public virtual bool SenderWaits => true;

    /// <summary>Whether the message is a turn, which needs the activation to have activated (state loaded, hook run) first.</summary>
    public virtual bool IsTurn => true;

    /// <summary>
    /// Whether running the message counts as a turn for idle collection and the stop's drain; a tick of a timer that
    /// does not keep its activation alive does not.
    /// </summary>
    public virtual bool CountsAsActivity => IsTurn;

    /// <summary>Hands the message to <paramref name="activation"/>'s method for its kind. Never throws.</summary>
    public abstract ValueTask DeliverTo(Activation<TGrain> activation);

    /// <summary>Answers the sender with <paramref name="error"/> without running the message, and lets go of the envelope.</summary>
    public abstract void Fail(Exception error);

    /// <summary>The activation ended before a control message (one that does not follow the grain) ran.</summary>
    public virtual void OnActivationEnded()
    {
    }
}
