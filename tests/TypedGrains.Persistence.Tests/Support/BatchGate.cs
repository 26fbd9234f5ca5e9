using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Persistence.Sqlite;

namespace TypedGrains.Persistence.Tests.Support;

/// <summary>
/// Holds the first transaction of a SQLite provider's group-commit writer open, its writes applied but not committed,
/// until <see cref="Release"/>; records the size of every batch the writer commits or tries to commit.
/// </summary>
internal sealed class BatchGate : IDisposable
{
    /// <summary>How long a test waits for the writer before failing instead of hanging.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TaskCompletionSource<int> _firstBatchOpen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim _release = new();
    private readonly ConcurrentQueue<int> _batchSizes = new();
    private readonly Func<int, Exception?>? _failure;

    /// <param name="provider">The provider whose writer is gated.</param>
    /// <param name="failure">Given the number of a batch (1 = the first), an exception to fail it with after its writes were applied.</param>
    public BatchGate(SqliteGrainStateProvider provider, Func<int, Exception?>? failure = null)
    {
        _failure = failure;
        provider.Writer.BeforeCommit = OnBeforeCommit;
    }

    /// <summary>Completes with the size of the first batch once the writer is inside its transaction.</summary>
    public Task<int> FirstBatchOpen => _firstBatchOpen.Task.WaitAsync(Patience);

    /// <summary>The sizes of the batches that reached COMMIT (or their injected failure), in order.</summary>
    public IReadOnlyList<int> BatchSizes => _batchSizes.ToArray();

    /// <summary>Lets the first transaction commit.</summary>
    public void Release() => _release.Set();

    public void Dispose()
    {
        // A test that failed early must not leave the writer blocked: disposing the provider waits for it.
        _release.Set();
    }

    private void OnBeforeCommit(IReadOnlyList<PendingWrite> batch)
    {
        _batchSizes.Enqueue(batch.Count);
        if (_firstBatchOpen.TrySetResult(batch.Count) && !_release.Wait(Patience))
        {
            throw new TimeoutException("The test never released the first batch.");
        }

        if (_failure?.Invoke(_batchSizes.Count) is { } error)
        {
            throw error;
        }
    }
}
