using System.Collections.Concurrent;
using System.Threading;

namespace TypedGrains.Runtime;

/// <summary>
/// A scheduler for tests: scheduled mailboxes wait until the test runs them, one slice at a time, on the test's own
/// thread. Messages therefore run exactly when the test says, in the order their mailboxes were scheduled. Turns that
/// await real asynchronous work (storage, <c>Task.Yield</c>) continue where that work completes.
/// </summary>
public sealed class SynchronousMailboxScheduler : IMailboxScheduler
{
    private readonly ConcurrentQueue<IThreadPoolWorkItem> _ready = new();

    /// <summary>Mailboxes scheduled and not yet run.</summary>
    public int Pending => _ready.Count;

    /// <inheritdoc/>
    public void Schedule(IThreadPoolWorkItem mailbox, bool preferLocal) => _ready.Enqueue(mailbox);

    /// <summary>Runs one slice of the mailbox scheduled first; <c>false</c> when none was waiting.</summary>
    public bool RunNext()
    {
        if (!_ready.TryDequeue(out var mailbox))
        {
            return false;
        }

        // A mailbox runs in its activation's execution context; the test's own context comes back afterwards.
        var context = ExecutionContext.Capture();
        try
        {
            mailbox.Execute();
        }
        finally
        {
            if (context is not null)
            {
                ExecutionContext.Restore(context);
            }
        }

        return true;
    }

    /// <summary>Runs scheduled mailboxes (including those scheduled meanwhile) until none waits, and returns how many slices ran.</summary>
    public int RunUntilIdle()
    {
        var slices = 0;
        while (RunNext())
        {
            slices++;
        }

        return slices;
    }
}
