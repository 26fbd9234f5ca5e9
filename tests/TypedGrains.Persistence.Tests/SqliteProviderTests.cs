using System.IO;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using TypedGrains.Persistence.Sqlite;
using TypedGrains.Persistence.Tests.Support;
using Xunit;

namespace TypedGrains.Persistence.Tests;

/// <summary>What the SQLite provider adds to the conformance suite: the file, its folder and its journal mode.</summary>
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

    public void Dispose() => _directory.Dispose();
}
