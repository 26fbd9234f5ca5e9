using System;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using TypedGrains.Persistence.Sqlite;
using TypedGrains.Persistence.Tests.Grains;
using TypedGrains.Persistence.Tests.Support;
using TypedGrains.Runtime;
using Xunit;

namespace TypedGrains.Persistence.Tests.Failures;

/// <summary>
/// The database file stops accepting writes mid-run (ext4 immutable attribute on the file and its log, which stops
/// root too), then accepts them again, without restarting the runtime.
/// </summary>
public sealed class SqliteFailureTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task An_unwritable_file_fails_the_saving_caller_deactivates_the_grain_and_loses_no_acknowledged_write()
    {
        var path = _directory.File("grains.db");
        await using var storage = new SqliteGrainStateProvider(path);
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage });
        var counter = grains.StoredCounter("disk");
        await counter.Add(1);
        Assert.Equal(3, await counter.Add(2));

        using (new ImmutableFiles(path, path + "-wal"))
        {
            var error = await Assert.ThrowsAnyAsync<SqliteException>(async () => await counter.Add(10));
            Assert.False(grains.IsActive(counter.Id));
            Assert.NotNull(error.Message);

            // Still down: every save fails, and reads still show only what was acknowledged.
            await Assert.ThrowsAnyAsync<SqliteException>(async () => await counter.Add(20));
            Assert.Equal(3, await counter.Get());
        }

        Assert.Equal(7, await counter.Add(4));
        await using var reopened = new SqliteGrainStateProvider(path);
        using var restarted = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = reopened });
        Assert.Equal(7, await restarted.StoredCounter("disk").Get());
    }

    [Fact]
    public async Task A_writer_error_fails_every_write_of_its_transaction_and_the_next_transaction_succeeds()
    {
        var path = _directory.File("batch.db");
        await using var storage = new SqliteGrainStateProvider(path);
        var first = new GrainId("batch", GrainKey.From(1L));
        var etag = await storage.WriteAsync(first, new byte[] { 1 }, BytesCodec.Instance, 0);

        using (new ImmutableFiles(path, path + "-wal"))
        {
            var writes = new[]
            {
                storage.WriteAsync(first, new byte[] { 2 }, BytesCodec.Instance, etag).AsTask(),
                storage.WriteAsync(new GrainId("batch", GrainKey.From(2L)), new byte[] { 2 }, BytesCodec.Instance, 0).AsTask(),
            };
            foreach (var write in writes)
            {
                await Assert.ThrowsAnyAsync<SqliteException>(() => write);
            }
        }

        Assert.Equal(etag + 1, await storage.WriteAsync(first, new byte[] { 3 }, BytesCodec.Instance, etag));
        Assert.Null(await storage.ReadAsync(new GrainId("batch", GrainKey.From(2L)), BytesCodec.Instance));
    }

    public void Dispose() => _directory.Dispose();
}
