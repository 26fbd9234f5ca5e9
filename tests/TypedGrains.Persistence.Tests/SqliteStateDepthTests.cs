using System.Threading.Tasks;
using TypedGrains.Persistence.Sqlite;
using TypedGrains.Persistence.Tests.Grains;
using TypedGrains.Persistence.Tests.Support;
using TypedGrains.Runtime;
using TypedGrains.Serialization;
using Xunit;

namespace TypedGrains.Persistence.Tests;

/// <summary>A state nested deeper than the serializer's limit fails its save, not the next load.</summary>
public sealed class SqliteStateDepthTests : System.IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task A_save_of_a_state_too_deep_to_read_back_fails_the_caller_and_leaves_the_stored_state_as_it_was()
    {
        var path = _directory.File("deep.db");
        await using var storage = new SqliteGrainStateProvider(path);
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage });
        var chain = grains.Chain("c");
        Assert.Equal(10, await chain.Grow(10));

        var failure = await Assert.ThrowsAsync<GrainStorageException>(async () => await chain.Grow(MessagePackReader.DefaultMaxDepth));

        var error = Assert.IsType<MessagePackSerializationException>(failure.InnerException);
        Assert.Contains("limit of 64", error.Message, System.StringComparison.Ordinal);
        Assert.False(grains.IsActive(chain.Id));
        Assert.Equal(10, await chain.Length());
        await using var reopened = new SqliteGrainStateProvider(path);
        using var restarted = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = reopened });
        Assert.Equal(10, await restarted.Chain("c").Length());
    }

    public void Dispose() => _directory.Dispose();
}
