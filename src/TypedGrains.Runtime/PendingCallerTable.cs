using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace TypedGrains.Runtime;

/// <summary>
/// Callers waiting on deferred replies, by <see cref="CallerId"/>. Taking an entry is the only way to complete it,
/// so each caller is completed exactly once whichever of reply, failure or deactivation comes first.
/// </summary>
internal sealed class PendingCallerTable
{
    private readonly ConcurrentDictionary<long, IPendingCaller> _pending = new();
    private long _lastId;

    public int Count => _pending.Count;

    public CallerId Add(IPendingCaller caller)
    {
        var id = Interlocked.Increment(ref _lastId);
        caller.Owner.PendingCallerAdded();
        _pending[id] = caller;
        return new CallerId(id);
    }

    public IPendingCaller? TryTake(CallerId id)
    {
        if (!_pending.TryRemove(id.Value, out var caller))
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
            TryTake(new CallerId(id))?.Fail(error);
        }
    }
}
