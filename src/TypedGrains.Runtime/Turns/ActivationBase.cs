using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Runtime;

/// <summary>The part of an activation the runtime's tables, idle collector and stop see, whatever its grain type.</summary>
internal abstract class ActivationBase
{
    private int _pendingCallers;
    private int _turns;

    protected ActivationBase(ActivationTable table, long now)
    {
        Table = table;
        QuietSince = now;
    }

    public ActivationTable Table { get; }

    /// <summary>The grain id (kept once per activation, by its grain instance).</summary>
    public abstract GrainId Id { get; }

    /// <summary>Callers of deferred calls accepted by this activation and not yet answered.</summary>
    public int PendingCallers => Volatile.Read(ref _pendingCallers);

    /// <summary>Turns started so far (wraps around; only compared for equality).</summary>
    public int Turns => Volatile.Read(ref _turns);

    /// <summary>The turn count the idle collector saw on its last pass (collector-owned).</summary>
    public int TurnsSeenByCollector { get; set; }

    /// <summary>Timestamp of the collector pass that last saw the turn count change (collector-owned).</summary>
    public long QuietSince { get; set; }

    public void PendingCallerAdded() => Interlocked.Increment(ref _pendingCallers);

    public void PendingCallerRemoved() => Interlocked.Decrement(ref _pendingCallers);

    /// <summary>Queues a request to end the activation if no turn starts after turn number <paramref name="turns"/>.</summary>
    public abstract void RequestCollection(int turns);

    /// <summary>
    /// Queues a marker behind every message queued now; the task gives the turn count when it ran (-1 when the
    /// activation had ended).
    /// </summary>
    public abstract Task<int> DrainMarker();

    /// <summary>Queues the end of the activation (its deactivation hook runs first); the task completes when it ended.</summary>
    public abstract Task Deactivate();

    /// <summary>Messages queued in the mailbox; counted only when mailboxes are bounded (0 otherwise).</summary>
    public abstract long QueuedMessages { get; }

    /// <summary>Whether the mailbox holds no message.</summary>
    public abstract bool IsMailboxEmpty { get; }

    /// <summary>Counts a turn; called by the mailbox, its only writer.</summary>
    protected void CountTurn() => Volatile.Write(ref _turns, _turns + 1);
}
