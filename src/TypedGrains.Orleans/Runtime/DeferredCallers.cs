using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Orleans.Wire;
using TypedGrains.Serialization;

namespace TypedGrains.Orleans;

/// <summary>
/// The callers of deferred calls waiting on this silo, by number under the silo runtime's incarnation: the host grain's
/// call waits on its entry, a reply action completes it with the reply's wire bytes. A token of another incarnation
/// (another silo, or this silo before a restart) matches nothing.
/// </summary>
internal sealed class DeferredCallers : IDeferredReplySink
{
    private readonly ConcurrentDictionary<long, IWaiter> _waiting = new();
    private readonly Guid _incarnation;
    private long _last;

    public DeferredCallers(Guid incarnation) => _incarnation = incarnation;

    public CallerId Add<TReply>(out Task<byte[]> reply)
    {
        var waiter = new Waiter<TReply>();
        var id = Interlocked.Increment(ref _last);
        _waiting[id] = waiter;
        reply = waiter.Task;
        return new CallerId(_incarnation, id);
    }

    public bool Contains(CallerId caller) => caller.Incarnation == _incarnation && _waiting.ContainsKey(caller.Value);

    public void Complete<TReply>(CallerId caller, TReply value) => Take(caller)?.Complete(value);

    public void Fail(CallerId caller, Exception error) => Take(caller)?.Fail(error);

    private IWaiter? Take(CallerId caller) =>
        caller.Incarnation == _incarnation && _waiting.TryRemove(caller.Value, out var waiter) ? waiter : null;

    private interface IWaiter
    {
        void Complete<T>(T value);

        void Fail(Exception error);
    }

    private sealed class Waiter<TReply> : TaskCompletionSource<byte[]>, IWaiter
    {
        public Waiter()
            : base(TaskCreationOptions.RunContinuationsAsynchronously)
        {
        }

        public void Complete<T>(T value)
        {
            if (typeof(T) == typeof(TReply))
            {
                TrySetResult(WireReply.Ok(Unsafe.As<T, TReply>(ref value), MessagePackFormatters.Get<TReply>()));
            }
            else
            {
                TrySetResult(WireReply.Error(new InvalidCastException($"A reply of type {typeof(T)} was sent to a caller waiting for {typeof(TReply)}.")));
            }
        }

        public void Fail(Exception error) => TrySetResult(WireReply.Error(error));
    }
}
