using TypedGrains.Persistence.Sqlite;
using TypedGrains.Persistence.Tests.Support;

namespace TypedGrains.Persistence.Tests.Conformance;

/// <summary>The conformance suite on SQLite: every provider of a test opens the same file, as separate processes would.</summary>
public sealed class SqliteProviderConformanceTests : ByteStoreConformance, System.IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override IGrainStateProvider CreateStoreProvider() => new SqliteGrainStateProvider(_directory.File("grains.db"));

    public void Dispose() => _directory.Dispose();
}
