using System;
using System.Threading;
using TypedGrains.Runtime.Envelopes;

namespace TypedGrains.Runtime;

/// <summary>
/// The activations of one stateless-worker grain id. The list is copied on write under a lock and read without one.
/// A pool that loses its last activation is dead for good; the directory then removes it and creates a new one, so
/// an activation is never added to a pool the directory no longer lists.
/// </summary>
internal abstract class StatelessWorkerPool
{
    /// <summary>The current activations (a snapshot; never modified in place).</summary>
    public abstract ActivationBase[] Snapshot { get; }

    /// <summary>Whether the pool lost its last activation and takes no more messages.</summary>
    public abstract bool IsDead { get; }

    /// <summary>Removes an ended activation; <c>true</c> when it was the last one, which makes the pool dead.</summary>
    public abstract bool Remove(ActivationBase activation);
}

/// <summary>The worker pool of one grain id of <typeparamref name="TGrain"/>.</summary>
internal sealed class StatelessWorkerPool<TGrain> : StatelessWorkerPool
    where TGrain : Grain, IGrain<TGrain>
{
    private readonly object _lock = new();
    private readonly ActivationTable _table;
    private readonly GrainId _id;
    private Activation<TGrain>[] _workers = Array.Empty<Activation<TGrain>>();
    private volatile bool _dead;
    private int _nextBusy;

    public StatelessWorkerPool(ActivationTable table, GrainId id)
    {
        _table = table;
        _id = id;
    }

    public override ActivationBase[] Snapshot => Volatile.Read(ref _workers);

    public override bool IsDead => _dead;

    /// <summary>
    /// Gives <paramref name="envelope"/> to an idle activation, else to a new one below the limit, else queues it on a
    /// busy one. <c>false</c> when the pool is dead or the chosen activation just ended: the caller routes again.
    /// </summary>
    public bool TryPost(InProcessRuntime runtime, Envelope<TGrain> envelope, bool admitted)
    {
        var workers = Volatile.Read(ref _workers);

        // Claiming takes the mailbox from Idle to Scheduled in one compare-and-swap, so two racing messages never
        // pick the same idle activation. Scanning from the first activation keeps the early ones warm and lets
        // the others go quiet and be collected when load drops.
        foreach (var worker in workers)
        {
            if (worker.TryClaim())
            {
                worker.Deliver(envelope);
                return true;
            }
        }

        if (workers.Length < _table.MaxWorkers && TryAddClaimedWorker(runtime) is { } created)
        {
            created.Deliver(envelope);
            return true;
        }

        if (_dead)
        {
            return false;
        }

        workers = Volatile.Read(ref _workers);
        if (workers.Length == 0)
        {
            return false;
        }

        // At the limit, every activation was busy when scanned. The excess goes round-robin rather than to the
        // shortest queue: mailboxes do not count their messages (that would cost an interlocked operation per
        // message), and with turns of similar cost round-robin spreads the queues evenly. The counter is read and
        // written without synchronization on purpose; a lost update only skews the spread a little.
        var index = (uint)_nextBusy++ % (uint)workers.Length;
        return workers[index].TryPost(envelope, admitted);
    }

    public override bool Remove(ActivationBase activation)
    {
        lock (_lock)
        {
            var index = Array.IndexOf(_workers, activation);
            if (index < 0)
            {
                return false;
            }

            var workers = new Activation<TGrain>[_workers.Length - 1];
            Array.Copy(_workers, 0, workers, 0, index);
            Array.Copy(_workers, index + 1, workers, index, workers.Length - index);
            Volatile.Write(ref _workers, workers);
            if (workers.Length == 0)
            {
                _dead = true;
            }

            return _dead;
        }
    }

    /// <summary>
    /// Adds a new activation whose mailbox is already claimed, so a racing message cannot take it before the creator's
    /// message is delivered; <c>null</c> when the limit was reached meanwhile or the pool died. The candidate is built
    /// outside the lock (it runs the grain's constructor); a losing candidate was never scheduled and is dropped.
    /// </summary>
    private Activation<TGrain>? TryAddClaimedWorker(InProcessRuntime runtime)
    {
        var candidate = new Activation<TGrain>(runtime, _table, _id);
        candidate.TryClaim();
        lock (_lock)
        {
            if (_dead || _workers.Length >= _table.MaxWorkers)
            {
                return null;
            }

            var workers = new Activation<TGrain>[_workers.Length + 1];
            _workers.CopyTo(workers, 0);
            workers[^1] = candidate;
            Volatile.Write(ref _workers, workers);
            return candidate;
        }
    }
}
