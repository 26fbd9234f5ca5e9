using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Persistence.Sqlite;
using TypedGrains.Persistence.Tests.Grains;
using TypedGrains.Persistence.Tests.Support;
using TypedGrains.Runtime;
using Xunit;

namespace TypedGrains.Persistence.Tests;

/// <summary>
/// The SQLite provider's group commit, made deterministic by holding the writer's first transaction open
/// (<see cref="BatchGate"/>): saves that arrive meanwhile queue for the next transaction and commit together,
/// reads go on, and a failed transaction fails each of its saves and stores none of them.
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private const int Grains = 200;

    private readonly TempDirectory _directory = new();

    [Theory]
    [InlineData(256, new[] { 1, 199 })]
    [InlineData(50, new[] { 1, 50, 50, 50, 49 })]
    public async Task Saves_issued_while_a_batch_is_being_written_queue_and_commit_together_in_the_next_batches(int maxBatchSize, int[] expectedBatches)
    {
        await using var provider = new SqliteGrainStateProvider(new SqliteGrainStateProviderOptions
        {
            DatabasePath = _directory.File("grains.db"),
            MaxBatchSize = maxBatchSize,
        });
        using var gate = new BatchGate(provider);
        var ids = Enumerable.Range(0, Grains).Select(i => new GrainId("group", GrainKey.From((long)i))).ToArray();

        var first = provider.WriteAsync(ids[0], Payload(ids[0]), BytesCodec.Instance, 0).AsTask();
        Assert.Equal(1, await gate.FirstBatchOpen);
        var rest = ids.Skip(1).Select(id => provider.WriteAsync(id, Payload(id), BytesCodec.Instance, 0).AsTask()).ToArray();

        // The first save is applied but not committed, so nobody is acknowledged yet.
        Assert.False(first.IsCompleted);
        Assert.DoesNotContain(rest, save => save.IsCompleted);
        gate.Release();

        var etags = await Task.WhenAll(rest.Prepend(first)).WaitAsync(BatchGate.Patience);
        Assert.All(etags, etag => Assert.Equal(1, etag));
        Assert.Equal(expectedBatches, gate.BatchSizes);
        Assert.Equal(expectedBatches.Length, provider.Writer.CommittedTransactions);

        // Every grain's next save succeeds on the ETag it was given.
        var updated = await Task.WhenAll(ids.Select(id => provider.WriteAsync(id, Payload(id, 1), BytesCodec.Instance, 1).AsTask()));
        Assert.All(updated, etag => Assert.Equal(2, etag));
        await using var reader = new SqliteGrainStateProvider(provider.DatabasePath);
        foreach (var id in ids)
        {
            var stored = await reader.ReadAsync(id, BytesCodec.Instance);
            Assert.Equal(2, stored!.ETag);
            Assert.Equal(Payload(id, 1), (byte[])stored.State!);
        }
    }

    [Fact]
    public async Task Two_hundred_grains_saving_through_the_runtime_while_a_batch_is_open_are_acknowledged_after_one_more_transaction()
    {
        await using var storage = new SqliteGrainStateProvider(_directory.File("runtime.db"));
        using var gate = new BatchGate(storage);
        var writes = new WriteCounter(storage, target: Grains);
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = writes });

        var first = grains.StoredCounter("g0").Add(1).AsTask();
        Assert.Equal(1, await gate.FirstBatchOpen);

        // Each of these grains activates by reading its state while the first batch is open (WAL: reads do not wait
        // for the writer), runs its turn, and queues its save behind the open transaction.
        var rest = Enumerable.Range(1, Grains - 1).Select(i => grains.StoredCounter("g" + i).Add(i + 1).AsTask()).ToArray();
        await writes.AllIssued.WaitAsync(BatchGate.Patience);
        Assert.False(first.IsCompleted);
        Assert.DoesNotContain(rest, call => call.IsCompleted);
        gate.Release();

        var replies = await Task.WhenAll(rest.Prepend(first)).WaitAsync(BatchGate.Patience);
        Assert.Equal(Enumerable.Range(1, Grains), replies);
        Assert.Equal(new[] { 1, Grains - 1 }, gate.BatchSizes);
        Assert.Equal(2, storage.Writer.CommittedTransactions);

        await using var reopened = new SqliteGrainStateProvider(storage.DatabasePath);
        using var restarted = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = reopened });
        for (var i = 0; i < Grains; i++)
        {
            Assert.Equal(i + 1, await restarted.StoredCounter("g" + i).Get());
        }
    }

    [Fact]
    public async Task A_read_during_an_open_batch_returns_the_last_committed_state_without_waiting()
    {
        await using var provider = new SqliteGrainStateProvider(_directory.File("reads.db"));
        var grain = new GrainId("reads", GrainKey.From("a"));
        var etag = await provider.WriteAsync(grain, Bytes(1), BytesCodec.Instance, 0);
        using var gate = new BatchGate(provider);

        var update = provider.WriteAsync(grain, Bytes(2), BytesCodec.Instance, etag).AsTask();
        await gate.FirstBatchOpen;

        // Reads are synchronous and the release comes after this one: had it waited for the writer's lock, it would
        // have timed out instead of returning.
        var during = await provider.ReadAsync(grain, BytesCodec.Instance);
        Assert.Equal(etag, during!.ETag);
        Assert.Equal(Bytes(1), (byte[])during.State!);
        Assert.False(update.IsCompleted);

        gate.Release();
        Assert.Equal(etag + 1, await update.WaitAsync(BatchGate.Patience));
        Assert.Equal(Bytes(2), (byte[])(await provider.ReadAsync(grain, BytesCodec.Instance))!.State!);
    }

    [Fact]
    public async Task Saves_of_one_grain_in_the_same_batch_each_keep_their_own_compare_and_set_outcome()
    {
        await using var provider = new SqliteGrainStateProvider(_directory.File("same-grain.db"));
        using var gate = new BatchGate(provider);
        var held = provider.WriteAsync(new GrainId("cas", GrainKey.From("held")), Bytes(0), BytesCodec.Instance, 0).AsTask();
        await gate.FirstBatchOpen;
        var grain = new GrainId("cas", GrainKey.From("x"));

        var insert = provider.WriteAsync(grain, Bytes(1), BytesCodec.Instance, 0).AsTask();
        var secondInsert = provider.WriteAsync(grain, Bytes(2), BytesCodec.Instance, 0).AsTask();
        var update = provider.WriteAsync(grain, Bytes(3), BytesCodec.Instance, 1).AsTask();
        var staleUpdate = provider.WriteAsync(grain, Bytes(4), BytesCodec.Instance, 1).AsTask();
        gate.Release();

        await held.WaitAsync(BatchGate.Patience);
        Assert.Equal(1, await insert);
        var conflict = await Assert.ThrowsAsync<ETagConflictException>(() => secondInsert);
        Assert.Equal((0L, 1L), (conflict.ExpectedETag, conflict.ActualETag));
        Assert.Equal(2, await update);
        conflict = await Assert.ThrowsAsync<ETagConflictException>(() => staleUpdate);
        Assert.Equal((1L, 2L), (conflict.ExpectedETag, conflict.ActualETag));
        Assert.Equal(new[] { 1, 4 }, gate.BatchSizes);

        var stored = await provider.ReadAsync(grain, BytesCodec.Instance);
        Assert.Equal(2, stored!.ETag);
        Assert.Equal(Bytes(3), (byte[])stored.State!);
    }

    [Fact]
    public async Task A_failed_batch_fails_every_save_in_it_with_the_error_and_stores_none_of_them()
    {
        var injected = new IOException("injected: the batch fails after all its writes were applied");
        await using var provider = new SqliteGrainStateProvider(_directory.File("failed.db"));
        var existing = new GrainId("failed", GrainKey.From("existing"));
        var cleared = new GrainId("failed", GrainKey.From("cleared"));
        var existingETag = await provider.WriteAsync(existing, Bytes(1), BytesCodec.Instance, 0);
        var clearedETag = await provider.WriteAsync(cleared, Bytes(1), BytesCodec.Instance, 0);
        using var gate = new BatchGate(provider, failure: batch => batch == 2 ? injected : null);

        var held = provider.WriteAsync(new GrainId("failed", GrainKey.From("held")), Bytes(0), BytesCodec.Instance, 0).AsTask();
        await gate.FirstBatchOpen;
        var fresh = Enumerable.Range(0, 20).Select(i => new GrainId("failed", GrainKey.From((long)i))).ToArray();
        var doomed = fresh.Select(id => provider.WriteAsync(id, Payload(id), BytesCodec.Instance, 0).AsTask())
            .Append(provider.WriteAsync(existing, Bytes(2), BytesCodec.Instance, existingETag).AsTask())
            .Append(Cleared(provider.ClearAsync(cleared, clearedETag)))
            .ToArray();
        gate.Release();

        Assert.Equal(1, await held.WaitAsync(BatchGate.Patience));
        foreach (var save in doomed)
        {
            Assert.Same(injected, await Assert.ThrowsAsync<IOException>(() => save.WaitAsync(BatchGate.Patience)));
        }

        Assert.Equal(new[] { 1, doomed.Length }, gate.BatchSizes);
        Assert.Equal(3, provider.Writer.CommittedTransactions); // the two set-up saves and the first batch
        foreach (var id in fresh)
        {
            Assert.Null(await provider.ReadAsync(id, BytesCodec.Instance));
        }

        Assert.Equal((existingETag, "01"), Stored(await provider.ReadAsync(existing, BytesCodec.Instance)));
        Assert.Equal((clearedETag, "01"), Stored(await provider.ReadAsync(cleared, BytesCodec.Instance)));

        // The writer goes on with a new transaction (and connection); the ETags the failed saves used are still current.
        Assert.Equal(existingETag + 1, await provider.WriteAsync(existing, Bytes(2), BytesCodec.Instance, existingETag));
        Assert.Equal(1, await provider.WriteAsync(fresh[0], Payload(fresh[0]), BytesCodec.Instance, 0));

        static async Task<long> Cleared(ValueTask clear)
        {
            await clear;
            return 0;
        }

        static (long, string) Stored(StoredState? stored) => (stored!.ETag, Convert.ToHexString((byte[])stored.State!));
    }

    public void Dispose() => _directory.Dispose();

    private static byte[] Payload(GrainId grain, byte version = 0) => BitConverter.GetBytes(grain.Key.AsLong()).Append(version).ToArray();

    private static byte[] Bytes(byte value) => new[] { value };

    /// <summary>Passes everything to the SQLite provider and completes <see cref="AllIssued"/> once <c>target</c> writes were queued.</summary>
    private sealed class WriteCounter : IGrainStateProvider
    {
        private readonly IGrainStateProvider _inner;
        private readonly int _target;
        private readonly TaskCompletionSource _allIssued = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _writes;

        public WriteCounter(IGrainStateProvider inner, int target)
        {
            _inner = inner;
            _target = target;
        }

        public Task AllIssued => _allIssued.Task;

        public ValueTask<StoredState?> ReadAsync(GrainId grain, IStateCodec codec, CancellationToken cancellationToken = default) =>
            _inner.ReadAsync(grain, codec, cancellationToken);

        public ValueTask<long> WriteAsync(GrainId grain, object? state, IStateCodec codec, long expectedETag, CancellationToken cancellationToken = default)
        {
            // The SQLite provider has queued the write by the time WriteAsync returns.
            var write = _inner.WriteAsync(grain, state, codec, expectedETag, cancellationToken);
            if (Interlocked.Increment(ref _writes) == _target)
            {
                _allIssued.TrySetResult();
            }

            return write;
        }

        public ValueTask ClearAsync(GrainId grain, long expectedETag, CancellationToken cancellationToken = default) =>
            _inner.ClearAsync(grain, expectedETag, cancellationToken);
    }
}
