using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using TypedGrains.Persistence.Sqlite;
using TypedGrains.Persistence.Tests.Support;
using Xunit;

namespace TypedGrains.Persistence.Tests;

/// <summary>What the SQLite provider adds to the conformance suite: the file, its folder, its journal mode and lock waits.</summary>
public sealed class SqliteProviderTests : System.IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task A_first_read_creates_the_missing_folder_and_the_file_is_in_wal_mode()
    {
        var path = Path.Combine(_directory.Path, "nested", "data", "grains.db");
        var grain = new GrainId("sqlite", GrainKey.From("first"));
        await using (var provider = new SqliteGrainStateProvider(path))
        {
            Assert.Null(await provider.ReadAsync(grain, BytesCodec.Instance));
            Assert.Equal(1, await provider.WriteAsync(grain, new byte[] { 7 }, BytesCodec.Instance, 0));
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task A_save_blocked_by_another_connections_write_lock_fails_after_the_busy_timeout_and_reads_go_on()
    {
        var path = _directory.File("locked.db");
        await using var provider = new SqliteGrainStateProvider(new SqliteGrainStateProviderOptions { DatabasePath = path, BusyTimeout = TimeSpan.FromSeconds(1) });
        var grain = new GrainId("sqlite", GrainKey.From("locked"));
        var etag = await provider.WriteAsync(grain, new byte[] { 1 }, BytesCodec.Instance, 0);

        using (var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            other.Open();
            using var lockHeld = other.BeginTransaction(deferred: false);
            var waited = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<SqliteException>(async () => await provider.WriteAsync(grain, new byte[] { 2 }, BytesCodec.Instance, etag));
            waited.Stop();

            Assert.Equal(5, error.SqliteErrorCode); // SQLITE_BUSY
            // Microsoft.Data.Sqlite's own retries would add up to its 30 s default command timeout.
            Assert.InRange(waited.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(15));
            Assert.Equal(etag, (await provider.ReadAsync(grain, BytesCodec.Instance))!.ETag);
        }

        Assert.Equal(etag + 1, await provider.WriteAsync(grain, new byte[] { 2 }, BytesCodec.Instance, etag));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(2000)]
    public async Task A_first_read_of_a_file_another_connection_holds_exclusively_fails_within_one_busy_timeout(int milliseconds)
    {
        var path = _directory.File($"exclusive-{milliseconds}.db");
        var timeout = TimeSpan.FromMilliseconds(milliseconds);
        await using var provider = new SqliteGrainStateProvider(new SqliteGrainStateProviderOptions { DatabasePath = path, BusyTimeout = timeout });
        using var other = Exclusive(path);

        var waited = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<SqliteException>(async () => await provider.ReadAsync(new GrainId("sqlite", GrainKey.From("x")), BytesCodec.Instance));
        waited.Stop();

        Assert.Equal(5, error.SqliteErrorCode); // SQLITE_BUSY
        // One wait for the whole read (at least a second: Microsoft.Data.Sqlite retries in whole seconds), where the
        // schema statements and the select each waited it in full before: 2 s became 4 s, 200 ms became 2.5 s.
        TimeSpan bound = (timeout > TimeSpan.FromSeconds(1) ? timeout : TimeSpan.FromSeconds(1)) + TimeSpan.FromSeconds(1.2);
        Assert.InRange(waited.Elapsed, timeout * 0.9, bound);
    }

    [Fact]
    public async Task A_read_waiting_on_an_exclusive_lock_succeeds_when_it_is_released_within_the_busy_timeout()
    {
        var path = _directory.File("released.db");
        await using var provider = new SqliteGrainStateProvider(new SqliteGrainStateProviderOptions { DatabasePath = path, BusyTimeout = TimeSpan.FromSeconds(30) });
        var other = Exclusive(path);
        var grain = new GrainId("sqlite", GrainKey.From("released"));

        var read = Task.Run(async () => await provider.ReadAsync(grain, BytesCodec.Instance));
        other.Dispose(); // rolls the exclusive transaction back, whether or not the read has started waiting

        Assert.Null(await read);
        Assert.Equal(1, await provider.WriteAsync(grain, new byte[] { 1 }, BytesCodec.Instance, 0));
    }

    // A connection that created the file (not yet in WAL mode) and holds it exclusively: nobody else can even read it.
    private static SqliteConnection Exclusive(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS other_data (a); INSERT INTO other_data VALUES (1);";
        command.ExecuteNonQuery();
        return connection;
    }

    public void Dispose() => _directory.Dispose();
}
