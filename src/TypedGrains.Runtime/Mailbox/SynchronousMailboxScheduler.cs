using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Runtime;

/// <summary>
/// A scheduler for tests: scheduled mailboxes wait until the test runs them, one slice at a time, on the test's own
/// thread. Messages therefore run exactly when the test says, in the order their mailboxes were scheduled. Turns that
/// await real asynchronous work (storage, <c>Task.Yield</c>) continue where that work completes.
/// </summary>
public sealed class SynchronousMailboxScheduler : IMailboxScheduler
{
    private readonly ConcurrentQueue<IThreadPoolWorkItem> _ready = new();

    // Set only while a test waits in RunUntilCompletedAsync (so scheduling allocates nothing otherwise); completed
    // and cleared by the next Schedule.
    private TaskCompletionSource? _waiter;

    /// <summary>Mailboxes scheduled and not yet run.</summary>
    public int Pending => _ready.Count;

    /// <inheritdoc/>
    public void Schedule(IThreadPoolWorkItem mailbox, bool preferLocal)
    {
        _ready.Enqueue(mailbox);
        Interlocked.Exchange(ref _waiter, null)?.TrySetResult();
    }

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

    /// <summary>
    /// Runs mailboxes until <paramref name="work"/> completes. When none waits (a turn awaits real work that will
    /// schedule its mailbox again from another thread), waits for the next mailbox to be scheduled, without polling.
    /// </summary>
    /// <exception cref="TimeoutException"><paramref name="work"/> did not complete within <paramref name="timeout"/>.</exception>
    public async Task RunUntilCompletedAsync(Task work, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var deadline = new CancellationTokenSource(timeout);
        while (!work.IsCompleted)
        {
            if (RunNext())
            {
                continue;
            }

            // Published (with a full fence) before the queue is looked at again: a mailbox scheduled after that look
            // completes the signal, one scheduled before it is run here.
            var scheduled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Interlocked.Exchange(ref _waiter, scheduled);
            if (RunNext())
            {
                continue;
            }

            try
            {
                await Task.WhenAny(work, scheduled.Task).WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"The work did not complete within {timeout} of running mailboxes.");
            }
        }
    }
}
