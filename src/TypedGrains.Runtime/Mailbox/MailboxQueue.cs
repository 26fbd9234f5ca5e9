using System.Runtime.CompilerServices;
using System.Threading;
using TypedGrains.Runtime.Envelopes;

namespace TypedGrains.Runtime;

/// <summary>
/// An intrusive multi-producer, single-consumer queue of envelopes (after D. Vyukov's node-based MPSC queue): producers
/// link an envelope with one atomic exchange and allocate nothing; the only per-queue storage is a stub node (a bare
/// <see cref="MailboxNode"/>, not an envelope). An envelope may be reused as soon as it has been dequeued: the queue
/// unlinks it, so a processed envelope (pooled or garbage) never keeps the envelopes queued after it reachable.
/// </summary>
/// <remarks>
/// A struct, kept as a (non-readonly) field of its <see cref="Mailbox{TGrain}"/>, so an activation carries one object
/// less; it must never be copied.
/// </remarks>
internal struct MailboxQueue<TGrain>
    where TGrain : Grain, IGrain<TGrain>
{
    private readonly MailboxNode _stub = new();
    private MailboxNode _head;
    private MailboxNode _tail;

    public MailboxQueue()
    {
        _head = _stub;
        _tail = _stub;
    }

    /// <summary>Whether nothing is queued or being linked. Consumer only.</summary>
    public bool IsEmpty => ReferenceEquals(_head, _stub) && ReferenceEquals(Volatile.Read(ref _tail), _stub);

    /// <summary>Adds <paramref name="envelope"/>; safe from any thread.</summary>
    public void Enqueue(Envelope<TGrain> envelope) => Link(envelope);

    /// <summary>
    /// Takes the oldest envelope. Consumer only. Returns <c>false</c> when empty, or while a producer has claimed
    /// the tail but not yet linked its envelope (then <see cref="IsEmpty"/> is <c>false</c>).
    /// </summary>
    public bool TryDequeue(out Envelope<TGrain> envelope)
    {
        var head = _head;
        var next = Volatile.Read(ref head.NextInMailbox);
        if (ReferenceEquals(head, _stub))
        {
            if (next is null)
            {
                envelope = null!;
                return false;
            }

            _head = next;
            _stub.NextInMailbox = null;
            head = next;
            next = Volatile.Read(ref next.NextInMailbox);
        }

        if (next is not null)
        {
            _head = next;
            head.NextInMailbox = null;
            envelope = AsEnvelope(head);
            return true;
        }

        if (!ReferenceEquals(head, Volatile.Read(ref _tail)))
        {
            // A producer is between its exchange and its link.
            envelope = null!;
            return false;
        }

        // head is the last envelope: put the stub behind it so that head can leave the queue.
        Link(_stub);
        next = Volatile.Read(ref head.NextInMailbox);
        if (next is not null)
        {
            _head = next;
            head.NextInMailbox = null;
            envelope = AsEnvelope(head);
            return true;
        }

        envelope = null!;
        return false;
    }

    private void Link(MailboxNode node)
    {
        Volatile.Write(ref node.NextInMailbox, null);
        var previous = Interlocked.Exchange(ref _tail, node);
        Volatile.Write(ref previous.NextInMailbox, node);
    }

    // Every node but the stub is an envelope of this mailbox's grain type, and the stub is never handed out.
    private static Envelope<TGrain> AsEnvelope(MailboxNode node) => Unsafe.As<Envelope<TGrain>>(node);
}
