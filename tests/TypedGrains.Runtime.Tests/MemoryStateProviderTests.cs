using System.Threading.Tasks;
using TypedGrains.Persistence;
using Xunit;

namespace TypedGrains.Runtime.Tests;

public sealed class MemoryStateProviderTests
{
    private static readonly GrainId Grain = new("tests.stored", GrainKey.From("one"));

    [Fact]
    public async Task Writes_compare_and_set_on_a_monotonic_etag()
    {
        var provider = new MemoryGrainStateProvider();

        Assert.Null(await provider.ReadAsync(Grain));
        var first = await provider.WriteAsync(Grain, "a", 0);
        var second = await provider.WriteAsync(Grain, "b", first);

        Assert.True(second > first);
        Assert.Equal(new StoredState("b", second), await provider.ReadAsync(Grain));
    }

    [Fact]
    public async Task A_stale_etag_is_a_conflict_and_changes_nothing()
    {
        var provider = new MemoryGrainStateProvider();
        var first = await provider.WriteAsync(Grain, "a", 0);
        await provider.WriteAsync(Grain, "b", first);

        var conflict = await Assert.ThrowsAsync<ETagConflictException>(async () => await provider.WriteAsync(Grain, "c", first));

        Assert.Equal(first, conflict.ExpectedETag);
        Assert.Equal("b", (await provider.ReadAsync(Grain))!.State);
        await Assert.ThrowsAsync<ETagConflictException>(async () => await provider.WriteAsync(Grain, "d", 0));
    }

    [Fact]
    public async Task Clear_keeps_the_etag_monotonic_so_an_old_writer_still_conflicts()
    {
        var provider = new MemoryGrainStateProvider();
        var first = await provider.WriteAsync(Grain, "a", 0);

        await provider.ClearAsync(Grain, first);
        var cleared = await provider.ReadAsync(Grain);

        Assert.Null(cleared!.State);
        Assert.True(cleared.ETag > first);
        await Assert.ThrowsAsync<ETagConflictException>(async () => await provider.WriteAsync(Grain, "stale", first));
        Assert.True(await provider.WriteAsync(Grain, "fresh", cleared.ETag) > cleared.ETag);
    }
}
