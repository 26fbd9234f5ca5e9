using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace TypedGrains.Persistence.Sqlite;

/// <summary>
/// The single writer of one database file. SQLite lets one transaction write a file at a time, so instead of many
/// connections taking turns on the file lock, writes queue here and every transaction commits all writes that are
/// waiting (up to <see cref="SqliteGrainStateProviderOptions.MaxBatchSize"/>): one log sync serves many grains.
/// Each write keeps its own compare-and-set outcome; a storage error fails every write of its transaction, none of
/// which was acknowledged. The connection is reopened after an error, so writing resumes when the file is usable again.
/// </summary>
internal sealed class SqliteGroupCommitWriter : IAsyncDisposable
{
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<SqliteConnection> _open;
    private readonly int _maxBatchSize;
    private readonly Task _loop;
    private SqliteConnection? _connection;
    private long _committedTransactions;

    public SqliteGroupCommitWriter(Func<SqliteConnection> open, int maxBatchSize)
    {
        _open = open;
        _maxBatchSize = maxBatchSize;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Transactions committed so far; each acknowledged one or more writes.</summary>
    public long CommittedTransactions => Interlocked.Read(ref _committedTransactions);

    /// <summary>
    /// Test seam: runs on the writer inside the open transaction, after every write of the batch was applied and
    /// before <c>COMMIT</c>. Blocking in it holds the batch open; throwing from it fails the batch.
    /// </summary>
    public Action<IReadOnlyList<PendingWrite>>? BeforeCommit { get; set; }

    public Task<long> Enqueue(PendingWrite write)
    {
        if (!_queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(SqliteGrainStateProvider));
        }

        return write.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        _connection?.Dispose();
        _connection = null;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>(_maxBatchSize);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatchSize && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            Commit(batch);
            batch.Clear();
        }
    }

    private void Commit(List<PendingWrite> batch)
    {
        try
        {
            _connection ??= _open();
            using (var transaction = _connection.BeginTransaction(deferred: false))
            using (var commands = new SqliteWriteCommands(_connection, transaction))
            {
                foreach (var write in batch)
                {
                    commands.Apply(write);
                }

                BeforeCommit?.Invoke(batch);
                transaction.Commit();
            }

            Interlocked.Increment(ref _committedTransactions);
        }
        catch (Exception error)
        {
            // The transaction was rolled back as a whole (by its disposal, or by SQLite itself when COMMIT failed), so
            // no write of it is stored without the others: fail every writer and start the next batch on a new connection.
            _connection?.Dispose();
            _connection = null;
            foreach (var write in batch)
            {
                write.Completion.TrySetException(error);
            }

            return;
        }

        foreach (var write in batch)
        {
            if (write.Outcome == SqliteWriteCommands.Conflict)
            {
                write.Completion.TrySetException(new ETagConflictException(write.Grain, write.ExpectedETag, write.ActualETag));
            }
            else
            {
                write.Completion.TrySetResult(write.Outcome);
            }
        }
    }
}
