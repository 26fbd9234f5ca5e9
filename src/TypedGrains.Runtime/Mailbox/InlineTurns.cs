using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Runtime;

/// <summary>
/// When a caller may run the turn of its call on its own thread: a call to an idle activation then starts at once,
/// without a thread-pool hop, and a turn that completes synchronously answers before the call returns. Allowed only
/// where the turn cannot tell the difference: no synchronization context or custom task scheduler that its awaits
/// would capture (the context is set aside while the turn runs), execution-context flow not suppressed, and nested
/// inline turns (a grain calling an idle grain calling an idle grain…) at most <see cref="MaxDepth"/> deep.
/// </summary>
internal static class InlineTurns
{
    /// <summary>The deepest chain of inline turns on one thread; a deeper call goes through the scheduler.</summary>
    public const int MaxDepth = 8;

    [System.ThreadStatic]
    private static int t_depth;

    /// <summary>
    /// An execution context with nothing in it, from which an activation builds its own: an activation's context
    /// must not carry what flowed on the thread of its first caller (that caller's turn scope, trace, log scopes).
    /// </summary>
    public static readonly ExecutionContext Empty = CaptureEmpty();

    /// <summary>Enters an inline turn on this thread; <c>false</c> when the turn must go through the scheduler.</summary>
    public static bool TryEnter()
    {
        if (t_depth >= MaxDepth || ExecutionContext.IsFlowSuppressed() || !ReferenceEquals(TaskScheduler.Current, TaskScheduler.Default))
        {
            return false;
        }

        t_depth++;
        return true;
    }

    /// <summary>Leaves the inline turn <see cref="TryEnter"/> entered.</summary>
    public static void Exit() => t_depth--;

    /// <summary>
    /// Sets the caller's execution and synchronization contexts aside for an inline turn entered with
    /// <see cref="TryEnter"/> (the turn's awaits must not resume on the caller's synchronization context); the result
    /// puts both back and leaves the inline turn.
    /// </summary>
    public static CallerThread SetCallerAside()
    {
        var caller = new CallerThread(ExecutionContext.Capture()!, SynchronizationContext.Current);
        if (caller.Synchronization is not null)
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }

        return caller;
    }

    /// <summary>What <see cref="SetCallerAside"/> took off the caller's thread.</summary>
    public readonly struct CallerThread
    {
        private readonly ExecutionContext _context;

        public CallerThread(ExecutionContext context, SynchronizationContext? synchronization)
        {
            _context = context;
            Synchronization = synchronization;
        }

        public SynchronizationContext? Synchronization { get; }

        /// <summary>Gives the caller's thread its contexts back and leaves the inline turn.</summary>
        public void Restore()
        {
            ExecutionContext.Restore(_context);
            if (Synchronization is not null)
            {
                SynchronizationContext.SetSynchronizationContext(Synchronization);
            }

            Exit();
        }
    }

    private static ExecutionContext CaptureEmpty()
    {
        // A thread started without flowing the context begins with the default (empty) one.
        ExecutionContext? empty = null;
        var thread = new Thread(() => empty = ExecutionContext.Capture());
        thread.UnsafeStart();
        thread.Join();
        return empty!;
    }
}
