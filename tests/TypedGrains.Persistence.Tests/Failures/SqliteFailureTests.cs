using System;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using TypedGrains.Persistence.Sqlite;
using TypedGrains.Persistence.Tests.Grains;
using TypedGrains.Persistence.Tests.Support;
using TypedGrains.Runtime;
using Xunit;
using Xunit.Abstractions;

namespace TypedGrains.Persistence.Tests.Failures;

/// <summary>
/// The database file stops accepting writes mid-run, then accepts them again, without restarting the runtime. As root
/// (CI) the file and its log get the ext4 immutable attribute; as another user they lose their write permission bits
/// while a second connection holds the write lock (<see cref="UnwritableDatabase"/>).
/// </summary>
public sealed class SqliteFailureTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ITestOutputHelper _output;

    public SqliteFailureTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task An_unwritable_file_fails_the_saving_caller_deactivates_the_grain_and_loses_no_acknowledged_write()
    {
        var path = _directory.File("grains.db");
        await using var storage = Provider(path);
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage });
        var counter = grains.StoredCounter("disk");
        await counter.Add(1);
        Assert.Equal(3, await counter.Add(2));

        using (var unwritable = Unwritable(path))
        {
            var error = Assert.IsAssignableFrom<SqliteException>(
                (await Assert.ThrowsAsync<GrainStorageException>(async () => await counter.Add(10))).InnerException);
            Assert.False(grains.IsActive(counter.Id));
            Assert.Equal(FirstError(unwritable.Method), error.SqliteErrorCode);

            // Still down: every save fails, and reads still show only what was acknowledged.
            var again = Assert.IsAssignableFrom<SqliteException>(
                (await Assert.ThrowsAsync<GrainStorageException>(async () => await counter.Add(20))).InnerException);
            Assert.Equal(3, await counter.Get());
            _output.WriteLine($"first save: {error.Message}; next save: {again.Message}");
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
        await using var storage = Provider(path);
        var first = new GrainId("batch", GrainKey.From(1L));
        var etag = await storage.WriteAsync(first, new byte[] { 1 }, BytesCodec.Instance, 0);

        using (var unwritable = Unwritable(path))
        {
            var writes = new[]
            {
                storage.WriteAsync(first, new byte[] { 2 }, BytesCodec.Instance, etag).AsTask(),
                storage.WriteAsync(new GrainId("batch", GrainKey.From(2L)), new byte[] { 2 }, BytesCodec.Instance, 0).AsTask(),
            };
            foreach (var write in writes)
            {
                var error = await Assert.ThrowsAnyAsync<SqliteException>(() => write);
                _output.WriteLine($"{unwritable.Method}: {error.Message}");
            }
        }

        Assert.Equal(etag + 1, await storage.WriteAsync(first, new byte[] { 3 }, BytesCodec.Instance, etag));
        Assert.Null(await storage.ReadAsync(new GrainId("batch", GrainKey.From(2L)), BytesCodec.Instance));
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>A short busy timeout: without root, the writes fail on a held lock (see <see cref="UnwritableDatabase"/>).</summary>
    private static SqliteGrainStateProvider Provider(string path) =>
        new(new SqliteGrainStateProviderOptions { DatabasePath = path, BusyTimeout = TimeSpan.FromSeconds(1) });

    /// <summary>
    /// What the first failing save reports: the immutable log refuses the commit's write (SQLITE_IOERR); a held write
    /// lock outlasts the busy timeout of the writer's open connection (SQLITE_BUSY). Later saves reopen the connection
    /// and may see a read-only file instead.
    /// </summary>
    private static int FirstError(UnwritableMethod method) => method == UnwritableMethod.Immutable ? 10 : 5;

    private UnwritableDatabase Unwritable(string path)
    {
        var unwritable = new UnwritableDatabase(path);
        _output.WriteLine($"{path} made unwritable: {unwritable.Method}");
        return unwritable;
    }
}
