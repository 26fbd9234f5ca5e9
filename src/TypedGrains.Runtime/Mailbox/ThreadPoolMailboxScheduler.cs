using System.Threading;

namespace TypedGrains.Runtime;

/// <summary>Runs mailboxes on the .NET thread pool (the default scheduler).</summary>
public sealed class ThreadPoolMailboxScheduler : IMailboxScheduler
{
    /// <summary>The one instance.</summary>
    public static readonly ThreadPoolMailboxScheduler Instance = new();

    private ThreadPoolMailboxScheduler()
    {
    }

    /// <inheritdoc/>
    public void Schedule(IThreadPoolWorkItem mailbox, bool preferLocal) => ThreadPool.UnsafeQueueUserWorkItem(mailbox, preferLocal);
}
