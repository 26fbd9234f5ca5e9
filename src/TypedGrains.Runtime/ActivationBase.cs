using System.Threading;

namespace TypedGrains.Runtime;

/// <summary>The part of an activation the runtime's tables and idle collector see, whatever its grain type.</summary>
internal abstract class ActivationBase
{
    private int _pendingCallers;
    private long _lastActive;

    protected ActivationBase(GrainId id, long now)
    {
        Id = id;
        _lastActive = now;
    }

    public GrainId Id { get; }

    /// <summary>Callers of deferred calls accepted by this activation and not yet answered.</summary>
    public int PendingCallers => Volatile.Read(ref _pendingCallers);

    /// <summary>Timestamp (of the runtime's <see cref="System.TimeProvider"/>) at which the latest turn started.</summary>
    public long LastActive => Volatile.Read(ref _lastActive);

    public void PendingCallerAdded() => Interlocked.Increment(ref _pendingCallers);

    public void PendingCallerRemoved() => Interlocked.Decrement(ref _pendingCallers);

    /// <summary>Queues a request to end the activation if it has stayed idle.</summary>
    public abstract void RequestCollection();

    protected void MarkActive(long now) => Volatile.Write(ref _lastActive, now);
}
