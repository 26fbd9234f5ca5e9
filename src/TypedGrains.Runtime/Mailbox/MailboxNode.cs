namespace TypedGrains.Runtime;

/// <summary>
/// A link of a <see cref="MailboxQueue{TGrain}"/>: every envelope is one, and so is the queue's stub, which carries
/// nothing else (an idle activation keeps only this small object for its empty queue, not a whole envelope).
/// </summary>
internal class MailboxNode
{
    /// <summary>The next node in the mailbox queue (owned by <see cref="MailboxQueue{TGrain}"/>).</summary>
    internal MailboxNode? NextInMailbox;
}
