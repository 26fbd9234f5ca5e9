using System;
using System.Threading.Tasks;
using TypedGrains.Persistence.Sqlite;
using TypedGrains.Persistence.Tests.Grains;
using TypedGrains.Persistence.Tests.Support;
using TypedGrains.Runtime;
using Xunit;

namespace TypedGrains.Persistence.Tests;

/// <summary>A stop keeps every cast that was accepted: it drains the mailboxes and their saves before it returns.</summary>
public sealed class GracefulStopTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task A_thousand_casts_then_StopAsync_are_all_read_back_by_a_new_runtime_on_the_same_file()
    {
        var path = _directory.File("stop.db");
        await using (var storage = new SqliteGrainStateProvider(path))
        {
            var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage });
            var counter = grains.StoredCounter("drained");
            for (var i = 0; i < 1_000; i++)
            {
                counter.Increment();
            }

            await grains.StopAsync();
            Assert.Equal(0, grains.ActivationCount);
        }

        await using var reopened = new SqliteGrainStateProvider(path);
        using var restarted = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = reopened });
        Assert.Equal(1_000, await restarted.StoredCounter("drained").Get());
    }

    public void Dispose() => _directory.Dispose();
}
