using System.Threading;

namespace TypedGrains.Runtime;

/// <summary>
/// Runs mailboxes that have messages: the thread pool in production (<see cref="ThreadPoolMailboxScheduler"/>), a
/// step-by-step scheduler in tests (<see cref="SynchronousMailboxScheduler"/>). A mailbox is scheduled only while it
/// is not already scheduled or running, so a scheduler never runs one mailbox on two threads. Running a mailbox changes
/// the calling thread's execution context (to its activation's); the thread pool resets it after every work item, and a
/// scheduler that runs mailboxes on a thread it shares with other code captures and restores it around each run.
/// </summary>
public interface IMailboxScheduler
{
    /// <summary>Runs <paramref name="mailbox"/> soon, on any thread.</summary>
    /// <param name="mailbox">The mailbox; <see cref="IThreadPoolWorkItem.Execute"/> runs a slice of its messages.</param>
    /// <param name="preferLocal">
    /// <c>true</c> when the scheduling thread is about to wait (it sent a call), so running the mailbox on this thread's
    /// queue keeps the turn and the reply on one core; <c>false</c> when the sender goes on (a cast).
    /// </param>
    void Schedule(IThreadPoolWorkItem mailbox, bool preferLocal);
}
