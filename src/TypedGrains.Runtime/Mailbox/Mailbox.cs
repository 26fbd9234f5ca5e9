using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Runtime.Envelopes;

namespace TypedGrains.Runtime;

/// <summary>
/// The mailbox of one activation: an Idle/Scheduled compare-and-swap decides who schedules it, each scheduling runs a
/// slice of at most <c>budget</c> messages (a busy activation then yields its thread), and turns that complete
/// synchronously never leave the loop; an asynchronous turn resumes the slice where it completes. Each slice runs in
/// the activation's execution context, in which its <see cref="Backend.TurnScope"/> is current (for a grain whose code never
/// awaits, the scope is current on the thread for the slice and no context is kept). A call that finds the
/// mailbox idle runs its turn on the caller's thread when the runtime allows it (<see cref="InlineTurns"/>): the
/// caller then holds the schedule exactly as a scheduler thread would.
/// </summary>
internal sealed partial class Mailbox<TGrain> : IThreadPoolWorkItem
    where TGrain : Grain, IGrain<TGrain>
{
    private const int Idle = 0;
    private const int Scheduled = 1;

    /// <summary>Scheduled, for one more pass after running dry (posters see it as Scheduled; only the slice sets it).</summary>
    private const int Lingering = 2;

    private static readonly bool s_synchronous = TGrain.Definition.RunsSynchronously;

    // A stateless worker's pool looks for an idle activation to claim; a lingering one would look busy.
    private static readonly bool s_mayLinger = TGrain.Definition.Placement != Placement.StatelessWorker;

    private readonly Activation<TGrain> _activation;
    private readonly MailboxSettings _settings;
    private MailboxQueue<TGrain> _queue = new();
    private ExecutionContext? _context;
    private int _status;
    private int _length;

    public Mailbox(Activation<TGrain> activation, MailboxSettings settings)
    {
        _activation = activation;
        _settings = settings;
    }

    /// <summary>
    /// Counts a new turn message against the length limit; <c>false</c> when the mailbox is full (nothing counted).
    /// An unbounded mailbox counts only while someone observes the mailbox-length gauge, so the common case pays no
    /// interlocked operation; each counted envelope is marked, so turning the gauge on or off never skews the count.
    /// </summary>
    public bool TryReserve(Envelope<TGrain> envelope)
    {
        // A pooled envelope may carry the mark of a mailbox that was dropped without running it.
        envelope.CountedInMailbox = false;
        if (_settings.Limit == 0)
        {
            if (_settings.ObservesLength)
            {
                MarkCounted(envelope);
            }

            return true;
        }

        if (Interlocked.Increment(ref _length) <= _settings.Limit)
        {
            envelope.CountedInMailbox = true;
            return true;
        }

        Interlocked.Decrement(ref _length);
        return false;
    }

    /// <summary>Counts a turn message that is taken whether the mailbox is full or not (it was accepted before).</summary>
    public void Count(Envelope<TGrain> envelope)
    {
        envelope.CountedInMailbox = false;
        if (envelope.IsTurn && (_settings.Limit != 0 || _settings.ObservesLength))
        {
            MarkCounted(envelope);
        }
    }

    private void MarkCounted(Envelope<TGrain> envelope)
    {
        envelope.CountedInMailbox = true;
        Interlocked.Increment(ref _length);
    }

    /// <summary>Whether nothing is queued. Consumer (the running slice) only.</summary>
    public bool IsEmpty => _queue.IsEmpty;

    /// <summary>The turn messages queued and counted (see <see cref="TryReserve"/>).</summary>
    public int Length => Volatile.Read(ref _length);

    /// <summary>Queues <paramref name="envelope"/> and schedules the mailbox unless it is already scheduled. Any thread.</summary>
    public void Post(Envelope<TGrain> envelope)
    {
        _queue.Enqueue(envelope);

        // The enqueue's exchange is a full fence, and Release() sets Idle with one before it looks at the queue, so a
        // plain read that sees Scheduled is safe: the consumer will find this envelope. It saves a locked operation
        // per message while the mailbox is busy.
        if (TryTakeSchedule())
        {
            Schedule(envelope.SenderWaits);
        }
    }

    /// <summary>
    /// Takes the mailbox from Idle to Scheduled for a stateless-worker pool looking for a free activation. On
    /// <c>true</c> the caller owns the schedule and must <see cref="Deliver"/> exactly one envelope.
    /// </summary>
    public bool TryClaim() => TryTakeSchedule();

    /// <summary>Queues <paramref name="envelope"/> on a mailbox claimed with <see cref="TryClaim"/> and schedules it.</summary>
    public void Deliver(Envelope<TGrain> envelope)
    {
        _queue.Enqueue(envelope);
        Schedule(envelope.SenderWaits);
    }

    /// <summary>
    /// Runs one slice in the activation's execution context (the scheduler calls this). It leaves that context on the
    /// calling thread: the thread pool resets a worker's context after every work item, and a scheduler that runs
    /// mailboxes on a thread it shares with other code restores the context itself.
    /// </summary>
    public void Execute()
    {
        if (!s_synchronous)
        {
            ExecutionContext.Restore(_context ?? BuildContext());
        }

        RunSliceInScope(_settings.Budget);
    }

    /// <summary>Runs a mailbox this thread just took from Idle: inline for a waiting sender where allowed, else on the scheduler.</summary>
    private void Schedule(bool senderWaits)
    {
        if (senderWaits && _settings.Inline && InlineTurns.TryEnter())
        {
            RunInline();
        }
        else
        {
            _settings.Scheduler.Schedule(this, senderWaits);
        }
    }

    /// <summary>
    /// Runs the caller's own message on the caller's thread, in the activation's execution context and without the
    /// caller's synchronization context, then gives both back. What is queued behind it, and the rest of a turn that
    /// awaits, go to the scheduler: the caller's thread does no other caller's work.
    /// </summary>
    private void RunInline()
    {
        var caller = InlineTurns.SetCallerAside();
        try
        {
            EnterInlineContext();
            RunSliceInScope(1);
        }
        finally
        {
            caller.Restore();
        }
    }

    /// <summary>
    /// Makes the activation's execution context current for a turn on a caller's thread; a grain whose code never
    /// awaits needs no context of its own, and an empty one hides the caller's.
    /// </summary>
    private void EnterInlineContext() => ExecutionContext.Restore(s_synchronous ? InlineTurns.Empty : _context ?? BuildContext());

    /// <summary>
    /// Builds the activation's execution context on its first slice, from an empty one, so that it carries nothing of
    /// the thread that ran that slice; restoring it afterwards is a field write, so entering the scope costs nothing per turn.
    /// </summary>
    private ExecutionContext BuildContext()
    {
        ExecutionContext.Restore(InlineTurns.Empty);
        return _context = _activation.Engine.Scope.CaptureContext();
    }

    /// <summary>
    /// Runs a slice with this activation's scope current on the thread for a grain whose code never awaits, and with
    /// no thread scope for the others (theirs flows in their execution context), putting back what was there.
    /// </summary>
    private void RunSliceInScope(int budget)
    {
        var outer = Backend.TurnScope.SwapThreadScope(s_synchronous ? _activation.Engine.Scope : null);
        try
        {
            RunSlice(budget);
        }
        finally
        {
            Backend.TurnScope.SwapThreadScope(outer);
        }
    }

    private void RunSlice(int budget)
    {
        for (; budget > 0; budget--)
        {
            if (!_queue.TryDequeue(out var envelope))
            {
                if (s_mayLinger && _settings.Linger && _status != Lingering)
                {
                    // Stay Scheduled for one more pass behind the other ready mailboxes: a sender that posts meanwhile
                    // (a stream of casts) finds the mailbox scheduled and pays no schedule of its own.
                    Volatile.Write(ref _status, Lingering);
                    _settings.Scheduler.Schedule(this, preferLocal: false);
                    return;
                }

                Release();
                return;
            }

            if (_status == Lingering)
            {
                Volatile.Write(ref _status, Scheduled);
            }

            if (envelope.CountedInMailbox)
            {
                envelope.CountedInMailbox = false;
                Interlocked.Decrement(ref _length);
            }

            var turn = _activation.Run(envelope);
            if (!turn.IsCompletedSuccessfully)
            {
                _ = ResumeAfterAsync(turn);
                return;
            }
        }

        // Budget spent: keep the mailbox Scheduled but give the thread back (after an inline turn: back to the caller).
        GiveThreadBack();
    }

    /// <summary>
    /// Ends a slice whose thread goes elsewhere: Idle when nothing is queued, else on the scheduler (a caller's thread
    /// does no other caller's work).
    /// </summary>
    private void GiveThreadBack()
    {
        if (_queue.IsEmpty)
        {
            Release();
            return;
        }

        _settings.Scheduler.Schedule(this, preferLocal: false);
    }

    /// <summary>Idle to Scheduled; <c>true</c> for the one caller that made the move and must now schedule the mailbox.</summary>
    private bool TryTakeSchedule() =>
        Volatile.Read(ref _status) == Idle && Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle;

    private async Task ResumeAfterAsync(ValueTask turn)
    {
        try
        {
            // Messages report failures to their senders, never by throwing; the finally keeps the mailbox going regardless.
            await turn.ConfigureAwait(false);
        }
        finally
        {
            // The continuation runs in the context the slice ran in, so a flowing scope is still current.
            RunSliceInScope(_settings.Budget);
        }
    }

    private void Release()
    {
        // A full fence: the emptiness check below must not be satisfied before Idle is visible to posters, or a
        // message enqueued in between would find the mailbox Scheduled and nobody would run it.
        Interlocked.Exchange(ref _status, Idle);
        if (!_queue.IsEmpty && Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle)
        {
            _settings.Scheduler.Schedule(this, preferLocal: false);
        }
    }
}
