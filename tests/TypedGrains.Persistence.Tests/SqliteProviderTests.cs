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

    public void Dispose() => _directory.Dispose();
}
