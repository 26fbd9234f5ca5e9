using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace TypedGrains.Runtime;

/// <summary>
/// Callers waiting on deferred replies, by <see cref="CallerId"/>. Taking an entry is the only way to complete it,
/// so each caller is completed exactly once whichever of reply, failure, timeout or deactivation comes first. Ids
/// carry the runtime's incarnation: a token of another incarnation (kept in stored state across a restart) never
/// matches an entry, even when its number does.
/// </summary>
internal sealed class PendingCallerTable
{
    private readonly ConcurrentDictionary<long, IPendingCaller> _pending = new();
    private readonly Guid _incarnation;
    private long _lastId;

    public PendingCallerTable(Guid incarnation) => _incarnation = incarnation;

    public int Count => _pending.Count;

    public CallerId Add(IPendingCaller caller)
    {
        var id = Interlocked.Increment(ref _lastId);
        caller.Owner.PendingCallerAdded();
        _pending[id] = caller;
        return new CallerId(_incarnation, id);
    }

    /// <summary>Whether <paramref name="id"/> names a caller of this incarnation that still waits.</summary>
    public bool Contains(CallerId id) => id.Incarnation == _incarnation && _pending.ContainsKey(id.Value);

    public IPendingCaller? TryTake(CallerId id)
    {
        if (id.Incarnation != _incarnation || !_pending.TryRemove(id.Value, out var caller))
        {
            return null;
        }

        caller.Owner.PendingCallerRemoved();
        return caller;
    }

    public void FailAllOf(ActivationBase owner, Exception error)
    {
        if (owner.PendingCallers == 0)
        {
            return;
        }

        var ids = new List<long>();
        foreach (var entry in _pending)
        {
            if (ReferenceEquals(entry.Value.Owner, owner))
            {
                ids.Add(entry.Key);
            }
        }

        foreach (var id in ids)
        {
            TryTake(new CallerId(_incarnation, id))?.Fail(error);
        }
    }

    /// <summary>Fails every waiting caller with a <see cref="GrainDeactivatedException"/> naming its grain (the runtime ended).</summary>
    public void FailAll()
    {
        foreach (var entry in _pending)
        {
            TryTake(new CallerId(_incarnation, entry.Key))?.Fail(new GrainDeactivatedException(entry.Value.Owner.Id));
        }
    }
}
